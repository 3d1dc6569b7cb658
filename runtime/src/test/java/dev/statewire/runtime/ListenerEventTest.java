package dev.statewire.runtime;

import static dev.statewire.runtime.testkit.Applied.assertApplied;
import static dev.statewire.runtime.testkit.Applied.ch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What a listener sees through {@link ListenerEvent}: its path and scope IDs, the pre-batch
 * values, the value after the queued changes, and the typed and untyped ways to emit a change
 * (each returns the event for chaining and is applied with the LISTENER flag).
 */
class ListenerEventTest {
  record Addr(String zip, String city) {}

  record Line(boolean on, int qty) {}

  record Form(String name, int n, long total, double price, boolean flag, Addr addr, Map<String, Line> items) {}

  private static Store store() {
    Map<String, Line> items = new LinkedHashMap<>();
    items.put("k1", new Line(true, 1));
    return Store.create(TestSchemas.schema(Form.class),
        new Form("x", 1, 10L, 1.5, false, new Addr("z1", "c1"), items));
  }

  /**
   * A listener's view is one object per registration, pointed at each call: during the call it
   * reads that call's changes (a later listener of the same path sees more, the earlier one's
   * output); once the call returned, reading it throws, within the batch and after it; the next
   * batch hands the same object to the same listener again.
   */
  @Test
  void aListenersViewIsValidDuringItsCallOnlyAndReusedForItsNextCall() {
    Store store = store();
    List<Changes> kept = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    store.listenAll(e -> {
      seen.add("first sees " + e.changes());
      kept.add(e.changes());
      e.emit(store.resolve("name"), "from first");
    });
    store.listenAll(e -> {
      seen.add("second sees " + e.changes());
      IllegalStateException inBatch = assertThrows(IllegalStateException.class, () -> kept.get(0).path(0));
      seen.add("first's view after its call: " + inBatch.getMessage());
      kept.add(e.changes());
    });
    store.set("n", 2);
    String expired = "this Changes view was handed to a listener and is valid during that call only"
        + " (the store reuses it for the listener's next call). Call toList() to keep changes";
    assertEquals(List.of("first sees [n=2]", "second sees [n=2, name=\"from first\" [LISTENER]]",
        "first's view after its call: " + expired), seen);
    for (Changes c : kept) {
      IllegalStateException after = assertThrows(IllegalStateException.class, () -> c.path(0));
      assertEquals(expired, after.getMessage());
    }
    List<Changes> firstBatch = List.copyOf(kept);
    kept.clear();
    seen.clear();
    store.set("n", 3);
    assertEquals(List.of("first sees [n=3]", "second sees [n=3, name=\"from first\" [LISTENER]]",
        "first's view after its call: " + expired), seen);
    assertSame(firstBatch.get(0), kept.get(0), "the first listener's view object is reused");
    assertSame(firstBatch.get(1), kept.get(1), "the second listener's view object is reused");
  }

  @Test
  void pathAndScopeIdsAreTheRegisteredOnes() {
    Store store = store();
    int zip = store.resolve("addr.zip");
    int addr = store.resolve("addr");
    List<int[]> seen = new ArrayList<>();
    store.listen(zip, addr, e -> seen.add(new int[] {e.pathId(), e.scopeId()}));
    store.listenAll(e -> seen.add(new int[] {e.pathId(), e.scopeId()}));
    store.set("addr.zip", "z2");
    assertEquals(2, seen.size());
    assertEquals(zip, seen.get(0)[0]);
    assertEquals(addr, seen.get(0)[1]);
    assertTrue(zip != addr && addr != 0, "the IDs differ, so the assertions tell them apart");
    assertEquals(0, seen.get(1)[0]);
    assertEquals(0, seen.get(1)[1]);
  }

  @Test
  void scopeValueAndPreBatchValueAreTheStateBeforeTheBatch() {
    Store store = store();
    AtomicReference<Object> scope = new AtomicReference<>();
    AtomicReference<Object> pre = new AtomicReference<>();
    AtomicReference<Changes> changes = new AtomicReference<>();
    store.listen(store.resolve("addr.zip"), store.resolve("addr"), e -> {
      scope.set(e.scopeValue());
      pre.set(e.preBatchValue(store.resolve("n")));
      changes.set(e.changes());
      assertEquals(1, e.changes().size());
      assertEquals("addr.zip", e.changes().path(0));
    });
    store.batch().set("addr.zip", "z2").set("n", 5).apply();
    assertEquals(new Addr("z1", "c1"), scope.get());
    assertEquals(1, pre.get());
    assertEquals(new Addr("z2", "c1"), store.get("addr"));
  }

  @Test
  void valueAfterLaysTheQueuedChangesOverThePreBatchState() {
    Store store = store();
    Path<String> zip = store.path("addr.zip", String.class);
    Path<Integer> n = store.path("n", Integer.class);
    List<Object> seen = new ArrayList<>();
    store.listen(store.resolve("addr.zip"), store.resolve("addr.zip"), e -> {
      seen.add(e.valueAfter(store.resolve("addr")));
      seen.add(e.valueAfter(zip));
      seen.add(e.valueAfter(n));
      seen.add(e.valueAfter(store.resolve("name")));
      seen.add(e.preBatchValue(store.resolve("addr.zip")));
    });
    store.batch().set("addr.zip", "z2").set("n", 7).apply();
    assertEquals(List.of(new Addr("z2", "c1"), "z2", 7, "x", "z1"), seen);
  }

  @Test
  void typedValueAfterOfAnAbsentPathIsNull() {
    Store store = store();
    Path<String> zip = store.path("addr.zip", String.class);
    List<Object> seen = new ArrayList<>();
    store.listen(store.resolve("addr"), store.resolve("addr"), e -> {
      seen.add(e.valueAfter(zip));
      seen.add(e.valueAfter(zip.id()));
    });
    store.set("addr", null);
    assertEquals(2, seen.size());
    assertNull(seen.get(0), "typed: absent reads as null");
    assertSame(Store.ABSENT, seen.get(1), "untyped: absent is Store.ABSENT");
  }

  @Test
  void valueAfterOutsideAListenerIsRefused() {
    Store store = store();
    AtomicReference<ListenerEvent> kept = new AtomicReference<>();
    store.listen(store.resolve("n"), store.resolve("n"), kept::set);
    store.set("n", 2);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> kept.get().valueAfter(store.resolve("n")));
    assertTrue(e.getMessage().contains("valueAfter"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> kept.get().emitInt(store.resolve("n"), 3));
  }

  @Test
  void everyEmitReturnsTheEventAndIsAppliedWithTheListenerFlag() {
    Store store = store();
    int n = store.resolve("n");
    int total = store.resolve("total");
    int price = store.resolve("price");
    int flag = store.resolve("flag");
    Path<String> zip = store.path("addr.zip", String.class);
    store.listen(store.resolve("name"), store.resolve("name"), e -> {
      assertSame(e, e.emitInt(n, 42));
      assertSame(e, e.emitLong(total, 1L << 40));
      assertSame(e, e.emitDouble(price, -0.0));
      assertSame(e, e.emitBoolean(flag, true));
      assertSame(e, e.emit(zip, "z9"));
      assertSame(e, e.emit("addr.city", "c9"));
      assertSame(e, e.emit(store.resolve("items.k1.qty"), 5));
    });
    Changes c = store.set("name", "y");
    assertApplied(c, ch("name", "y"), ch("n", 42, ChangeFlag.LISTENER), ch("total", 1L << 40, ChangeFlag.LISTENER),
        ch("price", -0.0, ChangeFlag.LISTENER), ch("flag", true, ChangeFlag.LISTENER),
        ch("addr.zip", "z9", ChangeFlag.LISTENER), ch("addr.city", "c9", ChangeFlag.LISTENER),
        ch("items.k1.qty", 5, ChangeFlag.LISTENER));
    assertEquals(42, store.getInt(n));
    assertEquals(1L << 40, store.getLong(total));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(store.getDouble(price)));
    assertTrue(store.getBoolean(flag));
    assertEquals(new Form("y", 42, 1L << 40, -0.0, true, new Addr("z9", "c9"), Map.of("k1", new Line(true, 5))),
        store.snapshot());
  }

  @Test
  void emitBooleanFalseAndDoubleBitsAreExact() {
    Store store = store();
    int flag = store.resolve("flag");
    int price = store.resolve("price");
    store.setBoolean(flag, true);
    double odd = Double.longBitsToDouble(0x7ff8_0000_0000_0123L); // a NaN with payload
    store.listen(store.resolve("name"), store.resolve("name"),
        e -> e.emitBoolean(flag, false).emitDouble(price, odd));
    Changes c = store.set("name", "y");
    assertEquals(3, c.size());
    assertEquals(false, c.value(1));
    assertEquals(false, store.getBoolean(flag));
    assertTrue(Double.isNaN(store.getDouble(price)));
  }

  @Test
  void aBadTypedEmitAbandonsTheBatch() {
    Store store = store();
    int name = store.resolve("name");
    store.listen(store.resolve("n"), store.resolve("n"), e -> e.emitInt(name, 1));
    Object before = store.snapshot();
    ListenerException e = assertThrows(ListenerException.class, () -> store.set("n", 9));
    assertInstanceOf(ValueTypeException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("\"name\""), e.getCause().getMessage());
    assertEquals(before, store.snapshot());
  }

  @Test
  void aTypedEmitOfAnotherStoresEntryPathIsRefused() {
    Store store = store();
    Store other = store();
    Path<Integer> foreign = other.path("items.k1.qty", Integer.class);
    store.listen(store.resolve("n"), store.resolve("n"), e -> e.emit(foreign, 3));
    ListenerException e = assertThrows(ListenerException.class, () -> store.set("n", 9));
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    assertEquals(1, store.get("n"));
  }

  @Test
  void aTypedEmitReachesTheListenersThatRunAfterIt() {
    Store store = store();
    int total = store.resolve("total");
    store.listen(store.resolve("n"), store.resolve("n"), e -> e.emitLong(total, 7L));
    List<String> seen = new ArrayList<>();
    store.listenAll(e -> seen.add(e.changes().toString()));
    store.set("n", 2);
    assertEquals(List.of("[n=2, total=7 [LISTENER]]"), seen);
  }

  @Test
  void theEventObjectIsReusedButEachListenerSeesItsOwnPathScopeAndChangesDuringItsCall() {
    Store store = store();
    List<Object> events = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    store.listen(store.resolve("addr.zip"), store.resolve("addr"), e -> {
      events.add(e);
      seen.add(store.pathOf(e.pathId()) + " in " + store.pathOf(e.scopeId()) + ": " + e.changes());
    });
    store.listen(store.resolve("name"), store.resolve("name"), e -> {
      events.add(e);
      seen.add(store.pathOf(e.pathId()) + " in " + store.pathOf(e.scopeId()) + ": " + e.changes());
    });
    store.batch().set(store.path("name", String.class), "other").set(store.path("addr.zip", String.class), "999").apply();
    assertEquals(List.of("addr.zip in addr: [addr.zip=\"999\"]", "name in name: [name=\"other\"]"), seen);
    assertSame(events.get(0), events.get(1), "one event object per store, pointed at each call");
  }
}
