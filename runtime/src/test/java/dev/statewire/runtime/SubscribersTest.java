package dev.statewire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Subscribers}: calls in registration order, a throwing subscriber reported to the thread's
 * uncaught-exception handler while the others still run, the batches subscribers start (kept with
 * {@code defer}, run after the round, never nested), the view handed back, and closing.
 */
class SubscribersTest {
  record Two(int x, int y) {}

  private final Subscribers subs = new Subscribers();
  private final List<String> calls = new ArrayList<>();
  private final List<Throwable> uncaught = new ArrayList<>();
  private Thread.UncaughtExceptionHandler before;

  @BeforeEach
  void catchUncaught() {
    before = Thread.currentThread().getUncaughtExceptionHandler();
    Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
  }

  @AfterEach
  void restoreHandler() {
    Thread.currentThread().setUncaughtExceptionHandler(before);
  }

  private Registration add(String name) {
    return subs.add(c -> calls.add(name));
  }

  @Test
  void subscribersAreCalledInRegistrationOrder() {
    add("1");
    add("2");
    add("3");
    subs.call(Changes.EMPTY);
    assertEquals(List.of("1", "2", "3"), calls);
    assertEquals(3, subs.size());
  }

  @Test
  void aThrowingSubscriberIsReportedAndTheOthersStillRun() {
    add("1");
    RuntimeException boom = new RuntimeException("boom");
    subs.add(c -> {
      throw boom;
    });
    add("3");
    subs.call(Changes.EMPTY);
    assertEquals(List.of("1", "3"), calls);
    assertEquals(List.of(boom), uncaught);
  }

  @Test
  void aVirtualMachineErrorIsNotSwallowed() {
    subs.add(c -> {
      throw new StackOverflowError("deep");
    });
    assertThrows(StackOverflowError.class, () -> subs.call(Changes.EMPTY));
    assertEquals(List.of(), uncaught);
  }

  @Test
  void aSubscriberClosedByAnEarlierOneIsNotCalledInThatRound() {
    Registration[] second = new Registration[1];
    subs.add(c -> {
      calls.add("1");
      second[0].close();
    });
    second[0] = add("2");
    subs.call(Changes.EMPTY);
    assertEquals(List.of("1"), calls);
    assertEquals(1, subs.size());
  }

  @Test
  void deferredBatchesComeBackInOrderUntilCleared() {
    Store store = Store.create(TestSchemas.schema(Two.class), new Two(0, 0));
    Batch b1 = new Batch(store.engine());
    Batch b2 = new Batch(store.engine());
    Batch b3 = new Batch(store.engine());
    assertNull(subs.nextDeferred());
    subs.defer(b1);
    subs.defer(b2);
    assertSame(b1, subs.nextDeferred());
    subs.defer(b3);
    assertSame(b2, subs.nextDeferred());
    subs.clearDeferred();
    assertNull(subs.nextDeferred());
  }

  @Test
  void theHandedOffViewIsTakenOnce() {
    Store store = Store.create(TestSchemas.schema(Two.class), new Two(0, 0));
    Changes v = store.set("x", 1);
    assertNull(subs.takeView());
    subs.handOff(v);
    assertSame(v, subs.takeView());
    assertNull(subs.takeView());
  }

  @Test
  void closingRemovesTheSubscriberAndASecondCloseThrows() {
    Registration r = add("1");
    assertTrue(r.isActive());
    r.close();
    assertFalse(r.isActive());
    assertTrue(subs.isEmpty());
    IllegalStateException e = assertThrows(IllegalStateException.class, r::close);
    assertEquals("subscriber registration was closed already", e.getMessage());
    subs.call(Changes.EMPTY);
    assertEquals(List.of(), calls);
  }

  @Test
  void aBatchWrittenByASubscriberRunsAfterTheRoundNeverNested() {
    Store store = Store.create(TestSchemas.schema(Two.class), new Two(0, 0));
    store.subscribe(c -> {
      calls.add("s1 " + c.path(0) + "=" + c.value(0));
      if (c.path(0).equals("x")) {
        store.set("y", 2);
        calls.add("s1 wrote y");
      }
    });
    store.subscribe(c -> calls.add("s2 " + c.path(0) + "=" + c.value(0)));
    store.set("x", 1);
    assertEquals(List.of("s1 x=1", "s1 wrote y", "s2 x=1", "s1 y=2", "s2 y=2"), calls);
    assertEquals(2, store.get("y"));
  }

  @Test
  void subscribersMayStartAThousandBatchesInARow() {
    Store store = Store.create(TestSchemas.schema(Two.class), new Two(0, 0));
    int x = store.resolve("x");
    store.subscribe(c -> {
      int v = store.getInt(x);
      if (v <= 1000) {
        store.setInt(x, v + 1); // batches 2 .. 1001: a thousand after the caller's
      }
    });
    store.setInt(x, 1);
    assertEquals(1001, store.getInt(x));
    assertEquals(List.of(), uncaught);
  }

  record Twelve(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k, int l) {}

  @Test
  void subscribersThatNeverSettleAreStoppedNamingTheFirstTenPathsOfTheLastBatch() {
    Store store = Store.create(TestSchemas.schema(Twelve.class), new Twelve(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    store.subscribe(c -> {
      int v = store.getInt(1) + 1;
      Batch b = store.batch();
      for (int id = 1; id <= 12; id++) {
        b.setInt(id, v);
      }
      b.apply();
    });
    StateException e = assertThrows(StateException.class, () -> store.setInt(1, 1));
    assertEquals("subscribers and observers started 1000 batches in a row without settling; the last one"
        + " wrote [a, b, c, d, e, f, g, h, i, j]. Stop writing from a subscriber or observer once the state"
        + " is what it wants", e.getMessage());
  }

  record Line(int qty) {}

  record Cart(Map<String, Line> items, int n) {}

  /**
   * A subscriber starts two batches: the first removes entry k, the second writes inside it. The
   * second is refused when its turn comes (reported, nothing applied), and no subscriber hears of
   * it; the caller's write and the first batch stand.
   */
  @Test
  void aStartedBatchWhoseEntryAnEarlierOneRemovedIsReportedAndNotifiesNoOne() {
    Store store = Store.create(TestSchemas.schema(Cart.class), new Cart(Map.of("k", new Line(1)), 0));
    int items = store.resolve("items");
    store.subscribe(c -> {
      calls.add(c.toString());
      if (c.path(0).equals("n")) {
        int qty = store.resolve("items.k.qty");
        store.batch().remove(items, "k").apply();
        store.batch().setInt(qty, 5).apply();
      }
    });
    store.setInt(store.resolve("n"), 1);
    assertEquals(List.of("[n=1]", "[items.k=<absent>]"), calls);
    assertEquals(1, uncaught.size());
    assertEquals("this batch writes \"items.k.qty\", in an entry that was removed after the write was added;"
        + " nothing was applied", uncaught.get(0).getMessage());
    assertEquals(List.of(), store.keys(items));
    assertEquals(1, store.get("n"));
  }

  @Test
  void aBatchStartedByASubscriberKeepsItsTag() {
    Store store = Store.create(TestSchemas.schema(Two.class), new Two(0, 0));
    store.subscribe(c -> {
      calls.add(c.path(0) + " tagged " + c.tag(0));
      if (c.path(0).equals("x")) {
        store.batch().tag("from subscriber").set("y", 2).apply();
      }
    });
    store.set("x", 1);
    assertEquals(List.of("x tagged null", "y tagged from subscriber"), calls);
  }

  /**
   * The batch that removed k1 is being reported: a subscriber that adds an entry gets new IDs, not
   * k1's, and its view of the batch stays valid (the IDs are reused only by later batches).
   */
  @Test
  void aSubscriberThatAddsAnEntryKeepsItsViewOfTheBatchThatRemovedOne() {
    Store store = Store.create(TestSchemas.schema(Cart.class), new Cart(Map.of("k1", new Line(1)), 0));
    int items = store.resolve("items");
    int k1 = store.resolve("items.k1");
    store.subscribe(c -> {
      Batch b = store.batch().put(items, "k2", new Line(2));
      int k2 = b.entry(items, "k2");
      calls.add(c.path(0) + ", k2 at a new ID: " + (k2 != k1));
      b.apply(); // runs after this round; its own round puts k2 again, which changes nothing
    });
    store.remove(items, "k1");
    assertEquals(List.of("items.k1, k2 at a new ID: true", "items.k2, k2 at a new ID: true"), calls);
    assertEquals(List.of("k2"), store.keys(items));
  }
}
