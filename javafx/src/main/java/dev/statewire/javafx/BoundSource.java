package dev.statewire.javafx;

import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;

/**
 * The source of a property's {@code bind(...)}: a listener on it that writes its value to the
 * store each time it changes. Reading the value inside the listener validates the source again, so
 * that every later change is reported too.
 */
final class BoundSource {
  final ObservableValue<?> observable;
  private final InvalidationListener listener;

  /** Starts listening to {@code observable}; {@code push} writes its current value. */
  BoundSource(ObservableValue<?> observable, Runnable push) {
    this.observable = observable;
    this.listener = o -> push.run();
    observable.addListener(listener);
  }

  /** Stops listening. */
  void release() {
    observable.removeListener(listener);
  }
}
