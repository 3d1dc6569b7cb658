package dev.statewire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.testkit.TestSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * {@link PathSpace}: what a path ID is (static and entry IDs), path strings and their messages,
 * entry blocks (claim, stamp, detach, free, reuse, trim) and the stamp checks of handles.
 *
 * <p>Static IDs of {@link Root}, numbered by hand (depth-first, declaration order): 0 root, 1 a,
 * 2 inner, 3 inner.s, 4 inner.b, 5 items, 6 items.*, 7 items.*.name, 8 items.*.qty, 9 lines,
 * 10 lines.*, 11 lines.*.name, 12 lines.*.qty. The first entry block starts at 13.
 */
class PathSpaceTest {
  record Item(String name, int qty) {}

  record Inner(String s, boolean b) {}

  record Root(int a, Inner inner, Map<String, Item> items, List<Item> lines) {}

  record Flat(int x, Inner inner) {}

  private static final int ITEMS = 5;
  private static final int ITEM_T = 6;
  private static final int LINES = 9;
  private static final int FIRST_DYNAMIC = 13;

  private static Store store() {
    return Store.create(TestSchemas.schema(Root.class),
        new Root(1, new Inner("s", true), Map.of(), List.of()));
  }

  private static PathSpace bare() {
    return new PathSpace(TestSchemas.schema(Root.class).tables());
  }

  /** Claims a new block of the map entry template at the end of a bare path space. */
  private static int claimAtEnd(PathSpace ps, String key) {
    ps.ensureCapacity(ps.idCount + 3);
    int base = ps.extend(3);
    ps.claim(base, ITEM_T, ITEMS, key);
    return base;
  }

  @Test
  void staticIdsAreNumberedDepthFirstInDeclarationOrder() {
    Store s = store();
    PathSpace ps = s.engine().paths;
    assertEquals(13, ps.staticCount);
    assertEquals(0, ps.resolve(""));
    assertEquals(4, ps.resolve("inner.b"));
    assertEquals(9, ps.resolve("lines"));
    assertEquals("items.*.qty", ps.pathString(8));
    assertEquals("", ps.pathString(0));
    assertEquals(2, ps.depth(3));
    assertEquals(10, ps.parent(12));
    assertEquals(-1, ps.parent(0));
  }

  @Test
  void unknownSegmentNamesThePathAndTheKnownComponentsOrKeys() {
    Store s = store();
    s.put(ITEMS, "k1", new Item("n", 1));
    PathSpace ps = s.engine().paths;
    UnknownPathException rec = assertThrows(UnknownPathException.class, () -> ps.resolve("inner.x"));
    assertEquals("unknown path \"inner.x\": no segment \"x\" under \"inner\"; its components are: s, b",
        rec.getMessage());
    UnknownPathException map = assertThrows(UnknownPathException.class, () -> ps.resolve("items.k2"));
    assertEquals("unknown path \"items.k2\": no segment \"k2\" under \"items\"; the map has keys [k1]",
        map.getMessage());
    UnknownPathException list = assertThrows(UnknownPathException.class, () -> ps.resolve("lines.0"));
    assertTrue(list.getMessage().endsWith("the list has 0 entries"), list.getMessage());
    UnknownPathException wild = assertThrows(UnknownPathException.class, () -> ps.resolve("items.*"));
    assertTrue(wild.getMessage().contains("a wildcard \"*\" cannot be written or read"), wild.getMessage());
    UnknownPathException empty = assertThrows(UnknownPathException.class, () -> ps.resolve("inner..s"));
    assertTrue(empty.getMessage().contains("empty segment at offset 6"), empty.getMessage());
  }

  @Test
  void entryIdsHaveTheirTemplateParentAndDepth() {
    Store s = store();
    s.put(ITEMS, "k1", new Item("n", 1));
    PathSpace ps = s.engine().paths;
    int k1 = ps.resolve("items.k1");
    int qty = ps.resolve("items.k1.qty");
    assertEquals(FIRST_DYNAMIC, k1);
    assertEquals(FIRST_DYNAMIC + 2, qty);
    assertEquals(ITEM_T, ps.tmpl(k1));
    assertEquals(8, ps.tmpl(qty));
    assertEquals(ITEMS, ps.parent(k1));
    assertEquals(k1, ps.parent(qty));
    assertEquals(2, ps.depth(k1));
    assertEquals(3, ps.depth(qty));
    assertEquals("items.k1.qty", ps.pathString(qty));
    assertEquals(PathKind.INT, ps.kind(qty));
  }

  @Test
  void isAncestorOrSelfWorksAcrossStaticAndEntryIds() {
    Store s = store();
    s.put(ITEMS, "k1", new Item("n", 1));
    PathSpace ps = s.engine().paths;
    int k1 = FIRST_DYNAMIC;
    int qty = FIRST_DYNAMIC + 2;
    assertTrue(ps.isAncestorOrSelf(0, qty));
    assertTrue(ps.isAncestorOrSelf(ITEMS, qty));
    assertTrue(ps.isAncestorOrSelf(k1, qty));
    assertTrue(ps.isAncestorOrSelf(qty, qty));
    assertFalse(ps.isAncestorOrSelf(qty, k1));
    assertFalse(ps.isAncestorOrSelf(LINES, qty));
    assertTrue(ps.isAncestorOrSelf(2, 4));
    assertFalse(ps.isAncestorOrSelf(3, 4)); // siblings
  }

  @Test
  void claimGivesOneNewStampPerBlock() {
    PathSpace ps = bare();
    int a = claimAtEnd(ps, "a");
    int b = claimAtEnd(ps, "b");
    assertEquals(FIRST_DYNAMIC, a);
    assertEquals(FIRST_DYNAMIC + 3, b);
    assertEquals(ps.stampOf(a), ps.stamp(a + 2)); // one stamp for every ID of the block
    assertNotEquals(ps.stampOf(a), ps.stampOf(b));
    assertNotEquals(0, ps.stampOf(a)); // 0 is the static paths' stamp
    assertEquals(0, ps.stamp(4));
    assertEquals("a", ps.key(a));
    assertEquals(List.of("a", "b"), List.copyOf(ps.container(ITEMS).keys.keySet()));
  }

  @Test
  void aFreedBlockIsReusedWithANewStamp() {
    PathSpace ps = bare();
    int a = claimAtEnd(ps, "a");
    int oldStamp = ps.stampOf(a);
    ps.setDetached(a, true);
    ps.free(a);
    assertEquals(3, ps.freeIdCount());
    assertEquals(-1, ps.takeFreeBlock(10)); // no free block of the list template
    int again = ps.takeFreeBlock(ITEM_T);
    assertEquals(a, again);
    assertEquals(0, ps.freeIdCount());
    assertEquals(-1, ps.takeFreeBlock(ITEM_T));
    ps.claim(again, ITEM_T, ITEMS, "c");
    assertNotEquals(oldStamp, ps.stampOf(again));
    assertTrue(ps.isLive(again + 1));
  }

  @Test
  void checkedIdRefusesAStaleStamp() {
    PathSpace ps = bare();
    int a = claimAtEnd(ps, "a");
    int stamp = ps.stampOf(a);
    assertEquals(a + 1, ps.checkedId(a + 1, stamp));
    assertEquals(3, ps.checkedId(3, 0));
    assertThrows(UnknownPathException.class, () -> ps.checkedId(a, 0)); // stamp 0 is static only
    ps.setDetached(a, true);
    ps.free(a);
    ps.claim(ps.takeFreeBlock(ITEM_T), ITEM_T, ITEMS, "b");
    UnknownPathException e = assertThrows(UnknownPathException.class, () -> ps.checkedId(a + 1, stamp));
    assertTrue(e.getMessage().contains("now \"items.b.name\", another entry"), e.getMessage());
  }

  /**
   * A static path's stamp is 0 ({@link PathSpace#stamp}); a static ID given with any other stamp
   * was never read with that stamp, and {@code Store.checkedId} promises {@code
   * UnknownPathException} then, as for an entry ID given with stamp 0.
   */
  @Test
  void checkedIdRefusesAStaticIdWithANonZeroStamp() {
    Store s = store();
    assertThrows(UnknownPathException.class, () -> s.checkedId(4, 1));
    Store flat = Store.create(TestSchemas.schema(Flat.class), new Flat(1, new Inner("s", false)));
    assertThrows(UnknownPathException.class, () -> flat.checkedId(1, 1));
  }

  @Test
  void checkOwnerRefusesAHandleOfARemovedEntryAndOfAnotherStore() {
    Store s = store();
    s.put(ITEMS, "k1", new Item("n", 1));
    Path<Integer> qty = s.path("items.k1.qty", Integer.class);
    Engine engine = s.engine();
    assertEquals(FIRST_DYNAMIC + 2, engine.paths.checkOwner(qty, engine));
    Store other = store();
    assertThrows(IllegalArgumentException.class, () -> other.engine().paths.checkOwner(qty, other.engine()));
    s.remove(ITEMS, "k1");
    s.put(ITEMS, "k2", new Item("m", 2)); // reuses the block of k1
    assertEquals(FIRST_DYNAMIC, s.entry(ITEMS, "k2"));
    assertThrows(UnknownPathException.class, () -> engine.paths.checkOwner(qty, engine));
  }

  @Test
  void aDetachedBlockIsNotLiveButLeavingAndKeepsItsPath() {
    PathSpace ps = bare();
    int a = claimAtEnd(ps, "a");
    assertTrue(ps.isLive(a + 2));
    assertFalse(ps.isLeaving(a + 2));
    ps.setDetached(a, true);
    assertFalse(ps.isLive(a + 2));
    assertTrue(ps.isLeaving(a + 2));
    assertFalse(ps.isLeaving(4)); // a static path never leaves
    assertEquals("items.a.qty", ps.pathOf(a + 2));
    ps.setDetached(a, false);
    assertTrue(ps.isLive(a));
    ps.setDetached(a, true);
    ps.free(a);
    assertEquals("<removed entry, path ID " + a + ">", ps.pathOf(a));
    assertThrows(UnknownPathException.class, () -> ps.checkId(a));
  }

  @Test
  void trimFreeTailGivesBackOnlyBlocksAboveTheSettledCount() {
    PathSpace ps = bare();
    int a = claimAtEnd(ps, "a");
    ps.settle(); // a belongs to a completed operation
    int b = claimAtEnd(ps, "b");
    assertEquals(FIRST_DYNAMIC + 6, ps.idCount);
    ps.setDetached(b, true);
    ps.free(b);
    ps.setDetached(a, true);
    ps.free(a);
    ps.trimFreeTail();
    assertEquals(FIRST_DYNAMIC + 3, ps.idCount); // b was at the end and above the settled count
    assertEquals(3, ps.freeIdCount()); // a stays free, below the settled count
    assertEquals(a, ps.takeFreeBlock(ITEM_T));
  }

  @Test
  void mapRelativeFindsTheSamePositionUnderAnotherNode() {
    Store s = store();
    s.put(ITEMS, "k1", new Item("n", 1));
    s.put(ITEMS, "k2", new Item("m", 2));
    PathSpace ps = s.engine().paths;
    int k1 = ps.resolve("items.k1");
    int k2 = ps.resolve("items.k2");
    assertEquals(k2 + 2, ps.mapRelative(k1 + 2, k1, k2));
    assertEquals(4, ps.mapRelative(4, 4, 4));
    assertEquals(k2, ps.mapRelative(k2, ITEMS, ITEMS));
    s.add(LINES, new Item("l", 0));
    s.add(LINES, new Item("m", 1));
    int line0 = ps.resolve("lines.0");
    int line1 = ps.resolve("lines.1");
    assertEquals(line1 + 1, ps.mapRelative(line0 + 1, line0, line1));
  }

  @Test
  void aSchemaWithoutMapsOrListsHasNoDynamicTables() {
    Store s = Store.create(TestSchemas.schema(Flat.class), new Flat(1, new Inner("s", false)));
    PathSpace ps = s.engine().paths;
    assertEquals(0, ps.freeIdCount());
    assertEquals(null, ps.container(0));
    assertEquals(5, ps.idCount); // root, x, inner, inner.s, inner.b
    assertFalse(ps.isLive(5));
    assertFalse(ps.isLeaving(4));
    ps.trimFreeTail(); // nothing to trim: no dynamic tables
    assertEquals(5, ps.idCount);
    assertThrows(UnknownPathException.class, () -> ps.resolve("inner.s.x"));
    assertEquals(null, s.engine().entries);
  }

  @Test
  void checkedIdNamesTheFirstEntryAfterTheStaticPathsByWhatIsKnownOfIt() {
    PathSpace ps = bare();
    int a = claimAtEnd(ps, "a");
    int stamp = ps.stampOf(a);
    assertEquals(FIRST_DYNAMIC, a);
    assertEquals(a, ps.checkedId(a, stamp), "the first dynamic ID is an entry's, not a static path");
    ps.setDetached(a, true);
    assertEquals("\"items.a\" names an entry that was removed; a view or handle on an entry is valid while"
        + " the entry exists", assertThrows(UnknownPathException.class, () -> ps.checkedId(a, stamp)).getMessage());
    ps.free(a);
    assertEquals("path ID " + a + " names an entry that was removed; a view or handle on an entry is valid"
        + " while the entry exists", assertThrows(UnknownPathException.class, () -> ps.checkedId(a, stamp)).getMessage());
    ps.claim(ps.takeFreeBlock(ITEM_T), ITEM_T, ITEMS, "b");
    assertTrue(assertThrows(UnknownPathException.class, () -> ps.checkedId(a, stamp)).getMessage()
        .startsWith("path ID " + a + " (now \"items.b\", another entry) names an entry that was removed"));
    assertEquals("path ID 0 is a static path, but stamp " + stamp + " is an entry's; a static path has stamp 0",
        assertThrows(UnknownPathException.class, () -> ps.checkedId(0, stamp)).getMessage());
    assertTrue(assertThrows(UnknownPathException.class, () -> ps.checkedId(-1, 0)).getMessage()
        .startsWith("unknown path ID -1: not a path of Root"));
  }

  @Test
  void pathOfTheFirstFreeIdOrAFreedFirstEntryIsTold() {
    Store s = store();
    s.put(ITEMS, "k1", new Item("n", 1));
    int k1 = s.resolve("items.k1");
    assertEquals(FIRST_DYNAMIC, k1);
    int next = s.stats().pathIds();
    assertTrue(assertThrows(UnknownPathException.class, () -> s.pathOf(next)).getMessage()
        .startsWith("unknown path ID " + next + ":"));
    s.remove(ITEMS, "k1");
    s.set("a", 2); // the next batch frees the removed entry's block
    assertEquals("<removed entry, path ID " + k1 + ">", s.pathOf(k1));
  }

  @Test
  void aTypedHandleOnTheFirstEntryTellsThatTheEntryWasReplaced() {
    Store s = store();
    s.put(ITEMS, "k1", new Item("n", 1));
    Path<Item> k1 = s.path(FIRST_DYNAMIC, Item.class);
    s.remove(ITEMS, "k1");
    s.put(ITEMS, "k2", new Item("m", 2)); // reuses the block of k1
    assertEquals(FIRST_DYNAMIC, s.entry(ITEMS, "k2"));
    assertThrows(UnknownPathException.class, () -> s.get(k1));
    assertThrows(UnknownPathException.class, () -> s.path(999, Item.class));
    assertThrows(UnknownPathException.class, () -> s.keys(999));
  }

  record Deep(Inner inner, int n) {}

  record Nest(Map<String, Deep> m) {}

  @Test
  void theIdsOfARecordNestedInAnEntryHaveTheirParentsInTheEntry() {
    Store s = Store.create(TestSchemas.schema(Nest.class), new Nest(Map.of("k", new Deep(new Inner("x", true), 1))));
    int inner = s.resolve("m.k.inner");
    int innerS = s.resolve("m.k.inner.s");
    PathSpace ps = s.engine().paths;
    assertEquals(inner, ps.parent(innerS));
    assertEquals("m.k.inner.s", s.pathOf(innerS));
    assertEquals(new Inner("x", true), s.get(inner));
  }

  record Two(Map<String, Item> a, Map<String, Item> b, List<Item> la, List<Item> lb) {}

  @Test
  void mapRelativeIsMinusOneWhereTheOtherNodeHasNoSuchEntry() {
    Store s = Store.create(TestSchemas.schema(Two.class), new Two(Map.of("k", new Item("k", 1)), null,
        List.of(new Item("x", 1), new Item("y", 2)), List.of(new Item("z", 3))));
    PathSpace ps = s.engine().paths;
    int a = s.resolve("a");
    int b = s.resolve("b");
    int la = s.resolve("la");
    int lb = s.resolve("lb");
    assertEquals(-1, ps.mapRelative(s.resolve("a.k.qty"), a, b), "b never had an entry");
    s.set("b", Map.of("j", new Item("j", 2)));
    assertEquals(-1, ps.mapRelative(s.resolve("a.k.qty"), a, b), "b has no entry k");
    assertEquals(s.resolve("lb.0.qty"), ps.mapRelative(s.resolve("la.0.qty"), la, lb));
    assertEquals(-1, ps.mapRelative(s.resolve("la.1.qty"), la, lb), "lb has no index 1");
  }

  @Test
  void anEntryTakenFromTheMiddleOfAListLeavesTheOthersInOrder() {
    Store s = Store.create(TestSchemas.schema(Root.class), new Root(1, new Inner("s", true),
        Map.of("k", new Item("b", 2)), List.of(new Item("a", 1), new Item("b", 2), new Item("c", 3))));
    s.wiring().sync(s.resolve("items.k"), s.resolve("lines.1"));
    s.remove(ITEMS, "k"); // the removal spreads to lines.1
    assertEquals(List.of(new Item("a", 1), new Item("c", 3)), s.get("lines"));
    assertEquals(new Item("c", 3), s.get("lines.1"));
  }

  @Test
  void anUnknownPathOfUpTo200CharactersIsQuotedWhole() {
    PathSpace ps = store().engine().paths;
    String exactly200 = "x".repeat(200);
    assertEquals("unknown path \"" + exactly200 + "\": no segment \"" + exactly200 + "\" under the root; its"
        + " components are: a, inner, items, lines",
        assertThrows(UnknownPathException.class, () -> ps.resolve(exactly200)).getMessage());
    String longer = "x".repeat(201);
    assertTrue(assertThrows(UnknownPathException.class, () -> ps.resolve(longer)).getMessage()
        .startsWith("unknown path \"" + exactly200 + "...(201 chars)\""));
  }

  @Test
  void aMapThatNeverHadAnEntryResolvesNoKey() {
    Store s = Store.create(TestSchemas.schema(Two.class), new Two(Map.of(), null, List.of(), List.of()));
    assertEquals("unknown path \"b.k\": no segment \"k\" under \"b\"; the map has keys []",
        assertThrows(UnknownPathException.class, () -> s.resolve("b.k")).getMessage());
  }
}
