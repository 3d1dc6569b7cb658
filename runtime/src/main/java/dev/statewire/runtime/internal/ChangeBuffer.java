package dev.statewire.runtime.internal;

import dev.statewire.runtime.ChangeFlag;
import java.util.Arrays;

/**
 * A queue of changes as a struct of arrays: path ID, value state, primitive bits, reference,
 * flags and user tag per entry. Value state is one of {@link #ABSENT}, {@link #NULL},
 * {@link #VALUE}; a value is in {@code bits} for primitive kinds and in {@code ref} otherwise
 * (for node paths, the record, map or list written). So a {@link #VALUE} entry without a reference
 * is always a primitive's bits: callers decide "primitive" from the entry alone, without a look at
 * the path's kind. Nothing is allocated per change.
 */
public final class ChangeBuffer {
  /** The path is absent (an entry removal). */
  public static final byte ABSENT = 0;
  /** The value is {@code null}. */
  public static final byte NULL = 1;
  /** The value is in {@code bits} or {@code ref}. */
  public static final byte VALUE = 2;

  private static final int STATE_SHIFT = 5;
  private static final int FLAG_MASK = (1 << STATE_SHIFT) - 1;

  static {
    if (ChangeFlag.values().length > STATE_SHIFT) {
      throw new AssertionError("the flag mask of a change no longer fits below its value state");
    }
  }

  /** What a buffer needs from its store to describe its entries. */
  public interface Context {
    /** The dot string of a path ID. */
    String pathString(int pathId);

    /** The boxed form of a value of path {@code pathId}. */
    Object box(int pathId, byte state, long bits, Object ref);

    /** The store's batch counter. */
    long generation();

    /**
     * The raw bits of a value of path {@code pathId}, checking that the path is of kind {@code
     * expected} and that the value is present (neither null nor an entry removal).
     */
    long checkedBits(int pathId, byte state, long bits, dev.statewire.runtime.PathKind expected);
  }

  private final Context context;
  public int[] path;
  /**
   * Value state (bits 5–6) and flag mask (bits 0–4, one per {@link ChangeFlag}) of each entry in
   * one byte: one array instead of two (saves 56 B per store). Read through {@link #state(int)}
   * and {@link #flags(int)}.
   */
  private byte[] meta;
  public long[] bits;
  /**
   * References and user tags; each {@code null} until the first entry that has one, so that
   * buffers of primitive batches never allocate them. Read through {@link #ref(int)} and {@link
   * #tag(int)}. Every slot at or after {@link #size} is null ({@link #clear} and {@link #truncate}
   * null what they drop), so an entry without a reference or tag stores nothing there.
   */
  private Object[] ref;
  private Object[] tag;
  private int size;
  /**
   * Whether any entry since the last clear held a reference (a tag): while false, every slot of
   * {@link #ref} ({@link #tag}) is null or the array does not exist, and clearing skips it.
   */
  private boolean holdsRefs;
  private boolean holdsTags;

  /** An empty buffer describing its entries through {@code context}. */
  public ChangeBuffer(Context context) {
    this(context, 16);
  }

  /** An empty buffer with room for {@code capacity} entries before it grows. */
  public ChangeBuffer(Context context, int capacity) {
    this.context = context;
    int n = Math.max(1, capacity);
    path = new int[n];
    meta = new byte[n];
    bits = new long[n];
  }

  /** Number of entries. */
  public int size() {
    return size;
  }

  /** Drops every entry (and the references they held). */
  public void clear() {
    truncate(0);
    holdsRefs = false;
    holdsTags = false;
  }

  /** Moves entry {@code i} to path {@code id} (a batch whose entry was reserved again elsewhere). */
  public void setPath(int i, int id) {
    path[i] = id;
  }

  /** Drops entries from {@code newSize} on. */
  public void truncate(int newSize) {
    // loops rather than Arrays.fill: most batches drop one or two entries, where its range
    // check and call cost more than the stores
    if (holdsRefs) {
      Object[] r = ref;
      for (int i = newSize; i < size; i++) {
        r[i] = null;
      }
    }
    if (holdsTags) {
      Object[] t = tag;
      for (int i = newSize; i < size; i++) {
        t[i] = null;
      }
    }
    size = newSize;
  }

  private void grow() {
    int n = path.length * 2;
    path = Arrays.copyOf(path, n);
    meta = Arrays.copyOf(meta, n);
    bits = Arrays.copyOf(bits, n);
    if (ref != null) {
      ref = Arrays.copyOf(ref, n);
    }
    if (tag != null) {
      tag = Arrays.copyOf(tag, n);
    }
  }

  /** Sets the user tag of every entry to {@code tg}. */
  public void tagAll(Object tg) {
    if (tg == null && !holdsTags) {
      return; // every tag is null already
    }
    if (tag == null) {
      tag = new Object[path.length];
    }
    holdsTags = true;
    Arrays.fill(tag, 0, size, tg);
  }

  /** Appends an entry and returns its index. */
  public int add(int pathId, byte st, long b, Object r, int fl, Object tg) {
    if (size == path.length) {
      grow();
    }
    int i = size++;
    path[i] = pathId;
    meta[i] = meta(st, fl);
    bits[i] = b;
    // reference stores cost a GC barrier each; slot i is null already (see ref), so only a
    // reference or tag is stored
    if (r != null) {
      if (ref == null) {
        ref = new Object[path.length];
      }
      ref[i] = r;
      holdsRefs = true;
    }
    if (tg != null) {
      if (tag == null) {
        tag = new Object[path.length];
      }
      tag[i] = tg;
      holdsTags = true;
    }
    return i;
  }

  /** Appends a copy of entry {@code i} of {@code from} at path {@code pathId} with {@code fl}. */
  public int copyFrom(ChangeBuffer from, int i, int pathId, int fl) {
    return add(pathId, from.state(i), from.bits[i], from.ref(i), fl, from.tag(i));
  }

  /** Moves entry {@code from} to index {@code to} (to &lt;= from). */
  public void move(int from, int to) {
    path[to] = path[from];
    meta[to] = meta[from];
    bits[to] = bits[from];
    if (holdsRefs) {
      ref[to] = ref[from];
    }
    if (holdsTags) {
      tag[to] = tag[from];
    }
  }

  /** The path ID of entry {@code i}. */
  public int path(int i) {
    return path[i];
  }

  /** The value state of entry {@code i}: {@link #ABSENT}, {@link #NULL} or {@link #VALUE}. */
  public byte state(int i) {
    return (byte) (meta[i] >>> STATE_SHIFT);
  }

  /** The flag mask of entry {@code i}. */
  public int flags(int i) {
    return meta[i] & FLAG_MASK;
  }

  private static byte meta(byte st, int fl) {
    return (byte) (st << STATE_SHIFT | fl);
  }

  /** Whether any entry since the last clear held a reference (a value of a non-primitive path). */
  public boolean holdsRefs() {
    return holdsRefs;
  }

  /** The reference of entry {@code i}: the value of a non-primitive path, else {@code null}. */
  public Object ref(int i) {
    return holdsRefs ? ref[i] : null;
  }

  /** The user tag of entry {@code i}. */
  public Object tag(int i) {
    return holdsTags ? tag[i] : null;
  }

  /** The dot string of entry {@code i}'s path. */
  public String pathString(int i) {
    return context.pathString(path[i]);
  }

  /** Entry {@code i}'s value, boxed. */
  public Object boxedValue(int i) {
    return context.box(path[i], state(i), bits[i], ref(i));
  }

  /** Entry {@code i}'s raw bits, checked to be a present value of kind {@code expected}. */
  public long checkedBits(int i, dev.statewire.runtime.PathKind expected) {
    return context.checkedBits(path[i], state(i), bits[i], expected);
  }

  /** The owning store's batch counter. */
  public long generation() {
    return context.generation();
  }
}
