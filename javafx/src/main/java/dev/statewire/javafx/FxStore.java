package dev.statewire.javafx;

import dev.statewire.runtime.Batch;
import dev.statewire.runtime.Path;
import dev.statewire.runtime.Registration;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.UnknownPathException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The JavaFX face of a statewire {@link Store}: properties and observable map and list views of
 * its paths, for binding controls to the store.
 *
 * <pre>{@code
 * FxStore fx = FxStore.of(ticketStore.store());          // on the JavaFX application thread
 * cityField.textProperty().bindBidirectional(fx.stringProperty(OrderTicketPaths.SHIPPING_CITY));
 * buyBox.selectedProperty().bindBidirectional(fx.booleanProperty(OrderTicketPaths.IS_BUY));
 * ObservableMap<String, LineItem> lines = fx.map(OrderTicketPaths.LINES);  // read-only
 * }</pre>
 *
 * <h2>Update timing</h2>
 *
 * A property shows the store's committed value of its path, and nothing else. Setting it writes
 * the store ({@code store.set(path, value)}, one batch); the property's value changes only when
 * the store reports the committed value after the batch (through {@link Store#observe}). So a
 * property changes at most once per batch, after the batch has committed, however its path
 * changed (written directly, or through sync, flip, an aggregation or a listener's output), and
 * never shows a value the pipeline computed on the way. A write made directly to the store ({@link
 * #store()}) updates the properties the same way. A map or list view takes over each new value
 * once per batch as well. The store tells the paths one after another, so while a listener of one
 * property runs, a property whose turn has not come yet still shows its old value (the store
 * already holds the new one). A write made from such a listener runs as a new batch once every
 * path has been told (the store defers it), before the outer {@code set} returns.
 *
 * <h2>Errors</h2>
 *
 * A write the store refuses (a {@link dev.statewire.runtime.ValueTypeException}, a failing
 * listener, a removed entry's path ...) changes neither the store nor the property; the exception
 * goes to the {@linkplain #setErrorHandler error handler} instead of the caller, because the
 * caller is usually a binding or a control. A control bound bidirectionally keeps showing the
 * refused value until the path next changes: JavaFX's binding ignores the property while it
 * writes it. A write made from a property listener while the store notifies is deferred by the
 * store, which reports its refusal itself, to the thread's uncaught exception handler (the
 * default error handler too). Programming errors are thrown at once: a call from the wrong
 * thread or after {@link #close()} ({@link IllegalStateException}), an unknown path.
 *
 * <h2>Threads</h2>
 *
 * An FxStore is confined to the thread that created it: the JavaFX application thread in an
 * application. A call from another thread throws {@link IllegalStateException} naming both
 * threads: every method that makes a property or view, {@link #batch}, {@link #setErrorHandler},
 * {@link #close()}, and every property write ({@code set}, {@code bind}, {@code unbind}). So does
 * the notification of a write that another thread made to the store: the store reports it to
 * that thread's uncaught exception handler, and the properties do not change (until the next
 * change on the FX thread). Write to the store from the FX thread, e.g. with {@code
 * Platform.runLater(...)}. Reads (a property's value, a view's content, {@link #store()}, {@link
 * #isClosed()}) are not checked, but like any JavaFX object they belong to the FX thread too.
 *
 * <h2>Lifetime</h2>
 *
 * The FxStore holds its properties and views strongly, so a control bound to one (JavaFX binds
 * with weak references) keeps working however long the caller holds the property: asking again
 * for the same path returns the same object. The store holds the FxStore through its
 * observations until {@link #close()}, which removes every observation and unbinds every {@code
 * bind}; a property of a map or list entry is dropped when the entry is removed.
 */
public final class FxStore implements AutoCloseable {
  /** The handler used until {@link #setErrorHandler} is called: the uncaught exception handler. */
  private static final Consumer<RuntimeException> UNCAUGHT =
      e -> {
        Thread t = Thread.currentThread();
        t.getUncaughtExceptionHandler().uncaughtException(t, e);
      };

  private final Store store;
  private final Thread thread;
  /** The slot of each path shown, by path ID; a removed entry's slot leaves with its removal. */
  private final Map<Integer, Slot> slots = new HashMap<>();
  private Consumer<? super RuntimeException> errorHandler = UNCAUGHT;
  /** The writes of the running {@link #batch}, or null outside one. */
  private List<Write> pending;
  private boolean closed;

  private FxStore(Store store) {
    this.store = store;
    this.thread = Thread.currentThread();
  }

  /**
   * Makes the JavaFX binding of {@code store}, confined to the calling thread (call it on the
   * JavaFX application thread). For a generated store, pass its {@code store()}.
   *
   * @param store the store to show
   * @return a new FxStore with no property yet
   * @throws NullPointerException if {@code store} is null
   */
  public static FxStore of(Store store) {
    return new FxStore(Objects.requireNonNull(store, "store"));
  }

  /**
   * The store this FxStore shows. Writes made to it directly (on this FxStore's thread) update the
   * properties and views as their own writes do.
   *
   * @return the store
   */
  public Store store() {
    return store;
  }

  /**
   * The thread this FxStore is confined to: the one that created it.
   *
   * @return the owner thread
   */
  public Thread thread() {
    return thread;
  }

  // ---- properties ------------------------------------------------------------------------------

  /**
   * The property of {@code path}: its value is the path's committed value ({@code null} while the
   * path is null or absent), and {@link Property#setValue setting} it writes the store (see the
   * class comment for timing and errors). Works for every path, leaves and nodes (a record, a
   * whole map or list) alike.
   *
   * <p>{@code bind(observable)} makes the store follow {@code observable}: its value is written
   * now and each time it changes, and the property still shows the committed value. {@code
   * bindBidirectional} is JavaFX's own; call it on the control's property
   * ({@code field.valueProperty().bindBidirectional(fx.property(path))}) so that the control
   * takes the store's value first, not the other way round.
   *
   * @param path a concrete path of the store (for a map or list entry, a generated view's handle
   *     such as {@code ticket.lines().get("pad").selectedPath()}, or {@link Store#pathIn})
   * @param <T> the path's value type
   * @return the path's property; the same object each time for the same path
   * @throws UnknownPathException if {@code path} is not a live path of the store (a removed
   *     entry's, or a template path such as {@code lines.*.qty})
   * @throws IllegalStateException if called from another thread or after {@link #close()}
   */
  @SuppressWarnings("unchecked")
  public <T> ObjectProperty<T> property(Path<T> path) {
    Slot s = slot(path, "property");
    return (ObjectProperty<T>)
        s.view(Kind.OBJECT, v -> new FxObjectProperty<>(this, (Path<T>) s.path, v));
  }

  /**
   * The property of a {@code String} path, as {@link #property} but typed for {@code
   * textProperty().bindBidirectional(...)}; {@code null} while the path is null or absent.
   *
   * @param path a concrete {@code String} path of the store
   * @return the path's string property; the same object each time for the same path
   * @throws UnknownPathException if {@code path} is not a live path of the store
   * @throws IllegalStateException if called from another thread or after {@link #close()}
   */
  @SuppressWarnings("unchecked")
  public StringProperty stringProperty(Path<String> path) {
    Slot s = slot(path, "stringProperty");
    return (StringProperty)
        s.view(Kind.STRING, v -> new FxStringProperty(this, (Path<String>) s.path, v));
  }

  /**
   * The property of a {@code boolean} or {@code Boolean} path, as {@link #property}. It shows
   * {@code false} while the path is null or absent (an aggregation target whose sources
   * disagree, say); use {@link #property} to tell null from false.
   *
   * @param path a concrete boolean path of the store
   * @return the path's boolean property; the same object each time for the same path
   * @throws UnknownPathException if {@code path} is not a live path of the store
   * @throws IllegalStateException if called from another thread or after {@link #close()}
   */
  @SuppressWarnings("unchecked")
  public BooleanProperty booleanProperty(Path<Boolean> path) {
    Slot s = slot(path, "booleanProperty");
    return (BooleanProperty)
        s.view(Kind.BOOLEAN, v -> new FxBooleanProperty(this, (Path<Boolean>) s.path, v));
  }

  /**
   * The property of an {@code int} or {@code Integer} path, as {@link #property}. It shows {@code
   * 0} while the path is null or absent; use {@link #property} to tell null from 0.
   *
   * @param path a concrete int path of the store
   * @return the path's integer property; the same object each time for the same path
   * @throws UnknownPathException if {@code path} is not a live path of the store
   * @throws IllegalStateException if called from another thread or after {@link #close()}
   */
  @SuppressWarnings("unchecked")
  public IntegerProperty intProperty(Path<Integer> path) {
    Slot s = slot(path, "intProperty");
    return (IntegerProperty)
        s.view(Kind.INT, v -> new FxIntegerProperty(this, (Path<Integer>) s.path, v));
  }

  /**
   * The property of a {@code long} or {@code Long} path, as {@link #property}. It shows {@code 0}
   * while the path is null or absent; use {@link #property} to tell null from 0.
   *
   * @param path a concrete long path of the store
   * @return the path's long property; the same object each time for the same path
   * @throws UnknownPathException if {@code path} is not a live path of the store
   * @throws IllegalStateException if called from another thread or after {@link #close()}
   */
  @SuppressWarnings("unchecked")
  public LongProperty longProperty(Path<Long> path) {
    Slot s = slot(path, "longProperty");
    return (LongProperty) s.view(Kind.LONG, v -> new FxLongProperty(this, (Path<Long>) s.path, v));
  }

  /**
   * The property of a {@code double} or {@code Double} path, as {@link #property}. It shows {@code
   * 0.0} while the path is null or absent; use {@link #property} to tell null from 0.
   *
   * @param path a concrete double path of the store
   * @return the path's double property; the same object each time for the same path
   * @throws UnknownPathException if {@code path} is not a live path of the store
   * @throws IllegalStateException if called from another thread or after {@link #close()}
   */
  @SuppressWarnings("unchecked")
  public DoubleProperty doubleProperty(Path<Double> path) {
    Slot s = slot(path, "doubleProperty");
    return (DoubleProperty)
        s.view(Kind.DOUBLE, v -> new FxDoubleProperty(this, (Path<Double>) s.path, v));
  }

  // ---- map and list views ----------------------------------------------------------------------

  /**
   * A read-only observable view of the map at {@code path}: empty while the map is null or
   * absent, in the store's key order. Once per batch that changes the map, it takes over the
   * difference: keys that are gone are removed and new or changed keys are put, so a {@link
   * javafx.collections.MapChangeListener} hears one change per key that changed. Writes through
   * the view throw {@link UnsupportedOperationException}; write the store instead.
   *
   * @param path a concrete map path of the store
   * @param <V> the map's value type
   * @return the map's view; the same object each time for the same path
   * @throws UnknownPathException if {@code path} is not a live path of the store
   * @throws IllegalStateException if called from another thread or after {@link #close()}
   */
  @SuppressWarnings("unchecked")
  public <V> ObservableMap<String, V> map(Path<Map<String, V>> path) {
    Slot s = slot(path, "map");
    return ((FxMapView<V>) s.view(Kind.MAP, FxMapView::new)).readOnly();
  }

  /**
   * A read-only observable view of the list at {@code path}: empty while the list is null or
   * absent. Once per batch that changes the list, it reports one {@link
   * javafx.collections.ListChangeListener.Change}: elements equal at both ends stay, and the part
   * between becomes an add, a remove, a replace, or, where the length stays, a set of each index
   * that differs. Writes through the view throw {@link UnsupportedOperationException}; write the
   * store instead.
   *
   * @param path a concrete list path of the store
   * @param <V> the list's element type
   * @return the list's view; the same object each time for the same path
   * @throws UnknownPathException if {@code path} is not a live path of the store
   * @throws IllegalStateException if called from another thread or after {@link #close()}
   */
  @SuppressWarnings("unchecked")
  public <V> ObservableList<V> list(Path<List<V>> path) {
    Slot s = slot(path, "list");
    return ((FxListView<V>) s.view(Kind.LIST, FxListView::new)).readOnly();
  }

  // ---- batches ---------------------------------------------------------------------------------

  /**
   * Runs {@code edit} and writes every property set inside it as one store batch: one pipeline
   * run, applied all or nothing, after which each property whose path changed is notified once.
   *
   * <p>Inside {@code edit} a property still reads the committed value: a value set there shows
   * only after the batch has applied (when {@code batch} returns). Writes made directly to the
   * {@link #store()} inside {@code edit} are not part of the batch; they apply at once. A {@code
   * batch} called inside another joins it; if the inner {@code edit} throws, its own writes are
   * dropped and the exception goes on to the outer one.
   *
   * <p>If the store refuses the batch, nothing of it is applied, and the exception goes to the
   * {@linkplain #setErrorHandler error handler}. If {@code edit} throws, nothing of it is written
   * and the exception is thrown on to the caller.
   *
   * @param edit the property writes to make together
   * @throws NullPointerException if {@code edit} is null
   * @throws IllegalStateException if called from another thread or after {@link #close()}
   */
  public void batch(Runnable edit) {
    Objects.requireNonNull(edit, "edit");
    checkThread("batch");
    checkOpen();
    if (pending != null) {
      int mark = pending.size();
      boolean done = false;
      try {
        edit.run();
        done = true;
      } finally {
        if (!done) {
          pending.subList(mark, pending.size()).clear();
        }
      }
      return;
    }
    List<Write> writes = new ArrayList<>();
    pending = writes;
    try {
      edit.run();
    } finally {
      pending = null;
    }
    if (writes.isEmpty()) {
      return;
    }
    checkOpen(); // edit may have closed this FxStore
    try {
      Batch b = store.batch();
      for (Write w : writes) {
        w.addTo(b);
      }
      b.apply();
    } catch (RuntimeException e) {
      errorHandler.accept(e);
    }
  }

  // ---- errors ----------------------------------------------------------------------------------

  /**
   * Sets where the exceptions of refused writes go: a write through a property, or a {@link
   * #batch}. The handler runs on this FxStore's thread, at the moment of the write (inside the
   * {@code set} call). A handler that throws lets its exception through to the writer.
   *
   * @param handler the new handler, or {@code null} for the default: the current thread's {@link
   *     Thread.UncaughtExceptionHandler}
   * @throws IllegalStateException if called from another thread
   */
  public void setErrorHandler(Consumer<? super RuntimeException> handler) {
    checkThread("setErrorHandler");
    errorHandler = handler == null ? UNCAUGHT : handler;
  }

  /**
   * The handler of refused writes (see {@link #setErrorHandler}).
   *
   * @return the handler in use, the default one included
   */
  public Consumer<? super RuntimeException> getErrorHandler() {
    return errorHandler;
  }

  // ---- lifetime --------------------------------------------------------------------------------

  /**
   * Whether {@link #close()} was called.
   *
   * @return true once closed
   */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Removes every store observation this FxStore made and unbinds every property bound with
   * {@code bind}, then forgets its properties and views. They keep their last value and are no
   * longer updated; writing one throws {@link IllegalStateException}, and so does every method of
   * this FxStore but {@code close}, {@link #isClosed}, {@link #store()}, {@link #thread()} and
   * {@link #getErrorHandler()}. Closing again does nothing.
   *
   * @throws IllegalStateException if called from another thread
   */
  @Override
  public void close() {
    checkThread("close");
    if (closed) {
      return;
    }
    closed = true;
    List<Slot> all = new ArrayList<>(slots.values());
    slots.clear();
    RuntimeException failure = null;
    for (Slot s : all) {
      try {
        s.close();
      } catch (RuntimeException e) { // close them all, then report the first failure
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Number of paths this FxStore shows now (for tests: a removed entry's path leaves). */
  int pathCount() {
    return slots.size();
  }

  @Override
  public String toString() {
    return "FxStore[" + store + ", thread \"" + thread.getName() + "\", " + slots.size() + " paths"
        + (closed ? ", closed" : "") + "]";
  }

  // ---- for the views ---------------------------------------------------------------------------

  /** The slot of {@code path}, made (with its store observation) on first use. */
  private Slot slot(Path<?> path, String method) {
    checkThread(method);
    checkOpen();
    Objects.requireNonNull(path, "path");
    Slot s = slots.get(path.id());
    if (s != null) {
      if (!s.path.equals(path)) {
        // another handle on the same ID: a slot is dropped when its entry is removed, so the
        // cached one is live, and the handle names the same path unless it is a stale one
        checkLive(path);
      }
      return s;
    }
    s = new Slot(this, path);
    Registration r = store.observe(path, s); // checks the handle, refuses template paths
    Object v;
    try {
      v = store.get(path); // null when absent
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
    s.start(r, v);
    slots.put(path.id(), s);
    return s;
  }

  /** Throws UnknownPathException if {@code path} is a handle on an entry that was removed. */
  private void checkLive(Path<?> path) {
    if (!store.isLive(path)) {
      store.get(path); // throws, naming the removed entry
    }
  }

  /** Drops a slot whose entry was removed (the store closed its observation). */
  void forget(Slot s) {
    slots.remove(s.path.id(), s);
  }

  /**
   * Writes {@code value} to {@code path}: into the running batch, else as a batch of one. The
   * caller has checked the thread.
   */
  @SuppressWarnings("unchecked")
  void write(Path<?> path, Object value) {
    checkOpen();
    if (pending != null) {
      pending.add(new Write(path, value));
      return;
    }
    try {
      store.set((Path<Object>) path, value); // the store checks the value against the path's type
    } catch (RuntimeException e) {
      errorHandler.accept(e);
    }
  }

  /** Throws unless called on the owner thread; {@code action} says what was called. */
  void checkThread(String action) {
    if (Thread.currentThread() != thread) {
      throw wrongThread(action);
    }
  }

  /**
   * As {@link #checkThread(String)} for {@code what} done to {@code path} ("set", "bind" ...):
   * the message is built only when the check fails, since property writes and store
   * notifications call this on every change.
   */
  void checkThread(String what, Path<?> path) {
    if (Thread.currentThread() != thread) {
      throw wrongThread(what + " \"" + path.path() + "\"");
    }
  }

  private IllegalStateException wrongThread(String action) {
    return new IllegalStateException(
        action + " on thread \"" + Thread.currentThread().getName() + "\", but this FxStore is"
            + " confined to thread \"" + thread.getName() + "\", which created it. Use the FxStore"
            + " and write to its store from that thread only: from another thread, hand the work"
            + " over, e.g. with Platform.runLater(...)");
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this FxStore is closed; its properties no longer write the"
          + " store. Make a new one with FxStore.of(store)");
    }
  }

  /** One write of a batch. */
  private record Write(Path<?> path, Object value) {
    @SuppressWarnings("unchecked")
    void addTo(Batch b) {
      b.set((Path<Object>) path, value); // the store checks the value against the path's type
    }
  }
}
