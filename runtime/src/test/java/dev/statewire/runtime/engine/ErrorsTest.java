package dev.statewire.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.ListenerException;
import dev.statewire.runtime.Registration;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.StateException;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.UnknownPathException;
import dev.statewire.runtime.ValueTypeException;
import dev.statewire.runtime.WiringException;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every bad input gets a clear error naming the path and values, and changes nothing. */
class ErrorsTest {
  record Item(boolean on, int qty) {}

  record Form(String name, int count, boolean a, boolean b, Boolean agg, Map<String, Item> items) {}

  private static Schema schema() {
    return TestSchemas.of(Form.class).flip("a", "b").build();
  }

  private static Store store() {
    return Store.create(schema(), new Form("x", 1, true, false, null, Map.of("k1", new Item(true, 1))));
  }

  /** Runs {@code bad}, expects {@code type}, and checks the store is exactly as before. */
  private static <T extends Throwable> T unchanged(Store store, Class<T> type, Runnable bad) {
    Object before = store.snapshot();
    Store.Stats stats = store.stats();
    T e = assertThrows(type, bad::run);
    assertEquals(before, store.snapshot());
    assertEquals(stats, store.stats());
    return e;
  }

  @Test
  void unknownAndMalformedPaths() {
    Store store = store();
    String msg = unchanged(store, UnknownPathException.class, () -> store.set("nmae", "y")).getMessage();
    assertTrue(msg.contains("\"nmae\"") && msg.contains("name, count"), msg);
    for (String bad : new String[] {"a..b", ".a", "a.", "items.*.on", "count.x"}) {
      unchanged(store, UnknownPathException.class, () -> store.set(bad, 1));
    }
    unchanged(store, UnknownPathException.class, () -> store.set("a.".repeat(10_000) + "a", true));
    unchanged(store, UnknownPathException.class, () -> store.set(999, 1));
  }

  @Test
  void wrongValueTypesNameThePathAndBothTypes() {
    Store store = store();
    String msg = unchanged(store, ValueTypeException.class, () -> store.set("count", 2L)).getMessage();
    assertEquals("cannot write 2 to \"count\": expected int, got java.lang.Long", msg);
    msg = unchanged(store, ValueTypeException.class, () -> store.set("count", null)).getMessage();
    assertEquals("cannot write null to \"count\": expected int (primitive), got null", msg);
    msg = unchanged(store, ValueTypeException.class, () -> store.setBoolean(store.resolve("name"), true)).getMessage();
    assertTrue(msg.contains("\"name\"") && msg.contains("java.lang.String"), msg);
    unchanged(store, ValueTypeException.class,
        () -> store.set("items", Map.of("k.2", new Item(false, 0))));
  }

  @Test
  void missingEntry() {
    Store store = store();
    int items = store.resolve("items");
    String msg = unchanged(store, UnknownPathException.class, () -> store.entry(items, "k9")).getMessage();
    assertEquals("no entry \"k9\" in map \"items\"; it has keys [k1]", msg);
    unchanged(store, UnknownPathException.class, () -> store.set("items.k9.qty", 3));
    unchanged(store, UnknownPathException.class, () -> store.remove(items, "k9"));
  }

  @Test
  void closingTwiceThrows() {
    Store store = store();
    Registration r = store.wiring().sync(store.resolve("name"), store.resolve("name"));
    r.close();
    assertFalse(r.isActive());
    assertThrows(IllegalStateException.class, r::close);
  }

  @Test
  void badWiringIsRejected() {
    Store store = store();
    String msg = assertThrows(WiringException.class,
        () -> store.wiring().flip(store.resolve("a"), store.resolve("name"))).getMessage();
    assertEquals("flip paths must be boolean or Boolean, but \"name\" is java.lang.String", msg);
    assertThrows(WiringException.class,
        () -> store.wiring().sync(store.resolve("count"), store.resolve("name")));
    assertThrows(WiringException.class,
        () -> store.wiring().sync(store.resolve("items.k1"), store.resolve("items.k1.qty")));
    assertThrows(WiringException.class,
        () -> store.wiring().aggregate(store.resolve("a"), store.resolve("b")));
    Registration r = store.wiring().aggregate(store.resolve("agg"), store.resolve("items.k1.on"));
    assertThrows(WiringException.class,
        () -> store.wiring().aggregate(store.resolve("items.k1.on"), store.resolve("agg")));
    r.close();
  }

  @Test
  void throwingListenerAbortsTheBatchAtEveryPosition() {
    for (int position = 0; position < 3; position++) {
      Store store = store();
      int pos = position;
      store.listen(store.resolve("items.k1.qty"), store.resolve("items.k1.qty"), e -> {
        e.emit("name", "deep");
        if (pos == 0) {
          throw new IllegalArgumentException("first");
        }
      });
      store.listen(store.resolve("items.k1"), store.resolve("items.k1"), e -> {
        if (pos == 1) {
          throw new IllegalArgumentException("middle");
        }
      });
      store.listenAll(e -> {
        if (pos == 2) {
          throw new IllegalArgumentException("last");
        }
      });
      ListenerException e = unchanged(store, ListenerException.class,
          () -> store.batch().set("items.k1.qty", 5).set("a", false).apply());
      assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }
  }

  @Test
  void badListenerOutputAbortsTheBatch() {
    Store store = store();
    store.listen(store.resolve("count"), store.resolve("count"), e -> e.emit("count", "many"));
    ListenerException e = unchanged(store, ListenerException.class, () -> store.setInt(store.resolve("count"), 2));
    assertInstanceOf(ValueTypeException.class, e.getCause());
  }

  @Test
  void reentrantWriteFromAListenerIsRejected() {
    Store store = store();
    store.listen(store.resolve("count"), store.resolve("count"), e -> store.set("name", "direct"));
    ListenerException e = unchanged(store, ListenerException.class, () -> store.setInt(store.resolve("count"), 2));
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("emit"), e.getCause().getMessage());
  }

  @Test
  void subscribersThatNeverSettleAreStopped() {
    Store store = store();
    int count = store.resolve("count");
    store.subscribe(c -> store.setInt(count, store.getInt(count) + 1));
    StateException e = assertThrows(StateException.class, () -> store.setInt(count, 5));
    assertTrue(e.getMessage().contains("[count]"), e.getMessage());
  }
}
