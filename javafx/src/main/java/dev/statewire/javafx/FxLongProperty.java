package dev.statewire.javafx;

import dev.statewire.runtime.Path;
import javafx.beans.property.LongPropertyBase;
import javafx.beans.value.ObservableValue;

/**
 * The {@link FxStore#longProperty} of a path: shows the committed value ({@code 0} while the path is
 * null or absent), writes {@link
 * #set} to the store.
 */
final class FxLongProperty extends LongPropertyBase implements View {
  private final Link<Long> link;
  private long value;

  FxLongProperty(FxStore fx, Path<Long> path, Object initial) {
    this.link = new Link<>(fx, path);
    this.value = of(initial);
  }

  private static long of(Object v) {
    return v == null ? 0L : ((Number) v).longValue();
  }

  @Override
  public long get() {
    return value;
  }

  @Override
  public void set(long newValue) {
    link.set(newValue);
  }

  @Override
  public boolean isBound() {
    return link.isBound();
  }

  @Override
  public void bind(ObservableValue<? extends Number> observable) {
    link.bind(observable, FxLongProperty::of);
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
    long v = of(committed);
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
    return link.describe("LongProperty", value);
  }
}
