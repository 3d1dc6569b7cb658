package dev.statewire.javafx;

import dev.statewire.runtime.Path;
import javafx.beans.property.DoublePropertyBase;
import javafx.beans.value.ObservableValue;

/**
 * The {@link FxStore#doubleProperty} of a path: shows the committed value ({@code 0.0} while the path is
 * null or absent), writes {@link
 * #set} to the store.
 */
final class FxDoubleProperty extends DoublePropertyBase implements View {
  private final Link<Double> link;
  private double value;

  FxDoubleProperty(FxStore fx, Path<Double> path, Object initial) {
    this.link = new Link<>(fx, path);
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
    link.set(newValue);
  }

  @Override
  public boolean isBound() {
    return link.isBound();
  }

  @Override
  public void bind(ObservableValue<? extends Number> observable) {
    link.bind(observable, FxDoubleProperty::of);
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
    double v = of(committed);
    if (Double.compare(v, value) != 0) {
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
    return link.describe("DoubleProperty", value);
  }
}
