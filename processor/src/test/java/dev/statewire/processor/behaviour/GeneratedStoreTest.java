package dev.statewire.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.processor.behaviour.Checkout.Address;
import dev.statewire.processor.behaviour.Checkout.LineItem;
import dev.statewire.processor.behaviour.Desk.Line;
import dev.statewire.processor.behaviour.Desk.Order;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.ListenerException;
import dev.statewire.runtime.Path;
import dev.statewire.runtime.Registration;
import dev.statewire.runtime.UnknownPathException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** End-to-end behaviour of stores generated from {@link Checkout} and {@link Desk}. */
class GeneratedStoreTest {
  private static final Address HOME = new Address("Main St 1", "Bern", "3000");

  private static Checkout initial() {
    return new Checkout(HOME, HOME, true, false, new LinkedHashMap<>(), null, 1, 9.5, "");
  }

  @Test
  void snapshotEqualsTheInitialValue() {
    CheckoutStore store = CheckoutStore.create(initial());
    assertEquals(initial(), store.snapshot());
    assertEquals("Bern", store.shipping().city());
    assertTrue(store.isBuy());
    assertEquals(9.5, store.price());
  }

  @Test
  void subtreeSyncCopiesALeafWrite() {
    CheckoutStore store = CheckoutStore.create(initial());
    store.shipping().setZip("8000");
    assertEquals("8000", store.billing().zip());
    store.billing().setCity("Zurich");
    assertEquals("Zurich", store.shipping().city());
  }

  @Test
  void subtreeSyncCopiesAParentWrite() {
    CheckoutStore store = CheckoutStore.create(initial());
    Address office = new Address("Bahnhofstr 2", "Zurich", "8001");
    store.setShipping(office);
    assertEquals(office, store.billing().snapshot());
  }

  @Test
  void flipKeepsBooleansOpposite() {
    CheckoutStore store = CheckoutStore.create(initial());
    store.setIsBuy(false);
    assertTrue(store.isSell());
    store.setIsSell(false);
    assertTrue(store.isBuy());
  }

  @Test
  void flipDeclaredOnALineItemHoldsInEveryEntry() {
    CheckoutStore store = CheckoutStore.create(initial());
    store.items().put("k1", new LineItem(false, true, 1, "pen"));
    store.items().put("k2", new LineItem(false, true, 2, "ink"));
    store.items().get("k1").setSelected(true);
    assertFalse(store.items().get("k1").excluded());
    assertTrue(store.items().get("k2").excluded());
    store.items().get("k2").setExcluded(false);
    assertTrue(store.items().get("k2").selected());
  }

  @Test
  void aggregateReadsTheCommonValueOfItsWildcardSources() {
    CheckoutStore store = CheckoutStore.create(initial());
    store.items().put("k1", new LineItem(true, false, 1, "pen"));
    assertEquals(Boolean.TRUE, store.allSelected());
    store.items().put("k2", new LineItem(false, true, 1, "ink"));
    assertNull(store.allSelected());
    store.items().get("k2").setSelected(true);
    assertEquals(Boolean.TRUE, store.allSelected());
    store.items().remove("k2");
    assertEquals(List.of("k1"), store.items().keys());
  }

  @Test
  void aggregateWriteFansOutToEveryEntry() {
    CheckoutStore store = CheckoutStore.create(initial());
    store.items().put("k1", new LineItem(true, false, 1, "pen"));
    store.items().put("k2", new LineItem(false, true, 1, "ink"));
    store.setAllSelected(false);
    assertFalse(store.items().get("k1").selected());
    assertFalse(store.items().get("k2").selected());
    assertTrue(store.items().get("k1").excluded(), "the flip inside each entry follows the fan-out");
    assertEquals(Boolean.FALSE, store.allSelected());
  }

  @Test
  void aggregationInsideAMapEntryHoldsPerEntry() {
    Map<String, Order> orders = new LinkedHashMap<>();
    orders.put("o1", new Order(true, List.of(new Line(true, 1), new Line(true, 2)), null));
    orders.put("o2", new Order(false, List.of(new Line(false, 1)), null));
    DeskStore store = DeskStore.create(new Desk(orders, null, List.of("a"), Map.of()));
    assertEquals(Boolean.TRUE, store.orders().get("o1").allSelected());
    assertEquals(Boolean.FALSE, store.orders().get("o2").allSelected());
    assertNull(store.anyOpen());

    store.orders().get("o1").lines().get(0).setSelected(false);
    assertNull(store.orders().get("o1").allSelected());
    assertEquals(Boolean.FALSE, store.orders().get("o2").allSelected());

    store.orders().get("o2").setAllSelected(true);
    assertTrue(store.orders().get("o2").lines().get(0).selected());
    store.setAnyOpen(true);
    assertTrue(store.orders().get("o2").open());
    assertEquals("a", store.tags().get(0));
  }

  @Test
  void typedBatchAppliesSeveralWritesAsOneRun() {
    CheckoutStore store = CheckoutStore.create(initial());
    List<Changes> seen = new ArrayList<>();
    store.subscribe(changes -> seen.add(changes));
    CheckoutStore.TypedBatch batch = store.batch();
    batch.shipping().setZip("8000");
    batch.setIsBuy(false).setQuantity(3);
    batch.items().put("k1", new LineItem(true, false, 1, "pen"));
    batch.apply();
    assertEquals(1, seen.size(), "one pipeline run, one notification");
    assertEquals("8000", store.billing().zip());
    assertTrue(store.isSell());
    assertEquals(3, store.quantity());
    assertEquals(Boolean.TRUE, store.allSelected());
  }

  @Test
  void listenerOutputRunsThroughTheWiring() {
    CheckoutStore store = CheckoutStore.create(initial());
    store.listen(CheckoutPaths.QUANTITY, event -> event.emit(CheckoutPaths.IS_BUY, false));
    store.setQuantity(5);
    assertFalse(store.isBuy());
    assertTrue(store.isSell(), "stage 7: listener output is flipped too");
  }

  @Test
  void listenerThatThrowsAbandonsTheBatch() {
    CheckoutStore store = CheckoutStore.create(initial());
    store.listen(CheckoutPaths.NOTE, event -> {
      throw new IllegalStateException("no");
    });
    assertThrows(ListenerException.class, () -> store.setNote("x"));
    assertEquals(initial(), store.snapshot());
  }

  @Test
  void runtimeWiringWithTypedPathsAndClose() {
    CheckoutStore store = CheckoutStore.create(initial());
    Registration r = store.wiring().sync(CheckoutPaths.NOTE, CheckoutPaths.SHIPPING_STREET);
    // registration aligns the new group: a 1:1 tie, so the first member's value ("") wins, and
    // that alignment batch runs through the static shipping-billing sync as well
    assertEquals("", store.billing().street());
    store.setNote("Side St 9");
    assertEquals("Side St 9", store.shipping().street());
    // ... but a sync output is not synced again (PIPELINE.md §4), so billing keeps its value
    assertEquals("", store.billing().street());
    r.close();
    store.setNote("other");
    assertEquals("Side St 9", store.shipping().street());
  }

  @Test
  void typedPathsAndEntryViews() {
    CheckoutStore store = CheckoutStore.create(initial());
    store.set(CheckoutPaths.NOTE, "hello");
    assertEquals("hello", store.get(CheckoutPaths.NOTE));
    store.items().put("k1", new LineItem(true, false, 4, "pen"));
    assertEquals(new LineItem(true, false, 4, "pen"), store.items().get("k1").snapshot());
    assertEquals(1, store.items().size());
    assertTrue(store.items().containsKey("k1"));
    assertEquals("items.k1.qty", store.store().pathOf(store.items().get("k1").pathId() + 3));
  }

  /**
   * A record view's path handles ({@code qtyPath()}): typed as the {@code XPaths} constants, naming
   * the component in this view's entry (what {@code Store.pathIn} gives for the template), for
   * reads, writes and observers, and dead with the entry.
   */
  @Test
  void aViewsPathHandlesNameItsComponentsInItsOwnEntry() {
    CheckoutStore store = CheckoutStore.create(initial());
    store.items().put("k1", new LineItem(true, false, 4, "pen"));
    store.items().put("k2", new LineItem(true, false, 2, "ink"));
    var k1 = store.items().get("k1");
    Path<Integer> qty = k1.qtyPath();
    assertEquals("items.k1.qty", qty.path());
    assertEquals(Integer.class, qty.type());
    assertEquals(k1.qty(), store.get(qty));
    assertEquals(store.store().pathIn(k1.pathId(), CheckoutPaths.ITEMS_ANY_QTY), qty);
    assertEquals("items.k1.label", k1.labelPath().path());

    List<Integer> seen = new ArrayList<>();
    store.store().observe(qty, (before, after) -> seen.add(after));
    store.set(qty, 9);
    assertEquals(9, k1.qty());
    assertEquals(List.of(9), seen);
    store.set(k1.selectedPath(), false);
    assertTrue(k1.excluded(), "a write through the handle runs the entry's flip");
    assertFalse(store.items().get("k2").excluded(), "and no other entry's");

    // a static record's view: the handle is the XPaths constant
    assertEquals(CheckoutPaths.SHIPPING_ZIP, store.shipping().zipPath());
    assertEquals("3000", store.get(store.shipping().zipPath()));

    store.items().remove("k1");
    assertFalse(store.store().isLive(qty));
    assertThrows(UnknownPathException.class, k1::qtyPath);
  }

  /** A handle on a generic component ({@code List<Line>}) is typed with its type arguments. */
  @Test
  void aViewsPathHandleOnAGenericComponent() {
    Map<String, Order> orders = new LinkedHashMap<>();
    orders.put("o1", new Order(true, List.of(new Line(true, 1), new Line(false, 2)), null));
    DeskStore store = DeskStore.create(new Desk(orders, null, List.of(), Map.of()));
    Path<List<Line>> lines = store.orders().get("o1").linesPath();
    assertEquals("orders.o1.lines", lines.path());
    assertEquals(List.of(new Line(true, 1), new Line(false, 2)), store.get(lines));
    Path<Integer> qty = store.orders().get("o1").lines().get(1).qtyPath();
    assertEquals("orders.o1.lines.1.qty", qty.path());
    assertEquals(2, store.get(qty));
  }

  /**
   * Issue 12, F1: a view kept across the removal of its entry never writes the entry that takes
   * over its path IDs; it throws, and the new entry keeps its values.
   */
  @Test
  void aViewOfARemovedEntryThrowsInsteadOfWritingTheEntryThatReusedItsIds() {
    CheckoutStore store = CheckoutStore.create(initial());
    store.items().put("v", new LineItem(true, false, 1, "pen"));
    var v = store.items().get("v");
    store.items().remove("v");
    store.items().put("w", new LineItem(false, true, 5, "ink"));
    assertDoesNotThrow(v::toString);
    UnknownPathException e = assertThrows(UnknownPathException.class, () -> v.setQty(77));
    assertTrue(e.getMessage().contains("removed"), e.getMessage());
    assertThrows(UnknownPathException.class, v::qty);
    assertThrows(UnknownPathException.class, v::snapshot);
    assertEquals(new LineItem(false, true, 5, "ink"), store.items().get("w").snapshot());
  }

  // ---- typed batches: nested writes continue the batch ------------------------------------------

  @Test
  void nestedWritesGoBackToTheBatchWithDone() {
    CheckoutStore store = CheckoutStore.create(initial());
    store.items().put("pad", new LineItem(true, false, 1, "pad"));
    List<Changes> seen = new ArrayList<>();
    store.subscribe(seen::add);
    store.batch()
        .shipping().setCity("Brno").done()
        .items().entry("pad").setSelected(false).done()
        .setQuantity(2)
        .apply();
    assertEquals(1, seen.size(), "one pipeline run");
    assertEquals("Brno", store.billing().city(), "synced in the same run");
    assertFalse(store.items().get("pad").selected());
    assertTrue(store.items().get("pad").excluded(), "flipped in the same run");
    assertEquals(2, store.quantity());
  }

  @Test
  void anEntryPutEarlierInTheBatchCanBeWrittenBelow() {
    CheckoutStore store = CheckoutStore.create(initial());
    store.batch()
        .items().put("k1", new LineItem(true, false, 1, "pen"))
        .entry("k1").setQty(7).setLabel("pad").done()
        .apply();
    assertEquals(new LineItem(true, false, 7, "pad"), store.items().get("k1").snapshot());
    assertEquals(Boolean.TRUE, store.allSelected());
    // (writing a flip member below an entry put in the same batch writes both members of the flip
    // pair in one batch; PIPELINE.md §4 then leaves the pair as the queue order dictates)
  }

  @Test
  void anEntryNeitherPresentNorPutInTheBatchIsAnError() {
    CheckoutStore store = CheckoutStore.create(initial());
    var items = store.batch().items();
    assertThrows(UnknownPathException.class, () -> items.entry("nope"));
  }

  @Test
  void doneFromADeeplyNestedEntryReturnsTheRootBatch() {
    Map<String, Order> orders = new LinkedHashMap<>();
    orders.put("o1", new Order(true, List.of(new Line(true, 1), new Line(true, 2)), null));
    DeskStore store = DeskStore.create(new Desk(orders, null, List.of(), Map.of()));
    DeskStore.TypedBatch batch = store.batch();
    DeskStore.TypedBatch back = batch.orders().entry("o1").lines().entry(1).setQty(5).setSelected(false).done();
    assertEquals(batch, back);
    back.limits().put("max", 9).done().apply();
    assertEquals(5, store.orders().get("o1").lines().get(1).qty());
    assertNull(store.orders().get("o1").allSelected());
    assertEquals(9, store.limits().get("max"));
  }

  // ---- map views: a missing key reads as null --------------------------------------------------

  @Test
  void aMissingKeyReadsAsNullAndContainsKeyAgrees() {
    CheckoutStore store = CheckoutStore.create(initial());
    assertNull(store.items().get("k1"));
    assertFalse(store.items().containsKey("k1"));
    store.items().put("k1", new LineItem(true, false, 1, "pen"));
    assertTrue(store.items().containsKey("k1"));
    assertEquals("pen", store.items().get("k1").label());
    store.items().remove("k1");
    assertNull(store.items().get("k1"));
    assertFalse(store.items().containsKey("k1"));
  }

  @Test
  void aMissingKeyOfALeafMapReadsAsNull() {
    DeskStore store = DeskStore.create(new Desk(new LinkedHashMap<>(), null, List.of(), Map.of("max", 3)));
    assertEquals(3, store.limits().get("max"));
    assertNull(store.limits().get("min"));
    assertFalse(store.limits().containsKey("min"));
    assertTrue(store.limits().containsKey("max"));
  }
}
