package dev.statewire.runtime;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.testkit.TestSchemas;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link Batch}: writes collected and checked one by one (a bad one is not added), applied once,
 * tagged as a whole (derived changes too), and the entry bookkeeping it keeps only once it writes
 * inside an entry (stamps, reservations by put and add, {@code entry} for writes below a put).
 *
 * <p>Static IDs of {@link Root}: 0 root, 1 a, 2 b, 3 items, 4 items.*, 5 items.*.name,
 * 6 items.*.qty, 7 lines, 8 lines.*.
 */
class BatchTest {
  record Item(String name, int qty) {}

  record Root(int a, int b, Map<String, Item> items, List<String> lines) {}

  private static final int A = 1;
  private static final int ITEMS = 3;
  private static final int LINES = 7;

  private final Store store = Store.create(TestSchemas.of(Root.class).sync("a", "b").build(),
      new Root(0, 0, Map.of("k", new Item("k", 1)), List.of()));

  @Test
  void aBadWriteThrowsAndIsNotAdded() {
    Batch b = store.batch().set(A, 1);
    assertThrows(ValueTypeException.class, () -> b.set(A, "one"));
    assertThrows(UnknownPathException.class, () -> b.set("nope", 1));
    assertEquals(1, b.size());
    b.apply();
    assertEquals(1, store.get("b"));
  }

  @Test
  void aBatchIsAppliedOnce() {
    Batch b = store.batch().set(A, 1);
    b.apply();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.set(A, 2));
    assertEquals("this batch was applied already; start a new one with store.batch()", e.getMessage());
    assertThrows(IllegalStateException.class, b::apply);
    assertEquals(1, store.get("a"));
  }

  @Test
  void theTagReachesEveryChangeDerivedFromTheBatch() {
    Changes c = store.batch().tag("t").set(A, 5).apply();
    assertEquals(2, c.size());
    assertEquals("t", c.tag(0));
    assertEquals("t", c.tag(1)); // b, by sync
    assertNull(store.set(A, 6).tag(0));
  }

  @Test
  void aBatchOfStaticWritesKeepsNoEntryBookkeeping() {
    Batch b = store.batch().set(A, 1).setInt(2, 3);
    assertNull(b.entryWrites);
    b.set("items.k.qty", 4);
    assertNotNull(b.entryWrites);
    assertEquals(0, b.entryWrites.stamps[0]);
    assertEquals(store.stamp(store.resolve("items.k.qty")), b.entryWrites.stamps[2]);
    assertEquals(List.of(), b.entryWrites.reserved);
  }

  @Test
  void putAndAddRecordTheirReservationsAndEntryFindsThem() {
    Batch b = store.batch().put(ITEMS, "n", new Item("n", 2)).add(LINES, "l");
    List<EntryWrites.Reserved> res = b.entryWrites.reserved;
    assertEquals(2, res.size());
    assertEquals("n", res.get(0).key());
    assertEquals(ITEMS, res.get(0).container());
    assertNull(res.get(1).key());
    int n = b.entry(ITEMS, "n");
    assertEquals(res.get(0).base(), n);
    b.set(n + 2, 9); // items.n.qty, below the entry the batch puts
    assertThrows(UnknownPathException.class, () -> b.entry(ITEMS, "zz"));
    b.apply();
    assertEquals(new Item("n", 9), store.get("items.n"));
    assertEquals(List.of("l"), store.get("lines"));
  }

  @Test
  void putOfAnExistingEntryReservesNothing() {
    Batch b = store.batch().put(ITEMS, "k", new Item("k", 5));
    assertEquals(List.of(), b.entryWrites.reserved);
    b.apply();
    assertEquals(new Item("k", 5), store.get("items.k"));
  }

  // ---- a batch kept while another batch removed an entry it writes in ----

  record Kinds(long l, double d, boolean f, String s) {}

  record Holder(Map<String, Kinds> ks) {}

  /** The map of {@link Holder}; an entry's IDs are the entry, then l, d, f and s. */
  private static final int KS = 1;

  /** {@code write} adds one write inside entry {@code ks.k}; another batch then removes the entry. */
  private static void refusedAfterItsEntryLeft(String what, Consumer<Batch> write, String path) {
    Store s = Store.create(TestSchemas.schema(Holder.class), new Holder(Map.of("k", new Kinds(1, 1, false, "a"))));
    Batch b = s.batch();
    write.accept(b);
    s.remove(s.resolve("ks"), "k");
    UnknownPathException e = assertThrows(UnknownPathException.class, b::apply, what);
    assertEquals("this batch writes \"" + path + "\", in an entry that was removed after the write was added;"
        + " nothing was applied", e.getMessage(), what);
    assertEquals(List.of(), s.keys(s.resolve("ks")), what);
  }

  @Test
  void aWriteInsideAnEntryThatLeftBeforeApplyIsRefusedWhicheverWayItWasAdded() {
    refusedAfterItsEntryLeft("setLong", b -> b.setLong(b.entry(KS, "k") + 1, 5L), "ks.k.l");
    refusedAfterItsEntryLeft("setDouble", b -> b.setDouble(b.entry(KS, "k") + 2, 5.0), "ks.k.d");
    refusedAfterItsEntryLeft("setBoolean", b -> b.setBoolean(b.entry(KS, "k") + 3, true), "ks.k.f");
    refusedAfterItsEntryLeft("set(int)", b -> b.set(b.entry(KS, "k") + 4, "b"), "ks.k.s");
  }

  @Test
  void aTypedWriteInsideAnEntryThatLeftBeforeApplyIsRefused() {
    Store s = Store.create(TestSchemas.schema(Holder.class), new Holder(Map.of("k", new Kinds(1, 1, false, "a"))));
    Path<String> str = s.path(s.resolve("ks.k.s"), String.class);
    Batch b = s.batch().set(str, "b");
    s.remove(s.resolve("ks"), "k");
    UnknownPathException e = assertThrows(UnknownPathException.class, b::apply);
    assertTrue(e.getMessage().startsWith("this batch writes \"ks.k.s\", in an entry that was removed"), e.getMessage());
  }

  @Test
  void aRemovalOfAnEntryThatWasRemovedAndPutAgainMeanwhileIsRefused() {
    Batch b = store.batch().remove(ITEMS, "k");
    store.remove(ITEMS, "k");
    store.put(ITEMS, "k", new Item("again", 2));
    assertThrows(UnknownPathException.class, b::apply);
    assertEquals(new Item("again", 2), store.get("items.k"));
  }

  @Test
  void putRemoveAndAddOnABatchWhoseEntryLeftAreRefusedAtOnce() {
    String message = "this batch writes \"items.k.qty\", in an entry that was removed after the write was"
        + " added; nothing was applied";
    for (Consumer<Batch> use : List.<Consumer<Batch>>of(
        b -> b.put(ITEMS, "n", new Item("n", 1)), b -> b.remove(ITEMS, "k2"), b -> b.add(LINES, "l"))) {
      Store s = Store.create(TestSchemas.schema(Root.class),
          new Root(0, 0, Map.of("k", new Item("k", 1), "k2", new Item("k2", 2)), List.of()));
      Batch b = s.batch().set("items.k.qty", 5);
      s.remove(ITEMS, "k");
      assertEquals(message, assertThrows(UnknownPathException.class, () -> use.accept(b)).getMessage());
    }
  }

  @Test
  void anAddWhoseReservedEntryWentToAnotherBatchMovesToNewIds() {
    Batch b = store.batch().add(LINES, "x");
    store.add(LINES, "y"); // its sweep releases the entry b reserved ...
    store.add(LINES, "z"); // ... which this batch takes
    b.apply();
    assertEquals(List.of("y", "z", "x"), store.get("lines"));
  }

  @Test
  void aWriteRefusedWhileTheBatchIsBuiltDoesNotStopTheStoreReusingItsBatchObject() {
    assertThrows(ValueTypeException.class, () -> store.set(store.resolve("a"), "yes"));
    Batch first = store.batch();
    first.setInt(store.resolve("a"), 7).apply();
    assertSame(first, store.batch(), "the batch object is reused again after the refused write");
  }
}
