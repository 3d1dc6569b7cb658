package dev.statewire.javafx;

import dev.statewire.runtime.Path;
import javafx.beans.property.BooleanPropertyBase;
import javafx.beans.value.ObservableValue;

/**
 * The {@link FxStore#booleanProperty} of a path: shows the committed value ({@code false} while the path
 * is null or absent), writes {@link
 * #set} to the store.
 */
final class FxBooleanProperty extends BooleanPropertyBase implements View {
  private final Link<Boolean> link;
  private boolean value;

  FxBooleanProperty(FxStore fx, Path<Boolean> path, Object initial) {
    this.link = new Link<>(fx, path);
    this.value = of(initial);
  }

  private static boolean of(Object v) {
    return v != null && (Boolean) v;
  }

  @Override
  public boolean get() {
    return value;
  }

  @Override
  public void set(boolean newValue) {
    link.set(newValue);
  }

  @Override
  public boolean isBound() {
    return link.isBound();
  }

  @Override
  public void bind(ObservableValue<? extends Boolean> observable) {
    link.bind(observable, FxBooleanProperty::of);
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
    boolean v = of(committed);
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
    return link.describe("BooleanProperty", value);
  }
}
