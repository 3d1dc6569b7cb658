package dev.statewire.runtime;

import static dev.statewire.runtime.internal.ChangeBuffer.ABSENT;
import static dev.statewire.runtime.internal.ChangeBuffer.NULL;
import static dev.statewire.runtime.internal.ChangeBuffer.VALUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * {@link Shadow}: the values by path ID. Compare ({@code equalsQueued}), write and build round trips
 * for every kind of value (PIPELINE.md §1 equality: {@code Double.equals} for doubles, structural
 * for nodes), clearing and marking entry blocks, reference slot counting, and taking apart
 * ({@code extract}) and patching ({@code overlay}) node values.
 *
 * <p>Static IDs of {@link Vals}: 0 root, 1 d, 2 f, 3 i, 4 z, 5 str, 6 inner, 7 inner.s,
 * 8 inner.boxed, 9 m, 10 m.*, 11 m.*.s, 12 m.*.boxed, 13 l, 14 l.*; entries start at 15.
 */
class ShadowTest {
  record Inner(String s, Integer boxed) {}

  record Vals(double d, float f, int i, boolean z, String str, Inner inner, Map<String, Inner> m,
      List<String> l) {}

  private static final int D = 1;
  private static final int STR = 5;
  private static final int INNER = 6;
  private static final int INNER_S = 7;
  private static final int INNER_BOXED = 8;
  private static final int M = 9;
  private static final int L = 13;

  private static Vals initial(double d) {
    return new Vals(d, 1f, 2, true, "a", new Inner("b", 3), Map.of("k", new Inner("e", 4)), List.of("x"));
  }

  private static Store store(double d) {
    return Store.create(TestSchemas.schema(Vals.class), initial(d));
  }

  /** A one-change buffer of the store's engine holding {@code v} at {@code p}. */
  private static ChangeBuffer queued(Store s, int p, Object v) {
    ChangeBuffer b = new ChangeBuffer(s.engine());
    WriteCheck.add(s.engine().paths, b, p, v, 0, null);
    return b;
  }

  private static boolean equalsNow(Store s, int p, Object v) {
    return s.engine().shadow.equalsQueued(queued(s, p, v), 0);
  }

  private static void write(Store s, int p, Object v) {
    s.engine().shadow.write(queued(s, p, v), 0, null);
  }

  @Test
  void doublesCompareByTheirBitsSoMinusZeroDiffersAndNaNEqualsNaN() {
    Store zero = store(0.0);
    assertTrue(equalsNow(zero, D, 0.0));
    assertFalse(equalsNow(zero, D, -0.0));
    Store nan = store(Double.NaN);
    // another NaN bit pattern is still NaN: equal, as Double.equals says
    assertTrue(equalsNow(nan, D, Double.longBitsToDouble(0x7ff8000000000123L)));
    assertFalse(equalsNow(nan, D, 0.0));
  }

  @Test
  void aPrimitiveWrittenIsBuiltBackWithItsExactBits() {
    Store s = store(0.0);
    write(s, D, -0.0);
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) s.engine().shadow.build(D)));
    assertEquals(VALUE, s.engine().shadow.tag[D]);
    write(s, 3, -7);
    assertEquals(-7, s.engine().shadow.build(3));
    write(s, 4, false);
    assertEquals(0L, s.engine().shadow.bits[4]);
    assertEquals(false, s.engine().shadow.build(4));
  }

  @Test
  void stringsCompareWithEqualsNotIdentity() {
    Store s = store(0.0);
    assertTrue(equalsNow(s, STR, new String("a")));
    assertFalse(equalsNow(s, STR, "b"));
    write(s, STR, "b");
    assertEquals("b", s.engine().shadow.build(STR));
  }

  @Test
  void nullIsItsOwnStateAndEqualsOnlyNull() {
    Store s = store(0.0);
    Shadow sh = s.engine().shadow;
    assertFalse(equalsNow(s, STR, null));
    write(s, STR, null);
    assertEquals(NULL, sh.tag[STR]);
    assertNull(sh.build(STR));
    assertFalse(sh.isSet(STR));
    assertTrue(equalsNow(s, STR, null));
    assertFalse(equalsNow(s, STR, ""));
  }

  @Test
  void aNullNodeMakesItsChildrenAbsent() {
    Store s = store(0.0);
    Shadow sh = s.engine().shadow;
    write(s, INNER, null);
    assertEquals(NULL, sh.tag[INNER]);
    assertEquals(ABSENT, sh.tag[INNER_S]);
    assertSame(Store.ABSENT, sh.build(INNER_S));
    assertFalse(equalsNow(s, INNER, new Inner(null, null))); // absent/null children differ from null node
    write(s, INNER_S, "back"); // a write below a null node makes its ancestors present
    assertEquals(new Inner("back", null), sh.build(INNER));
  }

  @Test
  void recordsCompareStructurallyAndRoundTrip() {
    Store s = store(0.0);
    assertTrue(equalsNow(s, INNER, new Inner("b", 3)));
    assertFalse(equalsNow(s, INNER, new Inner("b", 4)));
    write(s, INNER, new Inner("c", null));
    Shadow sh = s.engine().shadow;
    assertEquals(new Inner("c", null), sh.build(INNER));
    assertEquals(NULL, sh.tag[INNER_BOXED]);
  }

  @Test
  void mapsCompareByContentAndRoundTripWithTheirOrder() {
    Store s = store(0.0);
    LinkedHashMap<String, Inner> same = new LinkedHashMap<>();
    same.put("k", new Inner("e", 4));
    assertTrue(equalsNow(s, M, same));
    LinkedHashMap<String, Inner> more = new LinkedHashMap<>(same);
    more.put("j", new Inner("f", 5));
    assertFalse(equalsNow(s, M, more));
    assertFalse(equalsNow(s, M, Map.of()));
    write(s, M, more);
    Object built = s.engine().shadow.build(M);
    assertEquals(more, built);
    assertEquals(List.of("k", "j"), List.copyOf(((Map<?, ?>) built).keySet()));
    write(s, M, Map.of("j", new Inner("f", 5)));
    assertEquals(Map.of("j", new Inner("f", 5)), s.engine().shadow.build(M));
  }

  @Test
  void listsCompareByContentInOrderAndRoundTrip() {
    Store s = store(0.0);
    assertTrue(equalsNow(s, L, List.of("x")));
    assertFalse(equalsNow(s, L, List.of("x", "y")));
    assertFalse(equalsNow(s, L, List.of()));
    write(s, L, List.of("y", "x"));
    assertEquals(List.of("y", "x"), s.engine().shadow.build(L));
    write(s, L, List.of("z"));
    assertEquals(List.of("z"), s.engine().shadow.build(L));
  }

  @Test
  void clearBlockEmptiesEverySlotOfAnEntryBlock() {
    Store s = store(0.0);
    int k = s.entry(M, "k");
    Shadow sh = s.engine().shadow;
    assertEquals("e", sh.refs[k + 1]);
    assertEquals(4L, sh.bits[k + 2]);
    sh.clearBlock(k, 3);
    for (int id = k; id < k + 3; id++) {
      assertEquals(ABSENT, sh.tag[id]);
      assertEquals(0L, sh.bits[id]);
      assertNull(sh.refs[id]);
    }
  }

  @Test
  void markAbsentAndInRemovedEntryLookAtTheEntryFirstId() {
    Store s = store(0.0);
    int k = s.entry(M, "k");
    Shadow sh = s.engine().shadow;
    assertFalse(sh.inRemovedEntry(k + 1));
    sh.markAbsent(k, 1); // only the entry itself: its children still hold values
    assertEquals(VALUE, sh.tag[k + 1]);
    assertTrue(sh.inRemovedEntry(k));
    assertTrue(sh.inRemovedEntry(k + 1)); // inside an absent entry
    assertFalse(sh.inRemovedEntry(INNER_S)); // static paths are in no entry
  }

  @Test
  void refSlotsCountsReferenceValuesOnly() {
    Store s = store(0.0);
    Shadow sh = s.engine().shadow;
    int n = s.engine().paths.idCount;
    // str "a", inner.s "b", m.k.s "e", l.0 "x"; the Integers are primitive bits
    assertEquals(4, sh.refSlots(n));
    assertEquals(2, sh.refSlots(M)); // only the static ones below m
    write(s, STR, null);
    assertEquals(3, sh.refSlots(n));
  }

  @Test
  void extractTakesTheValueAtADescendantOutOfANodeValue() {
    Store s = store(0.0);
    Shadow sh = s.engine().shadow;
    Vals v = initial(0.0);
    assertEquals(3, sh.extract(new Inner("x", 3), INNER, INNER_BOXED));
    assertEquals("b", sh.extract(v, 0, INNER_S));
    assertEquals(v.inner(), sh.extract(v, 0, INNER));
    Vals nullInner = new Vals(0.0, 1f, 2, true, "a", null, Map.of(), List.of());
    assertSame(Store.ABSENT, sh.extract(nullInner, 0, INNER_S));
    int k = s.entry(M, "k");
    assertEquals("q", sh.extract(Map.of("k", new Inner("q", 1)), M, k + 1));
    assertSame(Store.ABSENT, sh.extract(Map.of("other", new Inner("q", 1)), M, k + 1));
  }

  @Test
  void overlayReplacesOneDescendantAndKeepsTheRest() {
    Store s = store(0.0);
    Shadow sh = s.engine().shadow;
    assertEquals(new Inner("x", 4), sh.overlay(new Inner("x", 3), INNER, INNER_BOXED, 4));
    assertEquals(new Inner("x", null), sh.overlay(new Inner("x", 3), INNER, INNER_BOXED, Store.ABSENT));
    assertNull(sh.overlay(null, INNER, INNER_BOXED, 4)); // below a null node: unknown, kept null
    int k = s.entry(M, "k");
    Object patched = sh.overlay(Map.of("k", new Inner("e", 4), "z", new Inner("z", 0)), M, k + 1, "new");
    assertEquals(Map.of("k", new Inner("new", 4), "z", new Inner("z", 0)), patched);
    assertEquals(Map.of(), sh.overlay(Map.of("k", new Inner("e", 4)), M, k, Store.ABSENT));
  }

  /**
   * A list entry reserved by {@code add} in the running batch is absent until stage 8, so it is
   * not in the list value built from the shadow; overlaying its queued value must append it, as
   * overlaying a new map key adds the key. Seen by users as {@code ListenerEvent.valueAfter(list)}
   * missing the element that the batch adds (a map entry put by the batch is there).
   */
  @Disabled("bug: Shadow.overlay drops a write to a list entry at or beyond the end of the list value"
      + " (its LIST branch only replaces indexes below l.size()), so ListenerEvent.valueAfter(list)"
      + " misses an element added by the same batch")
  @Test
  void overlayAppendsAListEntryAddedByTheBatch() {
    Store s = store(0.0);
    int added = s.engine().entries.forAdd(L); // reserved, absent: index 1
    assertEquals(List.of("x"), s.engine().shadow.build(L));
    assertEquals(List.of("x", "y"), s.engine().shadow.overlay(List.of("x"), L, added, "y"));
  }
}
