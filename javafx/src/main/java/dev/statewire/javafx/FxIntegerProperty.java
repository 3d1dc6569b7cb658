package dev.statewire.javafx;

import dev.statewire.runtime.Path;
import java.util.Objects;
import javafx.beans.property.IntegerPropertyBase;
import javafx.beans.value.ObservableValue;

/**
 * The {@link FxStore#intProperty} of a path: shows the committed value (0 while the path is null or
 * absent), writes {@link #set} to the store.
 */
final class FxIntegerProperty extends IntegerPropertyBase implements View {
  private final FxStore fx;
  private final Path<Integer> path;
  private int value;
  private BoundSource source;

  FxIntegerProperty(FxStore fx, Path<Integer> path, Object initial) {
    this.fx = fx;
    this.path = path;
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
    fx.checkThread("set " + path.path());
    if (source != null) {
      throw FxStore.boundValue(this);
    }
    fx.write(path, Integer.valueOf(newValue));
  }

  @Override
  public boolean isBound() {
    return source != null;
  }

  @Override
  public void bind(ObservableValue<? extends Number> observable) {
    fx.checkThread("bind " + path.path());
    Objects.requireNonNull(observable, "Cannot bind to null");
    if (source != null && source.observable == observable) {
      return;
    }
    unbind();
    Runnable push = () -> fx.write(path, Integer.valueOf(of(observable.getValue())));
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
    int v = of(committed);
    if (v != value) {
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
    return FxStore.describe("IntegerProperty", path, isBound(), value);
  }
}
