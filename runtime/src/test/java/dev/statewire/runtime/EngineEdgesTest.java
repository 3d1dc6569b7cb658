package dev.statewire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Engine paths the other suites reach only indirectly: container accessors on the wrong kind,
 * list bounds, {@code fromValues} validation, {@link ListenerEvent#valueAfter} over map, list and
 * record overlays, and the {@code stats()} counters.
 */
class EngineEdgesTest {
  record Line(boolean on, int qty) {}

  record Addr(String zip, String city) {}

  record Form(String name, int n, Addr addr, Map<String, Line> items, List<Line> lines) {}

  static final Schema SCHEMA = TestSchemas.schema(Form.class);

  private static Store store() {
    Map<String, Line> items = new LinkedHashMap<>();
    items.put("k1", new Line(true, 1));
    items.put("k2", new Line(false, 2));
    return Store.create(SCHEMA, new Form("x", 1, new Addr("z", "c"), items,
        List.of(new Line(true, 7), new Line(false, 8))));
  }

  private static <T extends Throwable> String message(Class<T> type, org.junit.jupiter.api.function.Executable e) {
    return assertThrows(type, e).getMessage();
  }

  @Test
  void containerAccessorsCheckTheKind() {
    Store s = store();
    int name = s.resolve("name");
    int items = s.resolve("items");
    int lines = s.resolve("lines");
    assertEquals("\"name\" is a STRING, not a map or list", message(IllegalArgumentException.class, () -> s.size(name)));
    assertEquals("\"lines\" is a LIST, not a MAP", message(IllegalArgumentException.class, () -> s.keys(lines)));
    assertEquals("\"items\" is a MAP, not a LIST", message(IllegalArgumentException.class, () -> s.entry(items, 0)));
    assertEquals("\"name\" is a STRING, not a MAP",
        message(IllegalArgumentException.class, () -> s.findEntry(name, "k1")));
    assertEquals("no entry 2 in list \"lines\" of size 2", message(UnknownPathException.class, () -> s.entry(lines, 2)));
    assertEquals("no entry -1 in list \"lines\" of size 2", message(UnknownPathException.class, () -> s.entry(lines, -1)));
    assertEquals("lines.1", s.pathOf(s.entry(lines, 1)));
    assertEquals(new Line(false, 8), s.get(s.entry(lines, 1)));
  }

  @Test
  void containersThatAreNullHaveNoEntries() {
    Store s = store();
    s.batch().set("items", null).set("lines", null).apply();
    int items = s.resolve("items");
    int lines = s.resolve("lines");
    assertEquals(0, s.size(items));
    assertEquals(0, s.size(lines));
    assertEquals(List.of(), s.keys(items));
    assertEquals(-1, s.findEntry(items, "k1"));
    assertEquals("no entry 0 in list \"lines\" of size 0", message(UnknownPathException.class, () -> s.entry(lines, 0)));
    assertTrue(message(UnknownPathException.class, () -> s.entry(items, "k1")).contains("it has keys []"));
  }

  @Test
  void removedEntriesAreNotCountedOrListed() {
    Store s = store();
    int items = s.resolve("items");
    s.remove(items, "k1");
    assertEquals(1, s.size(items));
    assertEquals(List.of("k2"), s.keys(items));
    assertEquals(-1, s.findEntry(items, "k1"));
  }

  @Test
  void fromValuesValidatesEveryPair() {
    int name = SCHEMA.find("name");
    assertTrue(message(ValueTypeException.class, () -> Store.fromValues(SCHEMA, new int[] {name}, new Object[] {3}))
        .startsWith("initial state: cannot write 3 to \"name\""));
    assertTrue(message(UnknownPathException.class,
        () -> Store.fromValues(SCHEMA, new int[] {SCHEMA.find("items.*.qty")}, new Object[] {3}))
        .contains("wildcard"));
    assertTrue(message(UnknownPathException.class,
        () -> Store.fromValues(SCHEMA, new int[] {SCHEMA.pathCount()}, new Object[] {3}))
        .contains("unknown path ID " + SCHEMA.pathCount()));
    assertEquals("1 path IDs but 0 values: give one value per path",
        message(IllegalArgumentException.class, () -> Store.fromValues(SCHEMA, new int[] {name}, new Object[0])));
  }

  @Test
  void unknownPathIdsNameTheValidRange() {
    Store s = store();
    int last = SCHEMA.pathCount() - 1;
    assertEquals("unknown path ID " + (last + 100) + ": not a path of Form (static IDs are 0.." + last
        + ", or a removed entry)", message(UnknownPathException.class, () -> s.get(last + 100)));
    assertThrows(UnknownPathException.class, () -> s.isSet(-5));
    assertThrows(UnknownPathException.class, () -> s.kindOf(last + 100));
    assertEquals(PathKind.RECORD, s.kindOf(0));
    assertEquals(new Line(true, 1), s.get(s.resolve("items.k1")), "dynamic IDs above the static range are live");
  }

  @Test
  void valueAfterOverlaysMapListAndRecordWrites() {
    Store s = store();
    int items = s.resolve("items");
    int lines = s.resolve("lines");
    int addr = s.resolve("addr");
    List<Object> seen = new ArrayList<>();
    s.listen(s.resolve("name"), 0, e -> {
      seen.add(e.valueAfter(items));
      seen.add(e.valueAfter(lines));
      seen.add(e.valueAfter(addr));
      seen.add(e.valueAfter(0));
      seen.add(e.valueAfter(s.resolve("lines.1.qty")));
      seen.add(e.valueAfter(s.resolve("items.k2.on")));
    });
    s.batch()
        .set("name", "y")
        .set("items.k1.qty", 5)
        .put(items, "k3", new Line(true, 3))
        .remove(items, "k2")
        .set("lines.1.qty", 9)
        .set("addr.city", "c2")
        .apply();
    Map<String, Line> expectedItems = new LinkedHashMap<>();
    expectedItems.put("k1", new Line(true, 5));
    expectedItems.put("k3", new Line(true, 3));
    assertEquals(expectedItems, seen.get(0));
    assertEquals(List.of("k1", "k3"), new ArrayList<>(((Map<?, ?>) seen.get(0)).keySet()), "key order");
    assertEquals(List.of(new Line(true, 7), new Line(false, 9)), seen.get(1));
    assertEquals(new Addr("z", "c2"), seen.get(2));
    assertEquals(new Form("y", 1, new Addr("z", "c2"), expectedItems, List.of(new Line(true, 7), new Line(false, 9))),
        seen.get(3));
    assertEquals(9, seen.get(4));
    assertSame(Store.ABSENT, seen.get(5), "below a removed entry");
    assertEquals(seen.get(3), s.snapshot(), "valueAfter(root) is the state the batch produced");
  }

  @Test
  void valueAfterExtractsFromAWrittenParent() {
    Store s = store();
    List<Object> seen = new ArrayList<>();
    s.listen(s.resolve("name"), 0, e -> {
      seen.add(e.valueAfter(s.resolve("addr.city")));
      seen.add(e.valueAfter(s.resolve("items.k1.qty")));
      seen.add(e.valueAfter(s.resolve("items.k2.qty")));
      seen.add(e.valueAfter(s.resolve("lines.0.on")));
      seen.add(e.valueAfter(s.resolve("lines.1.on")));
    });
    Map<String, Line> only = Map.of("k1", new Line(false, 42));
    s.batch().set("name", "y").set("addr", new Addr("z2", "c2")).set("items", only)
        .set("lines", List.of(new Line(false, 1))).apply();
    assertEquals(List.of("c2", 42, Store.ABSENT, false, Store.ABSENT), seen);
  }

  @Test
  void valueAfterBelowANullNodeKeepsTheNullNode() {
    Store s = store();
    s.set("addr", null);
    List<Object> seen = new ArrayList<>();
    s.listen(s.resolve("name"), 0, e -> seen.add(e.valueAfter(s.resolve("addr"))));
    s.batch().set("name", "y").apply();
    assertEquals(1, seen.size());
    assertEquals(null, seen.get(0));
  }

  @Test
  void statsCountReferenceSlotsAndPathIds() {
    Store s = store();
    Store.Stats a = s.stats();
    s.put(s.resolve("items"), "k3", new Line(true, 3));
    Store.Stats b = s.stats();
    assertEquals(a.pathIds() + 3, b.pathIds(), "an entry of Line takes 3 IDs (entry, on, qty)");
    s.remove(s.resolve("items"), "k3");
    Store.Stats c = s.stats();
    assertEquals(a.pathIds(), c.pathIds(), "the removed entry's IDs are no longer in use");
    assertEquals(b.freeIds() + 3, c.freeIds(), "they wait for reuse");
    s.set("name", null);
    assertEquals(c.referenceSlots() - 1, s.stats().referenceSlots(), "a null string holds no reference");
  }

  @Test
  void thePrimitiveGettersRefuseAnUnknownPathId() {
    Store s = store();
    int unknown = SCHEMA.pathCount() + 100;
    String message = "unknown path ID " + unknown + ": not a path of Form (static IDs are 0.."
        + (SCHEMA.pathCount() - 1) + ", or a removed entry)";
    assertEquals(message, message(UnknownPathException.class, () -> s.getInt(unknown)));
    assertEquals(message, message(UnknownPathException.class, () -> s.getLong(unknown)));
    assertEquals(message, message(UnknownPathException.class, () -> s.getDouble(unknown)));
    assertEquals(message, message(UnknownPathException.class, () -> s.getBoolean(unknown)));
  }

  @Test
  void aListenersReadsRefuseAnUnknownPathId() {
    Store s = store();
    int unknown = SCHEMA.pathCount() + 100;
    List<String> refused = new ArrayList<>();
    s.listen(s.resolve("name"), 0, e -> {
      try {
        e.preBatchValue(unknown);
      } catch (UnknownPathException x) {
        refused.add("preBatchValue");
      }
      try {
        e.valueAfter(unknown);
      } catch (UnknownPathException x) {
        refused.add("valueAfter");
      }
    });
    s.set("name", "y");
    assertEquals(List.of("preBatchValue", "valueAfter"), refused);
    assertEquals("y", s.get("name"));
  }

  @Test
  void aListenerOnAWildcardPathOrWithAWildcardScopeIsRefused() {
    Store s = store();
    int template = SCHEMA.find("items.*.qty");
    assertTrue(message(UnknownPathException.class, () -> s.listen(template, 0, e -> {}))
        .startsWith("\"items.*.qty\" is a wildcard (entry template) path"));
    assertTrue(message(UnknownPathException.class, () -> s.listen(s.resolve("items.k1.qty"), SCHEMA.find("items.*"), e -> {}))
        .startsWith("\"items.*\" is a wildcard (entry template) path"));
    assertEquals(0, s.stats().listeners());
  }

  @Test
  void aListenerCannotEvenStartABatch() {
    Store s = store();
    List<String> refused = new ArrayList<>();
    s.listen(s.resolve("name"), 0, e -> {
      try {
        s.batch();
      } catch (IllegalStateException x) {
        refused.add(x.getMessage());
      }
    });
    s.set("name", "y");
    assertEquals(List.of("a listener must not write to the store while it is called; return the change with"
        + " event.emit(path, value) instead"), refused);
  }

  @Test
  void theBatchObjectIsHandedOutAgainOnceItWasApplied() {
    Store s = store();
    Batch first = s.batch();
    Batch second = s.batch();
    assertNotSame(first, second, "not while it is open");
    first.set("n", 2).apply();
    second.set("n", 3).apply();
    // the batch handed out while the cached one was open is cached from then on: an open batch
    // may have been dropped (a refused write), and must not make every later write allocate
    Batch again = s.batch();
    assertSame(second, again);
    again.set("n", 4).apply();
    assertEquals(4, s.get("n"));
  }

  /** Its accessor throws for 13: user code that fails while a value is written. */
  record Touchy(int v) {
    @Override
    public int v() {
      if (v == 13) {
        throw new IllegalArgumentException("13");
      }
      return v;
    }
  }

  record Touchies(Touchy src, Touchy dst, int n) {}

  @Test
  void anAggregationWhoseFirstReadThrowsIsNotRegisteredAndChangesNothing() {
    Store s = Store.create(TestSchemas.schema(Touchies.class), new Touchies(new Touchy(0), null, 0));
    s.set("src.v", 13); // a leaf write: no accessor is called
    // the read builds Touchy(13) and writes it to dst, whose accessor then throws
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> s.wiring().aggregate(s.resolve("dst"), s.resolve("src")));
    assertEquals("13", e.getCause().getMessage());
    assertNull(s.get("dst"));
    assertEquals(0, s.stats().aggregations());
    assertNull(s.engine().pipeline.undoLog());
    s.set("n", 1);
    assertNull(s.get("dst"), "no aggregation reads dst");
  }

  @Test
  void registeringAnAggregationLeavesNoUndoLogAndMakesEarlierViewsStale() {
    Store s = Store.create(TestSchemas.of(Touchies.class).build(), new Touchies(new Touchy(1), null, 0));
    Changes before = s.set("n", 1);
    s.wiring().aggregate(s.resolve("dst"), s.resolve("src"));
    assertEquals(new Touchy(1), s.get("dst"));
    assertNull(s.engine().pipeline.undoLog());
    s.set("n", 2);
    assertThrows(IllegalStateException.class, () -> before.path(0), "a view from before the registration");
  }

  @Test
  void aStoreFromNoValuesHasItsRootPresent() {
    Store s = Store.fromValues(SCHEMA, new int[0], new Object[0]);
    assertTrue(s.isSet(0));
    assertFalse(s.isSet(s.resolve("name")));
  }

  record Maps(Map<String, Line> a, Map<String, Line> b) {}

  @Test
  void entriesThatTheCreationReadRemovesAreGoneWhenTheStoreIsHandedOut() {
    Schema schema = TestSchemas.of(Maps.class).aggregate("a", "b").build();
    Store emptied = Store.create(schema, new Maps(Map.of("k1", new Line(true, 1), "k2", new Line(true, 2)), Map.of()));
    Store empty = Store.create(schema, new Maps(Map.of(), Map.of()));
    assertEquals(List.of(), emptied.keys(emptied.resolve("a")));
    assertEquals(empty.stats().pathIds(), emptied.stats().pathIds());
  }

  record Bag(Map<String, Touchy> src, Map<String, Touchy> dst) {}

  /** A store whose src.a holds 13, which Touchy's accessor refuses once the value is written elsewhere. */
  private static Store bag() {
    Store s = Store.create(TestSchemas.schema(Bag.class), new Bag(Map.of("a", new Touchy(0)), Map.of()));
    s.set("src.a.v", 13); // a leaf write: no accessor is called
    return s;
  }

  @Test
  void aFailingFirstReadGivesBackTheEntriesItReserved() {
    Store s = bag();
    Store.Stats before = s.stats();
    // the read reserves dst.a, then writing Touchy(13) into it calls the accessor, which throws
    assertThrows(RuntimeException.class, () -> s.wiring().aggregate(s.resolve("dst"), s.resolve("src")));
    assertEquals(List.of(), s.keys(s.resolve("dst")));
    assertEquals(0, s.stats().aggregations());
    assertEquals(before.pathIds(), s.stats().pathIds());
    assertEquals(before.freeIds(), s.stats().freeIds());
  }

  @Test
  void aBatchFailingInTheApplyStageGivesBackTheEntriesTheApplyStageReserved() {
    Store s = bag();
    Store.Stats before = s.stats();
    Map<String, Touchy> dst = Map.of("b", new Touchy(13));
    RuntimeException e = assertThrows(RuntimeException.class, () -> s.set("dst", dst));
    assertEquals("13", e.getCause().getMessage());
    assertEquals(List.of(), s.keys(s.resolve("dst")));
    assertEquals(before.pathIds(), s.stats().pathIds());
    assertEquals(before.freeIds(), s.stats().freeIds());
  }
}
