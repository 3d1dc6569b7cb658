package dev.statewire.runtime.reliability;

import static dev.statewire.runtime.testkit.Applied.assertApplied;
import static dev.statewire.runtime.testkit.Applied.ch;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.ChangeFlag;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.ValueTypeException;
import dev.statewire.runtime.testkit.TestSchemas;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for the engine bugs B1–B7 that the reliability suite found (docs/RELIABILITY.md,
 * "Engine bugs found and fixed"; all fixed in commit 68fad55). Each test is the smallest failing
 * case, shrunk from the seed given there, and failed before the fix. Expected values are what
 * PIPELINE.md, docs/SEMANTICS.md and the reference model say.
 */
class EngineRegressionTest {

  record Pair(String a, String b, int n) {}

  /**
   * Guards B1 (found by the differential test, run seed 20240671721833, S1). Creating a store
   * whose static sync needs alignment left the engine in its pipeline phase ({@code init} called
   * {@code runPipeline} directly): every later registration threw "cannot register ... while a
   * batch runs" until the first batch.
   */
  @Test
  void b1_registrationWorksAfterACreationThatAligned() {
    Schema schema = TestSchemas.of(Pair.class).sync("a", "b").build();
    Store store = Store.create(schema, new Pair("x", "y", 0));
    assertEquals(new Pair("x", "x", 0), store.snapshot(), "aligned at creation");
    assertDoesNotThrow(() -> store.listen(store.resolve("n"), store.resolve("n"), e -> {}));
    assertThrows(dev.statewire.runtime.WiringException.class,
        () -> store.wiring().flip(store.resolve("n"), store.resolve("n")),
        "a flip on an int is a WiringException, never an IllegalStateException about a running batch");
  }

  record Sel(boolean a, boolean b, Boolean all) {}

  /**
   * Guards B2 (differential, run seed 20240671721835, S3). Writing null to an aggregation target
   * fanned null out to primitive sources: the store then held null in a {@code boolean} and every
   * snapshot threw. Expected: the write is refused like any null into a primitive
   * (ValueTypeException naming the source), store unchanged.
   */
  @Test
  void b2_nullWrittenToATargetWithPrimitiveSourcesIsRefused() {
    Schema schema = TestSchemas.of(Sel.class).aggregate("all", "a", "b").build();
    Store store = Store.create(schema, new Sel(true, true, null));
    assertEquals(Boolean.TRUE, store.get("all"));
    Object before = store.snapshot();
    Store.Stats stats = store.stats();
    ValueTypeException e = assertThrows(ValueTypeException.class, () -> store.set("all", null));
    assertTrue(e.getMessage().contains("\"a\""), e.getMessage());
    assertEquals(before, store.snapshot());
    assertEquals(stats, store.stats());
  }

  record Line(boolean on, int qty) {}

  record Cart(java.util.Map<String, Line> items, int n) {}

  private static Store cart() {
    java.util.Map<String, Line> items = new java.util.LinkedHashMap<>();
    items.put("k1", new Line(true, 1));
    items.put("k2", new Line(false, 2));
    return Store.create(TestSchemas.schema(Cart.class), new Cart(items, 0));
  }

  /**
   * Guards B4 (BadInputTest row 21). A path ID of an entry removed by the last batch (its IDs are
   * freed when the next batch starts) threw ArrayIndexOutOfBoundsException instead of
   * UnknownPathException.
   */
  @Test
  void b4_writeThroughAPathIdOfARemovedEntry() {
    Store store = cart();
    int qty = store.resolve("items.k2.qty");
    store.remove(store.resolve("items"), "k2");
    Object before = store.snapshot();
    assertThrows(dev.statewire.runtime.UnknownPathException.class, () -> store.set(qty, 5));
    assertEquals(before, store.snapshot());
  }

  /**
   * Guards B5 (BadInputTest row 35). A batch that {@code put} a new entry and was then abandoned
   * by a throwing listener left the block reserved for the entry on the free list: the snapshot
   * was unchanged, but {@code stats().freeIds} went 0 → 3 (and the capacity could grow).
   * Expected: the store byte-for-byte unchanged, every {@code stats()} size equal — also when
   * it happens again and again.
   */
  @Test
  void b5_anAbandonedBatchThatPutAnEntryReservesNothing() {
    Store store = cart();
    store.listenAll(e -> {
      if (e.changes().size() > 1) {
        throw new IllegalStateException("injected");
      }
    });
    Object before = store.snapshot();
    Store.Stats stats = store.stats();
    for (int i = 0; i < 50; i++) {
      String key = "k" + (10 + i);
      assertThrows(dev.statewire.runtime.ListenerException.class,
          () -> store.batch().put(store.resolve("items"), key, new Line(true, 7)).set("n", 3).apply());
      assertEquals(before, store.snapshot());
      assertEquals(stats, store.stats(), "after abandoned batch " + i);
    }
    assertThrows(dev.statewire.runtime.UnknownPathException.class, () -> store.resolve("items.k10.qty"));
    store.put(store.resolve("items"), "k3", new Line(true, 3));
    assertEquals(new Line(true, 3), store.get("items.k3"), "a later put still works");
  }

  /**
   * Guards B7 (differential, run seed 7002720, Market). Closing a listener registration that the
   * removal of its entry detached threw ArrayIndexOutOfBoundsException (its message named a
   * freed path ID) instead of the documented IllegalStateException.
   */
  @Test
  void b7_closingAListenerDetachedByItsEntrysRemoval() {
    Store store = cart();
    dev.statewire.runtime.Registration r =
        store.listen(store.resolve("items.k2.on"), store.resolve("items.k2.on"), e -> {});
    store.remove(store.resolve("items"), "k2");
    store.setInt(store.resolve("n"), 1); // the next batch frees the removed entry's IDs
    assertEquals(false, r.isActive());
    IllegalStateException e = assertThrows(IllegalStateException.class, r::close);
    assertTrue(e.getMessage().contains("closed already"), e.getMessage());
  }

  /**
   * Guards B8 (differential, first 1,000,000-batch run, run seed 20240671725024, Market). A
   * runtime aggregation with no sources reads null into its map target when registered, which
   * removes the map's entries; they stayed (with their flip edge and the registrations inside them)
   * until the next batch swept them, so a batch abandoned by a throwing listener swept them and
   * changed the tables. Expected: they leave when {@code aggregate(...)} returns, and an abandoned
   * batch changes no table.
   */
  @Test
  void b8_entriesRemovedByARegistrationLeaveAtOnceAndAnAbandonedBatchChangesNoTable() {
    Scenario market = Scenario.named("Market");
    Store store = Store.create(market.schema(), new RShapes.Market(
        new java.util.LinkedHashMap<>(java.util.Map.of("k4", new RShapes.Line(true, false, 2, "b", RShapes.Tier.LOW))),
        false, new RShapes.Line(false, false, 2, "b", null), Long.MIN_VALUE, 10.0, 1, RShapes.Tier.LOW,
        java.time.LocalDate.of(2024, 1, 1), "p", false, true));
    Store.Stats fresh = store.stats();
    assertEquals(1, fresh.flipEdges(), "items.k4.on – items.k4.off");
    dev.statewire.runtime.Registration inside =
        store.listen(store.resolve("items.k4.qty"), store.resolve("items.k4"), e -> {});
    store.listenAll(e -> {
      throw new IllegalStateException("boom");
    });
    store.wiring().aggregate(store.resolve("items"));
    assertEquals(null, store.get("items"));
    Store.Stats before = store.stats();
    assertEquals(0, before.flipEdges(), "k4's flip edge left with k4");
    assertEquals(fresh.pathIds() - 6, before.pathIds(), "k4's six path IDs left with it");
    assertEquals(false, inside.isActive(), "the listener inside k4 left with it");
    Object snapshot = store.snapshot();
    assertThrows(dev.statewire.runtime.ListenerException.class, () -> store.set("featured.on", true));
    assertEquals(snapshot, store.snapshot());
    assertEquals(before, store.stats());
  }

  record Tri(Boolean t, Boolean a, Boolean b, Boolean c) {}

  /**
   * Guards B6 (differential, run seed 7000677, S3). With two aggregations on one target, stage 9
   * read the target once or twice depending on the source values: {@code readAggregation} set
   * {@code readStamp} only on the aggregations it visited before the first disagreeing source, so
   * a later aggregation on the same target was read again after a chained target write. Here: t ← [a, b] (#0), b ← [c] (#1), t ← [a] (#2);
   * the batch [a=true, c=true]. The model reads t once, when #0 is reached (a and b disagree:
   * null, unchanged). The engine read it again at #2 (after #1 set b) and wrote t=true; had a
   * and b agreed at #0, it would not have. Expected: one rule, independent of the values (the
   * model's: each target once per batch, at its first touched aggregation).
   */
  @Test
  void b6_aTargetWithTwoAggregationsIsReadOncePerBatch() {
    Store store = Store.create(TestSchemas.schema(Tri.class), new Tri(null, false, false, false));
    store.wiring().aggregate(store.resolve("t"), store.resolve("a"), store.resolve("b"));
    store.wiring().aggregate(store.resolve("b"), store.resolve("c"));
    store.wiring().aggregate(store.resolve("t"), store.resolve("a"));
    assertEquals(Boolean.FALSE, store.get("t"));
    store.set("t", null);
    Changes c = store.batch().set("a", true).set("c", true).apply();
    assertApplied(c, ch("a", true), ch("c", true), ch("b", true, ChangeFlag.AGGREGATE_READ));
    assertEquals(null, store.get("t"));
  }

  record C(int d, String e) {}

  record B(C c, int f) {}

  record A(B b, String g) {}

  record Nested(A a, A x) {}

  private static Store nested() {
    return Store.create(TestSchemas.schema(Nested.class),
        new Nested(new A(new B(new C(1, "p"), 0), "g"), new A(new B(new C(1, "p"), 0), "g")));
  }

  /**
   * Guards B3, stage 9 (differential, run seed 20240671721848, S4). A source node that is present
   * but reads as absent (a record whose primitive component is absent, after a write below a
   * null node) was copied to the target as {@code Store.ABSENT}: the codec threw after stage 8
   * had applied, so the batch was half applied and the snapshot cache stale.
   * Expected (PIPELINE.md §3 stage 9, SEMANTICS "reads as null as a whole"): the source's value
   * is null, so the target becomes null.
   */
  @Test
  void b3_aggregationReadOfASourceThatReadsAsAbsent() {
    Store store = nested();
    store.wiring().aggregate(store.resolve("x.b"), store.resolve("a.b"));
    Changes c = store.batch().set("a.b", null).set("a.b.c.d", 5).apply();
    assertApplied(c, ch("a.b", null), ch("a.b.c.d", 5), ch("x.b", null, ChangeFlag.AGGREGATE_READ));
    assertEquals(Store.ABSENT, store.get("a.b"), "a.b is present but its int f is absent");
    assertEquals(null, store.get("x.b"));
  }

  /**
   * Guards B3, alignment. The same absent-reading member was counted as a value when a sync edge
   * was registered; on a tie it won and the alignment wrote {@code <absent>}, which threw.
   * Expected (§4): only non-null, non-absent values count, so the other member's value wins.
   */
  @Test
  void b3_alignmentIgnoresAMemberThatReadsAsAbsent() {
    Store store = nested();
    store.batch().set("a.b", null).set("a.b.c.d", 5).apply();
    B xb = (B) store.get("x.b");
    assertDoesNotThrow(() -> store.wiring().sync(store.resolve("a.b"), store.resolve("x.b")));
    assertEquals(xb, store.get("a.b"));
  }
}
