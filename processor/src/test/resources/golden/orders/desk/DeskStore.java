package desk;

import dev.statewire.runtime.Batch;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Listener;
import dev.statewire.runtime.Path;
import dev.statewire.runtime.Registration;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.Wiring;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.annotation.processing.Generated;

/**
 * A typed store of {@link Desk}: getters and setters that mirror the record tree, over a {@link Store} built from {@link DeskSchema#SCHEMA}.
 *
 * <p>Each setter is a batch of one and returns the changes it applied; {@link #batch()} collects several writes into one pipeline run. Like the underlying store, it is single-writer.
 */
@Generated("dev.statewire.processor.StateProcessor")
public final class DeskStore {
  private final Store store;

  private DeskStore(Store store) {
    this.store = store;
  }

  /**
   * Creates a store holding {@code initial}, with the static wiring of {@link Desk} in place (PIPELINE.md §4: sync edges and their alignment, flip edges, aggregation targets read).
   */
  public static DeskStore create(Desk initial) {
    return new DeskStore(Store.create(DeskSchema.SCHEMA, initial));
  }

  /**
   * The untyped store underneath, for path IDs and dot paths.
   */
  public Store store() {
    return store;
  }

  /**
   * The whole state as a {@link Desk}; immutable and safe to share.
   */
  public Desk snapshot() {
    return (Desk) store.snapshot();
  }

  /**
   * Replaces the whole state (a parent write of the root); returns the applied changes.
   */
  public Changes replace(Desk value) {
    return store.set(DeskPaths.ROOT_ID, value);
  }

  /**
   * The value at a typed path (a constant of {@link DeskPaths}, or a handle on an entry).
   */
  public <T> T get(Path<T> path) {
    return store.get(path);
  }

  /**
   * Writes {@code value} to a typed path (a batch of one); returns the applied changes.
   */
  public <T> Changes set(Path<T> path, T value) {
    return store.set(path, value);
  }

  /**
   * Starts a batch: collect writes with its setters, then {@link TypedBatch#apply()} runs them as one pipeline run.
   */
  public TypedBatch batch() {
    return new TypedBatch(store, store.batch());
  }

  /**
   * Calls {@code listener} for the changes at, below or above {@code path} (PIPELINE.md §5).
   */
  public Registration listen(Path<?> path, Listener listener) {
    return store.listen(path, listener);
  }

  /**
   * As {@link #listen(Path, Listener)}, with the pre-batch value at {@code scope} (the path or one of its ancestors).
   */
  public Registration listen(Path<?> path, Path<?> scope, Listener listener) {
    return store.listen(path, scope, listener);
  }

  /**
   * Calls {@code listener} for every change (a root listener).
   */
  public Registration listenAll(Listener listener) {
    return store.listenAll(listener);
  }

  /**
   * Calls {@code subscriber} after every batch that applied something.
   */
  public Registration subscribe(Consumer<Changes> subscriber) {
    return store.subscribe(subscriber);
  }

  /**
   * Runtime sync, flip and aggregation wiring, typed by the constants of {@link DeskPaths}.
   */
  public Wiring wiring() {
    return store.wiring();
  }

  /**
   * Reads {@code title}.
   */
  public String title() {
    return (String) orNull(store.get(DeskPaths.TITLE_ID));
  }

  /**
   * Writes {@code title} (a batch of one); returns the applied changes.
   */
  public Changes setTitle(String value) {
    return store.set(DeskPaths.TITLE_ID, value);
  }

  /**
   * The view of {@code primary} (Book).
   */
  public BookView primary() {
    return new BookView(store, DeskPaths.PRIMARY_ID);
  }

  /**
   * Writes {@code primary} (a batch of one); returns the applied changes.
   */
  public Changes setPrimary(Book value) {
    return store.set(DeskPaths.PRIMARY_ID, value);
  }

  /**
   * The view of {@code backup} (Book).
   */
  public BookView backup() {
    return new BookView(store, DeskPaths.BACKUP_ID);
  }

  /**
   * Writes {@code backup} (a batch of one); returns the applied changes.
   */
  public Changes setBackup(Book value) {
    return store.set(DeskPaths.BACKUP_ID, value);
  }

  /**
   * The view of {@code orders} (Map&lt;String, Order&gt;).
   */
  public OrderMapView orders() {
    return new OrderMapView(store, DeskPaths.ORDERS_ID);
  }

  /**
   * Writes {@code orders} (a batch of one); returns the applied changes.
   */
  public Changes setOrders(Map<String, Order> value) {
    return store.set(DeskPaths.ORDERS_ID, value);
  }

  /**
   * Reads {@code anyOpen}.
   */
  public Boolean anyOpen() {
    return (Boolean) orNull(store.get(DeskPaths.ANY_OPEN_ID));
  }

  /**
   * Writes {@code anyOpen} (a batch of one); returns the applied changes.
   */
  public Changes setAnyOpen(Boolean value) {
    return store.set(DeskPaths.ANY_OPEN_ID, value);
  }

  /**
   * The view of {@code tags} (List&lt;String&gt;).
   */
  public StringListView tags() {
    return new StringListView(store, DeskPaths.TAGS_ID);
  }

  /**
   * Writes {@code tags} (a batch of one); returns the applied changes.
   */
  public Changes setTags(List<String> value) {
    return store.set(DeskPaths.TAGS_ID, value);
  }

  /**
   * The view of {@code limits} (Map&lt;String, Integer&gt;).
   */
  public IntegerMapView limits() {
    return new IntegerMapView(store, DeskPaths.LIMITS_ID);
  }

  /**
   * Writes {@code limits} (a batch of one); returns the applied changes.
   */
  public Changes setLimits(Map<String, Integer> value) {
    return store.set(DeskPaths.LIMITS_ID, value);
  }

  /**
   * Reads {@code side}.
   */
  public Side side() {
    return (Side) orNull(store.get(DeskPaths.SIDE_ID));
  }

  /**
   * Writes {@code side} (a batch of one); returns the applied changes.
   */
  public Changes setSide(Side value) {
    return store.set(DeskPaths.SIDE_ID, value);
  }

  /**
   * Reads {@code comment}.
   */
  @SuppressWarnings("unchecked")
  public Optional<String> comment() {
    return (Optional<String>) orNull(store.get(DeskPaths.COMMENT_ID));
  }

  /**
   * Writes {@code comment} (a batch of one); returns the applied changes.
   */
  public Changes setComment(Optional<String> value) {
    return store.set(DeskPaths.COMMENT_ID, value);
  }

  /**
   * Reads {@code version}.
   */
  public long version() {
    return store.getLong(DeskPaths.VERSION_ID);
  }

  /**
   * Writes {@code version} (a batch of one); returns the applied changes.
   */
  public Changes setVersion(long value) {
    return store.setLong(DeskPaths.VERSION_ID, value);
  }

  /**
   * Reads {@code grade}.
   */
  public char grade() {
    return (Character) store.get(DeskPaths.GRADE_ID);
  }

  /**
   * Writes {@code grade} (a batch of one); returns the applied changes.
   */
  public Changes setGrade(char value) {
    return store.set(DeskPaths.GRADE_ID, value);
  }

  /**
   * Reads {@code ratio}.
   */
  public float ratio() {
    return (Float) store.get(DeskPaths.RATIO_ID);
  }

  /**
   * Writes {@code ratio} (a batch of one); returns the applied changes.
   */
  public Changes setRatio(float value) {
    return store.set(DeskPaths.RATIO_ID, value);
  }

  @Override
  public String toString() {
    return "DeskStore[" + store.snapshot() + "]";
  }

  /**
   * A reference value read from the store; absent (below a null node) reads as null.
   */
  private static Object orNull(Object value) {
    return value == Store.ABSENT ? null : value;
  }

  /**
   * Writes collected into one batch of a {@link DeskStore}; nothing happens until {@link #apply()}.
   */
  public static final class TypedBatch {
    private final Store store;

    private final Batch batch;

    private TypedBatch(Store store, Batch batch) {
      this.store = store;
      this.batch = batch;
    }

    /**
     * Tags every change of this batch, and every change derived from it, with {@code tag}.
     */
    public TypedBatch tag(Object tag) {
      batch.tag(tag);
      return this;
    }

    /**
     * Adds a write of {@code value} to a typed path.
     */
    public <T> TypedBatch set(Path<T> path, T value) {
      batch.set(path, value);
      return this;
    }

    /**
     * Adds a write of the whole state.
     */
    public TypedBatch replace(Desk value) {
      batch.set(DeskPaths.ROOT_ID, value);
      return this;
    }

    /**
     * Adds a write of {@code title}.
     */
    public TypedBatch setTitle(String value) {
      batch.set(DeskPaths.TITLE_ID, value);
      return this;
    }

    /**
     * Writes below {@code primary}, added to this batch.
     */
    public BookWrites primary() {
      return new BookWrites(this, DeskPaths.PRIMARY_ID);
    }

    /**
     * Adds a write of {@code primary}.
     */
    public TypedBatch setPrimary(Book value) {
      batch.set(DeskPaths.PRIMARY_ID, value);
      return this;
    }

    /**
     * Writes below {@code backup}, added to this batch.
     */
    public BookWrites backup() {
      return new BookWrites(this, DeskPaths.BACKUP_ID);
    }

    /**
     * Adds a write of {@code backup}.
     */
    public TypedBatch setBackup(Book value) {
      batch.set(DeskPaths.BACKUP_ID, value);
      return this;
    }

    /**
     * Writes below {@code orders}, added to this batch.
     */
    public OrderMapWrites orders() {
      return new OrderMapWrites(this, DeskPaths.ORDERS_ID);
    }

    /**
     * Adds a write of {@code orders}.
     */
    public TypedBatch setOrders(Map<String, Order> value) {
      batch.set(DeskPaths.ORDERS_ID, value);
      return this;
    }

    /**
     * Adds a write of {@code anyOpen}.
     */
    public TypedBatch setAnyOpen(Boolean value) {
      batch.set(DeskPaths.ANY_OPEN_ID, value);
      return this;
    }

    /**
     * Writes below {@code tags}, added to this batch.
     */
    public StringListWrites tags() {
      return new StringListWrites(this, DeskPaths.TAGS_ID);
    }

    /**
     * Adds a write of {@code tags}.
     */
    public TypedBatch setTags(List<String> value) {
      batch.set(DeskPaths.TAGS_ID, value);
      return this;
    }

    /**
     * Writes below {@code limits}, added to this batch.
     */
    public IntegerMapWrites limits() {
      return new IntegerMapWrites(this, DeskPaths.LIMITS_ID);
    }

    /**
     * Adds a write of {@code limits}.
     */
    public TypedBatch setLimits(Map<String, Integer> value) {
      batch.set(DeskPaths.LIMITS_ID, value);
      return this;
    }

    /**
     * Adds a write of {@code side}.
     */
    public TypedBatch setSide(Side value) {
      batch.set(DeskPaths.SIDE_ID, value);
      return this;
    }

    /**
     * Adds a write of {@code comment}.
     */
    public TypedBatch setComment(Optional<String> value) {
      batch.set(DeskPaths.COMMENT_ID, value);
      return this;
    }

    /**
     * Adds a write of {@code version}.
     */
    public TypedBatch setVersion(long value) {
      batch.setLong(DeskPaths.VERSION_ID, value);
      return this;
    }

    /**
     * Adds a write of {@code grade}.
     */
    public TypedBatch setGrade(char value) {
      batch.set(DeskPaths.GRADE_ID, value);
      return this;
    }

    /**
     * Adds a write of {@code ratio}.
     */
    public TypedBatch setRatio(float value) {
      batch.set(DeskPaths.RATIO_ID, value);
      return this;
    }

    /**
     * Number of writes added so far.
     */
    public int size() {
      return batch.size();
    }

    /**
     * Runs the pipeline over the collected writes and applies the result; returns the applied changes.
     */
    public Changes apply() {
      return batch.apply();
    }
  }

  /**
   * Reads and writes a {@link Book} at one path of the store: a static path, or an entry of a map or list. Its components are at the record's path ID plus fixed offsets.
   */
  public static final class BookView {
    /**
     * Offset of {@code title} from the record's path ID.
     */
    private static final int TITLE = 1;

    /**
     * Offset of {@code owner} from the record's path ID.
     */
    private static final int OWNER = 2;

    /**
     * Offset of {@code locked} from the record's path ID.
     */
    private static final int LOCKED = 3;

    /**
     * Offset of {@code editable} from the record's path ID.
     */
    private static final int EDITABLE = 4;

    private final Store store;

    private final int id;

    /**
     * The entry stamp of {@link #id} (0 for a static path).
     */
    private final int stamp;

    private BookView(Store store, int id) {
      this.store = store;
      this.id = id;
      this.stamp = store.stamp(id);
    }

    /**
     * The path ID, checked: once the entry this view was made for is removed, {@code UnknownPathException}.
     */
    private int liveId() {
      return store.checkedId(id, stamp);
    }

    /**
     * The path ID of this record (static or an entry's).
     */
    public int pathId() {
      return liveId();
    }

    /**
     * A typed handle on this record's path, for listeners and runtime wiring.
     */
    public Path<Book> path() {
      return store.path(liveId(), Book.class);
    }

    /**
     * The whole record, or {@code null}.
     */
    public Book snapshot() {
      return (Book) orNull(store.get(liveId()));
    }

    /**
     * Replaces the whole record (a parent write); returns the applied changes.
     */
    public Changes replace(Book value) {
      return store.set(liveId(), value);
    }

    /**
     * Reads {@code title}.
     */
    public String title() {
      return (String) orNull(store.get(liveId() + TITLE));
    }

    /**
     * Writes {@code title} (a batch of one); returns the applied changes.
     */
    public Changes setTitle(String value) {
      return store.set(liveId() + TITLE, value);
    }

    /**
     * A typed handle on {@code title} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<String> titlePath() {
      return store.path(liveId() + TITLE, String.class);
    }

    /**
     * Reads {@code owner}.
     */
    public String owner() {
      return (String) orNull(store.get(liveId() + OWNER));
    }

    /**
     * Writes {@code owner} (a batch of one); returns the applied changes.
     */
    public Changes setOwner(String value) {
      return store.set(liveId() + OWNER, value);
    }

    /**
     * A typed handle on {@code owner} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<String> ownerPath() {
      return store.path(liveId() + OWNER, String.class);
    }

    /**
     * Reads {@code locked}.
     */
    public boolean locked() {
      return store.getBoolean(liveId() + LOCKED);
    }

    /**
     * Writes {@code locked} (a batch of one); returns the applied changes.
     */
    public Changes setLocked(boolean value) {
      return store.setBoolean(liveId() + LOCKED, value);
    }

    /**
     * A typed handle on {@code locked} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<Boolean> lockedPath() {
      return store.path(liveId() + LOCKED, Boolean.class);
    }

    /**
     * Reads {@code editable}.
     */
    public boolean editable() {
      return store.getBoolean(liveId() + EDITABLE);
    }

    /**
     * Writes {@code editable} (a batch of one); returns the applied changes.
     */
    public Changes setEditable(boolean value) {
      return store.setBoolean(liveId() + EDITABLE, value);
    }

    /**
     * A typed handle on {@code editable} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<Boolean> editablePath() {
      return store.path(liveId() + EDITABLE, Boolean.class);
    }

    @Override
    public String toString() {
      return "BookView[" + store.pathOf(id) + "]";
    }
  }

  /**
   * Reads and writes a {@link Line} at one path of the store: a static path, or an entry of a map or list. Its components are at the record's path ID plus fixed offsets.
   */
  public static final class LineView {
    /**
     * Offset of {@code selected} from the record's path ID.
     */
    private static final int SELECTED = 1;

    /**
     * Offset of {@code qty} from the record's path ID.
     */
    private static final int QTY = 2;

    private final Store store;

    private final int id;

    /**
     * The entry stamp of {@link #id} (0 for a static path).
     */
    private final int stamp;

    private LineView(Store store, int id) {
      this.store = store;
      this.id = id;
      this.stamp = store.stamp(id);
    }

    /**
     * The path ID, checked: once the entry this view was made for is removed, {@code UnknownPathException}.
     */
    private int liveId() {
      return store.checkedId(id, stamp);
    }

    /**
     * The path ID of this record (static or an entry's).
     */
    public int pathId() {
      return liveId();
    }

    /**
     * A typed handle on this record's path, for listeners and runtime wiring.
     */
    public Path<Line> path() {
      return store.path(liveId(), Line.class);
    }

    /**
     * The whole record, or {@code null}.
     */
    public Line snapshot() {
      return (Line) orNull(store.get(liveId()));
    }

    /**
     * Replaces the whole record (a parent write); returns the applied changes.
     */
    public Changes replace(Line value) {
      return store.set(liveId(), value);
    }

    /**
     * Reads {@code selected}.
     */
    public boolean selected() {
      return store.getBoolean(liveId() + SELECTED);
    }

    /**
     * Writes {@code selected} (a batch of one); returns the applied changes.
     */
    public Changes setSelected(boolean value) {
      return store.setBoolean(liveId() + SELECTED, value);
    }

    /**
     * A typed handle on {@code selected} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<Boolean> selectedPath() {
      return store.path(liveId() + SELECTED, Boolean.class);
    }

    /**
     * Reads {@code qty}.
     */
    public int qty() {
      return store.getInt(liveId() + QTY);
    }

    /**
     * Writes {@code qty} (a batch of one); returns the applied changes.
     */
    public Changes setQty(int value) {
      return store.setInt(liveId() + QTY, value);
    }

    /**
     * A typed handle on {@code qty} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<Integer> qtyPath() {
      return store.path(liveId() + QTY, Integer.class);
    }

    @Override
    public String toString() {
      return "LineView[" + store.pathOf(id) + "]";
    }
  }

  /**
   * Reads and writes a {@code List&lt;Line&gt;} at one path of the store; entries come and go at run time.
   */
  public static final class LineListView {
    private final Store store;

    private final int id;

    /**
     * The entry stamp of {@link #id} (0 for a static path).
     */
    private final int stamp;

    private LineListView(Store store, int id) {
      this.store = store;
      this.id = id;
      this.stamp = store.stamp(id);
    }

    /**
     * The path ID, checked: once the entry this view was made for is removed, {@code UnknownPathException}.
     */
    private int liveId() {
      return store.checkedId(id, stamp);
    }

    /**
     * The path ID of this list.
     */
    public int pathId() {
      return liveId();
    }

    /**
     * The whole list, or {@code null}.
     */
    @SuppressWarnings("unchecked")
    public List<Line> snapshot() {
      return (List<Line>) orNull(store.get(liveId()));
    }

    /**
     * Replaces the whole list (a parent write); returns the applied changes.
     */
    public Changes replace(List<Line> value) {
      return store.set(liveId(), value);
    }

    /**
     * Number of entries (0 if the list is null).
     */
    public int size() {
      return store.size(liveId());
    }

    /**
     * The view of entry {@code index}.
     *
     * @throws dev.statewire.runtime.UnknownPathException if there is no such entry
     */
    public LineView get(int index) {
      return new LineView(store, store.entry(liveId(), index));
    }

    /**
     * Adds an entry at the end; returns the applied changes.
     */
    public Changes add(Line value) {
      return store.add(liveId(), value);
    }

    /**
     * Replaces entry {@code index}; returns the applied changes.
     */
    public Changes set(int index, Line value) {
      return store.set(store.entry(liveId(), index), value);
    }

    @Override
    public String toString() {
      return "LineListView[" + store.pathOf(id) + "]";
    }
  }

  /**
   * Reads and writes a {@link Order} at one path of the store: a static path, or an entry of a map or list. Its components are at the record's path ID plus fixed offsets.
   */
  public static final class OrderView {
    /**
     * Offset of {@code open} from the record's path ID.
     */
    private static final int OPEN = 1;

    /**
     * Offset of {@code closed} from the record's path ID.
     */
    private static final int CLOSED = 2;

    /**
     * Offset of {@code lines} from the record's path ID.
     */
    private static final int LINES = 3;

    /**
     * Offset of {@code allSelected} from the record's path ID.
     */
    private static final int ALL_SELECTED = 7;

    private final Store store;

    private final int id;

    /**
     * The entry stamp of {@link #id} (0 for a static path).
     */
    private final int stamp;

    private OrderView(Store store, int id) {
      this.store = store;
      this.id = id;
      this.stamp = store.stamp(id);
    }

    /**
     * The path ID, checked: once the entry this view was made for is removed, {@code UnknownPathException}.
     */
    private int liveId() {
      return store.checkedId(id, stamp);
    }

    /**
     * The path ID of this record (static or an entry's).
     */
    public int pathId() {
      return liveId();
    }

    /**
     * A typed handle on this record's path, for listeners and runtime wiring.
     */
    public Path<Order> path() {
      return store.path(liveId(), Order.class);
    }

    /**
     * The whole record, or {@code null}.
     */
    public Order snapshot() {
      return (Order) orNull(store.get(liveId()));
    }

    /**
     * Replaces the whole record (a parent write); returns the applied changes.
     */
    public Changes replace(Order value) {
      return store.set(liveId(), value);
    }

    /**
     * Reads {@code open}.
     */
    public boolean open() {
      return store.getBoolean(liveId() + OPEN);
    }

    /**
     * Writes {@code open} (a batch of one); returns the applied changes.
     */
    public Changes setOpen(boolean value) {
      return store.setBoolean(liveId() + OPEN, value);
    }

    /**
     * A typed handle on {@code open} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<Boolean> openPath() {
      return store.path(liveId() + OPEN, Boolean.class);
    }

    /**
     * Reads {@code closed}.
     */
    public boolean closed() {
      return store.getBoolean(liveId() + CLOSED);
    }

    /**
     * Writes {@code closed} (a batch of one); returns the applied changes.
     */
    public Changes setClosed(boolean value) {
      return store.setBoolean(liveId() + CLOSED, value);
    }

    /**
     * A typed handle on {@code closed} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<Boolean> closedPath() {
      return store.path(liveId() + CLOSED, Boolean.class);
    }

    /**
     * The view of {@code lines} (List&lt;Line&gt;).
     */
    public LineListView lines() {
      return new LineListView(store, liveId() + LINES);
    }

    /**
     * Writes {@code lines} (a batch of one); returns the applied changes.
     */
    public Changes setLines(List<Line> value) {
      return store.set(liveId() + LINES, value);
    }

    /**
     * A typed handle on {@code lines} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    @SuppressWarnings("unchecked")
    public Path<List<Line>> linesPath() {
      return (Path<List<Line>>) (Path<?>) store.path(liveId() + LINES, List.class);
    }

    /**
     * Reads {@code allSelected}.
     */
    public Boolean allSelected() {
      return (Boolean) orNull(store.get(liveId() + ALL_SELECTED));
    }

    /**
     * Writes {@code allSelected} (a batch of one); returns the applied changes.
     */
    public Changes setAllSelected(Boolean value) {
      return store.set(liveId() + ALL_SELECTED, value);
    }

    /**
     * A typed handle on {@code allSelected} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<Boolean> allSelectedPath() {
      return store.path(liveId() + ALL_SELECTED, Boolean.class);
    }

    @Override
    public String toString() {
      return "OrderView[" + store.pathOf(id) + "]";
    }
  }

  /**
   * Reads and writes a {@code Map&lt;String, Order&gt;} at one path of the store; entries come and go at run time.
   */
  public static final class OrderMapView {
    private final Store store;

    private final int id;

    /**
     * The entry stamp of {@link #id} (0 for a static path).
     */
    private final int stamp;

    private OrderMapView(Store store, int id) {
      this.store = store;
      this.id = id;
      this.stamp = store.stamp(id);
    }

    /**
     * The path ID, checked: once the entry this view was made for is removed, {@code UnknownPathException}.
     */
    private int liveId() {
      return store.checkedId(id, stamp);
    }

    /**
     * The path ID of this map.
     */
    public int pathId() {
      return liveId();
    }

    /**
     * The whole map, or {@code null}.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Order> snapshot() {
      return (Map<String, Order>) orNull(store.get(liveId()));
    }

    /**
     * Replaces the whole map (a parent write); returns the applied changes.
     */
    public Changes replace(Map<String, Order> value) {
      return store.set(liveId(), value);
    }

    /**
     * Number of entries (0 if the map is null).
     */
    public int size() {
      return store.size(liveId());
    }

    /**
     * The keys, in insertion order.
     */
    public List<String> keys() {
      return store.keys(liveId());
    }

    /**
     * Whether there is an entry {@code key}.
     */
    public boolean containsKey(String key) {
      return store.findEntry(liveId(), key) >= 0;
    }

    /**
     * The view of entry {@code key}, or {@code null} if there is no such entry.
     */
    public OrderView get(String key) {
      int entry = store.findEntry(liveId(), key);
      if (entry < 0) {
        return null;
      }
      return new OrderView(store, entry);
    }

    /**
     * Adds or replaces entry {@code key}; returns the applied changes.
     */
    public Changes put(String key, Order value) {
      return store.put(liveId(), key, value);
    }

    /**
     * Removes entry {@code key}; returns the applied changes.
     */
    public Changes remove(String key) {
      return store.remove(liveId(), key);
    }

    @Override
    public String toString() {
      return "OrderMapView[" + store.pathOf(id) + "]";
    }
  }

  /**
   * Reads and writes a {@code List&lt;String&gt;} at one path of the store; entries come and go at run time.
   */
  public static final class StringListView {
    private final Store store;

    private final int id;

    /**
     * The entry stamp of {@link #id} (0 for a static path).
     */
    private final int stamp;

    private StringListView(Store store, int id) {
      this.store = store;
      this.id = id;
      this.stamp = store.stamp(id);
    }

    /**
     * The path ID, checked: once the entry this view was made for is removed, {@code UnknownPathException}.
     */
    private int liveId() {
      return store.checkedId(id, stamp);
    }

    /**
     * The path ID of this list.
     */
    public int pathId() {
      return liveId();
    }

    /**
     * The whole list, or {@code null}.
     */
    @SuppressWarnings("unchecked")
    public List<String> snapshot() {
      return (List<String>) orNull(store.get(liveId()));
    }

    /**
     * Replaces the whole list (a parent write); returns the applied changes.
     */
    public Changes replace(List<String> value) {
      return store.set(liveId(), value);
    }

    /**
     * Number of entries (0 if the list is null).
     */
    public int size() {
      return store.size(liveId());
    }

    /**
     * The value of entry {@code index}.
     *
     * @throws dev.statewire.runtime.UnknownPathException if there is no such entry
     */
    public String get(int index) {
      return (String) orNull(store.get(store.entry(liveId(), index)));
    }

    /**
     * Adds an entry at the end; returns the applied changes.
     */
    public Changes add(String value) {
      return store.add(liveId(), value);
    }

    /**
     * Replaces entry {@code index}; returns the applied changes.
     */
    public Changes set(int index, String value) {
      return store.set(store.entry(liveId(), index), value);
    }

    @Override
    public String toString() {
      return "StringListView[" + store.pathOf(id) + "]";
    }
  }

  /**
   * Reads and writes a {@code Map&lt;String, Integer&gt;} at one path of the store; entries come and go at run time.
   */
  public static final class IntegerMapView {
    private final Store store;

    private final int id;

    /**
     * The entry stamp of {@link #id} (0 for a static path).
     */
    private final int stamp;

    private IntegerMapView(Store store, int id) {
      this.store = store;
      this.id = id;
      this.stamp = store.stamp(id);
    }

    /**
     * The path ID, checked: once the entry this view was made for is removed, {@code UnknownPathException}.
     */
    private int liveId() {
      return store.checkedId(id, stamp);
    }

    /**
     * The path ID of this map.
     */
    public int pathId() {
      return liveId();
    }

    /**
     * The whole map, or {@code null}.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Integer> snapshot() {
      return (Map<String, Integer>) orNull(store.get(liveId()));
    }

    /**
     * Replaces the whole map (a parent write); returns the applied changes.
     */
    public Changes replace(Map<String, Integer> value) {
      return store.set(liveId(), value);
    }

    /**
     * Number of entries (0 if the map is null).
     */
    public int size() {
      return store.size(liveId());
    }

    /**
     * The keys, in insertion order.
     */
    public List<String> keys() {
      return store.keys(liveId());
    }

    /**
     * Whether there is an entry {@code key}.
     */
    public boolean containsKey(String key) {
      return store.findEntry(liveId(), key) >= 0;
    }

    /**
     * The value of entry {@code key}, or {@code null} if there is no such entry.
     */
    public Integer get(String key) {
      int entry = store.findEntry(liveId(), key);
      if (entry < 0) {
        return null;
      }
      return (Integer) orNull(store.get(entry));
    }

    /**
     * Adds or replaces entry {@code key}; returns the applied changes.
     */
    public Changes put(String key, Integer value) {
      return store.put(liveId(), key, value);
    }

    /**
     * Removes entry {@code key}; returns the applied changes.
     */
    public Changes remove(String key) {
      return store.remove(liveId(), key);
    }

    @Override
    public String toString() {
      return "IntegerMapView[" + store.pathOf(id) + "]";
    }
  }

  /**
   * Writes to a {@link Book} at one path, added to a batch; {@link #done()} goes back to the whole batch.
   */
  public static final class BookWrites {
    /**
     * Offset of {@code title} from the record's path ID.
     */
    private static final int TITLE = 1;

    /**
     * Offset of {@code owner} from the record's path ID.
     */
    private static final int OWNER = 2;

    /**
     * Offset of {@code locked} from the record's path ID.
     */
    private static final int LOCKED = 3;

    /**
     * Offset of {@code editable} from the record's path ID.
     */
    private static final int EDITABLE = 4;

    private final TypedBatch owner;

    private final Batch batch;

    private final int id;

    private BookWrites(TypedBatch owner, int id) {
      this.owner = owner;
      this.batch = owner.batch;
      this.id = id;
    }

    /**
     * Adds a write of the whole record.
     */
    public BookWrites replace(Book value) {
      batch.set(id, value);
      return this;
    }

    /**
     * Adds a write of {@code title}.
     */
    public BookWrites setTitle(String value) {
      batch.set(id + TITLE, value);
      return this;
    }

    /**
     * Adds a write of {@code owner}.
     */
    public BookWrites setOwner(String value) {
      batch.set(id + OWNER, value);
      return this;
    }

    /**
     * Adds a write of {@code locked}.
     */
    public BookWrites setLocked(boolean value) {
      batch.setBoolean(id + LOCKED, value);
      return this;
    }

    /**
     * Adds a write of {@code editable}.
     */
    public BookWrites setEditable(boolean value) {
      batch.setBoolean(id + EDITABLE, value);
      return this;
    }

    /**
     * Goes back to the whole batch, to add writes elsewhere or {@link TypedBatch#apply() apply} it.
     */
    public TypedBatch done() {
      return owner;
    }
  }

  /**
   * Writes to a {@link Line} at one path, added to a batch; {@link #done()} goes back to the whole batch.
   */
  public static final class LineWrites {
    /**
     * Offset of {@code selected} from the record's path ID.
     */
    private static final int SELECTED = 1;

    /**
     * Offset of {@code qty} from the record's path ID.
     */
    private static final int QTY = 2;

    private final TypedBatch owner;

    private final Batch batch;

    private final int id;

    private LineWrites(TypedBatch owner, int id) {
      this.owner = owner;
      this.batch = owner.batch;
      this.id = id;
    }

    /**
     * Adds a write of the whole record.
     */
    public LineWrites replace(Line value) {
      batch.set(id, value);
      return this;
    }

    /**
     * Adds a write of {@code selected}.
     */
    public LineWrites setSelected(boolean value) {
      batch.setBoolean(id + SELECTED, value);
      return this;
    }

    /**
     * Adds a write of {@code qty}.
     */
    public LineWrites setQty(int value) {
      batch.setInt(id + QTY, value);
      return this;
    }

    /**
     * Goes back to the whole batch, to add writes elsewhere or {@link TypedBatch#apply() apply} it.
     */
    public TypedBatch done() {
      return owner;
    }
  }

  /**
   * Writes to a {@code List&lt;Line&gt;} at one path, added to a batch; {@link #done()} goes back to the whole batch.
   */
  public static final class LineListWrites {
    private final TypedBatch owner;

    private final Store store;

    private final Batch batch;

    private final int id;

    private LineListWrites(TypedBatch owner, int id) {
      this.owner = owner;
      this.store = owner.store;
      this.batch = owner.batch;
      this.id = id;
    }

    /**
     * Adds a write of the whole list.
     */
    public LineListWrites replace(List<Line> value) {
      batch.set(id, value);
      return this;
    }

    /**
     * Adds a write of a new entry at the end.
     */
    public LineListWrites add(Line value) {
      batch.add(id, value);
      return this;
    }

    /**
     * Adds a write that replaces entry {@code index}.
     */
    public LineListWrites set(int index, Line value) {
      batch.set(store.entry(id, index), value);
      return this;
    }

    /**
     * Writes below the existing entry {@code index}, added to this batch.
     */
    public LineWrites entry(int index) {
      return new LineWrites(owner, store.entry(id, index));
    }

    /**
     * Goes back to the whole batch, to add writes elsewhere or {@link TypedBatch#apply() apply} it.
     */
    public TypedBatch done() {
      return owner;
    }
  }

  /**
   * Writes to a {@link Order} at one path, added to a batch; {@link #done()} goes back to the whole batch.
   */
  public static final class OrderWrites {
    /**
     * Offset of {@code open} from the record's path ID.
     */
    private static final int OPEN = 1;

    /**
     * Offset of {@code closed} from the record's path ID.
     */
    private static final int CLOSED = 2;

    /**
     * Offset of {@code lines} from the record's path ID.
     */
    private static final int LINES = 3;

    /**
     * Offset of {@code allSelected} from the record's path ID.
     */
    private static final int ALL_SELECTED = 7;

    private final TypedBatch owner;

    private final Batch batch;

    private final int id;

    private OrderWrites(TypedBatch owner, int id) {
      this.owner = owner;
      this.batch = owner.batch;
      this.id = id;
    }

    /**
     * Adds a write of the whole record.
     */
    public OrderWrites replace(Order value) {
      batch.set(id, value);
      return this;
    }

    /**
     * Adds a write of {@code open}.
     */
    public OrderWrites setOpen(boolean value) {
      batch.setBoolean(id + OPEN, value);
      return this;
    }

    /**
     * Adds a write of {@code closed}.
     */
    public OrderWrites setClosed(boolean value) {
      batch.setBoolean(id + CLOSED, value);
      return this;
    }

    /**
     * Writes below {@code lines}, added to this batch.
     */
    public LineListWrites lines() {
      return new LineListWrites(owner, id + LINES);
    }

    /**
     * Adds a write of {@code lines}.
     */
    public OrderWrites setLines(List<Line> value) {
      batch.set(id + LINES, value);
      return this;
    }

    /**
     * Adds a write of {@code allSelected}.
     */
    public OrderWrites setAllSelected(Boolean value) {
      batch.set(id + ALL_SELECTED, value);
      return this;
    }

    /**
     * Goes back to the whole batch, to add writes elsewhere or {@link TypedBatch#apply() apply} it.
     */
    public TypedBatch done() {
      return owner;
    }
  }

  /**
   * Writes to a {@code Map&lt;String, Order&gt;} at one path, added to a batch; {@link #done()} goes back to the whole batch.
   */
  public static final class OrderMapWrites {
    private final TypedBatch owner;

    private final Batch batch;

    private final int id;

    private OrderMapWrites(TypedBatch owner, int id) {
      this.owner = owner;
      this.batch = owner.batch;
      this.id = id;
    }

    /**
     * Adds a write of the whole map.
     */
    public OrderMapWrites replace(Map<String, Order> value) {
      batch.set(id, value);
      return this;
    }

    /**
     * Adds a write of a new or replaced entry {@code key}.
     */
    public OrderMapWrites put(String key, Order value) {
      batch.put(id, key, value);
      return this;
    }

    /**
     * Adds the removal of entry {@code key}.
     */
    public OrderMapWrites remove(String key) {
      batch.remove(id, key);
      return this;
    }

    /**
     * Writes below entry {@code key}, added to this batch: an entry that exists, or one that an earlier {@link #put} of this batch adds.
     *
     * @throws dev.statewire.runtime.UnknownPathException if neither
     */
    public OrderWrites entry(String key) {
      return new OrderWrites(owner, batch.entry(id, key));
    }

    /**
     * Goes back to the whole batch, to add writes elsewhere or {@link TypedBatch#apply() apply} it.
     */
    public TypedBatch done() {
      return owner;
    }
  }

  /**
   * Writes to a {@code List&lt;String&gt;} at one path, added to a batch; {@link #done()} goes back to the whole batch.
   */
  public static final class StringListWrites {
    private final TypedBatch owner;

    private final Store store;

    private final Batch batch;

    private final int id;

    private StringListWrites(TypedBatch owner, int id) {
      this.owner = owner;
      this.store = owner.store;
      this.batch = owner.batch;
      this.id = id;
    }

    /**
     * Adds a write of the whole list.
     */
    public StringListWrites replace(List<String> value) {
      batch.set(id, value);
      return this;
    }

    /**
     * Adds a write of a new entry at the end.
     */
    public StringListWrites add(String value) {
      batch.add(id, value);
      return this;
    }

    /**
     * Adds a write that replaces entry {@code index}.
     */
    public StringListWrites set(int index, String value) {
      batch.set(store.entry(id, index), value);
      return this;
    }

    /**
     * Goes back to the whole batch, to add writes elsewhere or {@link TypedBatch#apply() apply} it.
     */
    public TypedBatch done() {
      return owner;
    }
  }

  /**
   * Writes to a {@code Map&lt;String, Integer&gt;} at one path, added to a batch; {@link #done()} goes back to the whole batch.
   */
  public static final class IntegerMapWrites {
    private final TypedBatch owner;

    private final Batch batch;

    private final int id;

    private IntegerMapWrites(TypedBatch owner, int id) {
      this.owner = owner;
      this.batch = owner.batch;
      this.id = id;
    }

    /**
     * Adds a write of the whole map.
     */
    public IntegerMapWrites replace(Map<String, Integer> value) {
      batch.set(id, value);
      return this;
    }

    /**
     * Adds a write of a new or replaced entry {@code key}.
     */
    public IntegerMapWrites put(String key, Integer value) {
      batch.put(id, key, value);
      return this;
    }

    /**
     * Adds the removal of entry {@code key}.
     */
    public IntegerMapWrites remove(String key) {
      batch.remove(id, key);
      return this;
    }

    /**
     * Goes back to the whole batch, to add writes elsewhere or {@link TypedBatch#apply() apply} it.
     */
    public TypedBatch done() {
      return owner;
    }
  }
}
