package dev.statewire.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.statewire.runtime.Change;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.UnknownPathException;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runtime bugs found by the processor fuzz test (docs/RELIABILITY.md, "Processor fuzzing"), each
 * the smallest failing case; each failed before its fix.
 */
class ListPathRegressionTest {
  record Leaf(Boolean x, Boolean y) {}

  record Holder(java.util.Map<String, Leaf> es) {}

  record Pair(Holder a, Holder b) {}

  /**
   * R2: {@code Store.create} reads every aggregation once; when that read writes a value that
   * creates map or list entries whose own (template) aggregations are instantiated, the engine
   * adds to its aggregation list while it iterates it: ConcurrentModificationException. Expected:
   * the store is created, {@code a} equal to {@code b}, and the entry's own aggregation read too.
   */
  @Test
  void r2_anAggregationReadAtCreationThatCreatesEntriesWithAggregations() {
    var schema = TestSchemas.of(Pair.class).aggregate("a", "b").aggregate("a.es.*.y", "a.es.*.x").build();
    Store store = Store.create(schema, new Pair(new Holder(java.util.Map.of()),
        new Holder(java.util.Map.of("k1", new Leaf(true, null)))));
    assertEquals(new Holder(java.util.Map.of("k1", new Leaf(true, true))), store.get("a"));
  }
  record E(int v) {}

  record W(List<E> l) {}

  record Root(W w) {}

  /**
   * R1: a batch writes list entry {@code w.l.1} and then removes the whole list (here by writing
   * null to its parent). The applied list must name the change as written, {@code w.l.1}; the
   * store reports {@code w.l.0}: when the list's entries are removed one after the other, each
   * later entry's index is taken after the earlier ones have left the list.
   */
  @Test
  void r1_aListEntryRemovedWithItsListKeepsItsIndexInTheAppliedList() {
    Store store = Store.create(TestSchemas.schema(Root.class), new Root(new W(List.of(new E(1), new E(2)))));
    List<Change> applied = store.batch().set("w.l.1", new E(5)).set("w", null).apply().toList();
    assertEquals(List.of("w.l.1", "w"), applied.stream().map(Change::path).toList());
  }

  record Leaf2(int v) {}

  record Inner(List<Leaf2> leaves) {}

  record Outer(java.util.Map<String, Inner> inners, int n) {}

  /**
   * R5 (found by the processor fuzz test, tree #18 of seed 20240612, after the sweep became
   * linear): one batch removes a list entry and the map entry that holds the list. The list entry
   * left first and, lists being compacted at the end of the sweep, was still in its list when the
   * map entry's removal took the list's entries with it: the entry was removed twice, and the next
   * entry reserved threw ArrayIndexOutOfBoundsException. Expected: both leave once.
   */
  @Test
  void r5_aListEntryAndTheEntryHoldingItsListRemovedInOneBatch() {
    Store store = Store.create(TestSchemas.schema(Outer.class),
        new Outer(java.util.Map.of("a", new Inner(List.of(new Leaf2(1), new Leaf2(2)))), 0));
    int inners = store.resolve("inners");
    store.batch().set("inners.a.leaves", List.of(new Leaf2(1))).remove(inners, "a").apply();
    assertEquals(List.of(), store.keys(inners));
    store.put(inners, "b", new Inner(List.of(new Leaf2(3))));
    store.put(inners, "c", new Inner(List.of(new Leaf2(4), new Leaf2(5))));
    assertEquals(new Inner(List.of(new Leaf2(4), new Leaf2(5))), store.get("inners.c"));
  }

  record Tags(Map<String, Leaf2> from, Map<String, Leaf2> to, int n) {}

  /**
   * R6 (processor fuzz test, tree #140 of seed 20240612): stage 9 runs before the sweep, so a map
   * entry that the apply stage removed was still in its map when the aggregation read wrote the
   * same key again, and came back at its old place with its old IDs. Expected, as if the removed
   * entry had left first: a new entry at the end of the map.
   */
  @Test
  void r6_aKeyRemovedByTheApplyStageAndWrittenAgainByTheReadIsANewEntryAtTheEnd() {
    var schema = TestSchemas.of(Tags.class).aggregate("to", "from").build();
    Map<String, Leaf2> both = new java.util.LinkedHashMap<>();
    both.put("a", new Leaf2(1));
    both.put("b", new Leaf2(2));
    Store store = Store.create(schema, new Tags(both, both, 0));
    int toA = store.resolve("to.a");
    var oldA = store.path(toA, Leaf2.class);
    // a root write takes a out of `to` (stage 8); the read then copies `from`, which still has it
    store.set("", new Tags(both, Map.of("b", new Leaf2(2)), 1));
    assertEquals(List.of("b", "a"), store.keys(store.resolve("to")));
    assertEquals(new Leaf2(1), store.get("to.a"));
    assertThrows(UnknownPathException.class, () -> store.get(oldA), "a handle on the removed entry");
  }

  record Pt(Map<String, String> id, String x) {}

  record Ls(List<Pt> y) {}

  record Top(Ls a, List<Ls> f) {}

  /**
   * R7 (processor fuzz test, 5,000-tree run, tree #347 of seed 20240612): an aggregation read
   * removes entries (here at creation: {@code a} takes the value of {@code f.*}, whose list is
   * empty), and a later read targets a path inside one of them (the entry's own {@code x ← id.*}).
   * That read wrote its target, which brought the removed entry back. Expected: a target inside a
   * removed entry is not read, and the entry stays removed.
   */
  @Test
  void r7_aReadNeverBringsBackAnEntryThatAnEarlierReadRemoved() {
    var schema = TestSchemas.of(Top.class).aggregate("a", "f.*").aggregate("a.y.*.x", "a.y.*.id.*").build();
    Store store = Store.create(schema, new Top(new Ls(List.of(new Pt(Map.of("k", "v"), "v"),
        new Pt(Map.of(), "w"))), List.of(new Ls(List.of()))));
    assertEquals(new Ls(List.of()), store.get("a"));
    assertEquals(0, store.size(store.resolve("a.y")));
  }

  record Line(String total, String level) {}

  record Group(Map<String, Line> lines) {}

  record Sheet(Map<String, Group> groups, int n) {}

  /**
   * R8 (processor fuzz test, tree #3 of seed 20240612, found while the engine was being split):
   * the only aggregation of the schema is inside the entries of a map that is itself inside map
   * entries, so the store has no aggregation until such an entry is written. A put of a group
   * reserves the group's entry when it is added; the line entries inside it, and with them the
   * first aggregation, are made by the apply stage. Stage 9 of the same batch must read that
   * aggregation and report the target's new value. Expected: the read's change is among the
   * batch's applied changes, flagged {@code AGGREGATE_READ}.
   */
  @Test
  void r8_theFirstAggregationMadeByTheApplyStageIsReadAndReportedInTheSameBatch() {
    var schema = TestSchemas.of(Sheet.class)
        .aggregate("groups.*.lines.*.total", "groups.*.lines.*.level").build();
    Store store = Store.create(schema, new Sheet(Map.of(), 0));
    var applied = store.put(store.resolve("groups"), "g", new Group(Map.of("k", new Line("a", "b"))));
    assertEquals(new Line("b", "b"), store.get("groups.g.lines.k"));
    int last = applied.size() - 1;
    assertEquals("groups.g.lines.k.total", applied.path(last), applied.toString());
    assertEquals("b", applied.value(last));
    assertEquals(java.util.Set.of(dev.statewire.runtime.ChangeFlag.AGGREGATE_READ), applied.flags(last));
  }

  record Sel(boolean selected, int qty) {}

  record Ticket(Map<String, Sel> lines, Boolean all) {}

  private static Store ticket() {
    Map<String, Sel> lines = new java.util.LinkedHashMap<>();
    lines.put("c", new Sel(false, 2));
    lines.put("b", new Sel(false, 1));
    return Store.create(TestSchemas.of(Ticket.class).aggregate("all", "lines.*.selected").build(), new Ticket(lines, null));
  }

  /**
   * R9 (found by ObserversPropertyTest): a batch that removed an entry and wrote a select-all
   * target fanned the target out to the removed entry's source too; applied after the removal, that
   * write brought the entry's record back in part: it stayed in {@code keys()} and {@code size()}
   * while the snapshot left it out. A write below an entry removed earlier in the batch is dropped.
   */
  @Test
  void r9_aFanOutToAnEntryRemovedByTheSameBatchLeavesItRemoved() {
    for (boolean removeFirst : new boolean[] {true, false}) {
      Store s = ticket();
      int lines = s.resolve("lines");
      var b = s.batch();
      if (removeFirst) {
        b.remove(lines, "b");
      }
      b.set(s.path("all", Boolean.class), true);
      if (!removeFirst) {
        b.remove(lines, "b");
      }
      List<String> applied = b.apply().toList().stream().map(c -> c.path() + "=" + c.value()).toList();
      assertEquals(List.of("lines.b=<absent>", "lines.c.selected=true", "all=true"), applied);
      assertEquals(List.of("c"), s.keys(lines));
      assertEquals(1, s.size(lines));
      assertEquals(new Ticket(Map.of("c", new Sel(true, 2)), true), s.snapshot());
    }
  }

  @Test
  void r9_aWriteBelowAnEntryRemovedEarlierInTheBatchIsDropped() {
    Store s = ticket();
    int lines = s.resolve("lines");
    var qty = s.path("lines.b.qty", Integer.class);
    List<String> applied = s.batch().remove(lines, "b").set(qty, 5).apply().toList().stream()
        .map(c -> c.path() + "=" + c.value()).toList();
    assertEquals(List.of("lines.b=<absent>"), applied);
    assertEquals(List.of("c"), s.keys(lines));
  }
}
