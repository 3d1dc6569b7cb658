package dev.statewire.runtime;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A state store over one {@link Schema}: the shadow state of every path, the runtime wiring and
 * the listeners, and the pipeline that applies batches (docs/PIPELINE.md). Generated {@code XStore}
 * classes wrap one and add typed accessors; everything here is also usable directly with path
 * IDs, typed {@link Path} handles or dot strings.
 *
 * <p>A store is single-writer: a write from a second thread while a batch runs throws
 * {@link ConcurrentWriteException}. {@link #snapshot()} returns an immutable value that is safe to
 * share.
 */
public final class Store {
  /** The value of an absent path (below a null node, a missing entry), distinct from null. */
  public static final Object ABSENT =
      new Object() {
        @Override
        public String toString() {
          return "<absent>";
        }
      };

  private final Engine engine;
  /** The schema this store was made from. */
  private final Schema schema;
  /** Made by the first {@link #wiring()} call: a store never wired has none (16 B less). */
  private Wiring wiring;

  private Store(Schema schema, Engine engine) {
    this.schema = schema;
    this.engine = engine;
  }

  /**
   * Creates a store holding {@code initial} (a value of the schema's root type), with the schema's
   * static wiring in place: sync edges, their alignment (each sync group takes its most common
   * present value), flip edges, then aggregation targets read.
   */
  public static Store create(Schema schema, Object initial) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(initial, "initial");
    Engine engine = new Engine(schema.tables());
    Store store = new Store(schema, engine);
    engine.init(initial);
    return store;
  }

  /**
   * Creates a store from flat {@code (path ID, value)} pairs: every path starts absent, then each
   * value is written in order (ancestors become present), then the static wiring is set up as in
   * {@link #create(Schema, Object)}. Useful for states assembled field by field; paths never
   * written stay absent (a record with an absent primitive component reads as absent:
   * {@code null} where it is a component of a snapshot, {@link #ABSENT} at the root).
   */
  public static Store fromValues(Schema schema, int[] pathIds, Object[] values) {
    Objects.requireNonNull(schema, "schema");
    Engine engine = new Engine(schema.tables());
    Store store = new Store(schema, engine);
    engine.initFlat(pathIds.clone(), values.clone());
    return store;
  }

  /** The engine behind this store (for the runtime's own tests and classes). */
  Engine engine() {
    return engine;
  }

  /** The schema of this store. */
  public Schema schema() {
    return schema;
  }

  // ---- paths ---------------------------------------------------------------------------------

  /**
   * The path ID of a dot path ({@code "shipping.zip"}, {@code "items.k1.qty"}, {@code ""} for the
   * root).
   *
   * @throws UnknownPathException if no such path exists now
   */
  public int resolve(String path) {
    return engine.paths.resolve(path);
  }

  /** A typed handle on a dot path, checked against {@code type}. */
  public <T> Path<T> path(String path, Class<T> type) {
    return engine.typedPath(engine.paths.resolve(path), type);
  }

  /** A typed handle on a path ID (static or an entry of this store), checked against {@code type}. */
  public <T> Path<T> path(int pathId, Class<T> type) {
    return engine.typedPath(pathId, type);
  }

  /**
   * The dot string of a path ID. For the ID of a removed entry: its former path while the store
   * still knows it, else {@code "<removed entry, path ID n>"} (for messages and {@code toString}).
   *
   * @throws UnknownPathException if {@code pathId} was never a path ID of this store
   */
  public String pathOf(int pathId) {
    return engine.paths.pathOf(pathId);
  }

  /** The kind of a path ID. */
  public PathKind kindOf(int pathId) {
    return engine.paths.kindOf(pathId);
  }

  /**
   * The ID of entry {@code key} of the map at {@code mapId}.
   *
   * @throws UnknownPathException if the map has no such entry
   */
  public int entry(int mapId, String key) {
    return engine.entriesOf(mapId, true).entry(mapId, key);
  }

  /** The ID of entry {@code key} of the map at {@code mapId}, or -1 if the map has no such entry. */
  public int findEntry(int mapId, String key) {
    return engine.entriesOf(mapId, true).findEntry(mapId, key);
  }

  /** The ID of entry {@code index} of the list at {@code listId}. */
  public int entry(int listId, int index) {
    return engine.entriesOf(listId, false).listEntry(listId, index);
  }

  /**
   * The entry stamp of a path ID: 0 for a static path; for a path inside a map or list entry, a
   * number given to the entry when it was created. A removed entry's path IDs go to later entries,
   * so code that keeps an entry's path ID (a generated view, say) keeps its stamp too and reads
   * the ID back through {@link #checkedId}.
   *
   * @throws UnknownPathException if {@code pathId} is not a path of this store now
   */
  public int stamp(int pathId) {
    return engine.paths.stamp(pathId);
  }

  /**
   * {@code pathId}, after checking that it still names the entry it named when {@code stamp} was
   * read with {@link #stamp}.
   *
   * @throws UnknownPathException if that entry has been removed (even if another entry has taken
   *     over its path IDs)
   */
  public int checkedId(int pathId, int stamp) {
    return engine.paths.checkedId(pathId, stamp);
  }

  /** The keys of the map at {@code mapId}, in insertion order. */
  public List<String> keys(int mapId) {
    return engine.entriesOf(mapId, true).keys(mapId);
  }

  /** Number of entries in the map or list at {@code containerId} (0 if it is null or absent). */
  public int size(int containerId) {
    return engine.containerSize(containerId);
  }

  // ---- reads ---------------------------------------------------------------------------------

  /** The value at a path: leaf values boxed, nodes built as records, maps and lists. */
  public Object get(int pathId) {
    return engine.value(pathId);
  }

  /** The value at a typed path; {@code null} when it is null or absent. */
  public <T> T get(Path<T> path) {
    Object v = engine.value(engine.checkOwner(path));
    return v == ABSENT ? null : path.type().cast(v);
  }

  /**
   * Whether {@code path} names a live concrete path of this store: always for a static path
   * outside maps and lists, never for a template path such as {@code lines.*.qty}, and for a
   * handle on a map or list entry's path while that entry exists (false once it was removed, even
   * if its IDs now belong to another entry, and false for another store's entry handle).
   */
  public boolean isLive(Path<?> path) {
    return engine.paths.holds(path, engine);
  }

  /** The value at a dot path. */
  public Object get(String path) {
    return engine.value(engine.paths.resolve(path));
  }

  /** A {@code boolean} path's value. @throws IllegalStateException if it is null or absent */
  public boolean getBoolean(int pathId) {
    return engine.bits(pathId, PathKind.BOOLEAN) != 0;
  }

  /** An {@code int} path's value. @throws IllegalStateException if it is null or absent */
  public int getInt(int pathId) {
    return (int) engine.bits(pathId, PathKind.INT);
  }

  /** A {@code long} path's value. @throws IllegalStateException if it is null or absent */
  public long getLong(int pathId) {
    return engine.bits(pathId, PathKind.LONG);
  }

  /** A {@code double} path's value. @throws IllegalStateException if it is null or absent */
  public double getDouble(int pathId) {
    return Double.longBitsToDouble(engine.bits(pathId, PathKind.DOUBLE));
  }

  /** Whether the path holds a value (neither null nor absent). */
  public boolean isSet(int pathId) {
    return engine.isSet(pathId);
  }

  /** The whole state as a value of the root type; immutable and safe to share. */
  public Object snapshot() {
    return engine.value(0);
  }

  // ---- writes --------------------------------------------------------------------------------

  /** Starts a batch: several writes applied as one pipeline run. */
  public Batch batch() {
    return engine.newBatch();
  }

  /** Writes one value (a batch of one). @return the applied changes */
  public <T> Changes set(Path<T> path, T value) {
    return engine.newBatch().set(path, value).apply();
  }

  /** Writes one value to a path ID. */
  public Changes set(int pathId, Object value) {
    return engine.newBatch().set(pathId, value).apply();
  }

  /** Writes one value to a dot path. */
  public Changes set(String path, Object value) {
    return engine.newBatch().set(path, value).apply();
  }

  /** Writes an {@code int} without boxing. */
  public Changes setInt(int pathId, int value) {
    return engine.newBatch().setInt(pathId, value).apply();
  }

  /** Writes a {@code long} without boxing. */
  public Changes setLong(int pathId, long value) {
    return engine.newBatch().setLong(pathId, value).apply();
  }

  /** Writes a {@code double} without boxing. */
  public Changes setDouble(int pathId, double value) {
    return engine.newBatch().setDouble(pathId, value).apply();
  }

  /** Writes a {@code boolean} without boxing. */
  public Changes setBoolean(int pathId, boolean value) {
    return engine.newBatch().setBoolean(pathId, value).apply();
  }

  /** Adds or replaces entry {@code key} of the map at {@code mapId}. */
  public Changes put(int mapId, String key, Object value) {
    return engine.newBatch().put(mapId, key, value).apply();
  }

  /** Removes entry {@code key} of the map at {@code mapId}. */
  public Changes remove(int mapId, String key) {
    return engine.newBatch().remove(mapId, key).apply();
  }

  /** Adds an entry at the end of the list at {@code listId}. */
  public Changes add(int listId, Object value) {
    return engine.newBatch().add(listId, value).apply();
  }

  // ---- wiring, listeners, subscribers --------------------------------------------------------

  /** Runtime sync, flip and aggregation wiring. */
  public Wiring wiring() {
    Wiring w = wiring;
    if (w == null) {
      w = new Wiring(engine); // holds only final fields: safe to publish without a lock
      wiring = w;
    }
    return w;
  }

  /** Listens to changes at, below or above {@code path}; the scope is the path itself. */
  public Registration listen(Path<?> path, Listener listener) {
    int id = engine.checkOwner(path);
    return engine.registerListener(id, id, listener);
  }

  /** Listens to changes at, below or above {@code path}, with the value at {@code scope}. */
  public Registration listen(Path<?> path, Path<?> scope, Listener listener) {
    return engine.registerListener(engine.checkOwner(path), engine.checkOwner(scope), listener);
  }

  /**
   * Listens on a path ID with a scope ID (the path itself or an ancestor; 0 is the root).
   *
   * @throws WiringException if {@code scope} is not {@code path} or one of its ancestors
   */
  public Registration listen(int pathId, int scopeId, Listener listener) {
    return engine.registerListener(pathId, scopeId, listener);
  }

  /** Listens to every change (a root listener, root scope). */
  public Registration listenAll(Listener listener) {
    return engine.registerListener(0, 0, listener);
  }

  /**
   * Calls {@code subscriber} after every batch that applied something, with the applied list. A
   * subscriber may start a new batch: it runs after the current one has finished, never nested.
   */
  public Registration subscribe(Consumer<Changes> subscriber) {
    return engine.subscribe(subscriber);
  }

  /**
   * Tells {@code observer} when the value at {@code path} changes: once per round, after the batch
   * has committed and its subscribers have run, with the values before and after (see {@link
   * Observer}). A path of a map or list entry is observed while the entry exists: when it is
   * removed, {@link Observer#removed} is called and the registration closes. Observers on paths a
   * batch does not touch cost that batch nothing.
   *
   * <p>May be called between batches, or from a subscriber or observer (the new observer is told of
   * changes from the next round on); not from a listener.
   *
   * @throws UnknownPathException if the path is not a live concrete path of this store (a
   *     wildcard template path such as {@code lines.*.qty} cannot be observed)
   */
  public <T> Registration observe(Path<T> path, Observer<? super T> observer) {
    return engine.observe(engine.checkOwner(path), observer, true);
  }

  /**
   * As {@link #observe(Path, Observer)} for a path ID: the observer sees the values of {@link
   * #get(int)} ({@link #ABSENT} for an absent value).
   */
  public Registration observe(int pathId, Observer<Object> observer) {
    return engine.observe(pathId, observer, false);
  }

  /**
   * The path of {@code template} (a path with {@code *}, such as {@code lines.*.selected}) inside
   * the map or list entry {@code entryId} (such as the ID of {@code lines.k1}), typed as the
   * template: {@code store.pathIn(lineId, OrderTicketPaths.LINES_ANY_SELECTED)}. Like every entry
   * path, valid while the entry exists.
   *
   * @throws UnknownPathException if {@code entryId} is not a live entry path, or {@code template}
   *     does not lie inside it without another {@code *}
   */
  public <T> Path<T> pathIn(int entryId, Path<T> template) {
    return engine.pathIn(entryId, template);
  }

  // ---- diagnostics ---------------------------------------------------------------------------

  /** Sizes of the store's internal tables, for leak checks and debugging. */
  public Stats stats() {
    return engine.stats();
  }

  /**
   * Sizes of a store's internal tables.
   *
   * @param pathIds path IDs in use (static and dynamic)
   * @param pathCapacity length of the shadow arrays
   * @param freeIds dynamic IDs waiting for reuse
   * @param syncEdges runtime and static sync edges
   * @param flipEdges runtime and static flip edges
   * @param aggregations registered aggregations (static instances included)
   * @param listeners registered listeners
   * @param subscribers registered subscribers
   * @param observers registered per-path observers
   * @param referenceSlots non-null reference slots in the shadow state
   */
  public record Stats(
      int pathIds,
      int pathCapacity,
      int freeIds,
      int syncEdges,
      int flipEdges,
      int aggregations,
      int listeners,
      int subscribers,
      int observers,
      int referenceSlots) {}

  /** A short text for a value in messages: strings quoted, others with their type. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value == ABSENT) {
      return "<absent>";
    }
    if (value instanceof String s) {
      return '"' + s + '"';
    }
    return String.valueOf(value);
  }

  @Override
  public String toString() {
    return "Store[" + schema.rootType().getSimpleName() + "]";
  }
}
