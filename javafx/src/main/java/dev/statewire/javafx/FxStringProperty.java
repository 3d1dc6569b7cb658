package dev.statewire.javafx;

import dev.statewire.runtime.Path;
import java.util.Objects;
import javafx.beans.property.StringPropertyBase;
import javafx.beans.value.ObservableValue;

/**
 * The {@link FxStore#stringProperty} of a path: shows the committed value
 * (null while the path is null or absent), writes {@link #set} to the store.
 */
final class FxStringProperty extends StringPropertyBase implements View {
  private final FxStore fx;
  private final Path<String> path;
  private String value;
  private BoundSource source;

  FxStringProperty(FxStore fx, Path<String> path, Object initial) {
    this.fx = fx;
    this.path = path;
    this.value = of(initial);
  }

  private static String of(Object v) {
    return (String) v;
  }

  @Override
  public String get() {
    return value;
  }

  @Override
  public void set(String newValue) {
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
  public void bind(ObservableValue<? extends String> observable) {
    fx.checkThread("bind " + path.path());
    Objects.requireNonNull(observable, "Cannot bind to null");
    if (source != null && source.observable == observable) {
      return;
    }
    unbind();
    Runnable push = () -> fx.write(path, of(observable.getValue()));
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
    String v = of(committed);
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
    return FxStore.describe("StringProperty", path, isBound(), value);
  }
}
