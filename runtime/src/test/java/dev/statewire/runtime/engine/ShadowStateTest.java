package dev.statewire.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.testkit.TestSchemas;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Round-trips of every value kind through the shadow state, and reference slot cleanup. */
class ShadowStateTest {
  enum Side { BUY, SELL }

  record Inner(String s, Integer boxed) {}

  record All(
      boolean z, Boolean bz, byte b, short s, char c, int i, long l, float f, double d,
      Double bd, String str, Side side, LocalDate date, Inner inner, Map<String, String> tags,
      List<Integer> nums) {}

  private static All sample() {
    return new All(true, null, (byte) -3, (short) 300, 'x', -7, Long.MIN_VALUE, -0.0f, -0.0,
        Double.NaN, "", Side.SELL, LocalDate.of(2026, 11, 25), new Inner("in", null),
        Map.of("k", "v"), List.of(1, 2, 3));
  }

  @Test
  void initialValueRoundTripsExactly() {
    All all = sample();
    Store store = Store.create(TestSchemas.schema(All.class), all);
    assertEquals(all, store.snapshot());
    assertEquals(Long.MIN_VALUE, store.getLong(store.resolve("l")));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(store.getDouble(store.resolve("d"))));
    assertTrue(Double.isNaN((Double) store.get("bd")));
    assertEquals("", store.get("str"));
    assertNull(store.get("bz"));
    assertEquals('x', store.get("c"));
    assertEquals(Side.SELL, store.get("side"));
  }

  @Test
  void initFromFlatPairsEqualsInitFromRecord() {
    All all = sample();
    dev.statewire.runtime.Schema schema = TestSchemas.schema(All.class);
    Store byRecord = Store.create(schema, all);
    String[] paths = {"z", "bz", "b", "s", "c", "i", "l", "f", "d", "bd", "str", "side", "date",
        "inner.s", "inner.boxed", "tags", "nums"};
    int[] ids = new int[paths.length];
    Object[] values = new Object[paths.length];
    for (int k = 0; k < paths.length; k++) {
      ids[k] = byRecord.resolve(paths[k]);
      values[k] = byRecord.get(paths[k]);
    }
    Store flat = Store.fromValues(schema, ids, values);
    assertEquals(all, flat.snapshot());
    assertEquals(byRecord.stats(), flat.stats());
  }

  @Test
  void everyKindRoundTripsThroughWrites() {
    Store store = Store.create(TestSchemas.schema(All.class), sample());
    Object[][] writes = {
      {"z", false}, {"bz", Boolean.TRUE}, {"b", (byte) 127}, {"s", Short.MIN_VALUE},
      {"c", '\u20ac'}, {"i", Integer.MIN_VALUE}, {"l", Long.MAX_VALUE}, {"f", Float.NaN},
      {"d", Double.MIN_VALUE}, {"bd", 1e308}, {"str", "žluťoučký"}, {"side", Side.BUY},
      {"date", LocalDate.of(1999, 1, 1)}, {"inner.s", null}, {"inner.boxed", 5}
    };
    for (Object[] w : writes) {
      store.set((String) w[0], w[1]);
      assertEquals(w[1], store.get((String) w[0]), (String) w[0]);
    }
  }

  @Test
  void negativeZeroDiffersFromZeroAndNaNEqualsNaN() {
    Store store = Store.create(TestSchemas.schema(All.class), sample());
    int d = store.resolve("d");
    assertEquals(1, store.setDouble(d, 0.0).size(), "0.0 differs from -0.0");
    assertEquals(0, store.setDouble(d, 0.0).size());
    int bd = store.resolve("bd");
    assertEquals(0, store.set(bd, Double.NaN).size(), "NaN equals NaN: a no-op");
  }

  @Test
  void nullAndAbsentAreDistinct() {
    Store store = Store.create(TestSchemas.schema(All.class), sample());
    store.set("inner", null);
    assertNull(store.get("inner"));
    assertSame(Store.ABSENT, store.get("inner.s"), "below a null node a path is absent");
    Changes c = store.set("inner.s", null);
    assertEquals(1, c.size(), "null onto an absent path is a change");
  }

  @Test
  void overwritingAndRemovingClearsReferenceSlots() {
    Store store = Store.create(TestSchemas.schema(All.class), sample());
    int before = store.stats().referenceSlots();
    store.set("str", null);
    store.set("date", null);
    assertEquals(before - 2, store.stats().referenceSlots());
    store.set("inner", null); // inner.s was a string slot
    assertEquals(before - 3, store.stats().referenceSlots());
    int tags = store.resolve("tags");
    store.remove(tags, "k");
    assertEquals(before - 4, store.stats().referenceSlots());
  }

  @Test
  void snapshotIsImmutableAndValueSemanticsHold() {
    java.util.HashMap<String, String> mine = new java.util.HashMap<>(Map.of("a", "1"));
    All all = new All(true, null, (byte) 0, (short) 0, 'a', 0, 0, 0, 0, null, "", Side.BUY, null,
        new Inner("x", 1), mine, List.of());
    Store store = Store.create(TestSchemas.schema(All.class), all);
    mine.put("b", "2"); // the caller's map is not shared with the store
    assertEquals(Map.of("a", "1"), store.get("tags"));
    All snap = (All) store.snapshot();
    assertThrows(UnsupportedOperationException.class, () -> snap.tags().put("c", "3"));
  }
}
