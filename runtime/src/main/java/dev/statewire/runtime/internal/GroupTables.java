package dev.statewire.runtime.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The static sync or flip components of a schema as plain tables: one row per group, in group
 * order, holding the group's members in member order (PIPELINE.md §4). This is the one place
 * that computes them: the annotation processor calls {@link #groups} to write the tables into a
 * generated schema, and a schema built by hand without tables gets them from the same call, so a
 * generated schema and a hand-built one with the same pairs hold the same tables.
 *
 * <p>The rule is the runtime's own: the pairs are added to a {@link ComponentGraph} one after
 * the other in declaration order, exactly as registering them would, and the tables are read off
 * its groups. Pairs inside an entry template give the groups of one entry (in template IDs);
 * they never share a path with a pair outside it, so one graph holds both kinds of group.
 */
public final class GroupTables {
  private GroupTables() {}

  /** A tree without node paths: table rows need no member counts below paths. */
  private static final ComponentGraph.Tree FLAT =
      new ComponentGraph.Tree() {
        @Override
        public int parent(int id) {
          return -1;
        }

        @Override
        public boolean isNode(int id) {
          return false;
        }
      };

  /**
   * The components of {@code pairs} ({@code {a, b}} rows over path IDs below {@code size}) in
   * group order, each row the members of one group in member order.
   */
  public static int[][] groups(int size, int[][] pairs) {
    ComponentGraph graph = new ComponentGraph(size);
    for (int[] p : pairs) {
      graph.addEdge(p[0], p[1], true, FLAT);
    }
    List<ComponentGraph.Group> order = graph.groups();
    int[][] rows = new int[order.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = order.get(i).members.toArray();
    }
    return rows;
  }

  /**
   * The parity of each member of {@code groups} relative to the first member of its group, over
   * flip pairs: 0 when an even number of flips lies between them (the member holds the first
   * member's value), 1 when an odd number does (it holds the negation). Rows match
   * {@code groups}. Parities are found breadth-first from the first member; in a group whose
   * pairs form an odd cycle (the processor rejects it, a hand-built schema may have one) they
   * are the parities along that breadth-first tree.
   */
  public static int[][] parities(int[][] groups, int[][] flipPairs) {
    Map<Integer, List<Integer>> adjacent = new HashMap<>();
    for (int[] p : flipPairs) {
      if (p[0] != p[1]) {
        adjacent.computeIfAbsent(p[0], x -> new ArrayList<>()).add(p[1]);
        adjacent.computeIfAbsent(p[1], x -> new ArrayList<>()).add(p[0]);
      }
    }
    int[][] out = new int[groups.length][];
    for (int g = 0; g < groups.length; g++) {
      int[] members = groups[g];
      Map<Integer, Integer> parity = new HashMap<>();
      IntList queue = new IntList(members.length);
      queue.add(members[0]);
      parity.put(members[0], 0);
      for (int qi = 0; qi < queue.size(); qi++) {
        int m = queue.get(qi);
        for (int n : adjacent.getOrDefault(m, List.of())) {
          if (!parity.containsKey(n)) {
            parity.put(n, 1 - parity.get(m));
            queue.add(n);
          }
        }
      }
      out[g] = new int[members.length];
      for (int i = 0; i < members.length; i++) {
        Integer p = parity.get(members[i]);
        if (p == null) {
          throw new IllegalArgumentException(
              "flip group " + g + ": member " + members[i] + " is not connected to " + members[0]);
        }
        out[g][i] = p;
      }
    }
    return out;
  }
}
