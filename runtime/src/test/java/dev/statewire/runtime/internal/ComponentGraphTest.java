package dev.statewire.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.internal.ComponentGraph.Group;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ComponentGraphTest {
  /** A flat tree: every path is a leaf child of the root 0. */
  private static final ComponentGraph.Tree FLAT =
      new ComponentGraph.Tree() {
        @Override
        public int parent(int id) {
          return id == 0 ? -1 : 0;
        }

        @Override
        public boolean isNode(int id) {
          return id == 0;
        }
      };

  /** Root 0 with node 1 (children 2 and 3) and leaves 4 and 5. */
  private static final ComponentGraph.Tree NESTED =
      new ComponentGraph.Tree() {
        @Override
        public int parent(int id) {
          return id == 0 ? -1 : id == 2 || id == 3 ? 1 : 0;
        }

        @Override
        public boolean isNode(int id) {
          return id <= 1;
        }
      };

  private static int[] members(ComponentGraph g, int id) {
    return g.group(id).members.toArray();
  }

  private static List<int[]> groups(ComponentGraph g) {
    List<int[]> out = new ArrayList<>();
    for (Group grp : g.groups()) {
      out.add(grp.members.toArray());
    }
    return out;
  }

  @Test
  void newEdgeMakesAGroupInEdgeOrder() {
    ComponentGraph g = new ComponentGraph(10);
    assertTrue(g.addEdge(1, 2, false, FLAT));
    assertArrayEquals(new int[] {1, 2}, members(g, 1));
    assertSame(g.group(1), g.group(2));
    assertEquals(2, g.membersBelow(0));
  }

  @Test
  void joiningAppendsTheNewPath() {
    ComponentGraph g = new ComponentGraph(10);
    g.addEdge(1, 2, false, FLAT);
    g.addEdge(3, 2, false, FLAT);
    assertArrayEquals(new int[] {1, 2, 3}, members(g, 3));
  }

  @Test
  void mergeAppendsSmallerToLargerWhichKeepsItsPlace() {
    ComponentGraph g = new ComponentGraph(20);
    g.addEdge(1, 2, false, FLAT); // group A = {1,2}
    g.addEdge(5, 6, false, FLAT); // group B = {5,6}
    g.addEdge(6, 7, false, FLAT); // B = {5,6,7}
    g.addEdge(1, 5, false, FLAT); // A (2) merges into B (3); B keeps its place (second)
    assertEquals(1, g.groups().size());
    assertArrayEquals(new int[] {5, 6, 7, 1, 2}, members(g, 1));
  }

  @Test
  void mergeOfEqualSizesMovesSecondPathsGroupIntoFirsts() {
    ComponentGraph g = new ComponentGraph(20);
    g.addEdge(1, 2, false, FLAT);
    g.addEdge(3, 4, false, FLAT);
    g.addEdge(9, 8, false, FLAT);
    g.addEdge(3, 1, false, FLAT); // equal sizes: group of 1 (second) joins group of 3 (first)
    List<int[]> gs = groups(g);
    assertEquals(2, gs.size());
    assertArrayEquals(new int[] {3, 4, 1, 2}, gs.get(0));
    assertArrayEquals(new int[] {9, 8}, gs.get(1));
  }

  @Test
  void duplicateEdgeIsOneEdgeAndSelfEdgeIsOneMemberGroup() {
    ComponentGraph g = new ComponentGraph(10);
    assertTrue(g.addEdge(1, 2, false, FLAT));
    assertFalse(g.addEdge(2, 1, false, FLAT));
    assertEquals(1, g.edgeCount());
    assertTrue(g.addEdge(4, 4, false, FLAT));
    assertArrayEquals(new int[] {4}, members(g, 4));
    assertTrue(g.removeEdge(4, 4, FLAT));
    assertNull(g.group(4));
  }

  @Test
  void removingTheOnlyEdgeOfAPathMakesItLeave() {
    ComponentGraph g = new ComponentGraph(10);
    g.addEdge(1, 2, false, FLAT);
    g.addEdge(2, 3, false, FLAT);
    g.removeEdge(2, 3, FLAT);
    assertNull(g.group(3));
    assertArrayEquals(new int[] {1, 2}, members(g, 1));
    g.removeEdge(1, 2, FLAT);
    assertTrue(g.groups().isEmpty());
    assertEquals(0, g.membersBelow(0));
  }

  @Test
  void splitMovesThePartNotReachingTheFirstPathToTheEndBreadthFirst() {
    ComponentGraph g = new ComponentGraph(20);
    g.addEdge(10, 11, false, FLAT); // an earlier group stays first
    // chain 1-2-3-4 plus 3-5: remove 2-3 -> {3,4,5} splits off, BFS from 3: 3, 4, 5
    g.addEdge(1, 2, false, FLAT);
    g.addEdge(2, 3, false, FLAT);
    g.addEdge(3, 4, false, FLAT);
    g.addEdge(3, 5, false, FLAT);
    g.addEdge(12, 13, false, FLAT); // a later group
    g.removeEdge(2, 3, FLAT);
    List<int[]> gs = groups(g);
    assertEquals(4, gs.size());
    assertArrayEquals(new int[] {10, 11}, gs.get(0));
    assertArrayEquals(new int[] {1, 2}, gs.get(1));
    assertArrayEquals(new int[] {12, 13}, gs.get(2));
    assertArrayEquals(new int[] {3, 4, 5}, gs.get(3));
  }

  @Test
  void cycleDoesNotSplit() {
    ComponentGraph g = new ComponentGraph(10);
    g.addEdge(1, 2, false, FLAT);
    g.addEdge(2, 3, false, FLAT);
    g.addEdge(3, 1, false, FLAT);
    g.removeEdge(1, 2, FLAT);
    assertEquals(1, g.groups().size());
    assertArrayEquals(new int[] {1, 2, 3}, members(g, 1));
  }

  @Test
  void copyIsIndependent() {
    ComponentGraph g = new ComponentGraph(10);
    g.addEdge(1, 2, true, FLAT);
    ComponentGraph c = g.copy();
    c.addEdge(2, 3, false, FLAT);
    assertArrayEquals(new int[] {1, 2}, members(g, 1));
    assertArrayEquals(new int[] {1, 2, 3}, members(c, 1));
    assertTrue(c.isStaticEdge(1, 2));
    assertFalse(c.isStaticEdge(2, 3));
  }

  /** Components always equal the connected components of the edge set (seeded random). */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void componentsMatchConnectivity(long seed) {
    Random rnd = new Random(seed);
    ComponentGraph g = new ComponentGraph(40);
    Set<Long> edges = new HashSet<>();
    for (int step = 0; step < 2000; step++) {
      int a = 1 + rnd.nextInt(30);
      int b = 1 + rnd.nextInt(30);
      long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
      if (rnd.nextInt(3) == 0 && !edges.isEmpty()) {
        Long any = edges.iterator().next();
        g.removeEdge((int) (any >> 32), (int) (long) any, FLAT);
        edges.remove(any);
      } else if (edges.add(key)) {
        assertTrue(g.addEdge(a, b, false, FLAT), "seed " + seed + " step " + step);
      }
      // check: same group iff connected; a path with no edge has no group
      for (int x = 1; x <= 30; x++) {
        boolean hasEdge = false;
        for (long e : edges) {
          if ((int) (e >> 32) == x || (int) e == x) {
            hasEdge = true;
          }
        }
        assertEquals(hasEdge, g.group(x) != null, "seed " + seed + " step " + step + " path " + x);
      }
      int x = 1 + rnd.nextInt(30);
      int y = 1 + rnd.nextInt(30);
      if (g.group(x) != null && g.group(y) != null) {
        assertEquals(connected(edges, x, y), g.group(x) == g.group(y),
            "seed " + seed + " step " + step + ": " + x + " ~ " + y);
      }
    }
    assertEquals(edges.size(), g.edgeCount());
  }

  private static boolean connected(Set<Long> edges, int x, int y) {
    Set<Integer> seen = new HashSet<>();
    List<Integer> work = new ArrayList<>(List.of(x));
    seen.add(x);
    while (!work.isEmpty()) {
      int n = work.remove(work.size() - 1);
      if (n == y) {
        return true;
      }
      for (long e : edges) {
        int a = (int) (e >> 32);
        int b = (int) e;
        int other = a == n ? b : b == n ? a : -1;
        if (other >= 0 && seen.add(other)) {
          work.add(other);
        }
      }
    }
    return false;
  }

  @Test
  void addEdgeGrowsTheGraphForPathsBeyondItsCapacity() {
    ComponentGraph g = new ComponentGraph(2);
    assertTrue(g.addEdge(1, 5, false, FLAT));
    assertArrayEquals(new int[] {1, 5}, members(g, 5));
    assertTrue(g.hasEdge(5, 1));
  }

  @Test
  void hasEdgeAndRemoveEdgeAnswerForEdgesThatDoNotExist() {
    ComponentGraph g = new ComponentGraph(10);
    g.addEdge(1, 2, false, FLAT);
    g.addEdge(2, 3, false, FLAT);
    assertFalse(g.hasEdge(1, 3));
    assertFalse(g.removeEdge(1, 3, FLAT));
    assertEquals(2, g.edgeCount());
    assertTrue(g.removeEdge(2, 1, FLAT), "an edge whose group goes on");
    assertFalse(g.hasEdge(1, 2));
    assertArrayEquals(new int[] {2, 3}, members(g, 3));
  }

  @Test
  void aRuntimeEdgeAddedAgainAsStaticBecomesStaticButNeverTheReverse() {
    ComponentGraph g = new ComponentGraph(10);
    g.addEdge(1, 2, false, FLAT);
    assertFalse(g.addEdge(2, 1, true, FLAT));
    assertTrue(g.isStaticEdge(1, 2));
    g.addEdge(3, 4, true, FLAT);
    assertFalse(g.addEdge(3, 4, false, FLAT));
    assertTrue(g.isStaticEdge(3, 4));
    g.addEdge(5, 6, false, FLAT);
    assertFalse(g.addEdge(5, 6, false, FLAT));
    assertFalse(g.isStaticEdge(5, 6));
    assertEquals(3, g.edgeCount());
  }

  @Test
  void nodeMembersAndMembersBelowFollowJoinsAndLeaves() {
    ComponentGraph g = new ComponentGraph(6);
    g.addEdge(1, 4, false, NESTED); // node 1 with leaf 4
    g.addEdge(2, 5, false, NESTED); // 2 is below node 1
    assertEquals(1, g.nodeMembers());
    assertEquals(1, g.membersBelow(1));
    assertEquals(4, g.membersBelow(0));
    g.removeEdge(1, 4, NESTED);
    assertEquals(0, g.nodeMembers());
    assertEquals(1, g.membersBelow(1));
    assertEquals(2, g.membersBelow(0));
  }

  @Test
  void groupsMadeBySplitsAndLaterEdgesComeAfterInSeq() {
    ComponentGraph g = new ComponentGraph(10);
    g.addEdge(1, 2, false, FLAT);
    g.addEdge(2, 3, false, FLAT);
    g.addEdge(3, 4, false, FLAT);
    g.removeEdge(2, 3, FLAT); // {3, 4} splits off
    g.addEdge(7, 8, false, FLAT);
    List<Group> gs = g.groups();
    assertEquals(3, gs.size());
    assertArrayEquals(new int[] {7, 8}, gs.get(2).members.toArray());
    assertTrue(gs.get(0).seq < gs.get(1).seq && gs.get(1).seq < gs.get(2).seq,
        "seqs " + gs.get(0).seq + ", " + gs.get(1).seq + ", " + gs.get(2).seq);
    assertEquals("Group" + gs.get(1).seq + "[3, 4]", gs.get(1).toString());
  }

  @Test
  void addGroupsShiftsRowsAndPairsByTheOffsetAndGrowsTheGraph() {
    ComponentGraph g = new ComponentGraph(1);
    g.addGroups(new int[][] {{1, 2}, {3}}, new int[][] {{1, 2}, {3, 3}}, 10, FLAT);
    assertArrayEquals(new int[] {11, 12}, members(g, 12));
    assertArrayEquals(new int[] {13}, members(g, 13));
    assertNull(g.group(1));
    assertTrue(g.isStaticEdge(11, 12));
    assertTrue(g.isStaticEdge(13, 13));
    assertArrayEquals(new int[] {12}, g.neighbours(11).toArray());
    assertEquals(3, g.membersBelow(0));
    // the groups follow those already there, and a later edge's group follows them
    g.addEdge(20, 21, false, FLAT);
    assertEquals(3, g.groups().size());
    assertTrue(g.groups().get(1).seq < g.groups().get(2).seq);
  }

  @Test
  void addGroupsTakesTheRootAsAMember() {
    ComponentGraph g = new ComponentGraph(3);
    g.addGroups(new int[][] {{0, 1}}, new int[][] {{0, 1}}, 0, FLAT);
    assertArrayEquals(new int[] {0, 1}, members(g, 0));
  }

  @Test
  void addGroupsRefusesRowsAndPairsThatDoNotFit() {
    ComponentGraph g = new ComponentGraph(1);
    assertEquals("group 1: path 0 is in two groups", assertThrows(IllegalArgumentException.class,
        () -> g.addGroups(new int[][] {{0, 1}, {0, 2}}, new int[][] {{0, 1}}, 0, FLAT)).getMessage());
    assertEquals("group 0: path 1 is out of range", assertThrows(IllegalArgumentException.class,
        () -> new ComponentGraph(1).addGroups(new int[][] {{1}}, new int[][] {}, -5, FLAT)).getMessage());
    // a member or a pair end beyond the others: the graph grows for it before it is refused
    assertEquals("group member 20 is not an end of any pair", assertThrows(IllegalArgumentException.class,
        () -> new ComponentGraph(1).addGroups(new int[][] {{1, 2, 20}}, new int[][] {{1, 2}}, 10, FLAT))
        .getMessage());
    assertEquals("pair 1 – 25 does not lie in one of the given groups", assertThrows(IllegalArgumentException.class,
        () -> new ComponentGraph(1).addGroups(new int[][] {{1, 2}}, new int[][] {{1, 2}, {1, 25}}, 10, FLAT))
        .getMessage());
  }
}
