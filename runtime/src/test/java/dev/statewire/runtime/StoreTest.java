package dev.statewire.runtime;

import static dev.statewire.runtime.testkit.Applied.assertApplied;
import static dev.statewire.runtime.testkit.Applied.ch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The {@link Store} facade: every overload reaches the engine with the right path and value and
 * returns what the engine returns (applied changes, IDs, keys, sizes, values, registrations).
 */
class StoreTest {
  record Line(boolean on, int qty) {}

  record Addr(String zip) {}

  record Form(String name, int n, long total, double price, boolean flag, Integer boxed, Addr addr,
      Map<String, Line> items, List<Line> lines) {}

  static final Schema SCHEMA = TestSchemas.schema(Form.class);

  private static Store store() {
    Map<String, Line> items = new LinkedHashMap<>();
    items.put("k1", new Line(true, 1));
    items.put("k2", new Line(false, 2));
    return Store.create(SCHEMA,
        new Form("x", 1, 10L, 1.5, false, null, new Addr("z"), items, List.of(new Line(true, 7))));
  }

  @Test
  void createRefusesNulls() {
    assertEquals("schema", assertThrows(NullPointerException.class, () -> Store.create(null, new Object())).getMessage());
    assertEquals("initial", assertThrows(NullPointerException.class, () -> Store.create(SCHEMA, null)).getMessage());
    assertEquals("schema",
        assertThrows(NullPointerException.class, () -> Store.fromValues(null, new int[0], new Object[0])).getMessage());
  }

  @Test
  void schemaAndToString() {
    Store s = store();
    assertSame(SCHEMA, s.schema());
    assertEquals("Store[Form]", s.toString());
    assertEquals("<absent>", Store.ABSENT.toString());
  }

  @Test
  void fromValuesWritesEachValueAndLeavesTheRestAbsent() {
    int[] ids = {SCHEMA.find("name"), SCHEMA.find("addr.zip"), SCHEMA.find("n"), SCHEMA.find("total"),
        SCHEMA.find("price"), SCHEMA.find("flag")};
    Object[] values = {"from", "zz", 4, 5L, 0.5, true};
    Store s = Store.fromValues(SCHEMA, ids, values);
    ids[0] = SCHEMA.find("addr.zip");
    values[1] = "changed";
    assertEquals("from", s.get("name"));
    assertEquals(new Addr("zz"), s.get("addr"));
    assertEquals(4, s.get("n"));
    assertSame(Store.ABSENT, s.get("boxed"));
    assertSame(Store.ABSENT, s.get("items"));
    assertFalse(s.isSet(s.resolve("boxed")));
    assertEquals(0, s.size(s.resolve("items")));
    assertEquals(List.of(), s.keys(s.resolve("items")));
    assertEquals(new Form("from", 4, 5L, 0.5, true, null, new Addr("zz"), null, null), s.snapshot(),
        "absent components read as null in the snapshot");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Store.fromValues(SCHEMA, new int[] {1, 2}, new Object[] {"a"}));
    assertTrue(e.getMessage().contains("2 path IDs but 1 values"), e.getMessage());
  }

  @Test
  void pathLookups() {
    Store s = store();
    int items = s.resolve("items");
    int lines = s.resolve("lines");
    int k2 = s.entry(items, "k2");
    assertEquals(s.resolve("items.k2"), k2);
    assertEquals(k2, s.findEntry(items, "k2"));
    assertEquals(-1, s.findEntry(items, "k9"));
    assertThrows(UnknownPathException.class, () -> s.entry(items, "k9"));
    assertEquals("items.k2", s.pathOf(k2));
    assertEquals("", s.pathOf(0));
    assertEquals(PathKind.MAP, s.kindOf(items));
    assertEquals(PathKind.LIST, s.kindOf(lines));
    assertEquals(PathKind.INT, s.kindOf(s.resolve("items.k2.qty")));
    assertEquals(List.of("k1", "k2"), s.keys(items));
    assertEquals(2, s.size(items));
    assertEquals(1, s.size(lines));
    int l0 = s.entry(lines, 0);
    assertEquals("lines.0", s.pathOf(l0));
    assertEquals(new Line(true, 7), s.get(l0));
    assertThrows(UnknownPathException.class, () -> s.entry(lines, 1));
    Path<Integer> qty = s.path(s.resolve("items.k1.qty"), Integer.class);
    assertEquals("items.k1.qty", qty.path());
    assertEquals(1, s.get(qty));
    assertThrows(ValueTypeException.class, () -> s.path(s.resolve("name"), Integer.class));
    assertThrows(ValueTypeException.class, () -> s.path("name", Integer.class));
  }

  @Test
  void primitiveGettersReadTheBitsAndCheckKindAndPresence() {
    Store s = store();
    assertEquals(1, s.getInt(s.resolve("n")));
    assertEquals(10L, s.getLong(s.resolve("total")));
    assertEquals(1.5, s.getDouble(s.resolve("price")));
    assertFalse(s.getBoolean(s.resolve("flag")));
    assertTrue(s.getBoolean(s.resolve("items.k1.on")));
    assertThrows(ValueTypeException.class, () -> s.getLong(s.resolve("n")));
    assertThrows(ValueTypeException.class, () -> s.getInt(s.resolve("total")));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.getInt(s.resolve("boxed")));
    assertTrue(e.getMessage().contains("\"boxed\" is null"), e.getMessage());
    assertFalse(s.isSet(s.resolve("boxed")));
    assertTrue(s.isSet(s.resolve("n")));
  }

  @Test
  void everyWriteOverloadAppliesAndReturnsTheChanges() {
    Store s = store();
    assertApplied(s.set(s.path("name", String.class), "a"), ch("name", "a"));
    assertApplied(s.set(s.resolve("name"), "b"), ch("name", "b"));
    assertApplied(s.set("name", "c"), ch("name", "c"));
    assertApplied(s.setInt(s.resolve("n"), 5), ch("n", 5));
    assertApplied(s.setLong(s.resolve("total"), Long.MIN_VALUE), ch("total", Long.MIN_VALUE));
    assertApplied(s.setDouble(s.resolve("price"), 2.25), ch("price", 2.25));
    assertApplied(s.setBoolean(s.resolve("flag"), true), ch("flag", true));
    assertApplied(s.put(s.resolve("items"), "k3", new Line(true, 3)), ch("items.k3", new Line(true, 3)));
    assertApplied(s.remove(s.resolve("items"), "k1"), ch("items.k1", Store.ABSENT));
    assertApplied(s.add(s.resolve("lines"), new Line(false, 8)), ch("lines.1", new Line(false, 8)));
    assertEquals(5, s.getInt(s.resolve("n")));
    assertEquals(Long.MIN_VALUE, s.getLong(s.resolve("total")));
    assertEquals(2.25, s.getDouble(s.resolve("price")));
    assertTrue(s.getBoolean(s.resolve("flag")));
    assertEquals(List.of("k2", "k3"), s.keys(s.resolve("items")));
    assertEquals(2, s.size(s.resolve("lines")));
    Form f = (Form) s.snapshot();
    assertEquals("c", f.name());
    assertEquals(List.of(new Line(true, 7), new Line(false, 8)), f.lines());
  }

  @Test
  void changesPrintPathsValuesAndFlags() {
    Store s = store();
    s.wiring().sync(s.resolve("name"), s.resolve("addr.zip"));
    Changes c = s.batch().set("name", "q").set("boxed", 3).apply();
    assertEquals("[name=\"q\", boxed=3, addr.zip=\"q\" [SYNC]]", c.toString());
    Changes r = s.batch().set("boxed", null).remove(s.resolve("items"), "k1").apply();
    assertEquals("[boxed=null, items.k1=<absent>]", r.toString());
  }

  @Test
  void listenOverloadsRegisterOnTheGivenPathAndScope() {
    Store s = store();
    List<String> calls = new ArrayList<>();
    Path<Integer> qty = s.path("items.k1.qty", Integer.class);
    Path<Line> k1 = s.path("items.k1", Line.class);
    Registration a = s.listen(qty, e -> calls.add("a " + e.pathId() + " " + e.scopeId() + " " + e.scopeValue()));
    Registration b = s.listen(qty, k1, e -> calls.add("b " + e.scopeId() + " " + e.scopeValue()));
    Registration c = s.listen(s.resolve("n"), 0, e -> calls.add("c " + e.scopeId()));
    Registration d = s.listenAll(e -> calls.add("d " + e.pathId() + " " + e.changes().size()));
    assertEquals(4, s.stats().listeners());
    s.set(qty, 9);
    assertEquals(List.of("a " + qty.id() + " " + qty.id() + " 1", "b " + k1.id() + " " + new Line(true, 1), "d 0 1"),
        calls);
    calls.clear();
    s.set("n", 2);
    assertEquals(List.of("c 0", "d 0 1"), calls);
    for (Registration r : List.of(a, b, c, d)) {
      assertTrue(r.isActive());
      r.close();
      assertFalse(r.isActive());
    }
    assertEquals(0, s.stats().listeners());
    calls.clear();
    s.set(qty, 10);
    assertEquals(List.of(), calls);
    assertThrows(WiringException.class, () -> s.listen(qty, s.path("n", Integer.class), e -> {}));
  }

  @Test
  void subscribersGetEveryBatchThatAppliedSomething() {
    Store s = store();
    List<List<Change>> got = new ArrayList<>();
    Registration r = s.subscribe(c -> got.add(c.toList()));
    assertEquals(1, s.stats().subscribers());
    s.set("n", 2);
    s.set("n", 2); // a no-op batch applies nothing
    assertEquals(1, got.size());
    assertEquals("n", got.get(0).get(0).path());
    r.close();
    assertEquals(0, s.stats().subscribers());
    s.set("n", 3);
    assertEquals(1, got.size());
  }

  @Test
  void statsCountWhatIsRegistered() {
    Store s = store();
    Store.Stats base = s.stats();
    assertEquals(0, base.syncEdges());
    assertTrue(base.pathIds() >= SCHEMA.pathCount());
    assertTrue(base.pathCapacity() >= base.pathIds());
    Registration sync = s.wiring().sync(s.resolve("name"), s.resolve("addr.zip"));
    Registration flip = s.wiring().flip(s.resolve("flag"), s.resolve("items.k1.on"));
    Store.Stats with = s.stats();
    assertEquals(1, with.syncEdges());
    assertEquals(1, with.flipEdges());
    sync.close();
    flip.close();
    assertEquals(base, s.stats());
  }

  record Names(String first, String last) {}

  @Test
  void aStoreOfStringsOnlyHoldsThem() {
    Store s = Store.create(TestSchemas.schema(Names.class), new Names("Ada", "Lovelace"));
    s.set("last", "Byron");
    assertEquals(new Names("Ada", "Byron"), s.snapshot());
  }

  @Test
  void checkedIdHandsBackAnIdWhoseStampStillFits() {
    Store s = store();
    int k1 = s.resolve("items.k1.qty");
    int stamp = s.stamp(k1);
    assertEquals(k1, s.checkedId(k1, stamp));
    assertEquals(1, s.checkedId(1, 0));
    s.remove(s.resolve("items"), "k1");
    assertThrows(UnknownPathException.class, () -> s.checkedId(k1, stamp));
  }
}
