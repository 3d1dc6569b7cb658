package dev.statewire.runtime;

import static dev.statewire.runtime.testkit.Applied.assertApplied;
import static dev.statewire.runtime.testkit.Applied.ch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.statewire.runtime.testkit.TestSchemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link Batch} building (chaining, size, tags, entries reserved by {@code put}, every typed
 * setter) and the exact texts of the wiring rules that refuse a registration.
 */
class BatchAndWiringRulesTest {
  record Line(boolean on, int qty) {}

  record Form(String name, int n, long total, double price, boolean flag, Boolean a, Boolean b, Boolean c,
      Map<String, Line> items, Map<String, Map<String, Line>> nested) {}

  private static Store store() {
    Map<String, Line> items = new LinkedHashMap<>();
    items.put("k1", new Line(true, 1));
    return Store.create(TestSchemas.schema(Form.class),
        new Form("x", 1, 2L, 3.0, false, true, true, true, items, Map.of("o", Map.of("i", new Line(true, 1)))));
  }

  @Test
  void everySetterChainsCountsAndIsApplied() {
    Store s = store();
    Batch b = s.batch();
    assertEquals(0, b.size());
    assertSame(b, b.tag("t1"));
    assertSame(b, b.set("name", "y"));
    assertSame(b, b.set(s.resolve("n"), 5));
    assertSame(b, b.set(s.path("a", Boolean.class), false));
    assertSame(b, b.setInt(s.resolve("n"), 6));
    assertSame(b, b.setLong(s.resolve("total"), -7L));
    assertSame(b, b.setDouble(s.resolve("price"), 0.25));
    assertSame(b, b.setBoolean(s.resolve("flag"), true));
    assertSame(b, b.put(s.resolve("items"), "k2", new Line(false, 2)));
    assertSame(b, b.remove(s.resolve("items"), "k1"));
    assertEquals(9, b.size());
    Changes c = b.apply();
    assertEquals("t1", c.tag(0));
    assertEquals(new Form("y", 6, -7L, 0.25, true, false, true, true, Map.of("k2", new Line(false, 2)),
        Map.of("o", Map.of("i", new Line(true, 1)))), s.snapshot());
    assertEquals("this batch was applied already; start a new one with store.batch()",
        assertThrows(IllegalStateException.class, () -> b.set("name", "z")).getMessage());
    assertThrows(IllegalStateException.class, () -> b.tag("t2"));
    assertThrows(IllegalStateException.class, () -> b.setBoolean(s.resolve("flag"), false));
    assertThrows(IllegalStateException.class, () -> b.entry(s.resolve("items"), "k2"));
  }

  @Test
  void anAppliedBatchRefusesEveryFurtherWrite() {
    Store s = store();
    int items = s.resolve("items");
    Batch b = s.batch().set("n", 2);
    b.apply();
    Object before = s.snapshot();
    List<Executable> writes = List.of(
        () -> b.set(s.path("name", String.class), "p"),
        () -> b.set(s.resolve("name"), "p"),
        () -> b.setInt(s.resolve("n"), 3),
        () -> b.setLong(s.resolve("total"), 3L),
        () -> b.setDouble(s.resolve("price"), 3.0),
        () -> b.put(items, "k9", new Line(true, 9)),
        () -> b.remove(items, "k1"),
        () -> b.apply());
    for (Executable w : writes) {
      assertEquals("this batch was applied already; start a new one with store.batch()",
          assertThrows(IllegalStateException.class, w).getMessage());
    }
    assertEquals(0, b.size(), "nothing was added to the applied batch");
    assertEquals(before, s.snapshot());
    assertEquals(List.of("k1"), s.keys(items));
  }

  @Test
  void anAppliedBatchRefusesAListAdd() {
    Store s = Store.create(TestSchemas.schema(WithList.class), new WithList(List.of()));
    int lines = s.resolve("lines");
    Batch b = s.batch().add(lines, new Line(true, 1));
    b.apply();
    assertThrows(IllegalStateException.class, () -> b.add(lines, new Line(false, 2)));
    assertEquals(1, s.size(lines));
  }

  record WithList(List<Line> lines) {}

  @Test
  void setBooleanFalseWritesFalse() {
    Store s = store();
    s.setBoolean(s.resolve("flag"), true);
    assertApplied(s.batch().setBoolean(s.resolve("flag"), false).apply(), ch("flag", false));
    assertEquals(false, s.getBoolean(s.resolve("flag")));
  }

  @Test
  void entryNamesAnEntryPutEarlierInTheSameBatch() {
    Store s = store();
    int items = s.resolve("items");
    Batch b = s.batch().put(items, "k2", new Line(false, 2));
    int k2 = b.entry(items, "k2");
    assertEquals(k2, b.entry(items, "k2"));
    b.set(k2 + 2, 9); // k2's block: entry, on, qty
    assertEquals(s.entry(items, "k1"), b.entry(items, "k1"));
    assertEquals("no entry \"k3\" in map \"items\"; it has keys [k1] (put the entry first, in this batch or an earlier one)",
        assertThrows(UnknownPathException.class, () -> b.entry(items, "k3")).getMessage());
    b.apply();
    assertEquals(new Line(false, 9), s.get("items.k2"));
  }

  @Test
  void wildcardIdsCannotBeWritten() {
    Store s = store();
    int tmpl = s.schema().find("items.*.qty");
    assertEquals("\"items.*.qty\" is a wildcard (entry template) path; write a concrete entry such as \"items.<key>.qty\"",
        assertThrows(UnknownPathException.class, () -> s.set(tmpl, 1)).getMessage());
    // the unboxed and batch forms take the same check (their fast paths admit no template path)
    assertThrows(UnknownPathException.class, () -> s.setInt(tmpl, 1));
    assertThrows(UnknownPathException.class, () -> s.batch().setInt(tmpl, 1));
    assertThrows(UnknownPathException.class, () -> s.batch().set(tmpl, 1));
  }

  @Test
  void wiringRulesRefuseWithExactTexts() {
    Store s = store();
    assertEquals("aggregation target \"a\" cannot also be one of its sources",
        assertThrows(WiringException.class, () -> s.wiring().aggregate(s.resolve("a"), s.resolve("b"), s.resolve("a")))
            .getMessage());
    // a path and its own descendant never have one generic type, so the type rule answers first
    assertEquals("sync paths must have the same type, but \"nested\" is java.util.Map<java.lang.String,"
            + "java.util.Map<java.lang.String," + Line.class.getName() + ">> and \"nested.o\" is"
            + " java.util.Map<java.lang.String," + Line.class.getName() + ">",
        assertThrows(WiringException.class, () -> s.wiring().sync(s.resolve("nested"), s.resolve("nested.o")))
            .getMessage());
    s.wiring().aggregate(s.resolve("a"), s.resolve("b"));
    s.wiring().aggregate(s.resolve("b"), s.resolve("c"));
    assertEquals("circular aggregation: \"c\" would be both a target and a source of one aggregation chain"
            + " (c → b → a → c)",
        assertThrows(WiringException.class, () -> s.wiring().aggregate(s.resolve("c"), s.resolve("a"))).getMessage());
    assertEquals(2, s.stats().aggregations());
    assertEquals(0, s.stats().syncEdges());
  }

  @Test
  void nullToATargetFansOutToBoxedSourcesAndIsRefusedForPrimitiveOnes() {
    Store s = store();
    s.wiring().aggregate(s.resolve("a"), s.resolve("b"));
    assertApplied(s.set("a", null), ch("b", null, ChangeFlag.AGGREGATION), ch("a", null, ChangeFlag.AGGREGATE_READ));
    s.wiring().aggregate(s.resolve("c"), s.resolve("flag"));
    Object before = s.snapshot();
    assertEquals("cannot write null to \"c\": it fans out to aggregation source \"flag\", which is boolean and"
            + " cannot hold null",
        assertThrows(ValueTypeException.class, () -> s.set("c", null)).getMessage());
    assertEquals(before, s.snapshot());
  }
}
