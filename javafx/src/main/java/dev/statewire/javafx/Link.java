package dev.statewire.javafx;

import dev.statewire.runtime.Path;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;

/**
 * The store side of one FxStore property, the same for every property type: the path it shows,
 * writing a value to the store, and the source of a {@code bind(...)}. A property delegates to its
 * link everything but its value, whose type differs (JavaFX has one base class per type).
 *
 * @param <T> the path's value type
 */
final class Link<T> {
  private final FxStore fx;
  private final Path<T> path;
  /** The observable this property is bound to, or null. */
  private ObservableValue<?> source;
  /** The listener on {@link #source} that writes its value to the store. */
  private InvalidationListener push;

  Link(FxStore fx, Path<T> path) {
    this.fx = fx;
    this.path = path;
  }

  /** Writes {@code value} to the store (the property shows it once the store commits it). */
  void set(T value) {
    fx.checkThread("set", path);
    if (source != null) {
      // JavaFX's own message for a set on a bound property
      throw new RuntimeException(name() + " : A bound value cannot be set.");
    }
    fx.write(path, value);
  }

  boolean isBound() {
    return source != null;
  }

  /**
   * Makes the store follow {@code observable}: writes its value, {@code convert}ed to the path's
   * type, now and each time it changes. Reading the value in the listener validates the source
   * again, so that every later change is reported too.
   */
  void bind(ObservableValue<?> observable, Function<Object, T> convert) {
    fx.checkThread("bind", path);
    Objects.requireNonNull(observable, "Cannot bind to null");
    if (source == observable) {
      return;
    }
    release();
    source = observable;
    push = o -> fx.write(path, convert.apply(observable.getValue()));
    observable.addListener(push);
    push.invalidated(observable);
  }

  void unbind() {
    fx.checkThread("unbind", path);
    release();
  }

  /** Stops following the source of a {@code bind}, if any; idempotent. */
  void release() {
    if (source != null) {
      source.removeListener(push);
      source = null;
      push = null;
    }
  }

  /** The property's bean: the FxStore. */
  Object bean() {
    return fx;
  }

  /** The property's name: its path. */
  String name() {
    return path.path();
  }

  /** A property's {@code toString}: its type, path, whether bound, and value. */
  String describe(String type, Object value) {
    return type + " [path: " + (path.path().isEmpty() ? "<root>" : path.path())
        + (isBound() ? ", bound" : "") + ", value: " + value + "]";
  }
}
