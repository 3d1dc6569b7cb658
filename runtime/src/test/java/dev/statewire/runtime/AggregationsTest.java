package dev.statewire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Aggregations}: stage 2 ({@code fanOut}: a target write is replaced by writes to its
 * sources, later inputs first), stage 9 (the target reads the sources' common value, else null),
 * the cycle check, instances per entry and wildcard sources as entries come and go, {@code
 * detachIn} and {@code readsCallUserCode}.
 *
 * <p>Static IDs of {@link Cart}: 0 root, 1 allOn, 2 items, 3 items.*, 4 .on, 5 .both, 6 .b1,
 * 7 .b2, 8 t, 9 a, 10 b, 11 total, 12 q1, 13 q2, 14 c, 15 d, 16 l1 (17–20 below it), 21 l2
 * (22–25 below it). Static aggregations: allOn ← items.*.on, items.*.both ← items.*.b1, .b2,
 * t ← a, b, total ← q1, q2.
 */
class AggregationsTest {
  record Line(boolean on, Boolean both, Boolean b1, Boolean b2) {}

  record Cart(Boolean allOn, Map<String, Line> items, String t, String a, String b, Integer total,
      int q1, int q2, String c, String d, Line l1, Line l2) {}

  private static final int ITEMS = 2;
  private static final int T = 8;
  private static final int A = 9;
  private static final int TOTAL = 11;
  private static final int C = 14;
  private static final int D = 15;
  private static final int L1 = 16;
  private static final int L2 = 21;

  private final Store store = Store.create(
      TestSchemas.of(Cart.class)
          .aggregate("allOn", "items.*.on")
          .aggregate("items.*.both", "items.*.b1", "items.*.b2")
          .aggregate("t", "a", "b")
          .aggregate("total", "q1", "q2")
          .build(),
      new Cart(null, Map.of(), "", "", "", 0, 0, 0, null, "d", null, null));
  private final Aggregations ag = store.engine().aggregationsIfAny();

  private List<String> fanOut(Object... pathValuePairs) {
    Engine e = store.engine();
    ChangeBuffer q = new ChangeBuffer(e);
    for (int i = 0; i < pathValuePairs.length; i += 2) {
      WriteCheck.add(e.paths, q, (Integer) pathValuePairs[i], pathValuePairs[i + 1], 0, null);
    }
    ag.fanOut(q, 0);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < q.size(); i++) {
      out.add(q.pathString(i) + "=" + q.boxedValue(i) + " " + ChangeFlag.fromMask(q.flags(i)));
    }
    return out;
  }

  @Test
  void aTargetWriteIsReplacedByWritesToItsSourcesLaterInputsFirst() {
    assertEquals(List.of("d=x []", "q1=5 [AGGREGATION]", "q2=5 [AGGREGATION]", "a=s [AGGREGATION]",
        "b=s [AGGREGATION]"), fanOut(T, "s", D, "x", TOTAL, 5));
  }

  @Test
  void nullToATargetWithPrimitiveSourcesIsRefused() {
    ValueTypeException e = assertThrows(ValueTypeException.class, () -> fanOut(TOTAL, null));
    assertEquals("cannot write null to \"total\": it fans out to aggregation source \"q1\", which is"
        + " int and cannot hold null", e.getMessage());
    assertEquals(List.of("a=null [AGGREGATION]", "b=null [AGGREGATION]"), fanOut(T, null));
  }

  @Test
  void theTargetReadsTheCommonValueOfItsSourcesElseNull() {
    assertEquals("", store.get("t"));
    Changes c = store.set("a", "s");
    assertNull(store.get("t"));
    assertEquals("t", c.path(c.size() - 1));
    store.set("b", "s");
    assertEquals("s", store.get("t"));
    assertEquals(0, store.get("total"));
  }

  @Test
  void aCycleIsDescribedAlongTheChain() {
    assertEquals("a → t → a", ag.cycle(A, new int[] {T}));
    assertNull(ag.cycle(C, new int[] {D}));
    WiringException e = assertThrows(WiringException.class, () -> store.wiring().aggregate(A, T));
    assertEquals("circular aggregation: \"a\" would be both a target and a source of one aggregation"
        + " chain (a → t → a)", e.getMessage());
  }

  @Test
  void entriesBringAndTakeTheirAggregationsAndWildcardSources() {
    assertEquals(3, ag.size()); // allOn, t, total; none per entry yet
    assertNull(store.get("allOn")); // no sources
    store.put(ITEMS, "k1", new Line(true, null, true, true));
    assertEquals(4, ag.size());
    assertEquals(true, store.get("allOn"));
    assertEquals(true, store.get("items.k1.both"));
    store.put(ITEMS, "k2", new Line(false, null, true, false));
    assertEquals(5, ag.size());
    assertNull(store.get("allOn"));
    assertNull(store.get("items.k2.both"));
    store.remove(ITEMS, "k2");
    assertEquals(4, ag.size());
    assertEquals(true, store.get("allOn")); // k2's source left with it
    store.remove(ITEMS, "k1");
    assertEquals(3, ag.size());
    assertNull(store.get("allOn"));
  }

  @Test
  void aRemovedBlockLeavesTheListOfAggregationsWhenTheSweepEnds() {
    store.put(ITEMS, "k1", new Line(true, null, true, true));
    int k1 = store.entry(ITEMS, "k1");
    assertEquals(4, ag.size());
    ag.removeBlock(k1, 3);
    assertEquals(4, ag.size()); // marked removed; the list is compacted once at the end
    ag.finishSweep();
    assertEquals(3, ag.size());
    ag.instantiateBlock(k1, 3);
    assertEquals(4, ag.size());
  }

  @Test
  void detachInClosesOnlyRuntimeAggregationsNamingAPathInTheRange() {
    Registration r = store.wiring().aggregate(C, D);
    assertEquals("d", store.get("c")); // read at registration
    assertEquals(4, ag.size());
    ag.detachIn(A, C); // neither c nor d is in [a, c)
    assertTrue(r.isActive());
    ag.detachIn(D, D + 1);
    assertFalse(r.isActive());
    assertEquals(3, ag.size());
    assertThrows(IllegalStateException.class, r::close);
  }

  @Test
  void readsCallUserCodeOnlyForTargetsThatHoldUserValues() {
    assertFalse(ag.readsCallUserCode());
    Registration r = store.wiring().aggregate(L1, L2);
    assertTrue(ag.readsCallUserCode());
    r.close();
    assertFalse(ag.readsCallUserCode());
  }
}
