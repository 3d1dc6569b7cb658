package dev.statewire.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link IntList} against an {@link ArrayList}, from every capacity (0 starts on a shared array). */
class IntListTest {

  @Test
  void agreesWithAnArrayListFromEveryCapacity() {
    for (int capacity = 0; capacity <= 5; capacity++) {
      for (long seed = 1; seed <= 10; seed++) {
        Random rnd = new Random(seed);
        IntList list = new IntList(capacity);
        List<Integer> model = new ArrayList<>();
        assertTrue(list.isEmpty());
        for (int step = 0; step < 500; step++) {
          int op = rnd.nextInt(8);
          int v = rnd.nextInt(20);
          if (op <= 2 || model.isEmpty()) {
            list.add(v);
            model.add(v);
          } else if (op == 3) {
            int i = rnd.nextInt(model.size() + 1);
            list.insert(i, v);
            model.add(i, v);
          } else if (op == 4) {
            int i = rnd.nextInt(model.size());
            list.removeAt(i);
            model.remove(i);
          } else if (op == 5) {
            int i = rnd.nextInt(model.size());
            list.set(i, v);
            model.set(i, v);
          } else if (op == 6) {
            int n = rnd.nextInt(model.size() + 1);
            list.truncate(n);
            model.subList(n, model.size()).clear();
          } else {
            assertEquals(model.remove(Integer.valueOf(v)), list.removeValue(v));
          }
          String where = "capacity " + capacity + " seed " + seed + " step " + step;
          assertArrayEquals(model.stream().mapToInt(Integer::intValue).toArray(), list.toArray(), where);
          assertEquals(model.indexOf(v), list.indexOf(v), where);
          assertEquals(model.contains(v), list.contains(v), where);
          assertEquals(model.toString(), list.toString(), where);
        }
        list.clear();
        assertTrue(list.isEmpty());
        assertEquals(0, new IntList(list).size());
      }
    }
  }

  @Test
  void aListWithCapacityZeroGrowsOnItsFirstAdd() {
    IntList a = new IntList(0);
    IntList b = new IntList(0);
    a.add(7);
    assertEquals(1, a.size());
    assertEquals(7, a.get(0));
    assertEquals(0, b.size()); // the shared empty array is never written
    assertEquals(-1, b.indexOf(7));
    b.insert(0, 3);
    assertArrayEquals(new int[] {3}, b.toArray());
    assertArrayEquals(new int[] {7}, a.toArray());
  }
}
