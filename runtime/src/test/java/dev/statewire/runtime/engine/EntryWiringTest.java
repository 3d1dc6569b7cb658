package dev.statewire.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.Change;
import dev.statewire.runtime.ChangeFlag;
import dev.statewire.runtime.Registration;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wiring whose members are dynamic entries or containers, and entries that hold containers of
 * their own: a write inside one member reaches the same relative path in the others (through map
 * keys and list indices), and removing an outer entry takes everything inside it along.
 */
class EntryWiringTest {
  record Line(boolean selected, int qty) {}

  record Cart(Map<String, Line> items) {}

  record Two(Map<String, Line> left, Map<String, Line> right, List<Line> first, List<Line> second) {}

  record Dept(Map<String, Line> lines, Boolean all) {}

  record Shop(Map<String, Dept> depts, int n) {}

  private static <V> Map<String, V> map(Object... kv) {
    Map<String, V> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      @SuppressWarnings("unchecked")
      V v = (V) kv[i + 1];
      m.put((String) kv[i], v);
    }
    return m;
  }

  private static Change synced(Store s, String path, Object value) {
    return new Change(s.resolve(path), path, value, java.util.Set.of(ChangeFlag.SYNC), null);
  }

  @Test
  void aSyncBetweenTwoMapEntriesMirrorsWritesInsideThem() {
    Store s = Store.create(TestSchemas.schema(Cart.class),
        new Cart(map("a", new Line(true, 1), "b", new Line(true, 1), "c", new Line(false, 5))));
    s.wiring().sync(s.resolve("items.a"), s.resolve("items.b"));
    List<Change> applied = s.setInt(s.resolve("items.a.qty"), 7).toList();
    assertEquals(List.of(new Change(s.resolve("items.a.qty"), "items.a.qty", 7, java.util.Set.of(), null),
        synced(s, "items.b.qty", 7)), applied);
    // and from the other member, at the other leaf
    assertEquals(List.of(new Change(s.resolve("items.b.selected"), "items.b.selected", false, java.util.Set.of(), null),
        synced(s, "items.a.selected", false)), s.setBoolean(s.resolve("items.b.selected"), false).toList());
    assertEquals(new Line(false, 5), s.get("items.c"), "an entry outside the group is not touched");
  }

  @Test
  void aSyncBetweenTwoMapsMirrorsAnEntryByItsKey() {
    Schema schema = TestSchemas.of(Two.class).sync("left", "right").sync("first", "second").build();
    Store s = Store.create(schema, new Two(map("k1", new Line(true, 1)), map("k1", new Line(true, 1)),
        List.of(new Line(true, 1), new Line(false, 2)), List.of(new Line(true, 1), new Line(false, 2))));
    assertEquals(List.of(new Change(s.resolve("left.k1.qty"), "left.k1.qty", 4, java.util.Set.of(), null),
        synced(s, "right.k1.qty", 4)), s.set("left.k1.qty", 4).toList());
    assertEquals(List.of(new Change(s.resolve("second.1.qty"), "second.1.qty", 9, java.util.Set.of(), null),
        synced(s, "first.1.qty", 9)), s.set("second.1.qty", 9).toList());
    assertEquals(new Line(false, 9), s.get("first.1"));
    assertEquals(new Line(true, 1), s.get("first.0"), "the other index is not touched");
  }

  @Test
  void removingAnOuterEntryTakesItsInnerEntriesAndTheirRegistrationsAlong() {
    Schema schema = TestSchemas.of(Shop.class).aggregate("depts.*.all", "depts.*.lines.*.selected").build();
    Store s = Store.create(schema, new Shop(map(), 0));
    Store.Stats empty = s.stats();
    int depts = s.resolve("depts");
    s.put(depts, "d1", new Dept(map("x", new Line(true, 1), "y", new Line(true, 2)), null));
    assertEquals(Boolean.TRUE, s.get("depts.d1.all"), "the entry's own aggregation is read when it arrives");
    Store.Stats full = s.stats();
    assertEquals(empty.aggregations() + 1, full.aggregations());

    List<String> heard = new ArrayList<>();
    Registration inner = s.listen(s.resolve("depts.d1.lines.x.qty"), s.resolve("depts.d1"), e -> heard.add(e.changes().toString()));
    Registration pair = s.wiring().sync(s.resolve("depts.d1.lines.x.qty"), s.resolve("n"));
    assertEquals(1, s.get("n"), "alignment: n takes the group's first member's value");

    // an inner entry leaves: it stops being a source of the entry's aggregation
    s.set("depts.d1.lines.y.selected", false);
    assertEquals(null, s.get("depts.d1.all"));
    s.remove(s.resolve("depts.d1.lines"), "y");
    assertEquals(Boolean.TRUE, s.get("depts.d1.all"), "x is the only source left");

    s.remove(depts, "d1");
    assertEquals(List.of("[depts.d1=<absent>]"), heard, "the listener hears its entry's removal, its last batch");
    heard.clear();
    assertEquals(empty.pathIds(), s.stats().pathIds(), "the outer entry's IDs and its inner entries' IDs are all gone");
    assertEquals(empty.aggregations(), s.stats().aggregations());
    assertEquals(0, s.stats().syncEdges());
    assertFalse(inner.isActive());
    assertFalse(pair.isActive());
    s.set("n", 3);
    assertTrue(heard.isEmpty(), "the listener inside the removed entry is not called: " + heard);

    // the freed blocks are reused, and the new entry gets fresh wiring
    s.put(depts, "d2", new Dept(map("z", new Line(false, 1)), null));
    assertEquals(Boolean.FALSE, s.get("depts.d2.all"));
    assertEquals(full.aggregations(), s.stats().aggregations());
  }
}
