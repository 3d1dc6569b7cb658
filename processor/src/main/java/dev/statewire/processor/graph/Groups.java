package dev.statewire.processor.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Connected components of undirected edges over path IDs, with members in the order they joined.
 * Enough to name the groups in messages; the groups a generated schema carries (with PIPELINE.md
 * §4 ordering) come from the runtime's {@code GroupTables}.
 */
public final class Groups {
  private final Map<Integer, Integer> parent = new HashMap<>();
  private final Map<Integer, List<Integer>> members = new LinkedHashMap<>();

  /**
   * Connects {@code a} and {@code b}. Returns the members of the group they were in before, as
   * {@code [groupOfA, groupOfB]}, or {@code null} if they were already connected.
   */
  public List<List<Integer>> connect(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return null;
    }
    List<Integer> ma = members.remove(ra);
    List<Integer> mb = members.remove(rb);
    List<List<Integer>> before = List.of(List.copyOf(ma), List.copyOf(mb));
    parent.put(rb, ra);
    ma.addAll(mb);
    members.put(ra, ma);
    return before;
  }

  /** The members of the group of {@code x} ({@code [x]} if it has no edges). */
  public List<Integer> group(int x) {
    return List.copyOf(members.getOrDefault(find(x), List.of(x)));
  }

  /** Whether {@code x} has at least one edge to another path. */
  public boolean isGrouped(int x) {
    return members.getOrDefault(find(x), List.of()).size() > 1;
  }

  /** Every group with at least two members, in order of creation. */
  public List<List<Integer>> groups() {
    List<List<Integer>> out = new ArrayList<>();
    for (List<Integer> m : members.values()) {
      if (m.size() > 1) {
        out.add(List.copyOf(m));
      }
    }
    return out;
  }

  private int find(int x) {
    if (!members.containsKey(x) && !parent.containsKey(x)) {
      List<Integer> m = new ArrayList<>();
      m.add(x);
      members.put(x, m);
      return x;
    }
    int p = parent.getOrDefault(x, x);
    if (p == x) {
      return x;
    }
    int root = find(p);
    parent.put(x, root);
    return root;
  }
}
