package dev.statewire.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The prebuilt component tables: {@link GroupTables} gives the groups that adding the pairs in
 * turn gives (PIPELINE.md §4 order), and a graph made from them with {@link
 * ComponentGraph#addGroups} is the graph that adding the pairs in turn builds, down to member
 * counts and what later runtime edges do to it.
 */
class GroupTablesTest {
  /** A binary tree over IDs 0..62: parent of i is (i - 1) / 2, so members have paths below them. */
  private static final ComponentGraph.Tree TREE =
      new ComponentGraph.Tree() {
        @Override
        public int parent(int id) {
          return id == 0 ? -1 : (id - 1) / 2;
        }

        @Override
        public boolean isNode(int id) {
          return id < 31;
        }
      };

  @Test
  void mergeOrderFollowsTheRuntimeRule() {
    // {1,2} then {3,4} then 4–1: equal sizes, so the group of the second path (1) joins the group
    // of the first (4): {3,4,1,2}, which keeps the place of {3,4} (the second group)
    int[][] rows = GroupTables.groups(8, new int[][] {{1, 2}, {3, 4}, {4, 1}, {6, 6}});
    assertArrayEquals(new int[][] {{3, 4, 1, 2}, {6}}, rows);
  }

  @Test
  void paritiesAlternateAlongFlips() {
    int[][] pairs = {{1, 2}, {2, 3}, {5, 4}};
    int[][] rows = GroupTables.groups(8, pairs);
    assertArrayEquals(new int[][] {{1, 2, 3}, {5, 4}}, rows);
    assertArrayEquals(new int[][] {{0, 1, 0}, {0, 1}}, GroupTables.parities(rows, pairs));
  }

  @Test
  void rowsThatDoNotFitThePairsAreRefused() {
    ComponentGraph g = new ComponentGraph(8);
    assertThrows(IllegalArgumentException.class,
        () -> g.addGroups(new int[][] {{1, 2}, {3}}, new int[][] {{1, 3}}, 0, TREE));
    assertThrows(IllegalArgumentException.class,
        () -> new ComponentGraph(8).addGroups(new int[][] {{1, 2}, {2, 3}}, new int[][] {{1, 2}, {2, 3}}, 0, TREE));
    assertThrows(IllegalArgumentException.class,
        () -> new ComponentGraph(8).addGroups(new int[][] {{1, 2, 5}}, new int[][] {{1, 2}}, 0, TREE));
  }

  /** Random pairs: the graph made from the tables equals the graph the pairs build one by one. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 42, 2026})
  void prebuiltGraphEqualsTheReplayedOne(long seed) {
    Random rnd = new Random(seed);
    int offset = rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(20);
    int[][] pairs = new int[rnd.nextInt(40)][];
    for (int i = 0; i < pairs.length; i++) {
      pairs[i] = new int[] {1 + rnd.nextInt(40), rnd.nextInt(8) == 0 ? -1 : 1 + rnd.nextInt(40)};
      if (pairs[i][1] < 0) {
        pairs[i][1] = pairs[i][0]; // a self pair now and then
      }
    }
    ComponentGraph replayed = new ComponentGraph(64);
    for (int[] p : pairs) {
      replayed.addEdge(p[0] + offset, p[1] + offset, true, TREE);
    }
    ComponentGraph prebuilt = new ComponentGraph(64);
    prebuilt.addGroups(GroupTables.groups(64, pairs), pairs, offset, TREE);
    String context = "seed " + seed;
    assertSame(replayed, prebuilt, context);
    // later runtime edges (joins, merges, splits) treat both alike
    for (int step = 0; step < 60; step++) {
      int a = 1 + rnd.nextInt(62);
      int b = 1 + rnd.nextInt(62);
      if (rnd.nextBoolean()) {
        assertEquals(replayed.addEdge(a, b, false, TREE), prebuilt.addEdge(a, b, false, TREE), context);
      } else if (pairs.length > 0) {
        int[] p = pairs[rnd.nextInt(pairs.length)];
        a = p[0] + offset;
        b = p[1] + offset;
        assertEquals(replayed.removeEdge(a, b, TREE), prebuilt.removeEdge(a, b, TREE), context);
      }
      assertSame(replayed, prebuilt, context + " step " + step);
    }
  }

  private static void assertSame(ComponentGraph expected, ComponentGraph actual, String context) {
    assertEquals(rows(expected), rows(actual), context + ": groups");
    assertEquals(expected.edgeCount(), actual.edgeCount(), context + ": edges");
    assertEquals(expected.nodeMembers(), actual.nodeMembers(), context + ": node members");
    for (int id = 0; id < 63; id++) {
      assertEquals(expected.membersBelow(id), actual.membersBelow(id), context + ": members below " + id);
      assertEquals(expected.neighbours(id).toString(), actual.neighbours(id).toString(), context + ": neighbours of " + id);
      for (int other = 0; other < 63; other += 7) {
        assertEquals(expected.isStaticEdge(id, other), actual.isStaticEdge(id, other), context);
      }
    }
  }

  private static List<String> rows(ComponentGraph g) {
    List<String> out = new ArrayList<>();
    for (ComponentGraph.Group grp : g.groups()) {
      out.add(grp.members.toString());
    }
    return out;
  }
}
