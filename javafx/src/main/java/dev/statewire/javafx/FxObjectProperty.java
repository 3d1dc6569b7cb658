package dev.statewire.javafx;

import dev.statewire.runtime.Path;
import java.util.Objects;
import javafx.beans.property.ObjectPropertyBase;
import javafx.beans.value.ObservableValue;

/**
 * The {@link FxStore#property} of a path: shows the committed value, writes {@link #set} to the
 * store.
 */
final class FxObjectProperty<T> extends ObjectPropertyBase<T> implements View {
  private final FxStore fx;
  private final Path<T> path;
  private T value;
  private BoundSource source;

  FxObjectProperty(FxStore fx, Path<T> path, Object initial) {
    this.fx = fx;
    this.path = path;
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
    fx.checkThread("set " + path.path());
    if (source != null) {
      throw FxStore.boundValue(this);
    }
    fx.write(path, newValue);
  }

  @Override
  public boolean isBound() {
    return source != null;
  }

  @Override
  public void bind(ObservableValue<? extends T> observable) {
    fx.checkThread("bind " + path.path());
    Objects.requireNonNull(observable, "Cannot bind to null");
    if (source != null && source.observable == observable) {
      return;
    }
    unbind();
    Runnable push = () -> fx.write(path, observable.getValue());
    source = new BoundSource(observable, push);
    push.run();
  }

  @Override
  public void unbind() {
    fx.checkThread("unbind " + path.path());
    release();
  }

  @Override
  public void release() {
    if (source != null) {
      source.release();
      source = null;
    }
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
    return fx;
  }

  @Override
  public String getName() {
    return path.path();
  }

  @Override
  public String toString() {
    return FxStore.describe("ObjectProperty", path, isBound(), value);
  }
}
