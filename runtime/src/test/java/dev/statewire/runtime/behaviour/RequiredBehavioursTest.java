package dev.statewire.runtime.behaviour;

import static dev.statewire.runtime.ChangeFlag.AGGREGATE_READ;
import static dev.statewire.runtime.ChangeFlag.AGGREGATION;
import static dev.statewire.runtime.ChangeFlag.FLIP;
import static dev.statewire.runtime.ChangeFlag.LISTENER;
import static dev.statewire.runtime.ChangeFlag.SYNC;
import static dev.statewire.runtime.testkit.Applied.assertApplied;
import static dev.statewire.runtime.testkit.Applied.ch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.Change;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.ListenerException;
import dev.statewire.runtime.Registration;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The 24 required behaviours of PIPELINE.md §7, one test each, through the public API: static
 * wiring via {@link TestSchemas}, runtime wiring via {@code store.wiring()}, listeners via
 * {@code store.listen}. Where a row's initial state is changed by static wiring at creation (sync
 * alignment, aggregation read, §4 "Alignment when wiring is registered"), the test asserts that too.
 */
class RequiredBehavioursTest {

  // ---- helpers -----------------------------------------------------------------------------

  /** The applied lists that subscribers received. */
  static List<List<Change>> notifications(Store store) {
    List<List<Change>> out = new ArrayList<>();
    store.subscribe(c -> out.add(c.toList()));
    return out;
  }

  static int id(Store store, String path) {
    return store.resolve(path);
  }

  // ---- rows ---------------------------------------------------------------------------------

  record R1(String source, String target) {}

  @Test
  @DisplayName("row 1: sync copies source to target")
  void row01() {
    Store store =
        Store.create(TestSchemas.of(R1.class).sync("source", "target").build(), new R1("A", ""));
    // §4 alignment at creation: 'A' and '' tie (one member each), the first member's value wins
    assertEquals(new R1("A", "A"), store.snapshot());
    assertApplied(store.set("source", "new"), ch("source", "new"), ch("target", "new", SYNC));
    assertEquals(new R1("new", "new"), store.snapshot());
  }

  record R2(String a, String b, String c) {}

  @Test
  @DisplayName("row 2: a sync chain a-b, b-c is one group")
  void row02() {
    Store store = Store.create(
        TestSchemas.of(R2.class).sync("a", "b").sync("b", "c").build(), new R2("", "", ""));
    assertApplied(store.set("a", "v"), ch("a", "v"), ch("b", "v", SYNC), ch("c", "v", SYNC));
    assertEquals(new R2("v", "v", "v"), store.snapshot());
  }

  record R3(String a) {}

  @Test
  @DisplayName("row 3: a self pair a-a gives no output and terminates")
  void row03() {
    Store store = Store.create(TestSchemas.of(R3.class).sync("a", "a").build(), new R3(""));
    assertApplied(store.set("a", "v"), ch("a", "v"));
    assertEquals(new R3("v"), store.snapshot());
  }

  record R4(String a, String b, String s) {}

  @Test
  @DisplayName("row 4: two pairs through a shared path s; separate batches")
  void row04() {
    Store store = Store.create(
        TestSchemas.of(R4.class).sync("a", "s").sync("b", "s").build(), new R4("", "", ""));
    // group [a, s] then b joins: member order a, s, b
    assertApplied(store.set("a", "x"), ch("a", "x"), ch("s", "x", SYNC), ch("b", "x", SYNC));
    assertEquals("x", store.get("s"));
    assertApplied(store.set("b", "y"), ch("b", "y"), ch("a", "y", SYNC), ch("s", "y", SYNC));
    assertEquals("y", store.get("s"));
    assertEquals(new R4("y", "y", "y"), store.snapshot());
  }

  record R5(String a, String b, int c, int d) {}

  @Test
  @DisplayName("row 5: writes of the current value apply nothing and notify nobody")
  void row05() {
    Store store = Store.create(
        TestSchemas.of(R5.class).sync("a", "b").sync("c", "d").build(), new R5("", "", 0, 0));
    List<List<Change>> notified = notifications(store);
    Object before = store.snapshot();
    Changes first = store.set("a", "");
    assertTrue(first.isEmpty(), "a='' applied " + first);
    Changes second = store.set("c", 0);
    assertTrue(second.isEmpty(), "c=0 applied " + second);
    assertEquals(before, store.snapshot());
    assertEquals(List.of(), notified, "subscribers must not be notified of a no-op batch");
  }

  record L5(String v) {}

  record L4(L5 l5) {}

  record L3(L4 l4) {}

  record L2(L3 l3) {}

  record L1(String v, L2 l2) {}

  record R6(L1 l1) {}

  @Test
  @DisplayName("row 6: sync between a shallow and a deep leaf")
  void row06() {
    Store store = Store.create(
        TestSchemas.of(R6.class).sync("l1.v", "l1.l2.l3.l4.l5.v").build(),
        new R6(new L1("", new L2(new L3(new L4(new L5("")))))));
    assertApplied(store.set("l1.v", "x"), ch("l1.v", "x"), ch("l1.l2.l3.l4.l5.v", "x", SYNC));
    assertEquals("x", store.get("l1.l2.l3.l4.l5.v"));
    assertEquals(new R6(new L1("x", new L2(new L3(new L4(new L5("x")))))), store.snapshot());
  }

  record R7(int a, int b) {}

  @Test
  @DisplayName("row 7: both members of a sync pair in one batch cross over")
  void row07() {
    Store store = Store.create(TestSchemas.of(R7.class).sync("a", "b").build(), new R7(0, 0));
    Changes applied = store.batch().set("a", 1).set("b", 2).apply();
    // queue a=1, b=2, b=1, a=2; every write differs from the value at its path at that moment
    assertApplied(applied, ch("a", 1), ch("b", 2), ch("b", 1, SYNC), ch("a", 2, SYNC));
    assertEquals(new R7(2, 1), store.snapshot());
  }

  record F2(boolean f1, boolean f2) {}

  @Test
  @DisplayName("row 8: flip; the flip output equal to the pre-batch value is dropped")
  void row08() {
    Store store = Store.create(TestSchemas.of(F2.class).flip("f1", "f2").build(), new F2(false, false));
    // flip wiring does not align at creation
    assertEquals(new F2(false, false), store.snapshot());
    // f2=false (FLIP) equals f2's pre-batch value: dropped by stage 5
    assertApplied(store.set("f1", true), ch("f1", true));
    assertEquals(new F2(true, false), store.snapshot());
  }

  @Test
  @DisplayName("row 9: flip over two batches from true/true")
  void row09() {
    Store store = Store.create(TestSchemas.of(F2.class).flip("f1", "f2").build(), new F2(true, true));
    assertEquals(new F2(true, true), store.snapshot());
    assertApplied(store.set("f1", false), ch("f1", false));
    assertEquals(new F2(false, true), store.snapshot());
    assertApplied(store.set("f1", true), ch("f1", true), ch("f2", false, FLIP));
    assertEquals(new F2(true, false), store.snapshot());
  }

  record F3(boolean f1, boolean f2, boolean f3) {}

  @Test
  @DisplayName("row 10: flip f1-f2, f1-f3 negates both peers")
  void row10() {
    Store store = Store.create(
        TestSchemas.of(F3.class).flip("f1", "f2").flip("f1", "f3").build(), new F3(false, true, true));
    assertApplied(store.set("f1", true), ch("f1", true), ch("f2", false, FLIP), ch("f3", false, FLIP));
    assertEquals(new F3(true, false, false), store.snapshot());
  }

  record XY(boolean x, boolean y) {}

  @Test
  @DisplayName("row 11: both members of a flip pair set true in one batch stay true")
  void row11() {
    Store store = Store.create(TestSchemas.of(XY.class).flip("x", "y").build(), new XY(false, false));
    // queue x=T, y=T, y=F, x=F; stage 5 drops both flip outputs (equal to pre-batch values)
    assertApplied(store.batch().set("x", true).set("y", true).apply(), ch("x", true), ch("y", true));
    assertEquals(new XY(true, true), store.snapshot());
  }

  record Agg(String t, String a, String b) {}

  static Store aggregationStore(Agg initial) {
    return Store.create(TestSchemas.of(Agg.class).aggregate("t", "a", "b").build(), initial);
  }

  @Test
  @DisplayName("row 12: aggregation read at creation, then null on disagreement, then the common value")
  void row12() {
    Store store = aggregationStore(new Agg(null, "", ""));
    assertEquals(new Agg("", "", ""), store.snapshot(), "the target is read at creation");
    assertApplied(store.set("a", "s"), ch("a", "s"), ch("t", null, AGGREGATE_READ));
    assertEquals(new Agg(null, "s", ""), store.snapshot());
    assertApplied(store.set("b", "s"), ch("b", "s"), ch("t", "s", AGGREGATE_READ));
    assertEquals(new Agg("s", "s", "s"), store.snapshot());
  }

  @Test
  @DisplayName("row 13: disagreeing sources leave the target null")
  void row13() {
    Store store = aggregationStore(new Agg(null, "", ""));
    assertApplied(store.set("a", "p"), ch("a", "p"), ch("t", null, AGGREGATE_READ));
    // t is already null: no AGGREGATE_READ entry (written only if different)
    assertApplied(store.set("b", "q"), ch("b", "q"));
    assertNull(store.get("t"));
    assertEquals(new Agg(null, "p", "q"), store.snapshot());
  }

  @Test
  @DisplayName("row 14: an aggregation registered at runtime reads its target at once")
  void row14() {
    Store store = Store.create(TestSchemas.schema(Agg.class), new Agg(null, "init", "init"));
    assertNull(store.get("t"));
    Registration reg =
        store.wiring().aggregate(id(store, "t"), id(store, "a"), id(store, "b"));
    assertTrue(reg.isActive());
    assertEquals("init", store.get("t"));
    assertEquals(new Agg("init", "init", "init"), store.snapshot());
  }

  @Test
  @DisplayName("row 15: a write to the target fans out to every source")
  void row15() {
    Store store = aggregationStore(new Agg(null, "", ""));
    assertApplied(store.set("t", "d"),
        ch("a", "d", AGGREGATION), ch("b", "d", AGGREGATION), ch("t", "d", AGGREGATE_READ));
    assertEquals(new Agg("d", "d", "d"), store.snapshot());
  }

  record Agg16(String t, String a, String b, String c) {}

  @Test
  @DisplayName("row 16: aggregation with a synced source")
  void row16() {
    Store store = Store.create(
        TestSchemas.of(Agg16.class).sync("a", "c").aggregate("t", "a", "b").build(),
        new Agg16(null, "", "", ""));
    assertEquals(new Agg16("", "", "", ""), store.snapshot());
    assertApplied(store.set("a", "s"), ch("a", "s"), ch("c", "s", SYNC), ch("t", null, AGGREGATE_READ));
    assertEquals(new Agg16(null, "s", "", "s"), store.snapshot());
    assertApplied(store.set("b", "s"), ch("b", "s"), ch("t", "s", AGGREGATE_READ));
    assertEquals(new Agg16("s", "s", "s", "s"), store.snapshot());
  }

  record Inner(int c) {}

  record Mid(Inner b) {}

  record R17(Mid a, Mid x) {}

  @Test
  @DisplayName("row 17: subtree sync, child match then parent match")
  void row17() {
    Store store = Store.create(
        TestSchemas.of(R17.class).sync("a.b", "x.b").build(),
        new R17(new Mid(new Inner(1)), new Mid(new Inner(1))));
    assertApplied(store.set("a.b.c", 5), ch("a.b.c", 5), ch("x.b.c", 5, SYNC));
    assertEquals(5, store.get("x.b.c"));
    Mid written = new Mid(new Inner(7));
    assertApplied(store.set("a", written), ch("a", written), ch("x.b", new Inner(7), SYNC));
    assertEquals(7, store.get("x.b.c"));
    assertEquals(new R17(new Mid(new Inner(7)), new Mid(new Inner(7))), store.snapshot());
  }

  record XYZ(boolean x, boolean y, boolean z) {}

  @Test
  @DisplayName("row 18: flip sees sync output")
  void row18() {
    Store store = Store.create(
        TestSchemas.of(XYZ.class).sync("x", "y").flip("y", "z").build(), new XYZ(true, true, false));
    assertApplied(store.set("x", false),
        ch("x", false), ch("y", false, SYNC), ch("z", true, SYNC, FLIP));
    assertEquals(new XYZ(false, false, true), store.snapshot());
  }

  @Test
  @DisplayName("row 19: sync does not see flip output")
  void row19() {
    Store store = Store.create(
        TestSchemas.of(XYZ.class).flip("x", "y").sync("y", "z").build(), new XYZ(true, false, false));
    assertApplied(store.set("x", false), ch("x", false), ch("y", true, FLIP));
    assertEquals(new XYZ(false, true, false), store.snapshot(), "z stays false");
  }

  record R20(String a, String b) {}

  @Test
  @DisplayName("row 20: listener output does not call listeners again")
  void row20() {
    Store store = Store.create(TestSchemas.schema(R20.class), new R20("", ""));
    List<List<Change>> received = new ArrayList<>();
    List<String> l2Calls = new ArrayList<>();
    int a = id(store, "a");
    int b = id(store, "b");
    store.listen(a, a, e -> {
      received.add(e.changes().toList());
      e.emit(b, "x");
    });
    store.listen(b, b, e -> l2Calls.add("L2"));
    assertApplied(store.set("a", "t"), ch("a", "t"), ch("b", "x", LISTENER));
    assertEquals(new R20("t", "x"), store.snapshot());
    assertEquals(1, received.size(), "L called once");
    assertApplied(received.get(0), ch("a", "t"));
    assertEquals(List.of(), l2Calls, "L2 must not be called");
  }

  record R21(boolean f1, boolean f2, int q) {}

  @Test
  @DisplayName("row 21: listener output goes through flip (stage 7)")
  void row21() {
    Store store = Store.create(
        TestSchemas.of(R21.class).flip("f1", "f2").build(), new R21(false, true, 0));
    int q = id(store, "q");
    int f1 = id(store, "f1");
    store.listen(q, q, e -> e.emit(f1, true));
    assertApplied(store.set("q", 1), ch("q", 1), ch("f1", true, LISTENER), ch("f2", false, LISTENER, FLIP));
    assertEquals(new R21(true, false, 1), store.snapshot());
  }

  record User(String name, String email) {}

  record R22(User user) {}

  @Test
  @DisplayName("row 22: a parent write reaches a listener below it")
  void row22() {
    Store store = Store.create(TestSchemas.schema(R22.class), new R22(new User("ann", "a@x")));
    List<List<Change>> received = new ArrayList<>();
    int name = id(store, "user.name");
    store.listen(name, name, e -> received.add(e.changes().toList()));
    User bob = new User("bob", "a@x");
    assertApplied(store.set("user", bob), ch("user", bob));
    assertEquals(1, received.size(), "L called once");
    assertApplied(received.get(0), ch("user", bob));
    assertEquals("bob", store.get("user.name"));
  }

  record R23(int a, int b, boolean x, boolean y) {}

  @Test
  @DisplayName("row 23: runtime sync and flip; closing one removes exactly it")
  void row23() {
    Store store = Store.create(TestSchemas.schema(R23.class), new R23(1, 1, true, false));
    Registration regA = store.wiring().sync(id(store, "a"), id(store, "b"));
    Registration regB = store.wiring().flip(id(store, "x"), id(store, "y"));
    assertEquals(new R23(1, 1, true, false), store.snapshot(), "nothing to align");
    assertEquals(1, store.stats().syncEdges());
    assertEquals(1, store.stats().flipEdges());

    assertApplied(store.set("a", 99), ch("a", 99), ch("b", 99, SYNC));
    assertApplied(store.set("x", false), ch("x", false), ch("y", true, FLIP));
    assertEquals(new R23(99, 99, false, true), store.snapshot());

    regA.close();
    assertFalse(regA.isActive());
    assertTrue(regB.isActive());
    assertEquals(new R23(99, 99, false, true), store.snapshot(), "close never changes values");
    assertEquals(0, store.stats().syncEdges());
    assertEquals(1, store.stats().flipEdges());

    assertApplied(store.set("a", 42), ch("a", 42));
    assertEquals(99, store.get("b"));
    assertApplied(store.set("x", true), ch("x", true), ch("y", false, FLIP));
    assertEquals(new R23(42, 99, true, false), store.snapshot());
  }

  record R24(String a, String b, boolean x, boolean y, String c) {}

  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Boom() {
      super("boom");
    }
  }

  @Test
  @DisplayName("row 24: a listener that throws abandons the batch; nothing changes")
  void row24() {
    Store store = Store.create(
        TestSchemas.of(R24.class).sync("a", "b").flip("x", "y").build(),
        new R24("", "", false, true, ""));
    List<List<Change>> notified = notifications(store);
    int a = id(store, "a");
    int c = id(store, "c");
    Boom boom = new Boom();
    Registration throwing = store.listen(a, a, e -> {
      e.emit(c, "from listener");
      throw boom;
    });
    Object snapshot = store.snapshot();
    Store.Stats stats = store.stats();

    ListenerException thrown = assertThrows(ListenerException.class,
        () -> store.batch().set("a", "1").set("x", true).set("c", "2").apply());
    assertSame(boom, thrown.getCause(), "the listener's exception is the cause");
    assertEquals(snapshot, store.snapshot(), "snapshot unchanged");
    assertEquals(stats, store.stats(), "internal sizes unchanged");
    assertEquals(List.of(), notified, "subscribers not notified");

    // the store is exactly as before: the same batch without the listener applies normally
    throwing.close();
    assertApplied(store.batch().set("a", "1").set("x", true).apply(),
        ch("a", "1"), ch("x", true), ch("b", "1", SYNC), ch("y", false, FLIP));
    assertEquals(new R24("1", "1", true, false, ""), store.snapshot());
  }
}
