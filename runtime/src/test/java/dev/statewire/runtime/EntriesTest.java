package dev.statewire.runtime;

import static dev.statewire.runtime.internal.ChangeBuffer.ABSENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.testkit.TestSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Entries}: the life of map and list entries. Reservation by put and add, the entries that
 * may end a batch absent and the sweep that removes them, IDs freed only by the next batch, the
 * epoch of removals, bringing a held batch up to date ({@code revalidate}), and the leaving marks
 * that stage 9 reads.
 *
 * <p>Static IDs of {@link Root}: 0 root, 1 items, 2 items.*, 3 items.*.name, 4 items.*.qty,
 * 5 lines, 6 lines.*, 7 lines.*.name, 8 lines.*.qty, 9 s; entry blocks (3 IDs) start at 10.
 */
class EntriesTest {
  record Item(String name, int qty) {}

  record Root(Map<String, Item> items, List<Item> lines, String s) {}

  private static final int ITEMS = 1;
  private static final int LINES = 5;
  private static final int FIRST = 10;

  private final Store store = Store.create(TestSchemas.schema(Root.class),
      new Root(Map.of("k", new Item("k", 1)), List.of(), "s"));
  private final Entries entries = store.engine().entries;
  private final PathSpace paths = store.engine().paths;
  private final Shadow shadow = store.engine().shadow;

  @Test
  void putOfOneKeyTwiceReservesOneEntry() {
    int a = entries.forPut(ITEMS, "a");
    assertEquals(FIRST + 3, a); // after the block of "k"
    assertEquals(a, entries.forPut(ITEMS, "a"));
    assertEquals(ABSENT, shadow.tag[a]); // reserved, not written
    assertTrue(entries.hasPending());
    assertEquals(FIRST, entries.forPut(ITEMS, "k")); // an existing entry is its own reservation
  }

  @Test
  void addReservesANewEntryEachTime() {
    int a = entries.forAdd(LINES);
    int b = entries.forAdd(LINES);
    assertEquals(FIRST + 3, a);
    assertEquals(FIRST + 6, b);
    assertEquals(List.of(a, b), List.of(paths.container(LINES).list.get(0), paths.container(LINES).list.get(1)));
  }

  @Test
  void reservingRefusesABadKeyAndTheWrongContainerKind() {
    IllegalArgumentException key = assertThrows(IllegalArgumentException.class, () -> entries.forPut(ITEMS, "a.b"));
    assertEquals("map key \"a.b\" for \"items\" " + WriteCheck.KEY_RULE, key.getMessage());
    IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> entries.forPut(LINES, "x"));
    assertEquals("\"lines\" is a LIST, not a MAP", kind.getMessage());
    assertThrows(IllegalArgumentException.class, () -> entries.forAdd(ITEMS));
    assertEquals(FIRST + 3, paths.idCount); // nothing was reserved
  }

  @Test
  void forWriteFindsAReservationAndRefusesAnUnknownKey() {
    int a = entries.forPut(ITEMS, "a");
    assertEquals(a, entries.forWrite(ITEMS, "a"));
    UnknownPathException e = assertThrows(UnknownPathException.class, () -> entries.forWrite(ITEMS, "zz"));
    assertTrue(e.getMessage().startsWith("no entry \"zz\" in map \"items\"; it has keys [k]"), e.getMessage());
  }

  @Test
  void theSweepRemovesOnlyMarkedEntriesThatAreAbsent() {
    int a = entries.forPut(ITEMS, "a"); // marked, absent
    entries.markMaybeDead(FIRST); // "k": marked, but present
    entries.sweep();
    assertFalse(paths.isLive(a));
    assertTrue(paths.isLeaving(a));
    assertTrue(paths.isLive(FIRST));
    assertEquals(1, entries.epoch());
    assertFalse(entries.hasPending());
    assertEquals(List.of("k"), entries.keys(ITEMS));
  }

  @Test
  void removedIdsAreFreedOnlyByTheNextBatch() {
    store.remove(ITEMS, "k");
    assertEquals(3, entries.pendingIds());
    assertEquals(0, paths.freeIdCount());
    assertEquals(3, store.stats().freeIds()); // pending IDs count as free in the stats
    assertEquals("items.k", paths.pathOf(FIRST)); // the views of the removing batch still name it
    store.set("s", "next");
    assertEquals(0, entries.pendingIds());
    assertEquals(3, paths.freeIdCount());
    assertEquals("<removed entry, path ID " + FIRST + ">", paths.pathOf(FIRST));
  }

  @Test
  void theEpochCountsEveryRemovedBlock() {
    store.put(ITEMS, "a", new Item("a", 2));
    store.add(LINES, new Item("l", 3));
    assertEquals(0, entries.epoch());
    store.batch().remove(ITEMS, "k").remove(ITEMS, "a").apply();
    assertEquals(2, entries.epoch());
    store.set("lines", null); // its one entry goes with it
    assertEquals(3, entries.epoch());
  }

  @Test
  void aHeldBatchWhoseReservationWasReleasedReservesItAgain() {
    Batch held = store.batch();
    Batch b = held.put(ITEMS, "n", new Item("n", 7));
    int reserved = b.input.path[0];
    int oldStamp = paths.stampOf(reserved);
    store.engine().newBatch().set("s", "other").apply(); // its sweep releases the absent reservation
    assertFalse(paths.isLive(reserved));
    entries.revalidate(b);
    int now = b.input.path[0];
    assertTrue(paths.isLive(now));
    assertNotEquals(oldStamp, paths.stampOf(now));
    assertEquals(entries.epoch(), b.entryWrites.epoch);
    b.apply();
    assertEquals(new Item("n", 7), store.get("items.n"));
  }

  @Test
  void aHeldBatchThatWritesARemovedEntryIsRefused() {
    Batch b = store.batch().set("items.k.qty", 5);
    store.engine().newBatch().remove(ITEMS, "k").apply();
    UnknownPathException e = assertThrows(UnknownPathException.class, () -> entries.revalidate(b));
    assertEquals("this batch writes \"items.k.qty\", in an entry that was removed after the write was"
        + " added; nothing was applied", e.getMessage());
  }

  @Test
  void leavingMarksDetachTheAbsentMarkedEntriesUntilUnmarked() {
    int a = entries.forPut(ITEMS, "a");
    assertFalse(entries.anyLeaving());
    entries.markLeaving();
    assertTrue(entries.anyLeaving());
    assertTrue(paths.isLeaving(a));
    assertFalse(paths.isLeaving(FIRST)); // "k" is present: not leaving
    entries.unmarkLeaving();
    assertFalse(entries.anyLeaving());
    assertTrue(paths.isLive(a));
    assertTrue(entries.hasPending()); // the sweep still decides
  }

  @Test
  void reservingGrowsTheValueTables() {
    for (int i = 0; i < 40; i++) {
      store.add(LINES, new Item("l" + i, i));
    }
    assertEquals(FIRST + 3 + 40 * 3, paths.idCount);
    assertTrue(shadow.capacity() >= paths.idCount);
    assertEquals(new Item("l39", 39), store.get("lines.39"));
  }

  record V(int v) {}

  record Holder(List<V> l) {}

  record Outer(Map<String, Holder> m) {}

  /**
   * An entry that holds a list leaves with a batch that wrote inside one of the list's entries:
   * the applied list still names that write by its index, as the batch wrote it.
   */
  @Test
  void aListEntryThatLeavesWithTheEntryHoldingItsListKeepsItsIndexForTheView() {
    Store s = Store.create(TestSchemas.schema(Outer.class), new Outer(Map.of("k", new Holder(List.of(new V(1), new V(2))))));
    int m = s.resolve("m");
    Changes c = s.batch().set("m.k.l.1.v", 5).remove(m, "k").apply();
    assertEquals(List.of("m.k.l.1.v", "m.k"), List.of(c.path(0), c.path(1)));
    assertEquals(List.of(), s.keys(m));
  }

  /** A view of a batch that removed an entry goes stale once a new batch reserves the entry's IDs. */
  @Test
  void aViewGoesStaleWhenABatchBeingBuiltReusesTheIdsOfAnEntryItRemoved() {
    Changes removed = store.remove(ITEMS, "k");
    assertEquals("items.k", removed.path(0));
    Batch b = store.batch().put(ITEMS, "n", new Item("n", 2));
    assertEquals(FIRST, b.entry(ITEMS, "n"), "n takes the IDs of k");
    assertThrows(IllegalStateException.class, () -> removed.path(0));
  }
}
