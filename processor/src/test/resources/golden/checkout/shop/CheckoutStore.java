package shop;

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
 * A typed store of {@link Checkout}: getters and setters that mirror the record tree, over a {@link Store} built from {@link CheckoutSchema#SCHEMA}.
 *
 * <p>Each setter is a batch of one and returns the changes it applied; {@link #batch()} collects several writes into one pipeline run. Like the underlying store, it is single-writer.
 */
@Generated("dev.statewire.processor.StateProcessor")
public final class CheckoutStore {
  private final Store store;

  private CheckoutStore(Store store) {
    this.store = store;
  }

  /**
   * Creates a store holding {@code initial}, with the static wiring of {@link Checkout} in place (PIPELINE.md §4: sync edges and their alignment, flip edges, aggregation targets read).
   */
  public static CheckoutStore create(Checkout initial) {
    return new CheckoutStore(Store.create(CheckoutSchema.SCHEMA, initial));
  }

  /**
   * The untyped store underneath, for path IDs and dot paths.
   */
  public Store store() {
    return store;
  }

  /**
   * The whole state as a {@link Checkout}; immutable and safe to share.
   */
  public Checkout snapshot() {
    return (Checkout) store.snapshot();
  }

  /**
   * Replaces the whole state (a parent write of the root); returns the applied changes.
   */
  public Changes replace(Checkout value) {
    return store.set(CheckoutPaths.ROOT_ID, value);
  }

  /**
   * The value at a typed path (a constant of {@link CheckoutPaths}, or a handle on an entry).
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
   * Runtime sync, flip and aggregation wiring, typed by the constants of {@link CheckoutPaths}.
   */
  public Wiring wiring() {
    return store.wiring();
  }

  /**
   * The view of {@code shipping} (Address).
   */
  public AddressView shipping() {
    return new AddressView(store, CheckoutPaths.SHIPPING_ID);
  }

  /**
   * Writes {@code shipping} (a batch of one); returns the applied changes.
   */
  public Changes setShipping(Address value) {
    return store.set(CheckoutPaths.SHIPPING_ID, value);
  }

  /**
   * The view of {@code billing} (Address).
   */
  public AddressView billing() {
    return new AddressView(store, CheckoutPaths.BILLING_ID);
  }

  /**
   * Writes {@code billing} (a batch of one); returns the applied changes.
   */
  public Changes setBilling(Address value) {
    return store.set(CheckoutPaths.BILLING_ID, value);
  }

  /**
   * Reads {@code isBuy}.
   */
  public boolean isBuy() {
    return store.getBoolean(CheckoutPaths.IS_BUY_ID);
  }

  /**
   * Writes {@code isBuy} (a batch of one); returns the applied changes.
   */
  public Changes setIsBuy(boolean value) {
    return store.setBoolean(CheckoutPaths.IS_BUY_ID, value);
  }

  /**
   * Reads {@code isSell}.
   */
  public boolean isSell() {
    return store.getBoolean(CheckoutPaths.IS_SELL_ID);
  }

  /**
   * Writes {@code isSell} (a batch of one); returns the applied changes.
   */
  public Changes setIsSell(boolean value) {
    return store.setBoolean(CheckoutPaths.IS_SELL_ID, value);
  }

  /**
   * The view of {@code items} (Map&lt;String, LineItem&gt;).
   */
  public LineItemMapView items() {
    return new LineItemMapView(store, CheckoutPaths.ITEMS_ID);
  }

  /**
   * Writes {@code items} (a batch of one); returns the applied changes.
   */
  public Changes setItems(Map<String, LineItem> value) {
    return store.set(CheckoutPaths.ITEMS_ID, value);
  }

  /**
   * Reads {@code allSelected}.
   */
  public Boolean allSelected() {
    return (Boolean) orNull(store.get(CheckoutPaths.ALL_SELECTED_ID));
  }

  /**
   * Writes {@code allSelected} (a batch of one); returns the applied changes.
   */
  public Changes setAllSelected(Boolean value) {
    return store.set(CheckoutPaths.ALL_SELECTED_ID, value);
  }

  /**
   * Reads {@code quantity}.
   */
  public int quantity() {
    return store.getInt(CheckoutPaths.QUANTITY_ID);
  }

  /**
   * Writes {@code quantity} (a batch of one); returns the applied changes.
   */
  public Changes setQuantity(int value) {
    return store.setInt(CheckoutPaths.QUANTITY_ID, value);
  }

  /**
   * Reads {@code price}.
   */
  public double price() {
    return store.getDouble(CheckoutPaths.PRICE_ID);
  }

  /**
   * Writes {@code price} (a batch of one); returns the applied changes.
   */
  public Changes setPrice(double value) {
    return store.setDouble(CheckoutPaths.PRICE_ID, value);
  }

  /**
   * Reads {@code note}.
   */
  public String note() {
    return (String) orNull(store.get(CheckoutPaths.NOTE_ID));
  }

  /**
   * Writes {@code note} (a batch of one); returns the applied changes.
   */
  public Changes setNote(String value) {
    return store.set(CheckoutPaths.NOTE_ID, value);
  }

  @Override
  public String toString() {
    return "CheckoutStore[" + store.snapshot() + "]";
  }

  /**
   * A reference value read from the store; absent (below a null node) reads as null.
   */
  private static Object orNull(Object value) {
    return value == Store.ABSENT ? null : value;
  }

  /**
   * Writes collected into one batch of a {@link CheckoutStore}; nothing happens until {@link #apply()}.
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
    public TypedBatch replace(Checkout value) {
      batch.set(CheckoutPaths.ROOT_ID, value);
      return this;
    }

    /**
     * Writes below {@code shipping}, added to this batch.
     */
    public AddressWrites shipping() {
      return new AddressWrites(this, CheckoutPaths.SHIPPING_ID);
    }

    /**
     * Adds a write of {@code shipping}.
     */
    public TypedBatch setShipping(Address value) {
      batch.set(CheckoutPaths.SHIPPING_ID, value);
      return this;
    }

    /**
     * Writes below {@code billing}, added to this batch.
     */
    public AddressWrites billing() {
      return new AddressWrites(this, CheckoutPaths.BILLING_ID);
    }

    /**
     * Adds a write of {@code billing}.
     */
    public TypedBatch setBilling(Address value) {
      batch.set(CheckoutPaths.BILLING_ID, value);
      return this;
    }

    /**
     * Adds a write of {@code isBuy}.
     */
    public TypedBatch setIsBuy(boolean value) {
      batch.setBoolean(CheckoutPaths.IS_BUY_ID, value);
      return this;
    }

    /**
     * Adds a write of {@code isSell}.
     */
    public TypedBatch setIsSell(boolean value) {
      batch.setBoolean(CheckoutPaths.IS_SELL_ID, value);
      return this;
    }

    /**
     * Writes below {@code items}, added to this batch.
     */
    public LineItemMapWrites items() {
      return new LineItemMapWrites(this, CheckoutPaths.ITEMS_ID);
    }

    /**
     * Adds a write of {@code items}.
     */
    public TypedBatch setItems(Map<String, LineItem> value) {
      batch.set(CheckoutPaths.ITEMS_ID, value);
      return this;
    }

    /**
     * Adds a write of {@code allSelected}.
     */
    public TypedBatch setAllSelected(Boolean value) {
      batch.set(CheckoutPaths.ALL_SELECTED_ID, value);
      return this;
    }

    /**
     * Adds a write of {@code quantity}.
     */
    public TypedBatch setQuantity(int value) {
      batch.setInt(CheckoutPaths.QUANTITY_ID, value);
      return this;
    }

    /**
     * Adds a write of {@code price}.
     */
    public TypedBatch setPrice(double value) {
      batch.setDouble(CheckoutPaths.PRICE_ID, value);
      return this;
    }

    /**
     * Adds a write of {@code note}.
     */
    public TypedBatch setNote(String value) {
      batch.set(CheckoutPaths.NOTE_ID, value);
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
   * Reads and writes a {@link Address} at one path of the store: a static path, or an entry of a map or list. Its components are at the record's path ID plus fixed offsets.
   */
  public static final class AddressView {
    /**
     * Offset of {@code street} from the record's path ID.
     */
    private static final int STREET = 1;

    /**
     * Offset of {@code city} from the record's path ID.
     */
    private static final int CITY = 2;

    /**
     * Offset of {@code zip} from the record's path ID.
     */
    private static final int ZIP = 3;

    private final Store store;

    private final int id;

    /**
     * The entry stamp of {@link #id} (0 for a static path).
     */
    private final int stamp;

    private AddressView(Store store, int id) {
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
    public Path<Address> path() {
      return store.path(liveId(), Address.class);
    }

    /**
     * The whole record, or {@code null}.
     */
    public Address snapshot() {
      return (Address) orNull(store.get(liveId()));
    }

    /**
     * Replaces the whole record (a parent write); returns the applied changes.
     */
    public Changes replace(Address value) {
      return store.set(liveId(), value);
    }

    /**
     * Reads {@code street}.
     */
    public String street() {
      return (String) orNull(store.get(liveId() + STREET));
    }

    /**
     * Writes {@code street} (a batch of one); returns the applied changes.
     */
    public Changes setStreet(String value) {
      return store.set(liveId() + STREET, value);
    }

    /**
     * A typed handle on {@code street} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<String> streetPath() {
      return store.path(liveId() + STREET, String.class);
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
     * Reads {@code zip}.
     */
    public String zip() {
      return (String) orNull(store.get(liveId() + ZIP));
    }

    /**
     * Writes {@code zip} (a batch of one); returns the applied changes.
     */
    public Changes setZip(String value) {
      return store.set(liveId() + ZIP, value);
    }

    /**
     * A typed handle on {@code zip} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<String> zipPath() {
      return store.path(liveId() + ZIP, String.class);
    }

    @Override
    public String toString() {
      return "AddressView[" + store.pathOf(id) + "]";
    }
  }

  /**
   * Reads and writes a {@link LineItem} at one path of the store: a static path, or an entry of a map or list. Its components are at the record's path ID plus fixed offsets.
   */
  public static final class LineItemView {
    /**
     * Offset of {@code selected} from the record's path ID.
     */
    private static final int SELECTED = 1;

    /**
     * Offset of {@code excluded} from the record's path ID.
     */
    private static final int EXCLUDED = 2;

    /**
     * Offset of {@code qty} from the record's path ID.
     */
    private static final int QTY = 3;

    /**
     * Offset of {@code label} from the record's path ID.
     */
    private static final int LABEL = 4;

    private final Store store;

    private final int id;

    /**
     * The entry stamp of {@link #id} (0 for a static path).
     */
    private final int stamp;

    private LineItemView(Store store, int id) {
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
    public Path<LineItem> path() {
      return store.path(liveId(), LineItem.class);
    }

    /**
     * The whole record, or {@code null}.
     */
    public LineItem snapshot() {
      return (LineItem) orNull(store.get(liveId()));
    }

    /**
     * Replaces the whole record (a parent write); returns the applied changes.
     */
    public Changes replace(LineItem value) {
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
     * Reads {@code excluded}.
     */
    public boolean excluded() {
      return store.getBoolean(liveId() + EXCLUDED);
    }

    /**
     * Writes {@code excluded} (a batch of one); returns the applied changes.
     */
    public Changes setExcluded(boolean value) {
      return store.setBoolean(liveId() + EXCLUDED, value);
    }

    /**
     * A typed handle on {@code excluded} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<Boolean> excludedPath() {
      return store.path(liveId() + EXCLUDED, Boolean.class);
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

    /**
     * Reads {@code label}.
     */
    public String label() {
      return (String) orNull(store.get(liveId() + LABEL));
    }

    /**
     * Writes {@code label} (a batch of one); returns the applied changes.
     */
    public Changes setLabel(String value) {
      return store.set(liveId() + LABEL, value);
    }

    /**
     * A typed handle on {@code label} of this record, for listeners, observers and bindings (in a map or list entry, valid while the entry exists).
     */
    public Path<String> labelPath() {
      return store.path(liveId() + LABEL, String.class);
    }

    @Override
    public String toString() {
      return "LineItemView[" + store.pathOf(id) + "]";
    }
  }

  /**
   * Reads and writes a {@code Map&lt;String, LineItem&gt;} at one path of the store; entries come and go at run time.
   */
  public static final class LineItemMapView {
    private final Store store;

    private final int id;

    /**
     * The entry stamp of {@link #id} (0 for a static path).
     */
    private final int stamp;

    private LineItemMapView(Store store, int id) {
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
    public Map<String, LineItem> snapshot() {
      return (Map<String, LineItem>) orNull(store.get(liveId()));
    }

    /**
     * Replaces the whole map (a parent write); returns the applied changes.
     */
    public Changes replace(Map<String, LineItem> value) {
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
    public LineItemView get(String key) {
      int entry = store.findEntry(liveId(), key);
      if (entry < 0) {
        return null;
      }
      return new LineItemView(store, entry);
    }

    /**
     * Adds or replaces entry {@code key}; returns the applied changes.
     */
    public Changes put(String key, LineItem value) {
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
      return "LineItemMapView[" + store.pathOf(id) + "]";
    }
  }

  /**
   * Writes to a {@link Address} at one path, added to a batch; {@link #done()} goes back to the whole batch.
   */
  public static final class AddressWrites {
    /**
     * Offset of {@code street} from the record's path ID.
     */
    private static final int STREET = 1;

    /**
     * Offset of {@code city} from the record's path ID.
     */
    private static final int CITY = 2;

    /**
     * Offset of {@code zip} from the record's path ID.
     */
    private static final int ZIP = 3;

    private final TypedBatch owner;

    private final Batch batch;

    private final int id;

    private AddressWrites(TypedBatch owner, int id) {
      this.owner = owner;
      this.batch = owner.batch;
      this.id = id;
    }

    /**
     * Adds a write of the whole record.
     */
    public AddressWrites replace(Address value) {
      batch.set(id, value);
      return this;
    }

    /**
     * Adds a write of {@code street}.
     */
    public AddressWrites setStreet(String value) {
      batch.set(id + STREET, value);
      return this;
    }

    /**
     * Adds a write of {@code city}.
     */
    public AddressWrites setCity(String value) {
      batch.set(id + CITY, value);
      return this;
    }

    /**
     * Adds a write of {@code zip}.
     */
    public AddressWrites setZip(String value) {
      batch.set(id + ZIP, value);
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
   * Writes to a {@link LineItem} at one path, added to a batch; {@link #done()} goes back to the whole batch.
   */
  public static final class LineItemWrites {
    /**
     * Offset of {@code selected} from the record's path ID.
     */
    private static final int SELECTED = 1;

    /**
     * Offset of {@code excluded} from the record's path ID.
     */
    private static final int EXCLUDED = 2;

    /**
     * Offset of {@code qty} from the record's path ID.
     */
    private static final int QTY = 3;

    /**
     * Offset of {@code label} from the record's path ID.
     */
    private static final int LABEL = 4;

    private final TypedBatch owner;

    private final Batch batch;

    private final int id;

    private LineItemWrites(TypedBatch owner, int id) {
      this.owner = owner;
      this.batch = owner.batch;
      this.id = id;
    }

    /**
     * Adds a write of the whole record.
     */
    public LineItemWrites replace(LineItem value) {
      batch.set(id, value);
      return this;
    }

    /**
     * Adds a write of {@code selected}.
     */
    public LineItemWrites setSelected(boolean value) {
      batch.setBoolean(id + SELECTED, value);
      return this;
    }

    /**
     * Adds a write of {@code excluded}.
     */
    public LineItemWrites setExcluded(boolean value) {
      batch.setBoolean(id + EXCLUDED, value);
      return this;
    }

    /**
     * Adds a write of {@code qty}.
     */
    public LineItemWrites setQty(int value) {
      batch.setInt(id + QTY, value);
      return this;
    }

    /**
     * Adds a write of {@code label}.
     */
    public LineItemWrites setLabel(String value) {
      batch.set(id + LABEL, value);
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
   * Writes to a {@code Map&lt;String, LineItem&gt;} at one path, added to a batch; {@link #done()} goes back to the whole batch.
   */
  public static final class LineItemMapWrites {
    private final TypedBatch owner;

    private final Batch batch;

    private final int id;

    private LineItemMapWrites(TypedBatch owner, int id) {
      this.owner = owner;
      this.batch = owner.batch;
      this.id = id;
    }

    /**
     * Adds a write of the whole map.
     */
    public LineItemMapWrites replace(Map<String, LineItem> value) {
      batch.set(id, value);
      return this;
    }

    /**
     * Adds a write of a new or replaced entry {@code key}.
     */
    public LineItemMapWrites put(String key, LineItem value) {
      batch.put(id, key, value);
      return this;
    }

    /**
     * Adds the removal of entry {@code key}.
     */
    public LineItemMapWrites remove(String key) {
      batch.remove(id, key);
      return this;
    }

    /**
     * Writes below entry {@code key}, added to this batch: an entry that exists, or one that an earlier {@link #put} of this batch adds.
     *
     * @throws dev.statewire.runtime.UnknownPathException if neither
     */
    public LineItemWrites entry(String key) {
      return new LineItemWrites(owner, batch.entry(id, key));
    }

    /**
     * Goes back to the whole batch, to add writes elsewhere or {@link TypedBatch#apply() apply} it.
     */
    public TypedBatch done() {
      return owner;
    }
  }
}
