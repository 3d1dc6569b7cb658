package dev.statewire.processor.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property tests of the graph code against brute force, over seeded random edge lists. A failure
 * names its seed; rerun that seed alone (or shrink the printed edge list by hand) to debug it.
 */
class GraphPropertyTest {

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 200).boxed();
  }

  /** A random edge: {@code {a, b, opposite ? 1 : 0}}. Nodes are few, so cycles are common. */
  private static int[] randomEdge(Random random, int nodes) {
    return new int[] {random.nextInt(nodes), random.nextInt(nodes), random.nextInt(3) == 0 ? 1 : 0};
  }

  /**
   * {@link ParityGraph#add} accepts an edge exactly when some assignment of booleans to the nodes
   * satisfies it and every edge accepted before; a rejected edge comes with a cycle that proves
   * the contradiction (accepted edges forming a walk from one end to the other, closed by the new
   * edge, with an odd number of "opposite" edges).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void parityGraphAcceptsExactlyTheSatisfiableEdges(long seed) {
    Random random = new Random(seed);
    int nodes = 1 + random.nextInt(9);
    int count = random.nextInt(25);
    ParityGraph<Integer> graph = new ParityGraph<>();
    List<int[]> accepted = new ArrayList<>();
    List<String> log = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int[] e = randomEdge(random, nodes);
      log.add(e[0] + (e[2] == 1 ? " flip " : " sync ") + e[1]);
      String context = "seed " + seed + ", edges " + log;
      List<ParityGraph.Edge<Integer>> cycle = graph.add(e[0], e[1], e[2] == 1, i);
      List<int[]> with = new ArrayList<>(accepted);
      with.add(e);
      boolean satisfiable = satisfiable(nodes, with);
      assertEquals(satisfiable, cycle.isEmpty(), context);
      if (satisfiable) {
        accepted.add(e);
        continue;
      }
      ParityGraph.Edge<Integer> last = cycle.get(cycle.size() - 1);
      assertEquals(i, last.label(), "the cycle ends with the new edge; " + context);
      Set<Integer> acceptedLabels = new HashSet<>();
      for (ParityGraph.Edge<Integer> c : cycle.subList(0, cycle.size() - 1)) {
        assertTrue(acceptedLabels.add(c.label()), "no edge twice; " + context);
        int[] original = accepted.stream().filter(a -> a[0] == c.a() && a[1] == c.b() && (a[2] == 1) == c.opposite())
            .findFirst().orElse(null);
        assertTrue(original != null, "cycle edges are accepted edges; " + context);
      }
      // a walk from e[0] to e[1] along the cycle's tree edges
      int at = e[0];
      boolean parity = false;
      for (ParityGraph.Edge<Integer> c : cycle.subList(0, cycle.size() - 1)) {
        assertTrue(c.a() == at || c.b() == at, "the cycle is a walk; " + context);
        at = c.a() == at ? c.b() : c.a();
        parity ^= c.opposite();
      }
      assertEquals(e[1], at, "the walk ends at the other end of the new edge; " + context);
      assertTrue(parity ^ last.opposite(), "the cycle has odd parity, so it is a contradiction; " + context);
    }
  }

  /** Whether some assignment of booleans to nodes satisfies every edge (all 2^n tried). */
  private static boolean satisfiable(int nodes, List<int[]> edges) {
    for (int bits = 0; bits < (1 << nodes); bits++) {
      boolean ok = true;
      for (int[] e : edges) {
        boolean va = (bits >> e[0] & 1) == 1;
        boolean vb = (bits >> e[1] & 1) == 1;
        if ((va != vb) != (e[2] == 1)) {
          ok = false;
          break;
        }
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link Groups} agrees with a breadth-first search over the edges so far: connect reports the
   * two groups before a merge (or null when already connected), members keep the order in which
   * they joined, and isGrouped means "has an edge to another node".
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void groupsAgreeWithBreadthFirstSearch(long seed) {
    Random random = new Random(seed);
    int nodes = 1 + random.nextInt(10);
    int count = random.nextInt(20);
    Groups groups = new Groups();
    List<int[]> edges = new ArrayList<>();
    // the reference for member order: plain lists, concatenated on merge
    List<List<Integer>> naive = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int a = random.nextInt(nodes);
      int b = random.nextInt(nodes);
      String context = "seed " + seed + ", edges " + edges.stream().map(e -> e[0] + "-" + e[1]).toList() + " then " + a + "-" + b;
      Set<Integer> componentA = component(a, edges);
      Set<Integer> componentB = component(b, edges);
      List<List<Integer>> before = groups.connect(a, b);
      edges.add(new int[] {a, b});
      if (componentA.contains(b)) {
        assertNull(before, context);
      } else {
        assertEquals(componentA, Set.copyOf(before.get(0)), context);
        assertEquals(componentB, Set.copyOf(before.get(1)), context);
        List<Integer> la = naiveGroup(naive, a);
        List<Integer> lb = naiveGroup(naive, b);
        naive.remove(la);
        naive.remove(lb);
        List<Integer> merged = new ArrayList<>(la);
        merged.addAll(lb);
        naive.add(merged);
      }
    }
    for (int x = 0; x < nodes; x++) {
      String context = "seed " + seed + ", node " + x + ", edges " + edges.stream().map(e -> e[0] + "-" + e[1]).toList();
      Set<Integer> expected = component(x, edges);
      assertEquals(expected, Set.copyOf(groups.group(x)), context);
      assertEquals(naiveGroup(naive, x), groups.group(x), "member order; " + context);
      assertEquals(expected.size() > 1, groups.isGrouped(x), context);
    }
    Set<Set<Integer>> expectedGroups = new HashSet<>();
    for (int x = 0; x < nodes; x++) {
      Set<Integer> c = component(x, edges);
      if (c.size() > 1) {
        expectedGroups.add(c);
      }
    }
    Set<Set<Integer>> actualGroups = new HashSet<>();
    groups.groups().forEach(g -> actualGroups.add(Set.copyOf(g)));
    assertEquals(expectedGroups, actualGroups, "seed " + seed);
    assertFalse(groups.groups().stream().anyMatch(g -> g.size() < 2), "seed " + seed);
  }

  private static List<Integer> naiveGroup(List<List<Integer>> naive, int x) {
    for (List<Integer> g : naive) {
      if (g.contains(x)) {
        return g;
      }
    }
    List<Integer> single = new ArrayList<>(List.of(x));
    naive.add(single);
    return single;
  }

  private static Set<Integer> component(int start, List<int[]> edges) {
    Set<Integer> seen = new HashSet<>(List.of(start));
    Deque<Integer> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      int x = queue.poll();
      for (int[] e : edges) {
        int y = e[0] == x ? e[1] : e[1] == x ? e[0] : -1;
        if (y >= 0 && seen.add(y)) {
          queue.add(y);
        }
      }
    }
    return seen;
  }
}
