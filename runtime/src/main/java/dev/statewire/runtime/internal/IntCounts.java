package dev.statewire.runtime.internal;

/**
 * Counters keyed by non-negative {@code int} (path IDs), for counts that are non-zero on few keys
 * of a large store (members or listeners below a node path). Open addressing with linear probing;
 * a key whose count returns to 0 is removed, so the table stays as small as the keys in use.
 * Replaces arrays sized to the whole store: one such array cost 40,000 B on a 10,000-path store.
 */
public final class IntCounts {
  private static final int FREE = -1;
  private int[] keys = newKeys(8);
  private int[] counts = new int[8];
  private int size;

  private static int[] newKeys(int n) {
    int[] k = new int[n];
    java.util.Arrays.fill(k, FREE);
    return k;
  }

  private static int slot(int key, int mask) {
    return (key * 0x9E3779B9) >>> 7 & mask; // Fibonacci hashing: consecutive IDs spread out
  }

  /** The count of {@code key}; 0 when it has none. */
  public int get(int key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      int k = keys[i];
      if (k == key) {
        return counts[i];
      }
      if (k == FREE) {
        return 0;
      }
    }
  }

  /** Adds {@code delta} to the count of {@code key}. */
  public void add(int key, int delta) {
    if (key < 0) {
      throw new IllegalArgumentException("negative key " + key);
    }
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (keys[i] != key && keys[i] != FREE) {
      i = (i + 1) & mask;
    }
    if (keys[i] == FREE) {
      if (delta == 0) {
        return;
      }
      keys[i] = key;
      counts[i] = delta;
      if (++size * 2 > keys.length) {
        rehash(keys.length * 2);
      }
      return;
    }
    counts[i] += delta;
    if (counts[i] == 0) {
      removeAt(i);
    }
  }

  /** Number of keys with a non-zero count. */
  public int size() {
    return size;
  }

  /** Deletes slot {@code i}, shifting later entries of its probe run back (no tombstones). */
  private void removeAt(int i) {
    int mask = keys.length - 1;
    size--;
    int gap = i;
    for (int j = (i + 1) & mask; keys[j] != FREE; j = (j + 1) & mask) {
      int home = slot(keys[j], mask);
      // move j into the gap unless its home lies cyclically in (gap, j]
      boolean stays = gap <= j ? gap < home && home <= j : gap < home || home <= j;
      if (!stays) {
        keys[gap] = keys[j];
        counts[gap] = counts[j];
        gap = j;
      }
    }
    keys[gap] = FREE;
    counts[gap] = 0;
  }

  private void rehash(int n) {
    int[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = newKeys(n);
    counts = new int[n];
    int mask = n - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != FREE) {
        int i = slot(oldKeys[j], mask);
        while (keys[i] != FREE) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        counts[i] = oldCounts[j];
      }
    }
  }

  /** A copy with the same counts. */
  public IntCounts copy() {
    IntCounts c = new IntCounts();
    c.keys = keys.clone();
    c.counts = counts.clone();
    c.size = size;
    return c;
  }
}
