package dev.statewire.runtime.behaviour;

import static dev.statewire.runtime.ChangeFlag.AGGREGATE_READ;
import static dev.statewire.runtime.ChangeFlag.AGGREGATION;
import static dev.statewire.runtime.ChangeFlag.FLIP;
import static dev.statewire.runtime.ChangeFlag.LISTENER;
import static dev.statewire.runtime.ChangeFlag.SYNC;
import static dev.statewire.runtime.testkit.Applied.assertApplied;
import static dev.statewire.runtime.testkit.Applied.ch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.Change;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Registration;
import dev.statewire.runtime.StateException;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.WiringException;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules of PIPELINE.md that neither §7 nor the vectors pin down one by one: tags, equality of
 * doubles, listener inputs and order, stage 7 through aggregation, several aggregations on one
 * target, null parent writes, and API contracts stated in the javadoc.
 */
class SpecDetailsTest {

  static int id(Store store, String path) {
    return store.resolve(path);
  }

  // ---- §2 tags ---------------------------------------------------------------------------------

  record Tagged(String a, String b, boolean x, boolean y) {}

  @Test
  @DisplayName("§2: sync and flip outputs carry the tag of the change they derive from")
  void derivedChangesKeepTheTag() {
    Store store = Store.create(
        TestSchemas.of(Tagged.class).sync("a", "b").flip("x", "y").build(),
        new Tagged("", "", false, true));
    Object tag = "user-tag";
    Changes applied = store.batch().tag(tag).set("a", "1").set("x", true).apply();
    assertApplied(applied, ch("a", "1"), ch("x", true), ch("b", "1", SYNC), ch("y", false, FLIP));
    for (int i = 0; i < applied.size(); i++) {
      assertSame(tag, applied.tag(i), "tag of " + applied.path(i));
    }
    for (Change c : applied.toList()) {
      assertSame(tag, c.tag(), "tag of " + c.path());
    }
  }

  // ---- §1 equality -------------------------------------------------------------------------------

  record Doubles(double v, Double w, float f) {}

  @Test
  @DisplayName("§1: doubles compare like Double.equals: NaN equals NaN, -0.0 differs from 0.0")
  void doubleEquality() {
    Store store = Store.create(TestSchemas.schema(Doubles.class), new Doubles(Double.NaN, null, 0f));
    assertTrue(store.set("v", Double.NaN).isEmpty(), "NaN over NaN is a no-op");
    assertTrue(store.set("w", null).isEmpty(), "null over null is a no-op");
    assertApplied(store.set("v", 0.0), ch("v", 0.0));
    assertApplied(store.set("v", -0.0), ch("v", -0.0));
    assertTrue(store.set("v", -0.0).isEmpty());
    assertApplied(store.set("f", -0f), ch("f", -0f));
    assertEquals(new Doubles(-0.0, null, -0f), store.snapshot());
  }

  // ---- §4 flip of a non-boolean value, parent match on null ---------------------------------------

  record NullableFlags(Boolean x, Boolean y) {}

  @Test
  @DisplayName("§3 stage 4: a flip match whose value is null is skipped without error")
  void flipSkipsNull() {
    Store store = Store.create(
        TestSchemas.of(NullableFlags.class).flip("x", "y").build(), new NullableFlags(true, false));
    assertApplied(store.set("x", null), ch("x", null));
    assertEquals(new NullableFlags(null, false), store.snapshot());
  }

  record User(String name, String email) {}

  record Account(User user, String name) {}

  @Test
  @DisplayName("§4: a parent write of null gives no parent match; the leaves below read absent")
  void parentWriteOfNullDoesNotMatch() {
    Store store = Store.create(
        TestSchemas.of(Account.class).sync("user.name", "name").build(),
        new Account(new User("ann", "a@x"), "ann"));
    assertApplied(store.set("user", null), ch("user", null));
    assertEquals(new Account(null, "ann"), store.snapshot());
    assertSame(Store.ABSENT, store.get("user.name"), "a path below a null node is absent");
  }

  // ---- §5 listeners -------------------------------------------------------------------------------

  record C(int d, String e) {}

  record B(C c, int f) {}

  record A(B b, String g) {}

  record Nest(A a, A x) {}

  static Nest nest() {
    return new Nest(new A(new B(new C(0, ""), 0), ""), new A(new B(new C(0, ""), 0), ""));
  }

  @Test
  @DisplayName("§5: a listener receives its matching changes deepest first (stable)")
  void listenerChangesDeepestFirst() {
    Store store = Store.create(TestSchemas.schema(Nest.class), nest());
    List<List<Change>> received = new ArrayList<>();
    int a = id(store, "a");
    store.listen(a, a, e -> received.add(e.changes().toList()));
    store.batch().set("a.g", "1").set("x.g", "other").set("a.b.c.d", 5).set("a.b.f", 3)
        .set("a.b.c.e", "e").apply();
    assertEquals(1, received.size());
    assertApplied(received.get(0),
        ch("a.b.c.d", 5), ch("a.b.c.e", "e"), ch("a.b.f", 3), ch("a.g", "1"));
  }

  @Test
  @DisplayName("§5 [statewire]: a listener also receives matching outputs of listeners that ran earlier")
  void listenerSeesEarlierListenerOutputs() {
    Store store = Store.create(TestSchemas.schema(Nest.class), nest());
    List<List<Change>> atA = new ArrayList<>();
    List<List<Change>> atRoot = new ArrayList<>();
    int d = id(store, "a.b.c.d");
    int g = id(store, "a.g");
    int a = id(store, "a");
    store.listen(d, d, e -> e.emit(g, "from d"));
    store.listen(a, a, e -> atA.add(e.changes().toList()));
    store.listenAll(e -> atRoot.add(e.changes().toList()));
    assertApplied(store.set("a.b.c.d", 5), ch("a.b.c.d", 5), ch("a.g", "from d", LISTENER));
    assertEquals(1, atA.size());
    assertApplied(atA.get(0), ch("a.b.c.d", 5), ch("a.g", "from d", LISTENER));
    assertEquals(1, atRoot.size());
    assertApplied(atRoot.get(0), ch("a.b.c.d", 5), ch("a.g", "from d", LISTENER));
  }

  record Strings(String a, String b) {}

  @Test
  @DisplayName("§5: equal depths in order of first registration on the path; same path in registration order")
  void listenerOrderAtEqualDepth() {
    Store store = Store.create(TestSchemas.schema(Strings.class), new Strings("", ""));
    List<String> calls = new ArrayList<>();
    int a = id(store, "a");
    int b = id(store, "b");
    store.listen(b, b, e -> calls.add("b1"));
    store.listen(a, a, e -> calls.add("a1"));
    store.listen(b, b, e -> calls.add("b2"));
    store.batch().set("a", "1").set("b", "2").apply();
    assertEquals(List.of("b1", "b2", "a1"), calls);
  }

  @Test
  @DisplayName("§5: no listener is called when the batch is all no-ops")
  void noListenerOnNoOpBatch() {
    Store store = Store.create(TestSchemas.schema(Strings.class), new Strings("", ""));
    List<String> calls = new ArrayList<>();
    store.listenAll(e -> calls.add("root"));
    assertTrue(store.set("a", "").isEmpty());
    assertEquals(List.of(), calls);
  }

  record AggQ(String t, String a, String b, int q) {}

  @Test
  @DisplayName("§3 stage 7: a listener's write to an aggregation target fans out, then the target is read")
  void listenerOutputThroughAggregation() {
    Store store = Store.create(
        TestSchemas.of(AggQ.class).aggregate("t", "a", "b").build(), new AggQ(null, "", "", 0));
    assertEquals(new AggQ("", "", "", 0), store.snapshot());
    int q = id(store, "q");
    int t = id(store, "t");
    store.listen(q, q, e -> e.emit(t, "z"));
    assertApplied(store.set("q", 1),
        ch("q", 1),
        ch("a", "z", LISTENER, AGGREGATION),
        ch("b", "z", LISTENER, AGGREGATION),
        ch("t", "z", AGGREGATE_READ));
    assertEquals(new AggQ("z", "z", "z", 1), store.snapshot());
  }

  @Test
  @DisplayName("§3: a type error in a listener's output abandons the batch")
  void listenerTypeErrorAbandonsBatch() {
    Store store = Store.create(TestSchemas.schema(AggQ.class), new AggQ("", "", "", 0));
    int q = id(store, "q");
    int a = id(store, "a");
    store.listen(q, q, e -> e.emit(a, 42)); // a is a String
    Object before = store.snapshot();
    Store.Stats stats = store.stats();
    assertThrows(StateException.class, () -> store.set("q", 1));
    assertEquals(before, store.snapshot());
    assertEquals(stats, store.stats());
  }

  // ---- §6 aggregation registration ------------------------------------------------------------------

  record AggM(String t, String a, String b, String c) {}

  @Test
  @DisplayName("§6: several aggregations on one target: fan-out to all sources, read over their union")
  void severalAggregationsOnOneTarget() {
    Store store = Store.create(
        TestSchemas.of(AggM.class).aggregate("t", "a", "b").aggregate("t", "c").build(),
        new AggM(null, "", "", ""));
    assertEquals("", store.get("t"));
    assertApplied(store.set("t", "x"),
        ch("a", "x", AGGREGATION), ch("b", "x", AGGREGATION), ch("c", "x", AGGREGATION),
        ch("t", "x", AGGREGATE_READ));
    assertApplied(store.set("c", "y"), ch("c", "y"), ch("t", null, AGGREGATE_READ));
  }

  @Test
  @DisplayName("§6: several aggregations on one target are read over the union of their sources at creation")
  void severalAggregationsReadUnionAtCreation() {
    Store store = Store.create(
        TestSchemas.of(AggM.class).aggregate("t", "a", "b").aggregate("t", "c").build(),
        new AggM("old", "v", "v", "w"));
    assertNull(store.get("t"), "sources a, b, c disagree");
  }

  @Test
  @DisplayName("§6: runtime aggregation that closes a target-source cycle is rejected")
  void circularAggregationRejected() {
    Store store = Store.create(
        TestSchemas.of(AggM.class).aggregate("t", "a", "b").build(), new AggM(null, "", "", ""));
    Store.Stats stats = store.stats();
    assertThrows(WiringException.class, () -> store.wiring().aggregate(id(store, "a"), id(store, "t")));
    assertThrows(WiringException.class, () -> store.wiring().aggregate(id(store, "c"), id(store, "c")));
    assertEquals(stats, store.stats());
  }

  record Line(boolean selected, int qty) {}

  record Cart(Map<String, Line> items, Boolean all) {}

  @Test
  @DisplayName("§3 stage 9: an aggregation with zero sources reads null")
  void zeroSourcesReadNull() {
    Store store = Store.create(
        TestSchemas.of(Cart.class).aggregate("all", "items.*.selected").build(),
        new Cart(new HashMap<>(), true));
    assertNull(store.get("all"), "no entries: no sources");
    int items = id(store, "items");
    store.put(items, "k", new Line(true, 1));
    assertEquals(Boolean.TRUE, store.get("all"));
    assertApplied(store.remove(items, "k"), ch("items.k", Store.ABSENT), ch("all", null, AGGREGATE_READ));
  }

  @Test
  @DisplayName("§6: closing an aggregation removes it and changes no value")
  void closeAggregation() {
    Store store = Store.create(TestSchemas.schema(AggM.class), new AggM(null, "v", "v", ""));
    Registration reg = store.wiring().aggregate(id(store, "t"), id(store, "a"), id(store, "b"));
    assertEquals("v", store.get("t"));
    reg.close();
    assertEquals("v", store.get("t"));
    assertApplied(store.set("t", "w"), ch("t", "w"));
    assertApplied(store.set("a", "u"), ch("a", "u"));
    assertEquals(new AggM("w", "u", "v", ""), store.snapshot());
  }

  // ---- API contracts ---------------------------------------------------------------------------------

  @Test
  @DisplayName("Registration: closing from a listener while a batch runs throws IllegalStateException")
  void closeFromListenerThrows() {
    Store store = Store.create(TestSchemas.schema(Strings.class), new Strings("", ""));
    Registration sync = store.wiring().sync(id(store, "a"), id(store, "b"));
    List<RuntimeException> caught = new ArrayList<>();
    int a = id(store, "a");
    store.listen(a, a, e -> {
      try {
        sync.close();
      } catch (IllegalStateException ex) {
        caught.add(ex);
      }
    });
    assertApplied(store.set("a", "1"), ch("a", "1"), ch("b", "1", SYNC));
    assertEquals(1, caught.size());
    assertTrue(sync.isActive());
  }

  @Test
  @DisplayName("Changes: a view read after the next batch throws; toList() copies stay valid")
  void staleChangesView() {
    Store store = Store.create(TestSchemas.schema(Strings.class), new Strings("", ""));
    Changes first = store.set("a", "1");
    List<Change> kept = first.toList();
    store.set("a", "2");
    assertThrows(IllegalStateException.class, () -> first.path(0));
    assertApplied(kept, ch("a", "1"));
  }

  record WithMap(Map<String, String> tags) {}

  @Test
  @DisplayName("§1 value semantics: a mutable map handed to the store is not shared with the caller")
  void mapNotSharedWithCaller() {
    Map<String, String> mine = new HashMap<>();
    mine.put("k", "v");
    Store store = Store.create(TestSchemas.schema(WithMap.class), new WithMap(mine));
    mine.put("k", "changed");
    mine.put("k2", "new");
    assertEquals(Map.of("k", "v"), store.get("tags"));
    Map<String, String> written = new HashMap<>(Map.of("a", "1"));
    store.set("tags", written);
    written.put("a", "2");
    assertEquals(Map.of("a", "1"), store.get("tags"));
    Map<String, String> snap = ((WithMap) store.snapshot()).tags();
    assertThrows(UnsupportedOperationException.class, () -> snap.put("x", "y"),
        "snapshot() is immutable");
  }
}
