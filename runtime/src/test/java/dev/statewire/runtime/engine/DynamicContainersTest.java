package dev.statewire.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.Change;
import dev.statewire.runtime.ChangeFlag;
import dev.statewire.runtime.Registration;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.UnknownPathException;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Map and list entries: IDs at run time, per-entry wiring, wildcard aggregation, recycling. */
class DynamicContainersTest {
  record Line(boolean selected, boolean excluded, int qty) {}

  record Cart(Map<String, Line> items, Boolean allSelected) {}

  /** Flip inside every line; select-all over every line's "selected". */
  private static Schema cartSchema() {
    return TestSchemas.of(Cart.class)
        .flip("items.*.selected", "items.*.excluded")
        .aggregate("allSelected", "items.*.selected")
        .build();
  }

  private static Map<String, Line> lines(Object... kv) {
    Map<String, Line> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Line) kv[i + 1]);
    }
    return m;
  }

  @Test
  void entriesGetIdsAndWildcardAggregationFollowsThem() {
    Store store = Store.create(cartSchema(),
        new Cart(lines("a", new Line(true, false, 1), "b", new Line(true, false, 2)), null));
    assertEquals(Boolean.TRUE, store.get("allSelected"), "read at creation: all selected");
    int items = store.resolve("items");
    assertEquals(List.of("a", "b"), store.keys(items));

    // adding an unselected line makes the sources disagree
    List<Change> added = store.put(items, "c", new Line(false, true, 3)).toList();
    assertEquals("items.c", added.get(0).path());
    assertEquals(new Change(store.resolve("allSelected"), "allSelected", null,
        Set.of(ChangeFlag.AGGREGATE_READ), null), added.get(added.size() - 1));

    // removing it again: the remaining sources agree
    store.remove(items, "c");
    assertEquals(Boolean.TRUE, store.get("allSelected"));
    assertEquals(List.of("a", "b"), store.keys(items));
    assertThrows(UnknownPathException.class, () -> store.resolve("items.c.qty"));
  }

  @Test
  void writeToTargetFansOutToEveryEntryAndFlipHoldsInEachEntry() {
    Store store = Store.create(cartSchema(),
        new Cart(lines("a", new Line(true, false, 1), "b", new Line(false, true, 2)), null));
    assertNull(store.get("allSelected"));
    store.set("allSelected", false);
    assertEquals(new Line(false, true, 1), store.get("items.a"));
    assertEquals(new Line(false, true, 2), store.get("items.b"));
    assertEquals(Boolean.FALSE, store.get("allSelected"));

    store.set("items.b.selected", true);
    assertEquals(Boolean.FALSE, store.get("items.b.excluded"), "per-entry flip");
    assertNull(store.get("allSelected"));
  }

  @Test
  void aBatchCanWriteBelowAnEntryItPutEarlier() {
    Store store = Store.create(cartSchema(), new Cart(lines(), null));
    int items = store.resolve("items");
    assertEquals(-1, store.findEntry(items, "n"));
    dev.statewire.runtime.Batch batch = store.batch().put(items, "n", new Line(false, true, 1));
    int n = batch.entry(items, "n");
    batch.setInt(n + 3, 5).apply();
    assertEquals(new Line(false, true, 5), store.get("items.n"));
    assertEquals(n, store.findEntry(items, "n"));
    assertThrows(UnknownPathException.class, () -> store.batch().entry(items, "zz"));
  }

  @Test
  void entryIdsAreRecycledInBlocks() {
    Store store = Store.create(cartSchema(), new Cart(lines(), null));
    int items = store.resolve("items");
    store.put(items, "a", new Line(false, true, 1));
    int a = store.entry(items, "a");
    int idsInUse = store.stats().pathIds();
    store.remove(items, "a");
    store.put(items, "b", new Line(true, false, 2));
    assertEquals(a, store.entry(items, "b"), "the freed block is reused");
    assertEquals(idsInUse, store.stats().pathIds());
    assertEquals(Boolean.TRUE, store.get("allSelected"));
  }

  @Test
  void parentWriteOfTheMapAddsAndRemovesEntries() {
    Store store = Store.create(cartSchema(),
        new Cart(lines("a", new Line(true, false, 1), "b", new Line(true, false, 2)), null));
    store.set("items", lines("b", new Line(true, false, 5), "c", new Line(false, true, 1)));
    assertEquals(List.of("b", "c"), store.keys(store.resolve("items")));
    assertNull(store.get("allSelected"));
    assertEquals(new Cart(lines("b", new Line(true, false, 5), "c", new Line(false, true, 1)), null),
        store.snapshot());
  }

  record Order(Map<String, Line> lines, Boolean allSelected) {}

  record Book(Map<String, Order> orders) {}

  @Test
  void aggregationInsideAMapEntryHoldsPerEntry() {
    Schema schema = TestSchemas.of(Book.class)
        .aggregate("orders.*.allSelected", "orders.*.lines.*.selected")
        .build();
    Map<String, Order> orders = new LinkedHashMap<>();
    orders.put("o1", new Order(lines("x", new Line(true, false, 1)), null));
    orders.put("o2", new Order(lines("y", new Line(false, false, 1)), null));
    Store store = Store.create(schema, new Book(orders));
    assertEquals(Boolean.TRUE, store.get("orders.o1.allSelected"));
    assertEquals(Boolean.FALSE, store.get("orders.o2.allSelected"));

    // a write to one order's target fans out to that order's lines only
    store.set("orders.o2.allSelected", true);
    assertEquals(Boolean.TRUE, store.get("orders.o2.lines.y.selected"));
    assertEquals(Boolean.TRUE, store.get("orders.o1.lines.x.selected"));

    int o1Lines = store.resolve("orders.o1.lines");
    store.put(o1Lines, "z", new Line(false, false, 2));
    assertNull(store.get("orders.o1.allSelected"));
    assertEquals(Boolean.TRUE, store.get("orders.o2.allSelected"));
  }

  record Todo(String text, boolean done, boolean open) {}

  record Todos(List<Todo> items) {}

  @Test
  void listEntries() {
    Schema schema = TestSchemas.of(Todos.class).flip("items.*.done", "items.*.open").build();
    Store store = Store.create(schema, new Todos(List.of(new Todo("a", false, true))));
    int items = store.resolve("items");
    store.add(items, new Todo("b", false, true));
    assertEquals(2, store.size(items));
    store.set("items.1.done", true);
    assertEquals(Boolean.FALSE, store.get("items.1.open"));
    store.set("items", List.of(new Todo("c", true, false)));
    assertEquals(1, store.size(items));
    assertEquals(new Todos(List.of(new Todo("c", true, false))), store.snapshot());
  }

  @Test
  void runtimeWiringOnAnEntryGoesAwayWithTheEntry() {
    Store store = Store.create(cartSchema(),
        new Cart(lines("a", new Line(true, false, 1), "b", new Line(true, false, 1)), null));
    int items = store.resolve("items");
    Registration r = store.wiring().sync(store.resolve("items.a.qty"), store.resolve("items.b.qty"));
    int edges = store.stats().syncEdges();
    assertEquals(1, edges);
    store.remove(items, "b");
    assertFalse(r.isActive(), "the entry took the registration with it");
    assertEquals(0, store.stats().syncEdges());
    store.put(items, "c", new Line(true, false, 7)); // reuses b's block
    store.set("items.a.qty", 3);
    assertEquals(7, store.get("items.c.qty"), "no stale wiring on a recycled block");
  }

  @Test
  void leakFreeUnderManyCycles() {
    Store store = Store.create(cartSchema(), new Cart(lines("a", new Line(true, false, 1)), null));
    int items = store.resolve("items");
    Store.Stats base = null;
    for (int i = 0; i < 100_000; i++) {
      store.put(items, "k" + (i % 3), new Line(i % 2 == 0, i % 2 != 0, i));
      int e = store.entry(items, "k" + (i % 3));
      Registration sync = store.wiring().sync(store.resolve("items.a.qty"), e + 3);
      Registration listener = store.listen(e, e, ev -> ev.emit(e + 3, 1));
      store.setInt(e + 3, i + 1);
      listener.close();
      sync.close();
      store.remove(items, "k" + (i % 3));
      if (i == 10) {
        base = store.stats();
      }
    }
    Store.Stats end = store.stats();
    assertEquals(base, end, "tables must not grow: " + base + " vs " + end);
    assertTrue(end.pathCapacity() < 200, "capacity " + end.pathCapacity());
  }
}
