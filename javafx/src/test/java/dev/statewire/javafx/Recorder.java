package dev.statewire.javafx;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/** Records the new value of every change event of the observables it is added to. */
final class Recorder<T> implements ChangeListener<T> {
  final List<T> values = new ArrayList<>();

  /** A recorder added to {@code observable}. */
  static <T> Recorder<T> on(ObservableValue<T> observable) {
    Recorder<T> r = new Recorder<>();
    observable.addListener(r);
    return r;
  }

  @Override
  public void changed(ObservableValue<? extends T> observable, T before, T after) {
    values.add(after);
  }
}
