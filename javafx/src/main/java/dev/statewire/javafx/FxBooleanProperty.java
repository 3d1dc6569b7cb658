package dev.statewire.javafx;

import dev.statewire.runtime.Path;
import java.util.Objects;
import javafx.beans.property.BooleanPropertyBase;
import javafx.beans.value.ObservableValue;

/**
 * The {@link FxStore#booleanProperty} of a path: shows the committed value (false while the path is null or
 * absent), writes {@link #set} to the store.
 */
final class FxBooleanProperty extends BooleanPropertyBase implements View {
  private final FxStore fx;
  private final Path<Boolean> path;
  private boolean value;
  private BoundSource source;

  FxBooleanProperty(FxStore fx, Path<Boolean> path, Object initial) {
    this.fx = fx;
    this.path = path;
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
    fx.checkThread("set " + path.path());
    if (source != null) {
      throw FxStore.boundValue(this);
    }
    fx.write(path, Boolean.valueOf(newValue));
  }

  @Override
  public boolean isBound() {
    return source != null;
  }

  @Override
  public void bind(ObservableValue<? extends Boolean> observable) {
    fx.checkThread("bind " + path.path());
    Objects.requireNonNull(observable, "Cannot bind to null");
    if (source != null && source.observable == observable) {
      return;
    }
    unbind();
    Runnable push = () -> fx.write(path, Boolean.valueOf(of(observable.getValue())));
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
    boolean v = of(committed);
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
    return FxStore.describe("BooleanProperty", path, isBound(), value);
  }
}
