package dev.statewire.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.Batch;
import dev.statewire.runtime.ConcurrentWriteException;
import dev.statewire.runtime.Path;
import dev.statewire.runtime.Registration;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.UnknownPathException;
import dev.statewire.runtime.WiringException;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for the runtime findings of the hostile user (issue 12, docs/RELIABILITY.md
 * "Hostile user's findings"): each test is the finding's attack through the public API, and each
 * failed before its fix. "Unchanged" is checked through the snapshot and {@code stats()}.
 */
class HostileUserTest {

  record Line(boolean on, int qty) {}

  record Cart(Map<String, Line> items, int n, Boolean allOn) {}

  private static Map<String, Line> lines(String... keys) {
    Map<String, Line> m = new LinkedHashMap<>();
    for (String k : keys) {
      m.put(k, new Line(true, 1));
    }
    return m;
  }

  private static Store cart(String... keys) {
    Schema schema = TestSchemas.of(Cart.class).aggregate("allOn", "items.*.on").build();
    return Store.create(schema, new Cart(lines(keys), 0, null));
  }

  /** A store's state as far as a user can see it: snapshot and table sizes. */
  private record Seen(Object snapshot, Store.Stats stats) {
    static Seen of(Store s) {
      return new Seen(s.snapshot(), s.stats());
    }
  }

  // ---- F1: a kept handle never reaches the entry that reused its IDs ----

  @Test
  void f1_aTypedPathOnARemovedEntryDoesNotWriteTheEntryThatReusedItsIds() {
    Store store = cart("v");
    int items = store.resolve("items");
    Path<Integer> qty = store.path("items.v.qty", Integer.class);
    store.remove(items, "v");
    store.put(items, "w", new Line(false, 5));
    assertEquals(qty.id(), store.resolve("items.w.qty"), "the precondition: the IDs were reused");
    Seen before = Seen.of(store);
    UnknownPathException e = assertThrows(UnknownPathException.class, () -> store.set(qty, 77));
    assertTrue(e.getMessage().contains("items.v.qty"), e.getMessage());
    assertTrue(e.getMessage().contains("removed"), e.getMessage());
    assertThrows(UnknownPathException.class, () -> store.get(qty));
    assertThrows(UnknownPathException.class, () -> store.batch().set(qty, 77));
    assertEquals(before, Seen.of(store));
  }

  @Test
  void f1_aBatchWritingAnEntryRemovedBeforeApplyIsRefusedAndChangesNothing() {
    Store store = cart("v");
    int items = store.resolve("items");
    Batch b = store.batch();
    b.set(store.resolve("n"), 1);
    b.setInt(store.resolve("items.v.qty"), 9);
    store.remove(items, "v");
    store.put(items, "w", new Line(false, 5));
    Seen before = Seen.of(store);
    UnknownPathException e = assertThrows(UnknownPathException.class, b::apply);
    assertTrue(e.getMessage().contains("removed"), e.getMessage());
    assertEquals(before, Seen.of(store));
    assertEquals(5, store.getInt(store.resolve("items.w.qty")));
  }

  // ---- F3: runtime wiring compares generic types ----

  record Item(String name) {}

  record Lists(List<Item> items, List<String> names, Map<String, Item> byKey, Map<String, Integer> counts,
      Set<String> tags, Set<Integer> codes) {}

  private static Store lists() {
    return Store.create(TestSchemas.schema(Lists.class), new Lists(List.of(new Item("a")), List.of("x"),
        Map.of("k", new Item("b")), Map.of("k", 1), Set.of("t"), Set.of(1)));
  }

  @Test
  void f3_syncBetweenListsOfDifferentEntryTypesIsRefused() {
    Store store = lists();
    Seen before = Seen.of(store);
    WiringException e = assertThrows(WiringException.class,
        () -> store.wiring().sync(store.resolve("items"), store.resolve("names")));
    assertTrue(e.getMessage().contains("java.util.List<" + Item.class.getName() + ">"), e.getMessage());
    assertTrue(e.getMessage().contains("java.util.List<java.lang.String>"), e.getMessage());
    assertEquals(before, Seen.of(store));
  }

  @Test
  void f3_aggregateFromMapsOfRecordsIntoAMapOfIntegersIsRefused() {
    Store store = lists();
    Seen before = Seen.of(store);
    assertThrows(WiringException.class,
        () -> store.wiring().aggregate(store.resolve("counts"), store.resolve("byKey")));
    assertEquals(before, Seen.of(store));
  }

  @Test
  void f3_syncBetweenOpaqueValuesOfDifferentTypeArgumentsIsRefused() {
    Store store = lists();
    WiringException e = assertThrows(WiringException.class,
        () -> store.wiring().sync(store.resolve("tags"), store.resolve("codes")));
    assertTrue(e.getMessage().contains("java.util.Set<java.lang.String>"), e.getMessage());
    assertTrue(e.getMessage().contains("java.util.Set<java.lang.Integer>"), e.getMessage());
  }

  // ---- F4: a failure in the apply stage rolls the whole batch back ----

  /** An opaque value whose equals throws when it is the stored value "armed". */
  static final class Bomb {
    final String state;

    Bomb(String state) {
      this.state = state;
    }

    @Override
    public boolean equals(Object o) {
      if (state.equals("armed")) {
        throw new IllegalStateException("boom");
      }
      return o instanceof Bomb b && b.state.equals(state);
    }

    @Override
    public int hashCode() {
      return state.hashCode();
    }
  }

  record Armed(int i, Bomb bomb) {}

  @Test
  void f4_anEqualsThatThrowsWhileApplyingRollsTheWholeBatchBack() {
    Store store = Store.create(TestSchemas.schema(Armed.class), new Armed(0, new Bomb("safe")));
    Seen before = Seen.of(store);
    Batch b = store.batch().set("i", 42).set("bomb", new Bomb("armed")).set("bomb", new Bomb("safe2"));
    IllegalStateException e = assertThrows(IllegalStateException.class, b::apply);
    assertEquals("boom", e.getMessage());
    assertEquals(before, Seen.of(store));
    assertEquals(0, store.get("i"));
    assertEquals("safe", ((Bomb) store.get("bomb")).state);
    store.set("i", 7); // the store still works
    assertEquals(7, store.get("i"));
  }

  record Boxed(Bomb a, Bomb b, Bomb all, Map<String, Line> items) {}

  @Test
  void f4_aFailureInTheAggregationReadRollsBackTheAppliedChangesAndTheRemovedEntries() {
    Schema schema = TestSchemas.of(Boxed.class).aggregate("all", "a", "b").build();
    Store store = Store.create(schema, new Boxed(new Bomb("x"), new Bomb("y"), null, lines("k1", "k2")));
    int items = store.resolve("items");
    Seen before = Seen.of(store);
    // applying a = "armed" is fine; the read compares the sources and armed.equals throws
    Batch b = store.batch().remove(items, "k1").set("a", new Bomb("armed"));
    assertThrows(IllegalStateException.class, b::apply);
    assertEquals(before, Seen.of(store));
    assertEquals(List.of("k1", "k2"), store.keys(items));
  }

  // ---- F5: a refused sync leaves no edge behind ----

  /** A value whose hashCode throws: the alignment counts values in a hash map. */
  record Sour(String s) {
    @Override
    public int hashCode() {
      throw new UnsupportedOperationException("no hashing");
    }
  }

  record Sours(Sour a, Sour b, int n) {}

  @Test
  void f5_aSyncWhoseAlignmentThrowsLeavesNoEdgeAndNoRegistration() {
    Store store = Store.create(TestSchemas.schema(Sours.class), new Sours(new Sour("p"), new Sour("q"), 0));
    Seen before = Seen.of(store);
    assertThrows(UnsupportedOperationException.class,
        () -> store.wiring().sync(store.resolve("a"), store.resolve("b")));
    assertEquals(before, Seen.of(store));
    assertEquals(0, store.stats().syncEdges());
    store.set("a", new Sour("r")); // no edge: b keeps its value and nothing throws
    assertEquals(new Sour("q").s(), ((Sour) store.get("b")).s());
  }

  // ---- F6: a batch held across another batch ----

  @Test
  void f6_aPutHeldAcrossAnotherBatchIsAppliedWhenTheBatchIs() {
    Store store = cart("k1");
    int items = store.resolve("items");
    Batch b = store.batch().put(items, "new", new Line(false, 3));
    int newQty = b.entry(items, "new") + 2;
    b.setInt(newQty, 4);
    store.set("n", 1); // another batch runs (and sweeps entries that no batch wrote)
    store.set("n", 2);
    b.apply();
    assertEquals(List.of("k1", "new"), store.keys(items));
    assertEquals(new Line(false, 4), store.get("items.new"));
    assertNull(store.get("allOn"), "k1 is on, new is off: the sources disagree");
  }

  @Test
  void f6_putsHeldWhileAnotherBatchTakesTheirReservedIdsKeepTheirWrites() {
    Store store = cart();
    int items = store.resolve("items");
    Batch b = store.batch().put(items, "a", new Line(true, 1)).put(items, "b", new Line(true, 2));
    store.put(items, "c", new Line(false, 3)); // takes IDs the held batch had reserved
    store.remove(items, "c");
    store.set("n", 5);
    b.setInt(b.entry(items, "b") + 2, 20);
    b.apply();
    assertEquals(List.of("a", "b"), store.keys(items));
    assertEquals(new Line(true, 20), store.get("items.b"));
    assertEquals(new Line(true, 1), store.get("items.a"));
  }

  @Test
  void f6_aBatchHeldAcrossTheRemovalOfItsEntryIsRefused() {
    Store store = cart("k1", "k2");
    int items = store.resolve("items");
    Batch b = store.batch().setInt(store.resolve("items.k1.qty"), 8).set("n", 3);
    store.remove(items, "k1");
    Seen before = Seen.of(store);
    UnknownPathException e = assertThrows(UnknownPathException.class, b::apply);
    assertTrue(e.getMessage().contains("items.k1.qty"), e.getMessage());
    assertEquals(before, Seen.of(store));
  }

  @Test
  void f6_theBatchObjectReusedAfterAWriteInsideAnEntryKeepsNoStampOfThatWrite() {
    Store store = cart("k1", "k2");
    int items = store.resolve("items");
    store.batch().setInt(store.resolve("items.k1.qty"), 4).apply(); // input 0 inside an entry
    Batch b = store.batch().set("n", 7).setInt(store.resolve("items.k1.qty"), 5); // input 0 static
    store.remove(items, "k2"); // another batch removes an entry: b is checked again at apply()
    b.apply();
    assertEquals(7, store.getInt(store.resolve("n")));
    assertEquals(new Line(true, 5), store.get("items.k1"));
  }

  @Test
  void f6_aPutFromASecondThreadWhileABatchRunsIsRejected() throws Exception {
    Store store = cart("k1");
    int items = store.resolve("items");
    Batch held = store.batch();
    CountDownLatch inListener = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    store.listen(store.resolve("n"), store.resolve("n"), e -> {
      inListener.countDown();
      try {
        done.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    });
    Thread writer = new Thread(() -> store.set("n", 1), "owner");
    writer.start();
    assertTrue(inListener.await(10, TimeUnit.SECONDS));
    try {
      assertThrows(ConcurrentWriteException.class, () -> held.put(items, "x", new Line(true, 1)));
      assertThrows(ConcurrentWriteException.class, () -> held.add(items, new Line(true, 1)));
    } finally {
      done.countDown();
      writer.join();
    }
    assertEquals(List.of("k1"), store.keys(items));
    assertEquals(1, store.get("n"));
  }

  // ---- F7: subscribers ----

  @Test
  void f7_aThrowingSubscriberNeitherStarvesTheOthersNorFailsTheCommittedWrite() {
    Store store = cart("k1");
    List<Object> second = new ArrayList<>();
    RuntimeException boom = new IllegalStateException("subscriber 1 failed");
    store.subscribe(c -> {
      throw boom;
    });
    store.subscribe(c -> second.add(c.toList().get(0).path()));
    store.subscribe(c -> {
      if (Integer.valueOf(1).equals(store.get("n"))) {
        store.set("n", 2); // a write from a subscriber: runs after this round
      }
    });
    List<Throwable> reported = new ArrayList<>();
    Thread me = Thread.currentThread();
    Thread.UncaughtExceptionHandler old = me.getUncaughtExceptionHandler();
    me.setUncaughtExceptionHandler((t, e) -> reported.add(e));
    try {
      store.set("n", 1); // the write succeeded: the caller gets no exception
    } finally {
      me.setUncaughtExceptionHandler(old);
    }
    assertEquals(List.of("n", "n"), second, "subscriber 2 saw both batches");
    assertEquals(2, store.get("n"), "subscriber 3's write was applied");
    assertEquals(List.of(boom, boom), reported, "each failure went to the thread's handler");
  }

  // ---- F9: collections held as opaque values are copied ----

  record Tagged(Set<String> tags, int n) {}

  @Test
  void f9_aSetHeldAsAValueIsCopiedAndTheStoredCopyIsUnmodifiable() {
    Set<String> mine = new LinkedHashSet<>(List.of("a", "b"));
    Store store = Store.create(TestSchemas.schema(Tagged.class), new Tagged(mine, 0));
    mine.add("c");
    assertEquals(Set.of("a", "b"), store.get("tags"), "the caller's set is not shared");
    Set<String> next = new LinkedHashSet<>(List.of("x"));
    store.set("tags", next);
    next.clear();
    @SuppressWarnings("unchecked")
    Set<String> held = (Set<String>) store.get("tags");
    assertEquals(Set.of("x"), held);
    assertThrows(UnsupportedOperationException.class, () -> held.add("y"));
    @SuppressWarnings("unchecked")
    Set<String> snap = ((Tagged) store.snapshot()).tags();
    assertThrows(UnsupportedOperationException.class, () -> snap.add("y"));
  }

  // ---- F10: clearing a map under a wildcard aggregation (complexity: ClearMapBench) ----

  @Test
  void f10_clearingAMapUnderAWildcardAggregationRemovesEverySourceAndReadsTheTarget() {
    String[] keys = new String[2_000];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = "k" + i;
    }
    Store store = cart(keys);
    assertEquals(Boolean.TRUE, store.get("allOn"));
    store.set("items", Map.of());
    assertEquals(0, store.size(store.resolve("items")));
    assertEquals(null, store.get("allOn"), "no sources: null");
    store.put(store.resolve("items"), "again", new Line(false, 1));
    assertEquals(Boolean.FALSE, store.get("allOn"));
    assertEquals(1, store.stats().aggregations());
  }

  // ---- F11: runtime sync across a static flip pair ----

  record Pq(boolean p, boolean q, boolean r) {}

  @Test
  void f11_aRuntimeSyncAcrossAStaticFlipPairIsRefusedAsAtCompileTime() {
    Schema schema = TestSchemas.of(Pq.class).flip("p", "q").build();
    Store store = Store.create(schema, new Pq(true, false, false));
    Seen before = Seen.of(store);
    WiringException e = assertThrows(WiringException.class,
        () -> store.wiring().sync(store.resolve("p"), store.resolve("q")));
    assertTrue(e.getMessage().contains("contradict"), e.getMessage());
    assertEquals(before, Seen.of(store));
    // through a third path: with r synced to p, syncing r with q would force p = r = q = !p
    Registration rp = store.wiring().sync(store.resolve("r"), store.resolve("p"));
    assertThrows(WiringException.class, () -> store.wiring().sync(store.resolve("r"), store.resolve("q")));
    rp.close();
  }

  record Pair2(Pq left, Pq right) {}

  @Test
  void f11_aRecordSyncThatWouldEquateAFlippedPairIsRefused() {
    Schema schema = TestSchemas.of(Pair2.class).flip("left.p", "right.p").build();
    Store store = Store.create(schema, new Pair2(new Pq(true, false, false), new Pq(false, false, false)));
    assertThrows(WiringException.class,
        () -> store.wiring().sync(store.resolve("left"), store.resolve("right")));
    assertEquals(0, store.stats().syncEdges());
  }

  // ---- F12: "*" is never a map key ----

  @Test
  void f12_theWildcardIsRefusedAsAMapKey() {
    Store store = cart("k1");
    int items = store.resolve("items");
    Seen before = Seen.of(store);
    IllegalArgumentException put = assertThrows(IllegalArgumentException.class,
        () -> store.put(items, "*", new Line(true, 1)));
    assertTrue(put.getMessage().contains("\"*\""), put.getMessage());
    Map<String, Line> withStar = new LinkedHashMap<>(lines("k1"));
    withStar.put("*", new Line(false, 2));
    assertThrows(dev.statewire.runtime.ValueTypeException.class, () -> store.set("items", withStar));
    assertEquals(before, Seen.of(store));
  }

  // ---- F13: capacity is not state ----

  @Test
  void f13_aBatchAbandonedByAListenerChangesNothingButPerhapsCapacity() {
    Store store = cart("k1");
    int items = store.resolve("items");
    store.listen(store.resolve("n"), store.resolve("n"), e -> {
      throw new IllegalStateException("no");
    });
    Store.Stats stats = store.stats();
    Object snap = store.snapshot();
    Batch b = store.batch();
    for (int i = 0; i < 20; i++) {
      b.put(items, "e" + i, new Line(true, i));
    }
    b.set("n", 1);
    assertThrows(dev.statewire.runtime.ListenerException.class, b::apply);
    assertEquals(snap, store.snapshot());
    Store.Stats after = store.stats();
    assertEquals(stats, new Store.Stats(after.pathIds(), stats.pathCapacity(), after.freeIds(), after.syncEdges(),
        after.flipEdges(), after.aggregations(), after.listeners(), after.subscribers(), after.observers(),
        after.referenceSlots()),
        "every figure but the capacity is as before");
  }

  // ---- F14: a reader thread never leaves the owner a stale snapshot ----

  /** A record whose constructor waits, on the reader thread only, until the owner has written. */
  record Slow(int a, int b) {
    static final AtomicReference<Thread> READER = new AtomicReference<>();
    static final CountDownLatch BUILDING = new CountDownLatch(1);
    static final CountDownLatch WRITTEN = new CountDownLatch(1);

    Slow {
      if (Thread.currentThread() == READER.get()) {
        BUILDING.countDown();
        try {
          WRITTEN.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** {@code c} is built before {@code slow}, so a reader stuck in {@code slow} has read c already. */
  record Holder(int c, Slow slow) {}

  @Test
  void f14_aSnapshotBuiltOnAReaderThreadDuringABatchIsNotCachedForTheOwner() throws Exception {
    Store store = Store.create(TestSchemas.schema(Holder.class), new Holder(1, new Slow(1, 1)));
    Thread reader = new Thread(store::snapshot, "reader");
    Slow.READER.set(reader);
    reader.start();
    assertTrue(Slow.BUILDING.await(10, TimeUnit.SECONDS));
    store.set("c", 2); // the owner writes while the reader is inside its snapshot
    Slow.WRITTEN.countDown();
    reader.join();
    Slow.READER.set(null);
    assertEquals(new Holder(2, new Slow(1, 1)), store.snapshot(), "the owner sees its own write");
    assertSame(store.snapshot(), store.snapshot(), "and its own snapshots are still cached");
  }
}
