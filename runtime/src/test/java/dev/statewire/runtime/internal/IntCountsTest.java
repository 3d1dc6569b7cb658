package dev.statewire.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link IntCounts} against a {@link HashMap} over seeded random increments and decrements. */
class IntCountsTest {

  @Test
  void agreesWithAHashMapOnRandomUpdates() {
    for (long seed = 1; seed <= 20; seed++) {
      Random rnd = new Random(seed);
      IntCounts counts = new IntCounts();
      Map<Integer, Integer> model = new HashMap<>();
      // few distinct keys with many collisions in small tables, and keys spread over a large range
      int range = seed % 2 == 0 ? 40 : 1_000_000;
      for (int step = 0; step < 5_000; step++) {
        int key = rnd.nextInt(range);
        int delta = model.containsKey(key) && rnd.nextBoolean() ? -1 : 1 + rnd.nextInt(2);
        counts.add(key, delta);
        model.merge(key, delta, Integer::sum);
        model.remove(key, 0);
        if (step % 97 == 0) {
          // drain one key to zero: removal with backward shift must keep every other key reachable
          Integer k = model.keySet().stream().findFirst().orElse(null);
          if (k != null) {
            counts.add(k, -model.remove(k));
          }
        }
        assertEquals(model.size(), counts.size(), "seed " + seed + " step " + step);
      }
      for (int k = 0; k < Math.min(range, 2_000); k++) {
        assertEquals(model.getOrDefault(k, 0), counts.get(k), "seed " + seed + " key " + k);
      }
      for (Map.Entry<Integer, Integer> e : model.entrySet()) {
        assertEquals(e.getValue(), counts.get(e.getKey()), "seed " + seed + " key " + e.getKey());
      }
      IntCounts copy = counts.copy();
      for (Map.Entry<Integer, Integer> e : model.entrySet()) {
        copy.add(e.getKey(), -e.getValue());
        assertEquals(e.getValue(), counts.get(e.getKey()), "the copy is independent");
      }
      assertEquals(0, copy.size());
    }
  }

  @Test
  void zeroDeltaOnAnAbsentKeyAddsNothingAndNegativeKeysAreRefused() {
    IntCounts c = new IntCounts();
    c.add(5, 0);
    assertEquals(0, c.size());
    c.add(5, 2);
    c.add(5, -2);
    assertEquals(0, c.size());
    assertEquals(0, c.get(5));
    assertThrows(IllegalArgumentException.class, () -> c.add(-1, 1));
  }
}
