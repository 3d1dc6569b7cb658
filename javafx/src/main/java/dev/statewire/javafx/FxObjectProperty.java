package dev.statewire.javafx;

import dev.statewire.runtime.Path;
import java.util.Objects;
import javafx.beans.property.ObjectPropertyBase;
import javafx.beans.value.ObservableValue;

/**
 * The {@link FxStore#property} of a path: shows the committed value ({@code null} while the path is
 * null or absent), writes {@link #set} to the store.
 */
final class FxObjectProperty<T> extends ObjectPropertyBase<T> implements View {
  private final Link<T> link;
  private T value;

  FxObjectProperty(FxStore fx, Path<T> path, Object initial) {
    this.link = new Link<>(fx, path);
    this.value = cast(initial);
  }

  @SuppressWarnings("unchecked")
  private T cast(Object v) {
    return (T) v; // the store checked the value against the path's type
  }

  @Override
  public T get() {
    return value;
  }

  @Override
  public void set(T newValue) {
    link.set(newValue);
  }

  @Override
  public boolean isBound() {
    return link.isBound();
  }

  @Override
  public void bind(ObservableValue<? extends T> observable) {
    link.bind(observable, this::cast);
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
    T v = cast(committed);
    if (!Objects.equals(v, value)) {
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
    return link.describe("ObjectProperty", value);
  }
}
