package dev.statewire.processor.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Union-find with parity over path IDs: sync edges say "equal" (parity 0), flip edges say
 * "opposite" (parity 1). An edge whose ends are already connected with the other parity is a
 * contradiction; {@link #add} then returns the cycle of edges that proves it (the path between the
 * ends in the spanning forest, then the new edge).
 *
 * @param <L> the label of an edge (where it was declared)
 */
public final class ParityGraph<L> {
  /** An edge and its label. */
  public record Edge<L>(int a, int b, boolean opposite, L label) {}

  private final Map<Integer, Integer> parent = new HashMap<>();
  private final Map<Integer, Boolean> parityToParent = new HashMap<>();
  private final Map<Integer, List<Edge<L>>> forest = new HashMap<>();

  /**
   * Adds an edge. Returns an empty list if it is consistent with the edges so far (it is then part
   * of the graph), or the contradicting cycle, ending with this edge (it is then not added).
   */
  public List<Edge<L>> add(int a, int b, boolean opposite, L label) {
    Edge<L> edge = new Edge<>(a, b, opposite, label);
    int ra = find(a);
    int rb = find(b);
    boolean pa = parity(a);
    boolean pb = parity(b);
    if (ra == rb) {
      if ((pa ^ pb) != opposite) {
        List<Edge<L>> cycle = treePath(a, b);
        cycle.add(edge);
        return cycle;
      }
      return List.of();
    }
    parent.put(ra, rb);
    parityToParent.put(ra, pa ^ pb ^ opposite);
    forest.computeIfAbsent(a, k -> new ArrayList<>()).add(edge);
    forest.computeIfAbsent(b, k -> new ArrayList<>()).add(edge);
    return List.of();
  }

  private int find(int x) {
    int p = parent.getOrDefault(x, x);
    if (p == x) {
      return x;
    }
    int root = find(p);
    if (root != p) {
      parityToParent.put(x, parityToParent.getOrDefault(x, false) ^ parityToParent.getOrDefault(p, false));
      parent.put(x, root);
    }
    return root;
  }

  /** Parity of {@code x} relative to its root (call after {@link #find}). */
  private boolean parity(int x) {
    find(x);
    return parent.getOrDefault(x, x) == x ? false : parityToParent.getOrDefault(x, false);
  }

  /** The forest edges on the way from {@code from} to {@code to}, which are connected. */
  private List<Edge<L>> treePath(int from, int to) {
    Map<Integer, Edge<L>> via = new HashMap<>();
    Deque<Integer> queue = new ArrayDeque<>();
    queue.add(from);
    via.put(from, null);
    while (!queue.isEmpty()) {
      int x = queue.poll();
      if (x == to) {
        break;
      }
      for (Edge<L> e : forest.getOrDefault(x, List.of())) {
        int y = e.a() == x ? e.b() : e.a();
        if (!via.containsKey(y)) {
          via.put(y, e);
          queue.add(y);
        }
      }
    }
    List<Edge<L>> path = new ArrayList<>();
    for (int x = to; x != from; ) {
      Edge<L> e = via.get(x);
      path.add(e);
      x = e.a() == x ? e.b() : e.a();
    }
    Collections.reverse(path);
    return path;
  }
}
