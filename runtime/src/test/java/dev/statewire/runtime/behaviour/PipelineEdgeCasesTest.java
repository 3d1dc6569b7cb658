package dev.statewire.runtime.behaviour;

import static dev.statewire.runtime.ChangeFlag.AGGREGATION;
import static dev.statewire.runtime.ChangeFlag.FLIP;
import static dev.statewire.runtime.ChangeFlag.SYNC;
import static dev.statewire.runtime.testkit.Applied.assertApplied;
import static dev.statewire.runtime.testkit.Applied.ch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.Change;
import dev.statewire.runtime.Registration;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The edge cases of PIPELINE.md §4 (matching, the stage-5 pre-batch comparison, graph merge and
 * split order, alignment) and a few of §5/§6, through the public API.
 */
class PipelineEdgeCasesTest {

  static int id(Store store, String path) {
    return store.resolve(path);
  }

  static List<List<Change>> notifications(Store store) {
    List<List<Change>> out = new ArrayList<>();
    store.subscribe(c -> out.add(c.toList()));
    return out;
  }

  // ---- matching ------------------------------------------------------------------------------

  record P(String m, String n) {}

  record OneGroup(P p, String q) {}

  @Test
  @DisplayName("§4: a parent write covering two members of one group matches only the first")
  void parentWriteCoveringTwoMembersMatchesOnlyFirst() {
    // group [p.m, q, p.n]: the write of p covers p.m and p.n; only p.m (first) matches
    Store store = Store.create(
        TestSchemas.of(OneGroup.class).sync("p.m", "q").sync("q", "p.n").build(),
        new OneGroup(new P("", ""), ""));
    P written = new P("1", "2");
    assertApplied(store.set("p", written),
        ch("p", written), ch("q", "1", SYNC), ch("p.n", "1", SYNC));
    assertEquals(new OneGroup(new P("1", "1"), "1"), store.snapshot());
  }

  record TwoGroups(P p, String x, String y) {}

  @Test
  @DisplayName("§4: a change matching several groups gives one result per group, in group order")
  void oneResultPerGroupInGroupOrder() {
    // group order: [p.n, y] first, [p.m, x] second
    Store store = Store.create(
        TestSchemas.of(TwoGroups.class).sync("p.n", "y").sync("p.m", "x").build(),
        new TwoGroups(new P("", ""), "", ""));
    P written = new P("1", "2");
    assertApplied(store.set("p", written),
        ch("p", written), ch("y", "2", SYNC), ch("x", "1", SYNC));
    assertEquals(new TwoGroups(new P("1", "2"), "1", "2"), store.snapshot());
  }

  record C(int d, String e) {}

  record B(C c, int f) {}

  record A(B b, String g) {}

  record Nest(A a, A x) {}

  @Test
  @DisplayName("§4: a synced leaf inside another synced subtree: its sync output is not synced again")
  void nestedSyncInsideSyncedSubtree() {
    Store store = Store.create(
        TestSchemas.of(Nest.class).sync("a.b", "x.b").sync("a.g", "x.b.c.e").build(),
        new Nest(new A(new B(new C(1, "p"), 0), "p"), new A(new B(new C(1, "p"), 0), "g1")));
    assertApplied(store.set("a.g", "z"), ch("a.g", "z"), ch("x.b.c.e", "z", SYNC));
    assertEquals("z", store.get("x.b.c.e"));
    assertEquals("p", store.get("a.b.c.e"), "a.b.c.e keeps its value");
  }

  record XYZ(boolean x, boolean y, boolean z) {}

  @Test
  @DisplayName("§4: a flip group of three negates every other member")
  void flipGroupOfThree() {
    Store store = Store.create(
        TestSchemas.of(XYZ.class).flip("x", "y").flip("y", "z").build(), new XYZ(false, true, true));
    assertApplied(store.set("x", true), ch("x", true), ch("y", false, FLIP), ch("z", false, FLIP));
    assertEquals(new XYZ(true, false, false), store.snapshot());
  }

  // ---- stage 5 compares with the pre-batch state ----------------------------------------------

  record DEF(boolean d, boolean e, boolean f) {}

  @Test
  @DisplayName("§4 stage 5: e-f apart (e=true, f=false); [f=true, e=false] gives e=false, f=true")
  void stage5PreBatchComparisonBooleans() {
    // e and f are pulled apart by a flip output, which sync does not see (row 19)
    Store store = Store.create(
        TestSchemas.of(DEF.class).sync("e", "f").flip("d", "e").build(), new DEF(true, false, false));
    assertApplied(store.set("d", false), ch("d", false), ch("e", true, FLIP));
    assertEquals(new DEF(false, true, false), store.snapshot(), "e-f apart");
    // queue f=T, e=F, e=T(S), f=F(S), d=T(F), d=F(S,F); stage 5 drops e=T, f=F, d=F
    assertApplied(store.batch().set("f", true).set("e", false).apply(),
        ch("f", true), ch("e", false), ch("d", true, FLIP));
    assertEquals(new DEF(true, false, true), store.snapshot());
  }

  record EF(String e, String f) {}

  @Test
  @DisplayName("§4 stage 5: a synced pair apart; both sync outputs restore pre-batch values and are dropped")
  void stage5PreBatchComparisonStrings() {
    Store store = Store.create(TestSchemas.of(EF.class).sync("e", "f").build(), new EF("0", "0"));
    store.batch().set("e", "1").set("f", "2").apply();
    assertEquals(new EF("2", "1"), store.snapshot(), "crossed, as row 7");
    assertApplied(store.batch().set("f", "2").set("e", "1").apply(), ch("f", "2"), ch("e", "1"));
    assertEquals(new EF("1", "2"), store.snapshot());
  }

  record Agg(String t, String a, String b) {}

  @Test
  @DisplayName("§4 stage 5: an aggregation target written twice in one batch")
  void stage5AggregationTargetWrittenTwice() {
    Store store = Store.create(
        TestSchemas.of(Agg.class).aggregate("t", "a", "b").build(), new Agg(null, "0", "1"));
    assertNull(store.get("t"), "sources disagree");
    // stage 2 from last to first: a=2, b=2, a=0, b=0; stage 5 drops a=0 (pre-batch value)
    assertApplied(store.batch().set("t", "0").set("t", "2").apply(),
        ch("a", "2", AGGREGATION), ch("b", "2", AGGREGATION), ch("b", "0", AGGREGATION));
    assertEquals(new Agg(null, "2", "0"), store.snapshot());
  }

  // ---- graph maintenance -----------------------------------------------------------------------

  record Four(String a, String b, String c, String d) {}

  @Test
  @DisplayName("§4 graph: merging equal-size groups appends the second path's group to the first's")
  void mergeEqualSizesStatic() {
    // [a,b] and [c,d]; edge d-a: a's group is appended to d's group: [c, d, a, b]
    Store store = Store.create(
        TestSchemas.of(Four.class).sync("a", "b").sync("c", "d").sync("d", "a").build(),
        new Four("", "", "", ""));
    assertApplied(store.set("c", "v"),
        ch("c", "v"), ch("d", "v", SYNC), ch("a", "v", SYNC), ch("b", "v", SYNC));
  }

  @Test
  @DisplayName("§4 graph: runtime edges give the same member order as static ones")
  void mergeEqualSizesRuntime() {
    Store store = Store.create(TestSchemas.schema(Four.class), new Four("", "", "", ""));
    store.wiring().sync(id(store, "a"), id(store, "b"));
    store.wiring().sync(id(store, "c"), id(store, "d"));
    store.wiring().sync(id(store, "d"), id(store, "a"));
    assertApplied(store.set("c", "v"),
        ch("c", "v"), ch("d", "v", SYNC), ch("a", "v", SYNC), ch("b", "v", SYNC));
  }

  record Five(String a, String b, String c, String d, String e) {}

  @Test
  @DisplayName("§4 graph: the smaller group is appended to the larger")
  void mergeSmallerIntoLarger() {
    // [a,b,c] and [d,e]; edge e-a: [d,e] (smaller) is appended to [a,b,c]
    Store store = Store.create(
        TestSchemas.of(Five.class).sync("a", "b").sync("b", "c").sync("d", "e").sync("e", "a").build(),
        new Five("", "", "", "", ""));
    assertApplied(store.set("e", "v"),
        ch("e", "v"), ch("a", "v", SYNC), ch("b", "v", SYNC), ch("c", "v", SYNC), ch("d", "v", SYNC));
  }

  record P3(String m, String n, String o) {}

  record Places(P3 p, String x, String y, String z, String w) {}

  @Test
  @DisplayName("§4 graph: the larger group keeps its place in the group order when merging")
  void mergedGroupKeepsPlace() {
    // G1 [p.m,x], G2 [p.n,y], G3 [p.o,z,w]; edge x-w appends G1 to G3, which stays after G2
    Store store = Store.create(
        TestSchemas.of(Places.class)
            .sync("p.m", "x").sync("p.n", "y").sync("p.o", "z").sync("z", "w").sync("x", "w")
            .build(),
        new Places(new P3("", "", ""), "", "", "", ""));
    P3 written = new P3("1", "2", "3");
    assertApplied(store.set("p", written),
        ch("p", written),
        ch("y", "2", SYNC),
        ch("z", "3", SYNC), ch("w", "3", SYNC), ch("p.m", "3", SYNC), ch("x", "3", SYNC));
    assertEquals(new Places(new P3("3", "2", "3"), "3", "2", "3", "3"), store.snapshot());
  }

  @Test
  @DisplayName("§4 graph: removing an edge splits the group; the part away from the first path moves to the end")
  void splitMovesFarPartToNewGroupAtEnd() {
    Store store = Store.create(TestSchemas.schema(TwoGroups.class), new TwoGroups(new P("", ""), "", ""));
    store.wiring().sync(id(store, "p.m"), id(store, "x"));
    store.wiring().sync(id(store, "y"), id(store, "p.n"));
    Registration bridge = store.wiring().sync(id(store, "x"), id(store, "y")); // [p.m, x, y, p.n]
    P first = new P("1", "2");
    assertApplied(store.set("p", first),
        ch("p", first), ch("x", "1", SYNC), ch("y", "1", SYNC), ch("p.n", "1", SYNC));

    bridge.close(); // [p.m, x] stays first; [y, p.n] is appended
    assertEquals(new TwoGroups(new P("1", "1"), "1", "1"), store.snapshot(), "close changes no value");
    P second = new P("3", "4");
    assertApplied(store.set("p", second), ch("p", second), ch("x", "3", SYNC), ch("y", "4", SYNC));
  }

  @Test
  @DisplayName("§4 graph: the split-off part is ordered breadth-first from the removed edge's second path")
  void splitOrdersBreadthFirst() {
    Store store = Store.create(TestSchemas.schema(Five.class), new Five("", "", "", "", ""));
    store.wiring().sync(id(store, "a"), id(store, "b"));
    store.wiring().sync(id(store, "c"), id(store, "d"));
    store.wiring().sync(id(store, "d"), id(store, "e"));
    // [a,b] (2) is appended to [c,d,e] (3): [c, d, e, a, b]
    Registration bridge = store.wiring().sync(id(store, "b"), id(store, "d"));
    assertApplied(store.set("e", "v"),
        ch("e", "v"), ch("c", "v", SYNC), ch("d", "v", SYNC), ch("a", "v", SYNC), ch("b", "v", SYNC));
    bridge.close();
    // {c, d, e} no longer reaches b: a new group, breadth-first from d: d first, then c and e
    assertApplied(store.set("e", "w"), ch("e", "w"), ch("d", "w", SYNC), ch("c", "w", SYNC));
    assertApplied(store.set("a", "u"), ch("a", "u"), ch("b", "u", SYNC));
  }

  record Two(String a, String b) {}

  @Test
  @DisplayName("§4 graph: the same edge registered twice is one edge; closing either removes it")
  void sameEdgeTwiceIsOneEdge() {
    Store store = Store.create(TestSchemas.schema(Two.class), new Two("", ""));
    store.wiring().sync(id(store, "a"), id(store, "b"));
    Registration again = store.wiring().sync(id(store, "b"), id(store, "a"));
    assertEquals(1, store.stats().syncEdges());
    assertApplied(store.set("a", "1"), ch("a", "1"), ch("b", "1", SYNC));
    again.close();
    assertEquals(0, store.stats().syncEdges());
    assertApplied(store.set("a", "2"), ch("a", "2"));
  }

  @Test
  @DisplayName("§6: closing a registration twice throws IllegalStateException (Registration javadoc)")
  void closeTwiceThrows() {
    Store store = Store.create(TestSchemas.schema(Two.class), new Two("", ""));
    Registration reg = store.wiring().sync(id(store, "a"), id(store, "b"));
    reg.close();
    assertFalse(reg.isActive());
    assertThrows(IllegalStateException.class, reg::close);
  }

  // ---- alignment -------------------------------------------------------------------------------

  record Three(String a, String b, String c) {}

  @Nested
  class Alignment {
    @Test
    @DisplayName("the value held by most members wins")
    void majority() {
      Store store = Store.create(
          TestSchemas.of(Three.class).sync("a", "b").sync("b", "c").build(), new Three("x", "y", "y"));
      assertEquals(new Three("y", "y", "y"), store.snapshot());
    }

    @Test
    @DisplayName("ties go to the first member in group order holding a tied value")
    void tie() {
      Store store = Store.create(
          TestSchemas.of(Three.class).sync("c", "a").sync("a", "b").build(), new Three("x", "", "z"));
      // group [c, a, b]: 'z', 'x', '' each held once; c comes first
      assertEquals(new Three("z", "z", "z"), store.snapshot());
    }

    @Test
    @DisplayName("null values do not count")
    void nullsDoNotCount() {
      Store store = Store.create(
          TestSchemas.of(Three.class).sync("a", "b").sync("b", "c").build(), new Three(null, null, "y"));
      assertEquals(new Three("y", "y", "y"), store.snapshot());
    }

    @Test
    @DisplayName("all null: nothing happens")
    void allNull() {
      Store store = Store.create(
          TestSchemas.of(Three.class).sync("a", "b").build(), new Three(null, null, "y"));
      assertEquals(new Three(null, null, "y"), store.snapshot());
    }

    @Test
    @DisplayName("at creation, the flip peer of an aligned path is not flipped")
    void creationDoesNotFlip() {
      Store store = Store.create(
          TestSchemas.of(XYZ.class).sync("x", "y").flip("y", "z").build(), new XYZ(true, false, false));
      assertEquals(new XYZ(true, true, false), store.snapshot());
    }

    @Test
    @DisplayName("at creation, aggregation targets are read after alignment")
    void creationReadsTargetsAfterAlignment() {
      Store store = Store.create(
          TestSchemas.of(Agg.class).sync("a", "b").aggregate("t", "a", "b").build(),
          new Agg(null, "v", "w"));
      assertEquals(new Agg("v", "v", "v"), store.snapshot());
    }

    @Test
    @DisplayName("at runtime, alignment runs as a batch flagged SYNC, and flips react")
    void runtimeAlignmentIsABatch() {
      Store store = Store.create(
          TestSchemas.of(XYZ.class).flip("y", "z").build(), new XYZ(true, false, true));
      List<List<Change>> notified = notifications(store);
      store.wiring().sync(id(store, "x"), id(store, "y"));
      assertEquals(new XYZ(true, true, false), store.snapshot());
      assertEquals(1, notified.size(), "one batch");
      assertApplied(notified.get(0), ch("y", true, SYNC), ch("z", false, SYNC, FLIP));
    }
  }

  // ---- listeners and subscribers (§5, §6) --------------------------------------------------------

  @Test
  @DisplayName("§5: a listener's direct write is rejected with IllegalStateException")
  void listenerMustNotWriteDirectly() {
    Store store = Store.create(TestSchemas.schema(Two.class), new Two("", ""));
    List<RuntimeException> caught = new ArrayList<>();
    int a = id(store, "a");
    store.listen(a, a, e -> {
      try {
        store.set("b", "direct");
      } catch (IllegalStateException ex) {
        caught.add(ex);
      }
    });
    assertApplied(store.set("a", "1"), ch("a", "1"));
    assertEquals(1, caught.size(), "the direct write must throw IllegalStateException");
    assertNotNull(caught.get(0).getMessage());
    assertEquals(new Two("1", ""), store.snapshot());
  }

  @Test
  @DisplayName("§6: a subscriber's write runs after the current batch, not nested")
  void subscriberWriteRunsAfterBatch() {
    Store store = Store.create(TestSchemas.schema(Two.class), new Two("", ""));
    List<String> events = new ArrayList<>();
    store.subscribe(c -> {
      List<Change> list = c.toList();
      events.add("start " + list.get(0).path());
      if (list.get(0).path().equals("a")) {
        store.set("b", "from subscriber");
      }
      events.add("end " + list.get(0).path());
    });
    store.set("a", "1");
    assertEquals(List.of("start a", "end a", "start b", "end b"), events);
    assertEquals(new Two("1", "from subscriber"), store.snapshot());
  }

  @Test
  @DisplayName("§5: listeners are called deepest path first")
  void listenerOrderDeepestFirst() {
    Store store = Store.create(TestSchemas.schema(Nest.class),
        new Nest(new A(new B(new C(0, ""), 0), ""), new A(new B(new C(0, ""), 0), "")));
    List<String> calls = new ArrayList<>();
    for (String path : List.of("a", "a.b.c", "a.b")) {
      int pid = id(store, path);
      store.listen(pid, pid, e -> calls.add(path));
    }
    store.listenAll(e -> calls.add("<root>"));
    store.set("a.b.c.d", 1);
    assertEquals(List.of("a.b.c", "a.b", "a", "<root>"), calls);
  }

  @Test
  @DisplayName("§5: a listener gets the pre-batch value at its scope")
  void listenerScopeValueIsPreBatch() {
    Store store = Store.create(TestSchemas.schema(Nest.class),
        new Nest(new A(new B(new C(0, "old"), 0), ""), new A(new B(new C(0, ""), 0), "")));
    List<Object> seen = new ArrayList<>();
    int e = id(store, "a.b.c.e");
    int scope = id(store, "a.b");
    store.listen(e, scope, ev -> seen.add(ev.scopeValue()));
    store.set("a.b.c.e", "new");
    assertEquals(List.of(new B(new C(0, "old"), 0)), seen);
    assertTrue(store.get("a.b.c.e").equals("new"));
  }
}
