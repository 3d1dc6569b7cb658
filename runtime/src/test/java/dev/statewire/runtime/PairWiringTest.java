package dev.statewire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link PairWiring}: the sync and flip graphs of a store. Static groups shared by the stores of
 * a schema until one adds an edge, stages 3 and 4 ({@code expand}: exact, child and parent
 * matches, group order, negation across a flip; PIPELINE.md §4), the refusals of a runtime pair,
 * the alignment rule (most common present value, ties to the first member), and {@code detachIn}.
 *
 * <p>Static IDs of {@link P}: 0 root, 1 a, 2 b, 3 c, 4 x, 5 y, 6 n, 7 left, 8 left.v, 9 left.f,
 * 10 right, 11 right.v, 12 right.f.
 */
class PairWiringTest {
  record Node(String v, boolean f) {}

  record P(String a, String b, String c, boolean x, boolean y, int n, Node left, Node right) {}

  private static final int A = 1;
  private static final int B = 2;
  private static final int C = 3;
  private static final int X = 4;
  private static final int Y = 5;
  private static final int N = 6;
  private static final int LEFT = 7;
  private static final int LEFT_V = 8;
  private static final int RIGHT = 10;

  /** Groups in order: {a, b}, {left, right}, {c, left.v}; flip {x, y}. */
  private static final Schema WIRED = TestSchemas.of(P.class)
      .sync("a", "b").sync("left", "right").sync("c", "left.v").flip("x", "y").build();

  private static P value(String a, String b, String c, boolean x, boolean y) {
    return new P(a, b, c, x, y, 0, new Node(c, false), new Node(c, false));
  }

  private static Store wired() {
    return Store.create(WIRED, value("s", "s", "v", false, true));
  }

  /** Runs stages 3 and 4 over a queue holding {@code v} at {@code p}; returns what they added. */
  private static List<String> expand(Store s, int p, Object v, boolean syncOnly) {
    Engine e = s.engine();
    ChangeBuffer q = new ChangeBuffer(e);
    WriteCheck.add(e.paths, q, p, v, 0, null);
    e.pairs.expand(q, 0, syncOnly);
    List<String> out = new ArrayList<>();
    for (int i = 1; i < q.size(); i++) {
      out.add(q.pathString(i) + "=" + q.boxedValue(i) + " " + ChangeFlag.fromMask(q.flags(i)));
    }
    return out;
  }

  @Test
  void storesShareTheStaticGroupsUntilOneAddsAnEdge() {
    Store one = wired();
    Store two = wired();
    assertEquals(3, one.engine().pairs.syncEdges());
    Registration r = one.wiring().sync(C, A);
    assertEquals(4, one.engine().pairs.syncEdges());
    assertEquals(3, two.engine().pairs.syncEdges());
    assertEquals(3, WIRED.tables().staticSync.edgeCount());
    assertTrue(r.isActive());
  }

  @Test
  void anExactMatchSpreadsToTheOtherMembersWithTheSyncFlag() {
    assertEquals(List.of("b=t [SYNC]"), expand(wired(), A, "t", false));
  }

  @Test
  void aChangeBelowAMemberIsMatchedAsAChildAndGroupsComeInGroupOrder() {
    // left.v is below left ({left, right}, group 2) and is itself a member of {c, left.v} (group 3)
    assertEquals(List.of("right.v=w [SYNC]", "c=w [SYNC]"), expand(wired(), LEFT_V, "w", false));
  }

  @Test
  void aNodeWriteAboveAMemberIsMatchedAsAParentWithTheInnerValue() {
    assertEquals(List.of("right=Node[v=p, f=true] [SYNC]", "c=p [SYNC]"),
        expand(wired(), LEFT, new Node("p", true), false));
    // a null node has no inner value: only the exact match of left spreads
    assertEquals(List.of("right=null [SYNC]"), expand(wired(), LEFT, null, false));
  }

  @Test
  void aFlipSpreadsTheNegatedValueAndNotWithSyncOnly() {
    assertEquals(List.of("y=false [FLIP]"), expand(wired(), X, true, false));
    assertEquals(List.of(), expand(wired(), X, true, true));
  }

  @Test
  void registerRefusesPathsOfDifferentTypes() {
    WiringException e = assertThrows(WiringException.class, () -> wired().wiring().sync(A, N));
    assertEquals("sync paths must have the same type, but \"a\" is java.lang.String and \"n\" is int",
        e.getMessage());
  }

  @Test
  void registerRefusesAFlipOfNonBooleans() {
    WiringException e = assertThrows(WiringException.class, () -> wired().wiring().flip(A, B));
    assertEquals("flip paths must be boolean or Boolean, but \"a\" is java.lang.String", e.getMessage());
  }

  @Test
  void registerRefusesASyncThatContradictsAFlip() {
    Store s = wired();
    WiringException e = assertThrows(WiringException.class, () -> s.wiring().sync(X, Y));
    assertEquals("sync \"x\" – \"y\" contradicts the wiring in place: \"x\" flip \"y\"; two paths cannot"
        + " be both equal and opposite", e.getMessage());
    assertEquals(3, s.engine().pairs.syncEdges());
  }

  /**
   * Members of one group share a type, so a well-typed schema never reaches this check. Here an
   * ill-typed static pair (a String synced with a Node, which the processor would reject) puts
   * {@code left} in the group of {@code c}; syncing {@code c} with {@code left.v} would then join an
   * ancestor and its descendant.
   */
  @Test
  void registerRefusesAGroupWithAnAncestorAndItsDescendant() {
    Schema illTyped = TestSchemas.of(P.class).sync("c", "left").build();
    Store s = Store.create(illTyped, new P("a", "b", null, false, false, 0, null, null));
    WiringException e = assertThrows(WiringException.class, () -> s.wiring().sync(C, LEFT_V));
    assertEquals("sync \"c\" – \"left.v\" would put \"left\" and \"left.v\" in one group, and one"
        + " contains the other; sync a path with a path that is not its own ancestor or descendant",
        e.getMessage());
  }

  @Test
  void alignmentPicksTheMostCommonPresentValue() {
    // {a, b} then c joins: group order a, b, c; b and c agree, so their value wins over a's
    Schema s = TestSchemas.of(P.class).sync("a", "b").sync("c", "b").build();
    Store store = Store.create(s, value("x", "y", "y", false, false));
    assertEquals("y", store.get("a"));
    // a tie goes to the first member in group order; null does not count
    Store tie = Store.create(s, value("x", "y", null, false, false));
    assertEquals(List.of("x", "x", "x"), List.of(tie.get("a"), tie.get("b"), tie.get("c")));
    assertEquals(0, tie.engine().pairs.initialAlignment().size()); // aligned now
  }

  @Test
  void aRuntimeSyncAlignsItsNewGroup() {
    Store s = Store.create(TestSchemas.schema(P.class), value("x", "y", "z", false, false));
    s.wiring().sync(B, C); // tie: b is first
    assertEquals("y", s.get("c"));
    s.wiring().sync(A, B); // {b, c} is larger: a is appended, y is held by two
    assertEquals("y", s.get("a"));
  }

  @Test
  void detachInClosesOnlyTheRuntimePairsNamingAPathInTheRange() {
    Store s = wired();
    PairWiring pairs = s.engine().pairs;
    Registration ca = s.wiring().sync(C, A);
    Registration right = s.wiring().sync(RIGHT + 1, B); // right.v – b
    assertEquals(5, pairs.syncEdges());
    pairs.detachIn(RIGHT, RIGHT + 3); // the IDs of right
    assertFalse(right.isActive());
    assertTrue(ca.isActive());
    assertEquals(4, pairs.syncEdges());
    pairs.detachIn(N, N + 1);
    assertTrue(ca.isActive());
    assertEquals(3, WIRED.tables().staticSync.edgeCount()); // static edges are never detached
  }

  @Test
  void theSameEdgeRegisteredTwiceIsOneEdgeAndClosingEitherRemovesIt() {
    Store s = wired();
    Registration r1 = s.wiring().sync(C, A);
    Registration r2 = s.wiring().sync(A, C);
    assertEquals(4, s.engine().pairs.syncEdges());
    r2.close();
    assertEquals(3, s.engine().pairs.syncEdges());
    assertTrue(r1.isActive());
    assertThrows(IllegalStateException.class, r2::close);
  }

  // ---- pairs inside entry templates ----

  record Row(int a, int b, boolean x, boolean y) {}

  record Table(Map<String, Row> rows, int n) {}

  /** Every entry of {@code rows} has its own sync a – b and flip x – y. */
  private static final Schema ROWS = TestSchemas.of(Table.class)
      .sync("rows.*.a", "rows.*.b").flip("rows.*.x", "rows.*.y").build();

  private static <V> Map<String, V> map(String k1, V v1, String k2, V v2) {
    Map<String, V> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static List<String> changes(Changes c) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      out.add(c.path(i) + "=" + c.value(i) + " " + c.flags(i));
    }
    return out;
  }

  @Test
  void eachEntryGetsItsOwnTemplatePairsAndLosesThemWhenItLeaves() {
    Store s = Store.create(ROWS, new Table(map("k1", new Row(1, 1, true, false), "k2", new Row(2, 2, false, true)), 0));
    assertEquals(2, s.stats().syncEdges());
    assertEquals(2, s.stats().flipEdges());
    assertEquals(List.of("rows.k2.a=7 []", "rows.k2.b=7 [SYNC]"), changes(s.set("rows.k2.a", 7)));
    assertEquals(List.of("rows.k1.y=true []", "rows.k1.x=false [FLIP]"), changes(s.set("rows.k1.y", true)));
    assertEquals(new Row(1, 1, false, true), s.get("rows.k1"));
    s.remove(s.resolve("rows"), "k1");
    assertEquals(1, s.stats().syncEdges());
    assertEquals(1, s.stats().flipEdges());
    s.put(s.resolve("rows"), "k3", new Row(3, 3, true, false));
    assertEquals(List.of("rows.k3.b=4 []", "rows.k3.a=4 [SYNC]"), changes(s.set("rows.k3.b", 4)));
    assertEquals(new Row(7, 7, false, true), s.get("rows.k2"), "another entry is not touched");
    s.remove(s.resolve("rows"), "k2");
    s.remove(s.resolve("rows"), "k3");
    assertEquals(0, s.stats().syncEdges());
    assertEquals(0, s.stats().flipEdges());
  }

  @Test
  void anEntrysTemplatePairsStayInItsOwnStore() {
    Store one = Store.create(ROWS, new Table(Map.of(), 0));
    Store two = Store.create(ROWS, new Table(Map.of(), 0));
    one.put(one.resolve("rows"), "k", new Row(1, 1, true, false));
    assertEquals(1, one.stats().syncEdges());
    assertEquals(1, one.stats().flipEdges());
    assertEquals(0, two.stats().syncEdges());
    assertEquals(0, two.stats().flipEdges());
    assertEquals(0, ROWS.tables().staticSync.edgeCount());
    assertEquals(0, ROWS.tables().staticFlip.edgeCount());
  }

  @Test
  void aRuntimeFlipStaysInItsOwnStore() {
    Store one = wired();
    Store two = wired();
    Registration r = one.wiring().flip(X, LEFT_V + 1); // x – left.f
    assertEquals(2, one.engine().pairs.flipEdges());
    assertEquals(1, two.engine().pairs.flipEdges());
    assertEquals(1, WIRED.tables().staticFlip.edgeCount());
    r.close();
    assertEquals(1, one.engine().pairs.flipEdges());
  }

  @Test
  void registerRefusesAWildcardOrUnknownPathInEitherPlace() {
    Store s = Store.create(ROWS, new Table(Map.of("k", new Row(1, 1, true, false)), 0));
    int templateA = ROWS.find("rows.*.a");
    int concreteA = s.resolve("rows.k.a");
    String wildcard = "\"rows.*.a\" is a wildcard (entry template) path; write a concrete entry such as"
        + " \"rows.<key>.a\"";
    assertEquals(wildcard, assertThrows(UnknownPathException.class,
        () -> s.wiring().sync(templateA, concreteA)).getMessage());
    assertEquals(wildcard, assertThrows(UnknownPathException.class,
        () -> s.wiring().sync(concreteA, templateA)).getMessage());
    assertThrows(UnknownPathException.class, () -> s.wiring().sync(concreteA, 999));
    assertThrows(UnknownPathException.class, () -> s.wiring().flip(999, s.resolve("rows.k.x")));
    assertEquals(1, s.stats().syncEdges());
    assertEquals(1, s.stats().flipEdges());
  }

  @Test
  void registeringAPairWhileABatchRunsIsRefusedNamingWhichPair() {
    Store s = wired();
    List<String> errors = new ArrayList<>();
    s.subscribe(c -> {
      try {
        s.wiring().flip(X, Y);
      } catch (IllegalStateException e) {
        errors.add(e.getMessage());
      }
      try {
        s.wiring().sync(A, C);
      } catch (IllegalStateException e) {
        errors.add(e.getMessage());
      }
    });
    s.set("n", 1);
    String after = " while a batch runs (from a listener or subscriber); do it after the batch";
    assertEquals(List.of("cannot register a flip" + after, "cannot register a sync" + after), errors);
    assertEquals(3, s.stats().syncEdges());
  }

  // ---- contradictions found through a sync between two nodes ----

  record Flags(boolean p, boolean q) {}

  record TwoFlags(Flags left, Flags right) {}

  /**
   * {@code left.p} is checked first and reaches {@code left.q} and {@code right.q} on the way;
   * the check of {@code left.q} starts afresh and finds that the flip makes it opposite to
   * {@code right.q}.
   */
  @Test
  void aNodeSyncChecksEachBooleanBelowItOnItsOwn() {
    Schema schema = TestSchemas.of(TwoFlags.class).flip("left.p", "left.q").flip("left.q", "right.q").build();
    Store s = Store.create(schema, new TwoFlags(new Flags(true, false), new Flags(false, true)));
    WiringException e = assertThrows(WiringException.class, () -> s.wiring().sync(1, 4)); // left – right
    assertEquals("sync \"left\" – \"right\" contradicts the wiring in place: \"left.q\" flip \"right.q\";"
        + " two paths cannot be both equal and opposite", e.getMessage());
    assertEquals(0, s.stats().syncEdges());
  }

  record Leaf(boolean on) {}

  record Box(Map<String, Leaf> m, List<Leaf> l) {}

  record Boxes(Box left, Box right) {}

  private static Store boxes() {
    return Store.create(TestSchemas.schema(Boxes.class), new Boxes(
        new Box(Map.of("k", new Leaf(true)), List.of(new Leaf(true))),
        new Box(Map.of("k", new Leaf(false)), List.of(new Leaf(false)))));
  }

  @Test
  void aNodeSyncFindsAFlipBetweenBooleansInsideMapAndListEntries() {
    Store s = boxes();
    s.wiring().flip(s.resolve("left.m.k.on"), s.resolve("right.m.k.on"));
    WiringException e = assertThrows(WiringException.class,
        () -> s.wiring().sync(s.resolve("left"), s.resolve("right")));
    assertEquals("sync \"left\" – \"right\" contradicts the wiring in place: \"left.m.k.on\" flip"
        + " \"right.m.k.on\"; two paths cannot be both equal and opposite", e.getMessage());

    Store t = boxes();
    t.wiring().flip(t.resolve("left.l.0.on"), t.resolve("right.l.0.on"));
    e = assertThrows(WiringException.class, () -> t.wiring().sync(t.resolve("left"), t.resolve("right")));
    assertEquals("sync \"left\" – \"right\" contradicts the wiring in place: \"left.l.0.on\" flip"
        + " \"right.l.0.on\"; two paths cannot be both equal and opposite", e.getMessage());
    assertEquals(0, t.stats().syncEdges());
  }

  @Test
  void detachInClosesThePairsWithAnEndAtTheFirstIdOfTheRangeButNotAtTheIdAfterIt() {
    Store s = wired();
    Registration bFirst = s.wiring().sync(B, LEFT_V);
    Registration cFirst = s.wiring().sync(C, RIGHT + 1); // c – right.v
    Registration bSecond = s.wiring().sync(RIGHT + 1, B);
    Registration cSecond = s.wiring().sync(A, C);
    s.engine().pairs.detachIn(B, C); // the range holds b only
    assertFalse(bFirst.isActive());
    assertFalse(bSecond.isActive());
    assertTrue(cFirst.isActive());
    assertTrue(cSecond.isActive());
  }

  record Flag(boolean on, boolean off) {}

  record Board(Map<String, Flag> items, Flag featured, boolean open) {}

  /**
   * R10 (found by the differential runner): a node sync relates each pair of booleans below its two
   * ends; two of those pairs together can close a flip cycle that neither closes alone. Here
   * featured.on and featured.off are equal (both flip open), the entry's on and off are opposite,
   * and the sync would make on = featured.on and off = featured.off.
   */
  @Test
  void aNodeSyncWhoseChildPairsTogetherCloseAContradictionIsRefused() {
    Store s = Store.create(TestSchemas.of(Board.class).flip("items.*.on", "items.*.off").build(),
        new Board(Map.of("k3", new Flag(false, true)), new Flag(false, true), false));
    s.wiring().flip(s.resolve("featured.on"), s.resolve("open"));
    s.wiring().flip(s.resolve("featured.off"), s.resolve("open"));
    Object before = s.snapshot();
    WiringException e = assertThrows(WiringException.class,
        () -> s.wiring().sync(s.resolve("items.k3"), s.resolve("featured")));
    assertEquals("sync \"items.k3\" – \"featured\" contradicts the wiring in place: \"items.k3.off\" flip"
        + " \"items.k3.on\" sync \"featured.on\" flip \"open\" flip \"featured.off\"; two paths cannot be"
        + " both equal and opposite", e.getMessage());
    assertEquals(before, s.snapshot());
    assertEquals(3, s.stats().flipEdges(), "the entry's flip and the two runtime flips");
    assertEquals(0, s.stats().syncEdges(), "the refused sync added no edge");
  }
}
