package travel;

import dev.statewire.runtime.Batch;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Listener;
import dev.statewire.runtime.Path;
import dev.statewire.runtime.Registration;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.Wiring;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.annotation.processing.Generated;

/**
 * A typed store of {@link AbstractTrip}: getters and setters that mirror the record tree, over a {@link Store} built from {@link AbstractTripSchema#SCHEMA}.
 *
 * <p>Each setter is a batch of one and returns the changes it applied; {@link #batch()} collects several writes into one pipeline run. Like the underlying store, it is single-writer.
 */
@Generated("dev.statewire.processor.StateProcessor")
public final class AbstractTripStore {
  private final Store store;

  private AbstractTripStore(Store store) {
    this.store = store;
  }

  /**
   * Creates a store holding {@code initial}, with the static wiring of {@link AbstractTrip} in place (PIPELINE.md §4: sync edges and their alignment, flip edges, aggregation targets read).
   */
  public static AbstractTripStore create(AbstractTrip initial) {
    return new AbstractTripStore(Store.create(AbstractTripSchema.SCHEMA, initial));
  }

  /**
   * The untyped store underneath, for path IDs and dot paths.
   */
  public Store store() {
    return store;
  }

  /**
   * The whole state as a {@link AbstractTrip}; immutable and safe to share.
   */
  public AbstractTrip snapshot() {
    return (AbstractTrip) store.snapshot();
  }

  /**
   * Replaces the whole state (a parent write of the root); returns the applied changes.
   */
  public Changes replace(AbstractTrip value) {
    return store.set(AbstractTripPaths.ROOT_ID, value);
  }

  /**
   * The value at a typed path (a constant of {@link AbstractTripPaths}, or a handle on an entry).
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
   * Runtime sync, flip and aggregation wiring, typed by the constants of {@link AbstractTripPaths}.
   */
  public Wiring wiring() {
    return store.wiring();
  }

  /**
   * The view of {@code outbound} (Leg).
   */
  public LegView outbound() {
    return new LegView(store, AbstractTripPaths.OUTBOUND_ID);
  }

  /**
   * Writes {@code outbound} (a batch of one); returns the applied changes.
   */
  public Changes setOutbound(Leg value) {
    return store.set(AbstractTripPaths.OUTBOUND_ID, value);
  }

  /**
   * The view of {@code inbound} (Leg).
   */
  public LegView inbound() {
    return new LegView(store, AbstractTripPaths.INBOUND_ID);
  }

  /**
   * Writes {@code inbound} (a batch of one); returns the applied changes.
   */
  public Changes setInbound(Leg value) {
    return store.set(AbstractTripPaths.INBOUND_ID, value);
  }

  /**
   * The view of {@code stops} (Map&lt;String, Stop&gt;).
   */
  public StopMapView stops() {
    return new StopMapView(store, AbstractTripPaths.STOPS_ID);
  }

  /**
   * Writes {@code stops} (a batch of one); returns the applied changes.
   */
  public Changes setStops(Map<String, Stop> value) {
    return store.set(AbstractTripPaths.STOPS_ID, value);
  }

  /**
   * Reads {@code allVisited}.
   */
  public Boolean allVisited() {
    return (Boolean) orNull(store.get(AbstractTripPaths.ALL_VISITED_ID));
  }

  /**
   * Writes {@code allVisited} (a batch of one); returns the applied changes.
   */
  public Changes setAllVisited(Boolean value) {
    return store.set(AbstractTripPaths.ALL_VISITED_ID, value);
  }

  /**
   * The view of {@code notes} (List&lt;String&gt;).
   */
  public StringListView notes() {
    return new StringListView(store, AbstractTripPaths.NOTES_ID);
  }

  /**
   * Writes {@code notes} (a batch of one); returns the applied changes.
   */
  public Changes setNotes(List<String> value) {
    return store.set(AbstractTripPaths.NOTES_ID, value);
  }

  /**
   * Reads {@code price}.
   */
  public double price() {
    return store.getDouble(AbstractTripPaths.PRICE_ID);
  }

  /**
   * Writes {@code price} (a batch of one); returns the applied changes.
   */
  public Changes setPrice(double value) {
    return store.setDouble(AbstractTripPaths.PRICE_ID, value);
  }

  @Override
  public String toString() {
    return "AbstractTripStore[" + store.snapshot() + "]";
  }

  /**
   * A reference value read from the store; absent (below a null node) reads as null.
   */
  private static Object orNull(Object value) {
    return value == Store.ABSENT ? null : value;
  }

  /**
   * Writes collected into one batch of a {@link AbstractTripStore}; nothing happens until {@link #apply()}.
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
    public TypedBatch replace(AbstractTrip value) {
      batch.set(AbstractTripPaths.ROOT_ID, value);
      return this;
    }

    /**
     * Writes below {@code outbound}, added to this batch.
     */
    public LegWrites outbound() {
      return new LegWrites(this, AbstractTripPaths.OUTBOUND_ID);
    }

    /**
     * Adds a write of {@code outbound}.
     */
    public TypedBatch setOutbound(Leg value) {
      batch.set(AbstractTripPaths.OUTBOUND_ID, value);
      return this;
    }

    /**
     * Writes below {@code inbound}, added to this batch.
     */
    public LegWrites inbound() {
      return new LegWrites(this, AbstractTripPaths.INBOUND_ID);
    }

    /**
     * Adds a write of {@code inbound}.
     */
    public TypedBatch setInbound(Leg value) {
      batch.set(AbstractTripPaths.INBOUND_ID, value);
      return this;
    }

    /**
     * Writes below {@code stops}, added to this batch.
     */
    public StopMapWrites stops() {
      return new StopMapWrites(this, AbstractTripPaths.STOPS_ID);
    }

    /**
     * Adds a write of {@code stops}.
     */
    public TypedBatch setStops(Map<String, Stop> value) {
      batch.set(AbstractTripPaths.STOPS_ID, value);
      return this;
    }

    /**
     * Adds a write of {@code allVisited}.
     */
    public TypedBatch setAllVisited(Boolean value) {
      batch.set(AbstractTripPaths.ALL_VISITED_ID, value);
      return this;
    }

    /**
     * Writes below {@code notes}, added to this batch.
     */
    public StringListWrites notes() {
      return new StringListWrites(this, AbstractTripPaths.NOTES_ID);
    }

    /**
     * Adds a write of {@code notes}.
     */
    public TypedBatch setNotes(List<String> value) {
      batch.set(AbstractTripPaths.NOTES_ID, value);
      return this;
    }

    /**
     * Adds a write of {@code price}.
     */
    public TypedBatch setPrice(double value) {
      batch.setDouble(AbstractTripPaths.PRICE_ID, value);
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
   * Reads and writes a {@link Leg} at one path of the store: a static path, or an entry of a map or list. Its components are at the record's path ID plus fixed offsets.
   */
  public static final class LegView {
    /**
     * Offset of {@code name} from the record's path ID.
     */
    private static final int NAME = 1;

    /**
     * Offset of {@code city} from the record's path ID.
     */
    private static final int CITY = 2;

    /**
     * Offset of {@code day} from the record's path ID.
     */
    private static final int DAY = 3;

    private final Store store;

    private final int id;

    /**
     * The entry stamp of {@link #id} (0 for a static path).
     */
    private final int stamp;

    private LegView(Store store, int id) {
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
    public Path<Leg> path() {
      return store.path(liveId(), Leg.class);
    }

    /**
     * The whole record, or {@code null}.
     */
    public Leg snapshot() {
      return (Leg) orNull(store.get(liveId()));
    }

    /**
     * Replaces the whole record (a parent write); returns the applied changes.
     */
    public Changes replace(Leg value) {
      return store.set(liveId(), value);
    }

    /**
     * Reads {@code name}.
     */
    public String name() {
      return (String) orNull(store.get(liveId() + NAME));
    }

    /**
     * Writes {@code name} (a batch of one); returns the applied changes.
     */
    public Changes setName(String value) {
      return store.set(liveId() + NAME, value);
    }

    /**
     * A typed handle on {@code name} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<String> namePath() {
      return store.path(liveId() + NAME, String.class);
    }

    /**
     * Reads {@code city}.
     */
    public String city() {
      return (String) orNull(store.get(liveId() + CITY));
    }

    /**
     * Writes {@code city} (a batch of one); returns the applied changes.
     */
    public Changes setCity(String value) {
      return store.set(liveId() + CITY, value);
    }

    /**
     * A typed handle on {@code city} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<String> cityPath() {
      return store.path(liveId() + CITY, String.class);
    }

    /**
     * Reads {@code day}.
     */
    public int day() {
      return store.getInt(liveId() + DAY);
    }

    /**
     * Writes {@code day} (a batch of one); returns the applied changes.
     */
    public Changes setDay(int value) {
      return store.setInt(liveId() + DAY, value);
    }

    /**
     * A typed handle on {@code day} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<Integer> dayPath() {
      return store.path(liveId() + DAY, Integer.class);
    }

    @Override
    public String toString() {
      return "LegView[" + store.pathOf(id) + "]";
    }
  }

  /**
   * Reads and writes a {@link Stop} at one path of the store: a static path, or an entry of a map or list. Its components are at the record's path ID plus fixed offsets.
   */
  public static final class StopView {
    /**
     * Offset of {@code visited} from the record's path ID.
     */
    private static final int VISITED = 1;

    /**
     * Offset of {@code pending} from the record's path ID.
     */
    private static final int PENDING = 2;

    private final Store store;

    private final int id;

    /**
     * The entry stamp of {@link #id} (0 for a static path).
     */
    private final int stamp;

    private StopView(Store store, int id) {
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
    public Path<Stop> path() {
      return store.path(liveId(), Stop.class);
    }

    /**
     * The whole record, or {@code null}.
     */
    public Stop snapshot() {
      return (Stop) orNull(store.get(liveId()));
    }

    /**
     * Replaces the whole record (a parent write); returns the applied changes.
     */
    public Changes replace(Stop value) {
      return store.set(liveId(), value);
    }

    /**
     * Reads {@code visited}.
     */
    public boolean visited() {
      return store.getBoolean(liveId() + VISITED);
    }

    /**
     * Writes {@code visited} (a batch of one); returns the applied changes.
     */
    public Changes setVisited(boolean value) {
      return store.setBoolean(liveId() + VISITED, value);
    }

    /**
     * A typed handle on {@code visited} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<Boolean> visitedPath() {
      return store.path(liveId() + VISITED, Boolean.class);
    }

    /**
     * Reads {@code pending}.
     */
    public boolean pending() {
      return store.getBoolean(liveId() + PENDING);
    }

    /**
     * Writes {@code pending} (a batch of one); returns the applied changes.
     */
    public Changes setPending(boolean value) {
      return store.setBoolean(liveId() + PENDING, value);
    }

    /**
     * A typed handle on {@code pending} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<Boolean> pendingPath() {
      return store.path(liveId() + PENDING, Boolean.class);
    }

    @Override
    public String toString() {
      return "StopView[" + store.pathOf(id) + "]";
    }
  }

  /**
   * Reads and writes a {@code Map&lt;String, Stop&gt;} at one path of the store; entries come and go at run time.
   */
  public static final class StopMapView {
    private final Store store;

    private final int id;

    /**
     * The entry stamp of {@link #id} (0 for a static path).
     */
    private final int stamp;

    private StopMapView(Store store, int id) {
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
    public Map<String, Stop> snapshot() {
      return (Map<String, Stop>) orNull(store.get(liveId()));
    }

    /**
     * Replaces the whole map (a parent write); returns the applied changes.
     */
    public Changes replace(Map<String, Stop> value) {
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
    public StopView get(String key) {
      int entry = store.findEntry(liveId(), key);
      if (entry < 0) {
        return null;
      }
      return new StopView(store, entry);
    }

    /**
     * Adds or replaces entry {@code key}; returns the applied changes.
     */
    public Changes put(String key, Stop value) {
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
      return "StopMapView[" + store.pathOf(id) + "]";
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
   * Writes to a {@link Leg} at one path, added to a batch; {@link #done()} goes back to the whole batch.
   */
  public static final class LegWrites {
    /**
     * Offset of {@code name} from the record's path ID.
     */
    private static final int NAME = 1;

    /**
     * Offset of {@code city} from the record's path ID.
     */
    private static final int CITY = 2;

    /**
     * Offset of {@code day} from the record's path ID.
     */
    private static final int DAY = 3;

    private final TypedBatch owner;

    private final Batch batch;

    private final int id;

    private LegWrites(TypedBatch owner, int id) {
      this.owner = owner;
      this.batch = owner.batch;
      this.id = id;
    }

    /**
     * Adds a write of the whole record.
     */
    public LegWrites replace(Leg value) {
      batch.set(id, value);
      return this;
    }

    /**
     * Adds a write of {@code name}.
     */
    public LegWrites setName(String value) {
      batch.set(id + NAME, value);
      return this;
    }

    /**
     * Adds a write of {@code city}.
     */
    public LegWrites setCity(String value) {
      batch.set(id + CITY, value);
      return this;
    }

    /**
     * Adds a write of {@code day}.
     */
    public LegWrites setDay(int value) {
      batch.setInt(id + DAY, value);
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
   * Writes to a {@link Stop} at one path, added to a batch; {@link #done()} goes back to the whole batch.
   */
  public static final class StopWrites {
    /**
     * Offset of {@code visited} from the record's path ID.
     */
    private static final int VISITED = 1;

    /**
     * Offset of {@code pending} from the record's path ID.
     */
    private static final int PENDING = 2;

    private final TypedBatch owner;

    private final Batch batch;

    private final int id;

    private StopWrites(TypedBatch owner, int id) {
      this.owner = owner;
      this.batch = owner.batch;
      this.id = id;
    }

    /**
     * Adds a write of the whole record.
     */
    public StopWrites replace(Stop value) {
      batch.set(id, value);
      return this;
    }

    /**
     * Adds a write of {@code visited}.
     */
    public StopWrites setVisited(boolean value) {
      batch.setBoolean(id + VISITED, value);
      return this;
    }

    /**
     * Adds a write of {@code pending}.
     */
    public StopWrites setPending(boolean value) {
      batch.setBoolean(id + PENDING, value);
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
   * Writes to a {@code Map&lt;String, Stop&gt;} at one path, added to a batch; {@link #done()} goes back to the whole batch.
   */
  public static final class StopMapWrites {
    private final TypedBatch owner;

    private final Batch batch;

    private final int id;

    private StopMapWrites(TypedBatch owner, int id) {
      this.owner = owner;
      this.batch = owner.batch;
      this.id = id;
    }

    /**
     * Adds a write of the whole map.
     */
    public StopMapWrites replace(Map<String, Stop> value) {
      batch.set(id, value);
      return this;
    }

    /**
     * Adds a write of a new or replaced entry {@code key}.
     */
    public StopMapWrites put(String key, Stop value) {
      batch.put(id, key, value);
      return this;
    }

    /**
     * Adds the removal of entry {@code key}.
     */
    public StopMapWrites remove(String key) {
      batch.remove(id, key);
      return this;
    }

    /**
     * Writes below entry {@code key}, added to this batch: an entry that exists, or one that an earlier {@link #put} of this batch adds.
     *
     * @throws dev.statewire.runtime.UnknownPathException if neither
     */
    public StopWrites entry(String key) {
      return new StopWrites(owner, batch.entry(id, key));
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
}
