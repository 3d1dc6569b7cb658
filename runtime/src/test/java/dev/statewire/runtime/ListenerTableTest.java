package dev.statewire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ListenerTable}: stage 6 (PIPELINE.md §5). Which listeners a queue matches (a change at,
 * below or above the listener path), their order (deepest path first, then the order each path
 * got its first listener, then registration order), the view each one gets (deepest change first,
 * then the matching outputs of listeners before it), {@code removeIn}, {@code count}, and closing.
 *
 * <p>Static IDs of {@link R}: 0 root, 1 a, 2 a.v, 3 a.n, 4 b, 5 b.v, 6 b.n, 7 s.
 */
class ListenerTableTest {
  record Inner(String v, int n) {}

  record R(Inner a, Inner b, String s) {}

  private static final int A = 1;
  private static final int A_V = 2;
  private static final int B = 4;
  private static final int B_V = 5;
  private static final int S = 7;

  private final Store store = Store.create(TestSchemas.schema(R.class),
      new R(new Inner("a", 1), new Inner("b", 2), "s"));
  /** Each call as "listener path: change paths of its view". */
  private final List<String> calls = new ArrayList<>();

  private Registration record(String name, int path) {
    return store.listen(path, 0, e -> {
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < e.changes().size(); i++) {
        seen.add(e.changes().path(i));
      }
      calls.add(name + ": " + seen);
    });
  }

  private ListenerTable table() {
    return store.engine().listenersIfAny();
  }

  /** Matches and calls the listeners for a queue of (path, value) pairs; returns whether any matched. */
  private boolean run(Object... pathValuePairs) {
    Engine e = store.engine();
    ChangeBuffer q = new ChangeBuffer(e);
    for (int i = 0; i < pathValuePairs.length; i += 2) {
      WriteCheck.add(e.paths, q, (Integer) pathValuePairs[i], pathValuePairs[i + 1], 0, null);
    }
    int n = q.size();
    boolean any = table().match(q, n);
    if (any) {
      table().call(q, n);
    }
    return any;
  }

  @Test
  void aChangeMatchesListenersAtAndAboveItButNotSiblings() {
    record("root", 0);
    record("a", A);
    record("a.v", A_V);
    record("b", B);
    assertTrue(run(A_V, "x"));
    assertEquals(List.of("a.v: [a.v]", "a: [a.v]", "root: [a.v]"), calls);
  }

  @Test
  void aNodeWriteAlsoMatchesListenersBelowIt() {
    record("a.v", A_V);
    record("b.v", B_V);
    assertTrue(run(A, new Inner("y", 1)));
    assertEquals(List.of("a.v: [a]"), calls);
  }

  @Test
  void aQueueMatchingNoListenerPathCallsNothing() {
    record("a", A);
    assertFalse(run(S, "t"));
    assertEquals(List.of(), calls);
  }

  @Test
  void equalDepthsRunInTheOrderEachPathGotItsFirstListener() {
    record("b", B);
    record("a-1", A);
    record("b-2", B);
    record("a-2", A);
    run(A_V, "x", B_V, "y");
    assertEquals(List.of("b: [b.v]", "b-2: [b.v]", "a-1: [a.v]", "a-2: [a.v]"), calls);
  }

  @Test
  void aViewListsTheDeepestChangesFirstAndKeepsQueueOrderOtherwise() {
    record("root", 0);
    run(S, "t", A, new Inner("y", 1), B_V, "z", A_V, "w");
    assertEquals(List.of("root: [b.v, a.v, s, a]"), calls);
  }

  @Test
  void aListenerSeesTheMatchingOutputsOfListenersBeforeIt() {
    store.listen(A_V, 0, e -> e.emit(B_V, "out"));
    record("root", 0);
    record("b", B); // the output matches b, but b matched nothing in the queue: not called
    store.set(A_V, "x");
    assertEquals(List.of("root: [a.v, b.v]"), calls);
    assertEquals("out", store.get("b.v"));
  }

  @Test
  void removeInClosesTheListenersOnTheGivenIds() {
    Registration av = record("a.v", A_V);
    Registration b = record("b", B);
    assertEquals(2, table().count());
    table().removeIn(A, 3); // a, a.v, a.n
    assertFalse(av.isActive());
    assertTrue(b.isActive());
    assertEquals(1, table().count());
    IllegalStateException e = assertThrows(IllegalStateException.class, av::close);
    assertEquals("listener on \"a.v\" was closed already (or removed with the entry it listened on)",
        e.getMessage());
    assertFalse(run(A_V, "x"));
  }

  @Test
  void closingCountsDownAndASecondCloseThrows() {
    Registration r1 = record("a", A);
    record("a-2", A);
    assertEquals(2, table().count());
    r1.close();
    assertEquals(1, table().count());
    assertThrows(IllegalStateException.class, r1::close);
    assertEquals(1, table().count());
    run(A, new Inner("q", 0));
    assertEquals(List.of("a-2: [a]"), calls);
  }

  @Test
  void aThrowingListenerIsWrappedWithItsPath() {
    store.listen(A, 0, e -> {
      throw new IllegalStateException("boom");
    });
    ListenerException e = assertThrows(ListenerException.class, () -> run(A_V, "x"));
    assertEquals("listener on \"a\" threw IllegalStateException: boom; the batch was abandoned and"
        + " nothing was applied", e.getMessage());
  }

  @Test
  void aNodeOutputReachesTheMatchedListenersAtAndBelowItOnce() {
    store.listen(A_V, 0, e -> e.emit(B, new Inner("o", 9))); // runs first: a.v is as deep as b.v, and first
    record("b.v", B_V);
    record("b", B);
    record("a.n", A + 2); // b's output is not below a.n
    store.batch().set(A_V, "x").set(B_V, "y").apply();
    assertEquals(List.of("b.v: [b.v, b]", "b: [b.v, b]"), calls);
    assertEquals(new Inner("o", 9), store.get("b"));
  }

  @Test
  void aRootWriteMatchesTheListenersBelowTheRoot() {
    List<Integer> sizes = new ArrayList<>();
    store.listen(A_V, 0, e -> sizes.add(e.changes().size()));
    store.set("", new R(new Inner("a2", 1), new Inner("b", 2), "s"));
    assertEquals(List.of(1), sizes);
  }

  @Test
  void removeInLeavesTheListenersOnTheIdsAroundTheRange() {
    Registration an = record("a.n", A + 2);
    Registration b = record("b", B);
    Registration s = record("s", S);
    table().removeIn(B, 3); // b, b.v, b.n
    assertFalse(b.isActive());
    assertTrue(an.isActive());
    assertTrue(s.isActive());
  }

  record Many(Map<String, Inner> m) {}

  @Test
  void aListenerOnAnEntryAddedAfterTheFirstListenerIsCalled() {
    Store s = Store.create(TestSchemas.schema(Many.class), new Many(Map.of()));
    s.listenAll(e -> {}); // the listener table is made now, for the IDs of now
    int m = s.resolve("m");
    for (int k = 0; k < 40; k++) {
      s.put(m, "k" + k, new Inner("v", k));
    }
    List<Object> seen = new ArrayList<>();
    s.listen(s.resolve("m.k39.v"), 0, e -> seen.add(e.changes().value(0)));
    s.set("m.k39.v", "w");
    assertEquals(List.of("w"), seen);
  }
}
