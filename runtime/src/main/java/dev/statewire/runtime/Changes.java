package dev.statewire.runtime;

import dev.statewire.runtime.internal.ChangeBuffer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An ordered, read-only view of changes: the changes a batch applied (the result of a write, given
 * to subscribers) or the changes a listener receives. Reading it allocates nothing for primitive
 * values; {@link #toList()} copies it into {@link Change} records.
 *
 * <p>A view reads the store's reusable buffers: the result of a write is valid until the store
 * runs its next batch; the view a listener receives ({@link ListenerEvent#changes()}) during the
 * listener's call only, as the store hands the same object to that listener's next call. Reading a
 * stale view throws {@link IllegalStateException}; call {@link #toList()} to keep the changes
 * longer.
 */
public final class Changes {
  private static final int[] NO_CHANGES = new int[0];

  /** The generation of a listener's view between its calls: no batch has it. */
  private static final long EXPIRED = -1;

  // written by the constructor, and for a listener's view by point() and expire()
  private ChangeBuffer buffer;
  private int[] index;
  private int size;
  private long generation;

  /** Internal: a view over {@code size} entries of {@code buffer} picked by {@code index}. */
  Changes(ChangeBuffer buffer, int[] index, int size) {
    point(buffer, index, size);
  }

  /**
   * Points this view at {@code size} entries of {@code buffer} picked by {@code index}, for the
   * current batch: a listener's view is one object, reused for each of its calls.
   */
  Changes point(ChangeBuffer buffer, int[] index, int size) {
    this.buffer = buffer;
    this.index = index;
    this.size = size;
    this.generation = buffer == null ? 0 : buffer.generation();
    return this;
  }

  /** Makes a listener's view unreadable once its call returned (see {@link #point}). */
  void expire() {
    generation = EXPIRED;
  }

  /** The view of no changes, shared by every store (it reads no buffer). */
  static final Changes EMPTY = new Changes(null, NO_CHANGES, 0);

  static Changes of(ChangeBuffer buffer, int[] index, int size) {
    return new Changes(buffer, index, size);
  }

  /**
   * A view of {@code size} changes of the batch of generation {@code generation}, which later
   * batches of {@code buffer}'s store have made stale: its size reads, its changes throw.
   */
  static Changes stale(ChangeBuffer buffer, int size, long generation) {
    Changes v = new Changes(buffer, NO_CHANGES, size);
    v.generation = generation;
    return v;
  }

  private int at(int i) {
    if (size != 0 && buffer.generation() != generation) {
      throw new IllegalStateException(generation == EXPIRED
          ? "this Changes view was handed to a listener and is valid during that call only (the"
              + " store reuses it for the listener's next call). Call toList() to keep changes"
          : "this Changes view belongs to an earlier batch; the store has run another batch since."
              + " Call toList() to keep changes beyond the next batch");
    }
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("index " + i + " out of range for " + size + " changes");
    }
    return index[i];
  }

  /** Number of changes. */
  public int size() {
    return size;
  }

  /** Whether there are no changes. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** The path ID of change {@code i}. */
  public int pathId(int i) {
    return buffer.path(at(i));
  }

  /** The path of change {@code i} as a dot string. */
  public String path(int i) {
    return buffer.pathString(at(i));
  }

  /** The value of change {@code i}, boxed; {@link Store#ABSENT} for an entry removal. */
  public Object value(int i) {
    return buffer.boxedValue(at(i));
  }

  /**
   * The value of change {@code i} of an {@code int} path, without boxing.
   *
   * @throws ValueTypeException if the path is not an {@code int} path
   * @throws IllegalStateException if the change writes null or removes an entry
   */
  public int intValue(int i) {
    return (int) buffer.checkedBits(at(i), PathKind.INT);
  }

  /** The value of change {@code i} of a {@code long} path, without boxing; checked as {@link #intValue}. */
  public long longValue(int i) {
    return buffer.checkedBits(at(i), PathKind.LONG);
  }

  /** The value of change {@code i} of a {@code double} path, without boxing; checked as {@link #intValue}. */
  public double doubleValue(int i) {
    return Double.longBitsToDouble(buffer.checkedBits(at(i), PathKind.DOUBLE));
  }

  /** The value of change {@code i} of a {@code boolean} path, without boxing; checked as {@link #intValue}. */
  public boolean booleanValue(int i) {
    return buffer.checkedBits(at(i), PathKind.BOOLEAN) != 0;
  }

  /** The flag mask of change {@code i} (bits of {@link ChangeFlag#bit()}). */
  public int flagMask(int i) {
    return buffer.flags(at(i));
  }

  /** The flags of change {@code i}. */
  public Set<ChangeFlag> flags(int i) {
    return ChangeFlag.fromMask(flagMask(i));
  }

  /** The user tag of change {@code i}, or {@code null}. */
  public Object tag(int i) {
    return buffer.tag(at(i));
  }

  /** Change {@code i} as a detached record. */
  public Change get(int i) {
    int q = at(i);
    return new Change(
        buffer.path(q),
        buffer.pathString(q),
        buffer.boxedValue(q),
        ChangeFlag.fromMask(buffer.flags(q)),
        buffer.tag(q));
  }

  /** A detached, immutable copy of all changes, valid forever. */
  public List<Change> toList() {
    List<Change> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(get(i));
    }
    return List.copyOf(out);
  }

  /** A live list view (each access checks that the view is still valid). */
  public List<Change> asList() {
    return new AbstractList<>() {
      @Override
      public Change get(int i) {
        return Changes.this.get(i);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(path(i)).append('=').append(Store.describe(value(i)));
      Set<ChangeFlag> f = flags(i);
      if (!f.isEmpty()) {
        sb.append(' ').append(f);
      }
    }
    return sb.append(']').toString();
  }
}
