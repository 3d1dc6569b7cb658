package dev.statewire.javafx;

import dev.statewire.runtime.Path;
import java.util.Objects;
import javafx.beans.property.StringPropertyBase;
import javafx.beans.value.ObservableValue;

/**
 * The {@link FxStore#stringProperty} of a path: shows the committed value ({@code null} while the path
 * is null or absent), writes {@link
 * #set} to the store.
 */
final class FxStringProperty extends StringPropertyBase implements View {
  private final Link<String> link;
  private String value;

  FxStringProperty(FxStore fx, Path<String> path, Object initial) {
    this.link = new Link<>(fx, path);
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
    link.set(newValue);
  }

  @Override
  public boolean isBound() {
    return link.isBound();
  }

  @Override
  public void bind(ObservableValue<? extends String> observable) {
    link.bind(observable, FxStringProperty::of);
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
    String v = of(committed);
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
    return link.describe("StringProperty", value);
  }
}
