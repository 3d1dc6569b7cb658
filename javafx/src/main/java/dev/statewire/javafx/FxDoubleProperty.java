package dev.statewire.javafx;

import dev.statewire.runtime.Path;
import java.util.Objects;
import javafx.beans.property.DoublePropertyBase;
import javafx.beans.value.ObservableValue;

/**
 * The {@link FxStore#doubleProperty} of a path: shows the committed value (0.0 while the path is null or
 * absent), writes {@link #set} to the store.
 */
final class FxDoubleProperty extends DoublePropertyBase implements View {
  private final FxStore fx;
  private final Path<Double> path;
  private double value;
  private BoundSource source;

  FxDoubleProperty(FxStore fx, Path<Double> path, Object initial) {
    this.fx = fx;
    this.path = path;
    this.value = of(initial);
  }

  private static double of(Object v) {
    return v == null ? 0.0 : ((Number) v).doubleValue();
  }

  @Override
  public double get() {
    return value;
  }

  @Override
  public void set(double newValue) {
    fx.checkThread("set " + path.path());
    if (source != null) {
      throw FxStore.boundValue(this);
    }
    fx.write(path, Double.valueOf(newValue));
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
    Runnable push = () -> fx.write(path, Double.valueOf(of(observable.getValue())));
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
    double v = of(committed);
    if (Double.compare(v, value) != 0) {
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
    return FxStore.describe("DoubleProperty", path, isBound(), value);
  }
}
