package dev.statewire.javafx;

import dev.statewire.runtime.Path;
import javafx.beans.property.IntegerPropertyBase;
import javafx.beans.value.ObservableValue;

/**
 * The {@link FxStore#intProperty} of a path: shows the committed value ({@code 0} while the path is
 * null or absent), writes {@link
 * #set} to the store.
 */
final class FxIntegerProperty extends IntegerPropertyBase implements View {
  private final Link<Integer> link;
  private int value;

  FxIntegerProperty(FxStore fx, Path<Integer> path, Object initial) {
    this.link = new Link<>(fx, path);
    this.value = of(initial);
  }

  private static int of(Object v) {
    return v == null ? 0 : ((Number) v).intValue();
  }

  @Override
  public int get() {
    return value;
  }

  @Override
  public void set(int newValue) {
    link.set(newValue);
  }

  @Override
  public boolean isBound() {
    return link.isBound();
  }

  @Override
  public void bind(ObservableValue<? extends Number> observable) {
    link.bind(observable, FxIntegerProperty::of);
  }

  @Override
  public void unbind() {
    link.unbind();
  }

  @Override
  public void release() {
    link.release();
  }

  @Override
  public void update(Object committed) {
    int v = of(committed);
    if (v != value) {
      value = v;
      fireValueChangedEvent();
    }
  }

  @Override
  public Object getBean() {
    return link.bean();
  }

  @Override
  public String getName() {
    return link.name();
  }

  @Override
  public String toString() {
    return link.describe("IntegerProperty", value);
  }
}
