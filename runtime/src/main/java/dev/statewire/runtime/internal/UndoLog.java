package dev.statewire.runtime.internal;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;

/**
 * The slots a batch overwrote while it applied, with their old contents, so that a failure in
 * user code during the apply stage or the aggregation read (an {@code equals}, an accessor, a
 * record constructor) can put every slot back (docs/PIPELINE.md, "The pipeline": a batch that throws applies
 * nothing). Also the entry blocks the apply stage reserved, which must go again. Made for each
 * batch whose apply stage may call user code, and dropped with it.
 */
public final class UndoLog {
  /** Path ID of each saved slot, in the order saved. */
  public int[] path = new int[8];
  /** The slot's value state before the write. */
  public byte[] tag = new byte[8];
  /** The slot's primitive bits before the write. */
  public long[] bits = new long[8];
  /** The slot's reference before the write. */
  public Object[] ref = new Object[8];
  private int size;
  /** First IDs of the entry blocks reserved while the log was kept. */
  public final IntList blocks = new IntList();
  /** Map indexes (key to entry ID) changed other than by adding keys, with their old contents. */
  private final IdentityHashMap<LinkedHashMap<String, Integer>, LinkedHashMap<String, Integer>> keyOrders =
      new IdentityHashMap<>();

  /** Number of saved slots. */
  public int size() {
    return size;
  }

  /** Saves a map index before a key moves to a new entry (once per index and batch). */
  public void keyOrder(LinkedHashMap<String, Integer> keys) {
    keyOrders.computeIfAbsent(keys, LinkedHashMap::new);
  }

  /** Puts every saved map index back as it was, key order included. */
  public void restoreKeyOrders() {
    keyOrders.forEach((keys, old) -> {
      keys.clear();
      keys.putAll(old);
    });
  }

  /** Saves one slot's old contents. */
  public void save(int p, byte t, long b, Object r) {
    if (size == path.length) {
      int n = size * 2;
      path = Arrays.copyOf(path, n);
      tag = Arrays.copyOf(tag, n);
      bits = Arrays.copyOf(bits, n);
      ref = Arrays.copyOf(ref, n);
    }
    path[size] = p;
    tag[size] = t;
    bits[size] = b;
    ref[size] = r;
    size++;
  }
}
