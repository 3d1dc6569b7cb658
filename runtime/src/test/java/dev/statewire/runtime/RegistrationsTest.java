package dev.statewire.runtime;

import static dev.statewire.runtime.testkit.Applied.assertApplied;
import static dev.statewire.runtime.testkit.Applied.ch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runtime registrations: their texts, closing (twice, from a listener), detaching when an entry
 * they name is removed (whichever of their paths lies in it), and listener buckets shared by
 * several listeners on one path.
 */
class RegistrationsTest {
  record Line(Boolean on, Boolean off, int qty) {}

  record Form(String name, String copy, Boolean all, Boolean flag, boolean x, boolean y, Map<String, Line> items) {}

  private static Store store() {
    Map<String, Line> items = new LinkedHashMap<>();
    items.put("k1", new Line(true, false, 1));
    items.put("k2", new Line(true, false, 2));
    return Store.create(TestSchemas.schema(Form.class), new Form("n", "c", null, true, true, false, items));
  }

  @Test
  void registrationsDescribeThemselves() {
    Store s = store();
    assertEquals("registration [sync name – copy]", s.wiring().sync(s.resolve("name"), s.resolve("copy")).toString());
    assertEquals("registration [flip x – y]", s.wiring().flip(s.resolve("x"), s.resolve("y")).toString());
    assertEquals("registration [aggregate all]",
        s.wiring().aggregate(s.resolve("all"), s.resolve("items.k1.on")).toString());
    assertEquals("listener on \"<root>\"", s.listenAll(e -> {}).toString());
    assertEquals("listener on \"items.k2.qty\"",
        s.listen(s.resolve("items.k2.qty"), s.resolve("items"), e -> {}).toString());
  }

  @Test
  void nullCallbacksAreRefused() {
    Store s = store();
    assertEquals("listener", assertThrows(NullPointerException.class, () -> s.listenAll(null)).getMessage());
    assertEquals("subscriber", assertThrows(NullPointerException.class, () -> s.subscribe(null)).getMessage());
  }

  @Test
  void aSubscriberClosedTwiceIsRefused() {
    Store s = store();
    Registration r = s.subscribe(c -> {});
    r.close();
    assertFalse(r.isActive());
    assertEquals("subscriber registration was closed already",
        assertThrows(IllegalStateException.class, r::close).getMessage());
  }

  @Test
  void closingFromAListenerIsRefusedAndAbandonsTheBatch() {
    Store s = store();
    Registration sync = s.wiring().sync(s.resolve("name"), s.resolve("copy"));
    Registration other = s.listen(s.resolve("flag"), s.resolve("flag"), e -> {});
    s.listen(s.resolve("x"), s.resolve("x"), e -> sync.close());
    s.listen(s.resolve("y"), s.resolve("y"), e -> other.close());
    ListenerException e1 = assertThrows(ListenerException.class, () -> s.set("x", false));
    assertInstanceOf(IllegalStateException.class, e1.getCause());
    assertTrue(e1.getCause().getMessage().startsWith("cannot close a registration while a batch runs"),
        e1.getCause().getMessage());
    ListenerException e2 = assertThrows(ListenerException.class, () -> s.set("y", true));
    assertTrue(e2.getCause().getMessage().startsWith("cannot close a listener registration while a batch runs"),
        e2.getCause().getMessage());
    assertTrue(sync.isActive());
    assertTrue(other.isActive());
    assertEquals(true, s.get("x"));
  }

  @Test
  void registeringFromASubscriberIsRefused() {
    Store s = store();
    List<RuntimeException> errors = new ArrayList<>();
    s.subscribe(c -> {
      try {
        s.wiring().aggregate(s.resolve("all"), s.resolve("flag"));
      } catch (RuntimeException e) {
        errors.add(e);
      }
      try {
        s.listenAll(e -> {});
      } catch (RuntimeException e) {
        errors.add(e);
      }
    });
    s.set("name", "m");
    assertEquals(2, errors.size(), "both refused: " + errors);
    assertTrue(errors.get(0).getMessage().startsWith("cannot register an aggregation while a batch runs"));
    assertTrue(errors.get(1).getMessage().startsWith("cannot register a listener while a batch runs"));
    assertEquals(0, s.stats().aggregations());
  }

  @Test
  void removingAnEntryDetachesWiringThatNamesItByAnyOfItsPaths() {
    Store s = store();
    int items = s.resolve("items");
    Registration syncA = s.wiring().sync(s.resolve("items.k2.on"), s.resolve("flag"));
    Registration syncB = s.wiring().sync(s.resolve("flag"), s.resolve("items.k2.off"));
    Registration aggTarget = s.wiring().aggregate(s.resolve("items.k2.off"), s.resolve("all"));
    Registration aggSecondSource = s.wiring().aggregate(s.resolve("all"), s.resolve("flag"), s.resolve("items.k2.on"));
    Registration keep = s.wiring().aggregate(s.resolve("items.k1.off"), s.resolve("flag"));
    Registration keepSync = s.wiring().flip(s.resolve("items.k1.on"), s.resolve("flag"));
    s.remove(items, "k2");
    for (Registration r : List.of(syncA, syncB, aggTarget, aggSecondSource)) {
      assertFalse(r.isActive(), r + " names the removed entry");
    }
    assertTrue(keep.isActive());
    assertTrue(keepSync.isActive());
    assertEquals(1, s.stats().aggregations());
    assertEquals(0, s.stats().syncEdges());
    assertEquals(1, s.stats().flipEdges());
    assertApplied(s.set("flag", false), ch("flag", false), ch("items.k1.off", false, ChangeFlag.AGGREGATE_READ));
  }

  @Test
  void listenersOnOnePathShareABucketUntilTheLastCloses() {
    Store s = store();
    List<String> calls = new ArrayList<>();
    int qty = s.resolve("items.k1.qty");
    Registration a = s.listen(qty, qty, e -> calls.add("a"));
    Registration b = s.listen(qty, qty, e -> calls.add("b"));
    Registration up = s.listen(s.resolve("items"), s.resolve("items"), e -> calls.add("up"));
    s.set("items.k1.qty", 5);
    assertEquals(List.of("a", "b", "up"), calls, "deepest first, then registration order");
    a.close();
    calls.clear();
    s.set("items.k1.qty", 6);
    assertEquals(List.of("b", "up"), calls);
    b.close();
    calls.clear();
    s.set("items.k1.qty", 7);
    assertEquals(List.of("up"), calls);
    Registration c = s.listen(qty, qty, e -> calls.add("c"));
    calls.clear();
    s.set("items.k1.qty", 8);
    assertEquals(List.of("c", "up"), calls);
    c.close();
    up.close();
    assertEquals(0, s.stats().listeners());
    calls.clear();
    s.set("items.k1.qty", 9);
    assertEquals(List.of(), calls);
  }

  @Test
  void aListenerBelowAnotherSeesParentWrites() {
    Store s = store();
    List<Object> got = new ArrayList<>();
    s.listen(s.resolve("items.k1.qty"), s.resolve("items.k1"), e -> got.add(e.changes().toList().get(0).path()));
    s.set("items.k1", new Line(false, true, 3));
    s.set("items.k2.qty", 4);
    assertEquals(List.of("items.k1"), got, "a write above the path matches; a sibling entry does not");
  }
}
