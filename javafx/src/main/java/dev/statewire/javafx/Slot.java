package dev.statewire.javafx;

import dev.statewire.runtime.Observer;
import dev.statewire.runtime.Path;
import dev.statewire.runtime.Registration;
import java.util.function.Function;

/**
 * Everything an {@link FxStore} shows of one path: the store observation of that path (one per
 * path, whatever the number of views) and the views made for it, at most one of each {@link Kind}.
 * The FxStore keeps the slot (and so its views) until the path's entry is removed or the FxStore
 * is closed.
 */
final class Slot implements Observer<Object> {
  private final FxStore fx;
  /** The handle the slot was made with; writes of its views go to it. */
  final Path<?> path;
  private final View[] views = new View[Kind.ALL.length];
  /** The observation of {@link #path}; set right after construction. */
  private Registration registration;
  /** The last value the store reported (or read when the slot was made); null when absent. */
  private Object value;
  /** Whether the path's entry was removed (the store closed the registration then). */
  private boolean removed;

  Slot(FxStore fx, Path<?> path) {
    this.fx = fx;
    this.path = path;
  }

  /** Completes the slot with its observation and the path's current value. */
  void start(Registration registration, Object value) {
    this.registration = registration;
    this.value = value;
  }

  /** The view of kind {@code kind}, made by {@code make} (given the current value) on first use. */
  View view(Kind kind, Function<Object, View> make) {
    View v = views[kind.ordinal()];
    if (v == null) {
      v = make.apply(value);
      views[kind.ordinal()] = v;
    }
    return v;
  }

  /** Whether the path's entry was removed; the slot's views show null (or their default) then. */
  boolean isRemoved() {
    return removed;
  }

  @Override
  public void changed(Object before, Object after) {
    fx.checkThread("a reported change of", path);
    value = after;
    for (View v : views) {
      if (v != null) {
        v.update(after);
      }
    }
  }

  @Override
  public void removed(Object before) {
    fx.checkThread("a reported removal of", path);
    removed = true;
    fx.forget(this); // first: a listener below that asks for the path again must not get this slot
    changed(before, null);
    for (View v : views) {
      if (v != null) {
        v.release();
      }
    }
  }

  /** Closes the observation (unless the store already did) and releases the views. */
  void close() {
    if (registration != null && registration.isActive()) {
      registration.close();
    }
    for (View v : views) {
      if (v != null) {
        v.release();
      }
    }
  }
}
