package dev.statewire.runtime;

import static dev.statewire.runtime.testkit.Applied.assertApplied;
import static dev.statewire.runtime.testkit.Applied.ch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.testkit.TestSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Wiring}: every overload registers what it says, and its registration removes it again. */
class WiringTest {
  record Line(boolean on, int qty) {}

  record Form(String a, String b, boolean x, boolean y, Boolean all, Boolean p, Boolean q, Boolean r,
      Map<String, Line> items) {}

  private static Store store() {
    return Store.create(TestSchemas.schema(Form.class),
        new Form("a0", "b0", true, false, null, true, false, true, Map.of("k1", new Line(true, 1))));
  }

  @Test
  void typedSyncAlignsKeepsEqualAndCloses() {
    Store s = store();
    Path<String> a = s.path("a", String.class);
    Path<String> b = s.path("b", String.class);
    Registration r = s.wiring().sync(a, b);
    assertTrue(r.isActive());
    assertEquals("a0", s.get(b), "aligned at registration (tie: first member wins)");
    assertApplied(s.set(a, "v"), ch("a", "v"), ch("b", "v", ChangeFlag.SYNC));
    r.close();
    assertFalse(r.isActive());
    assertApplied(s.set(a, "w"), ch("a", "w"));
    assertEquals("v", s.get(b));
  }

  @Test
  void idSyncWorksLikeTheTypedOne() {
    Store s = store();
    Registration r = s.wiring().sync(s.resolve("a"), s.resolve("b"));
    assertApplied(s.set("b", "v"), ch("b", "v"), ch("a", "v", ChangeFlag.SYNC));
    r.close();
    assertEquals(0, s.stats().syncEdges());
  }

  @Test
  void typedAndIdFlipKeepBooleansOpposite() {
    Store s = store();
    Path<Boolean> x = s.path("x", Boolean.class);
    Path<Boolean> y = s.path("y", Boolean.class);
    Registration r = s.wiring().flip(x, y);
    assertEquals(1, s.stats().flipEdges());
    assertApplied(s.set(x, false), ch("x", false), ch("y", true, ChangeFlag.FLIP));
    r.close();
    assertEquals(0, s.stats().flipEdges());
    Registration r2 = s.wiring().flip(s.resolve("y"), s.resolve("x"));
    assertApplied(s.setBoolean(s.resolve("y"), false), ch("y", false), ch("x", true, ChangeFlag.FLIP));
    assertEquals(true, s.get(x));
    r2.close();
  }

  @Test
  void typedAggregateVarargsAndList() {
    Store s = store();
    Path<Boolean> all = s.path("all", Boolean.class);
    Path<Boolean> p = s.path("p", Boolean.class);
    Path<Boolean> q = s.path("q", Boolean.class);
    Path<Boolean> r = s.path("r", Boolean.class);
    Registration reg = s.wiring().aggregate(all, p, r);
    assertEquals(Boolean.TRUE, s.get(all), "read at registration: p and r agree");
    assertEquals(1, s.stats().aggregations());
    reg.close();
    assertEquals(0, s.stats().aggregations());
    Registration reg2 = s.wiring().aggregate(all, List.of(p, q));
    assertNull(s.get(all), "p and q disagree");
    // the target write fans out (p is true already, so only q changes), then stage 9 reads it
    assertApplied(s.set(all, true), ch("q", true, ChangeFlag.AGGREGATION), ch("all", true, ChangeFlag.AGGREGATE_READ));
    reg2.close();
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> s.wiring().aggregate(all, (List<Path<Boolean>>) null));
    assertEquals("sources", e.getMessage());
  }

  @Test
  void typedAggregateChecksEverySourceHandle() {
    Store s = store();
    Store other = store();
    Path<Boolean> all = s.path("all", Boolean.class);
    Path<Boolean> foreign = other.path("items.k1.on", Boolean.class);
    assertThrows(IllegalArgumentException.class, () -> s.wiring().aggregate(all, s.path("p", Boolean.class), foreign));
    assertEquals(0, s.stats().aggregations());
  }

  @Test
  void idAggregateCopiesTheSourceArray() {
    Store s = store();
    int[] sources = {s.resolve("p"), s.resolve("r")};
    Registration reg = s.wiring().aggregate(s.resolve("all"), sources);
    sources[1] = s.resolve("q"); // must not change the registered aggregation
    assertEquals(Boolean.TRUE, s.get("all"));
    assertApplied(s.set("r", false), ch("r", false), ch("all", null, ChangeFlag.AGGREGATE_READ));
    // fans out to p and r only (r is false already), never to q
    assertApplied(s.set("all", false), ch("p", false, ChangeFlag.AGGREGATION), ch("all", false, ChangeFlag.AGGREGATE_READ));
    assertEquals(Boolean.FALSE, s.get("q"), "q untouched (it was false already)");
    reg.close();
    assertFalse(reg.isActive());
  }

  @Test
  void typedWiringRefusesAnotherStoresEntryHandle() {
    Store s = store();
    Store other = store();
    Path<Boolean> mine = s.path("items.k1.on", Boolean.class);
    Path<Boolean> foreign = other.path("items.k1.on", Boolean.class);
    assertThrows(IllegalArgumentException.class, () -> s.wiring().sync(mine, foreign));
    assertThrows(IllegalArgumentException.class, () -> s.wiring().sync(foreign, mine));
    assertThrows(IllegalArgumentException.class, () -> s.wiring().flip(foreign, mine));
    assertThrows(IllegalArgumentException.class, () -> s.wiring().flip(mine, foreign));
    assertThrows(IllegalArgumentException.class, () -> s.wiring().aggregate(foreign, mine));
    assertEquals(0, s.stats().syncEdges() + s.stats().flipEdges() + s.stats().aggregations());
  }

  @Test
  void anAggregationOverAWildcardTargetOrSourceIsRefused() {
    Store s = store();
    int template = s.schema().find("items.*.on");
    int all = s.resolve("all");
    assertTrue(assertThrows(UnknownPathException.class, () -> s.wiring().aggregate(template, s.resolve("x")))
        .getMessage().startsWith("\"items.*.on\" is a wildcard (entry template) path"));
    assertTrue(assertThrows(UnknownPathException.class, () -> s.wiring().aggregate(all, s.resolve("p"), template))
        .getMessage().startsWith("\"items.*.on\" is a wildcard (entry template) path"));
    assertEquals(0, s.stats().aggregations());
  }
}
