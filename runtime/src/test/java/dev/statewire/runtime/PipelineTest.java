package dev.statewire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Pipeline}: the queue of a batch and its applied list. The no-op filters of stages 1 and 5
 * (PIPELINE.md §3), the applied list and its views, {@code appliedNothing}, undoing the apply stage
 * when user code there throws (the store is as before), and stage 9 reading an aggregation that the
 * apply stage itself brought into being.
 */
class PipelineTest {
  record Flags(boolean x, boolean y, int a, int b, String s) {}

  /** An opaque value whose {@code equals} throws from its third call on: user code in stage 8. */
  static final class Trap {
    int calls;
    /** The number of calls that return; the next one throws. */
    int throwAfter = 2;

    @Override
    public boolean equals(Object o) {
      if (++calls > throwAfter) {
        throw new IllegalStateException("equals threw");
      }
      return o == this;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }

  record Holder(String s, Object o) {}

  record Zip(String code, String city) {}

  record Mailing(Zip zip, Object o) {}

  record Row(Boolean all, Boolean a, Boolean b) {}

  record Rows(Map<String, Row> rows) {}

  record Leaf(int v) {}

  /** A record whose canonical constructor refuses 13: user code that throws when stage 9 builds it. */
  record Fussy(int v) {
    Fussy {
      if (v == 13) {
        throw new IllegalArgumentException("no 13");
      }
    }
  }

  /** {@code to ← from} is read first, {@code copy ← fussy} second (declaration order). */
  record Tags(Map<String, Leaf> from, Map<String, Leaf> to, Fussy fussy, Fussy copy) {}

  private static Store flags() {
    return Store.create(TestSchemas.of(Flags.class).flip("x", "y").sync("a", "b").build(),
        new Flags(false, false, 0, 0, "s"));
  }

  private static List<String> paths(Changes c) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      out.add(c.path(i) + "=" + c.value(i));
    }
    return out;
  }

  @Test
  void stageOneDropsInputsEqualToTheCurrentValue() {
    Store s = flags();
    Changes c = s.batch().set("s", "s").set("x", true).apply();
    // x=true flips y to false, which stage 5 drops (y is false already)
    assertEquals(List.of("x=true"), paths(c));
    assertEquals(1, s.engine().pipeline.queue().size());
    assertEquals(1, s.engine().pipeline.appliedCount());
  }

  @Test
  void aRunOfOnlyNoOpsAppliesNothingAndEmptiesTheQueue() {
    Store s = flags();
    Engine e = s.engine();
    ChangeBuffer in = new ChangeBuffer(e);
    WriteCheck.add(e.paths, in, 5, "s", 0, null);
    WriteCheck.add(e.paths, in, 3, 0, 0, null);
    int n;
    try {
      n = e.pipeline.run(in, null, false);
    } finally {
      e.enterPhase(Engine.Phase.IDLE); // the engine does this after every run
    }
    assertEquals(0, n);
    assertEquals(0, e.pipeline.queue().size());
    assertSame(Changes.EMPTY, e.pipeline.view());
  }

  @Test
  void stageFiveDropsExpansionsEqualToThePreBatchValue() {
    Store s = flags();
    // §4: x=T, y=T, then the flips y=F, x=F equal the pre-batch values and are dropped
    Changes c = s.batch().set("x", true).set("y", true).apply();
    assertEquals(List.of("x=true", "y=true"), paths(c));
    assertEquals(2, s.engine().pipeline.queue().size());
  }

  @Test
  void theAppliedListIsInQueueOrderWithFlags() {
    Store s = flags();
    Changes c = s.batch().set("a", 1).set("b", 2).apply();
    // §4: queue a=1, b=2, b=1, a=2; each differs where the walk reaches it
    assertEquals(List.of("a=1", "b=2", "b=1", "a=2"), paths(c));
    assertEquals(Set.of(), c.flags(0));
    assertEquals(Set.of(ChangeFlag.SYNC), c.flags(2));
    Pipeline p = s.engine().pipeline;
    assertEquals(4, p.appliedCount());
    assertEquals(List.of("a=1", "b=2"), paths(p.changes(2)));
    assertEquals(List.of("a=1", "b=2", "b=1", "a=2"), paths(p.view()));
    assertEquals(2, s.get("a"));
    assertEquals(1, s.get("b"));
  }

  @Test
  void appliedNothingEmptiesTheView() {
    Store s = flags();
    s.set("s", "t");
    Pipeline p = s.engine().pipeline;
    assertEquals(1, p.appliedCount());
    p.appliedNothing();
    assertEquals(0, p.appliedCount());
    assertSame(Changes.EMPTY, p.view());
  }

  /**
   * Stage 8 compares an entry with the value at its path again only where an earlier entry of the
   * queue may have changed it: in a small queue of unrelated paths, what stages 1 and 5 found
   * different is written without a third comparison.
   */
  @Test
  void theApplyStageComparesAgainOnlyWhereAnEarlierEntryMayHaveChangedThePath() {
    Trap trap = new Trap();
    trap.throwAfter = Integer.MAX_VALUE;
    Store s = Store.create(TestSchemas.schema(Holder.class), new Holder("before", trap));
    trap.calls = 0;
    Changes unrelated = s.batch().set("s", "after").set("o", "other").apply();
    assertEquals(2, trap.calls, "the no-op check and stage 1; stage 8 trusts them");
    assertEquals(2, unrelated.size());
    assertEquals("other", s.get("o"));

    Trap second = new Trap();
    second.throwAfter = Integer.MAX_VALUE;
    s.set("o", second);
    second.calls = 0;
    // the root written first: every entry after it may find its path changed, so stage 8 compares
    Changes related = s.batch().set("", new Holder("x", second)).set("o", "y").apply();
    assertEquals(List.of("", "o"), List.of(related.path(0), related.path(1)));
    assertTrue(second.calls >= 3, "stage 8 compared again: " + second.calls);
    assertEquals("y", s.get("o"));
  }

  @Test
  void aThrowingEqualsInTheApplyStageUndoesEveryWrite() {
    Trap trap = new Trap();
    Store s = Store.create(TestSchemas.schema(Holder.class), new Holder("before", trap));
    trap.calls = 0;
    trap.throwAfter = 3;
    // the engine's no-op check calls trap.equals once (differs), stage 1 twice (o is written
    // twice); o's two writes make stage 8 compare again: it writes s, then calls it a fourth time,
    // and it throws
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> s.batch().set("s", "after").set("o", "other").set("o", "other").apply());
    assertEquals("equals threw", e.getMessage());
    assertEquals(4, trap.calls);
    assertEquals("before", s.get("s"));
    assertSame(trap, s.get("o"));
    Pipeline p = s.engine().pipeline;
    assertEquals(0, p.appliedCount());
    assertNull(p.undoLog());
    assertTrue(s.engine().isIdle());
  }

  @Test
  void anAggregationMadeByTheApplyStageIsReadInTheSameBatch() {
    Store s = Store.create(TestSchemas.of(Rows.class).aggregate("rows.*.all", "rows.*.a", "rows.*.b").build(),
        new Rows(Map.of()));
    assertNull(s.engine().aggregationsIfAny());
    Changes c = s.set("rows", Map.of("r", new Row(null, true, true)));
    assertEquals(1, s.engine().aggregationsIfAny().size());
    assertEquals(true, s.get("rows.r.all"));
    int last = c.size() - 1;
    assertEquals("rows.r.all", c.path(last));
    assertEquals(Set.of(ChangeFlag.AGGREGATE_READ), c.flags(last));
  }

  /**
   * The read of {@code to ← from} gives key {@code a}, which the apply stage took out of {@code to},
   * to a new entry at the end of the map; the next read then throws. Undoing the batch puts the key
   * back with its old entry, in its old place, and a handle on that entry stays valid.
   */
  @Test
  void aThrowingReadAfterAKeyMovedToANewEntryPutsTheKeyBackWithItsOldEntry() {
    Schema schema = TestSchemas.of(Tags.class).aggregate("to", "from").aggregate("copy", "fussy").build();
    Map<String, Leaf> both = new java.util.LinkedHashMap<>();
    both.put("a", new Leaf(1));
    both.put("b", new Leaf(2));
    Store s = Store.create(schema, new Tags(both, both, new Fussy(0), new Fussy(0)));
    int to = s.resolve("to");
    Path<Leaf> oldA = s.path(s.resolve("to.a"), Leaf.class);
    // stage 8 takes a out of `to` and writes 13 to fussy.v; stage 9 copies `from` (which has a) to
    // `to`, then builds Fussy(13) for `copy`: the constructor throws
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.batch()
        .set("", new Tags(both, Map.of("b", new Leaf(2)), new Fussy(0), new Fussy(0)))
        .set("fussy.v", 13)
        .apply());
    assertEquals("no 13", e.getCause().getMessage()); // the test codec wraps what the constructor threw
    assertEquals(List.of("a", "b"), s.keys(to));
    assertEquals(new Leaf(1), s.get(oldA));
    assertEquals(new Leaf(1), s.get("to.a"));
    assertEquals(0, s.get("fussy.v"));
    // the store goes on: the same move without the failing read gives a new entry at the end
    s.set("", new Tags(both, Map.of("b", new Leaf(2)), new Fussy(0), new Fussy(0)));
    assertEquals(List.of("b", "a"), s.keys(to));
    assertThrows(UnknownPathException.class, () -> s.get(oldA));
  }

  /** Writing below a null node makes the node present; undoing the batch makes it null again. */
  @Test
  void undoingTheApplyStageMakesANodeNullAgainThatAWriteBelowItMadePresent() {
    Trap trap = new Trap();
    Store s = Store.create(TestSchemas.schema(Mailing.class), new Mailing(null, trap));
    trap.calls = 0;
    trap.throwAfter = 3; // see aThrowingEqualsInTheApplyStageUndoesEveryWrite
    assertThrows(IllegalStateException.class,
        () -> s.batch().set("zip.code", "z").set("o", "other").set("o", "other").apply());
    assertNull(s.get("zip"));
    assertSame(trap, s.get("o"));
    s.set("zip.city", "c"); // and a write below it that succeeds makes it present
    assertEquals(new Zip(null, "c"), s.get("zip"));
  }
}
