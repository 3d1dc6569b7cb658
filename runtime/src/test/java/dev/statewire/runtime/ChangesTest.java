package dev.statewire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.testkit.TestSchemas;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@link Changes} view: indexed accessors, bounds, the list forms, and going stale. */
class ChangesTest {
  record Pair(String a, String b, int n) {}

  private static Store store() {
    return Store.create(TestSchemas.of(Pair.class).sync("a", "b").build(), new Pair("x", "x", 0));
  }

  record Prims(int i, long l, double d, boolean b, Integer boxed, String s) {}

  @Test
  void unboxedGettersReadPrimitiveChangesAndCheckKindAndPresence() {
    Store s = Store.create(TestSchemas.schema(Prims.class), new Prims(1, 2L, 3.0, false, 5, "x"));
    Changes c = s.batch()
        .setInt(s.resolve("i"), -7)
        .setLong(s.resolve("l"), 1L << 40)
        .setDouble(s.resolve("d"), -0.0)
        .setBoolean(s.resolve("b"), true)
        .set("boxed", null)
        .set("s", "y")
        .apply();
    assertEquals(-7, c.intValue(0));
    assertEquals(1L << 40, c.longValue(1));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(c.doubleValue(2)));
    assertTrue(c.booleanValue(3));

    ValueTypeException wrongKind = assertThrows(ValueTypeException.class, () -> c.intValue(1));
    assertEquals("path \"l\" holds long, not INT", wrongKind.getMessage());
    assertEquals("path \"s\" holds java.lang.String, not DOUBLE",
        assertThrows(ValueTypeException.class, () -> c.doubleValue(5)).getMessage());
    assertEquals("path \"i\" holds int, not BOOLEAN",
        assertThrows(ValueTypeException.class, () -> c.booleanValue(0)).getMessage());
    assertEquals("path \"d\" holds double, not LONG",
        assertThrows(ValueTypeException.class, () -> c.longValue(2)).getMessage());
    assertEquals("path \"boxed\" is null", assertThrows(IllegalStateException.class, () -> c.intValue(4)).getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> c.intValue(6));

    assertFalse(s.setBoolean(s.resolve("b"), false).booleanValue(0));
    assertThrows(IllegalStateException.class, () -> c.intValue(0), "stale after the next batch");
  }

  @Test
  void indexedAccessorsDescribeEachChange() {
    Store s = store();
    Changes c = s.batch().tag("T").set("a", "y").setInt(s.resolve("n"), 4).apply();
    assertEquals(3, c.size());
    assertFalse(c.isEmpty());
    assertEquals(s.resolve("a"), c.pathId(0));
    assertEquals(s.resolve("n"), c.pathId(1));
    assertEquals(s.resolve("b"), c.pathId(2));
    assertEquals("b", c.path(2));
    assertEquals(4, c.value(1));
    assertEquals(0, c.flagMask(0));
    assertEquals(ChangeFlag.SYNC.bit(), c.flagMask(2));
    assertEquals(Set.of(ChangeFlag.SYNC), c.flags(2));
    assertEquals("T", c.tag(2), "a derived change carries its input's tag");
    assertEquals(new Change(s.resolve("b"), "b", "y", EnumSet.of(ChangeFlag.SYNC), "T"), c.get(2));
    List<Change> list = c.toList();
    assertEquals(list, c.asList());
    assertEquals(3, c.asList().size());
    assertEquals(list.get(1), c.asList().get(1));
    assertThrows(UnsupportedOperationException.class, () -> list.add(list.get(0)), "toList is unmodifiable");
  }

  @Test
  void indexesOutsideTheViewAreRefused() {
    Store s = store();
    Changes c = s.set("n", 1);
    assertEquals("index 1 out of range for 1 changes",
        assertThrows(IndexOutOfBoundsException.class, () -> c.value(1)).getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> c.path(-1));
    Changes none = s.set("n", 1);
    assertTrue(none.isEmpty());
    assertEquals(0, none.size());
    assertEquals("[]", none.toString());
  }

  @Test
  void aViewGoesStaleWithTheNextBatch() {
    Store s = store();
    Changes c = s.set("a", "q");
    List<Change> kept = c.toList();
    List<Change> live = c.asList();
    s.set("n", 9);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.get(0));
    assertTrue(e.getMessage().contains("Call toList()"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> live.get(0));
    assertThrows(IllegalStateException.class, () -> c.flags(0));
    assertEquals("a", kept.get(0).path());
    assertEquals(2, c.size(), "the size is kept");
  }

  @Test
  void flagMasksRoundTrip() {
    for (ChangeFlag f : ChangeFlag.values()) {
      assertEquals(Set.of(f), ChangeFlag.fromMask(f.bit()));
    }
    assertEquals(EnumSet.of(ChangeFlag.SYNC, ChangeFlag.LISTENER),
        ChangeFlag.fromMask(ChangeFlag.SYNC.bit() | ChangeFlag.LISTENER.bit()));
    assertEquals(Set.of(), ChangeFlag.fromMask(0));
    assertEquals(1, ChangeFlag.AGGREGATION.bit());
    assertEquals(16, ChangeFlag.AGGREGATE_READ.bit());
  }

  @Test
  void pathKindPredicates() {
    for (PathKind k : PathKind.values()) {
      boolean node = k == PathKind.RECORD || k == PathKind.MAP || k == PathKind.LIST;
      assertEquals(node, k.isNode(), k.name());
      assertEquals(k == PathKind.MAP || k == PathKind.LIST, k.isContainer(), k.name());
      boolean primitive = !node && k != PathKind.STRING && k != PathKind.ENUM && k != PathKind.OBJECT;
      assertEquals(primitive, k.isPrimitive(), k.name());
    }
  }
}
