package dev.statewire.runtime.internal;

import java.util.Arrays;

/**
 * A queue of changes as a struct of arrays: path ID, value state, primitive bits, reference,
 * flags and user tag per entry. Value state is one of {@link #ABSENT}, {@link #NULL},
 * {@link #VALUE}; a value is in {@code bits} for primitive kinds and in {@code ref} otherwise
 * (for node paths, the record, map or list written). Nothing is allocated per change.
 */
public final class ChangeBuffer {
  /** The path is absent (an entry removal). */
  public static final byte ABSENT = 0;
  /** The value is {@code null}. */
  public static final byte NULL = 1;
  /** The value is in {@code bits} or {@code ref}. */
  public static final byte VALUE = 2;

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
  public byte[] state;
  public long[] bits;
  public Object[] ref;
  public int[] flags;
  public Object[] tag;
  private int size;
  /** Whether any entry since the last clear held a reference or tag (else clearing is free). */
  private boolean holdsRefs;

  /** An empty buffer describing its entries through {@code context}. */
  public ChangeBuffer(Context context) {
    this(context, 16);
  }

  /** An empty buffer with room for {@code capacity} entries before it grows. */
  public ChangeBuffer(Context context, int capacity) {
    this.context = context;
    int n = Math.max(1, capacity);
    path = new int[n];
    state = new byte[n];
    bits = new long[n];
    ref = new Object[n];
    flags = new int[n];
    tag = new Object[n];
  }

  /** Number of entries. */
  public int size() {
    return size;
  }

  /** Drops every entry (and the references they held). */
  public void clear() {
    if (holdsRefs) {
      Arrays.fill(ref, 0, size, null);
      Arrays.fill(tag, 0, size, null);
      holdsRefs = false;
    }
    size = 0;
  }

  /** Drops entries from {@code newSize} on. */
  public void truncate(int newSize) {
    if (holdsRefs) {
      Arrays.fill(ref, newSize, size, null);
      Arrays.fill(tag, newSize, size, null);
    }
    size = newSize;
  }

  private void grow() {
    int n = path.length * 2;
    path = Arrays.copyOf(path, n);
    state = Arrays.copyOf(state, n);
    bits = Arrays.copyOf(bits, n);
    ref = Arrays.copyOf(ref, n);
    flags = Arrays.copyOf(flags, n);
    tag = Arrays.copyOf(tag, n);
  }

  /** Sets the user tag of every entry to {@code tg}. */
  public void tagAll(Object tg) {
    Arrays.fill(tag, 0, size, tg);
    if (tg != null) {
      holdsRefs = true;
    }
  }

  /** Appends an entry and returns its index. */
  public int add(int pathId, byte st, long b, Object r, int fl, Object tg) {
    if (size == path.length) {
      grow();
    }
    int i = size++;
    path[i] = pathId;
    state[i] = st;
    bits[i] = b;
    flags[i] = fl;
    // reference stores cost a GC barrier each; while the buffer holds no reference every slot is
    // already null (clear() keeps that true), so primitive changes skip them
    if (r != null || tg != null) {
      ref[i] = r;
      tag[i] = tg;
      holdsRefs = true;
    } else if (holdsRefs) {
      ref[i] = null;
      tag[i] = null;
    }
    return i;
  }

  /** Appends a copy of entry {@code i} of {@code from} at path {@code pathId} with {@code fl}. */
  public int copyFrom(ChangeBuffer from, int i, int pathId, int fl) {
    return add(pathId, from.state[i], from.bits[i], from.ref[i], fl, from.tag[i]);
  }

  /** Moves entry {@code from} to index {@code to} (to &lt;= from). */
  public void move(int from, int to) {
    path[to] = path[from];
    state[to] = state[from];
    bits[to] = bits[from];
    flags[to] = flags[from];
    if (holdsRefs) {
      ref[to] = ref[from];
      tag[to] = tag[from];
    }
  }

  /** The path ID of entry {@code i}. */
  public int path(int i) {
    return path[i];
  }

  /** The flag mask of entry {@code i}. */
  public int flags(int i) {
    return flags[i];
  }

  /** The user tag of entry {@code i}. */
  public Object tag(int i) {
    return tag[i];
  }

  /** The dot string of entry {@code i}'s path. */
  public String pathString(int i) {
    return context.pathString(path[i]);
  }

  /** Entry {@code i}'s value, boxed. */
  public Object boxedValue(int i) {
    return context.box(path[i], state[i], bits[i], ref[i]);
  }

  /** Entry {@code i}'s raw bits, checked to be a present value of kind {@code expected}. */
  public long checkedBits(int i, dev.statewire.runtime.PathKind expected) {
    return context.checkedBits(path[i], state[i], bits[i], expected);
  }

  /** The owning store's batch counter. */
  public long generation() {
    return context.generation();
  }
}
