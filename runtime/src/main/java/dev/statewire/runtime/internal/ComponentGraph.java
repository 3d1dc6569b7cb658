package dev.statewire.runtime.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Connected components of an undirected graph over path IDs, shared by sync and flip (docs/PIPELINE.md,
 * "Matching a change against a group", graph maintenance). Lookup of a path's group is O(1) (an array by path ID). Groups keep
 * the reference's order: a new group goes to the end; on a merge the larger group keeps its place
 * and the members of the smaller are appended (equal sizes: the group of the edge's second path
 * joins the group of its first); a split moves the part that no longer reaches the edge's first
 * path into a new group at the end, in breadth-first order.
 *
 * <p>Edges are either static (from the schema or instantiated for a container entry; never removed
 * by a runtime registration) or runtime. The same edge added twice is one edge.
 */
public final class ComponentGraph {

  /** Parent lookup, so that the graph can count members below each path. */
  public interface Tree {
    /** The parent of {@code id}, or -1 for the root. */
    int parent(int id);

    /** Whether {@code id} is a node path (record, map or list) that can have paths below it. */
    boolean isNode(int id);
  }

  /** One connected component: its members in order and its position in the group order. */
  public static final class Group {
    /** Position in the group order: groups sort by ascending {@code seq}. */
    public final long seq;
    /** Members in member order. */
    public final IntList members;

    Group(long seq, IntList members) {
      this.seq = seq;
      this.members = members;
    }

    @Override
    public String toString() {
      return "Group" + seq + members;
    }
  }

  private Group[] groupOf;
  /** Members strictly below each node path; sparse (a dense copy cost 40,000 B per 10,000 paths). */
  private IntCounts below;
  private final Map<Long, Boolean> edges;
  private final Map<Integer, IntList> adjacency;
  private final ArrayList<Group> order;
  private long nextSeq;
  /** Members that are node paths: when 0, no change can lie below a member (no child match). */
  private int nodeMembers;

  /** An empty graph with room for {@code capacity} path IDs. */
  public ComponentGraph(int capacity) {
    groupOf = new Group[Math.max(1, capacity)];
    below = new IntCounts();
    edges = new HashMap<>();
    adjacency = new HashMap<>();
    order = new ArrayList<>();
  }

  private ComponentGraph(ComponentGraph o) {
    IdentityHashMap<Group, Group> map = new IdentityHashMap<>();
    order = new ArrayList<>(o.order.size());
    for (Group g : o.order) {
      Group c = new Group(g.seq, new IntList(g.members));
      map.put(g, c);
      order.add(c);
    }
    groupOf = new Group[o.groupOf.length];
    for (int i = 0; i < groupOf.length; i++) {
      Group g = o.groupOf[i];
      groupOf[i] = g == null ? null : map.get(g);
    }
    below = o.below.copy();
    edges = new HashMap<>(o.edges);
    adjacency = new HashMap<>();
    for (Map.Entry<Integer, IntList> e : o.adjacency.entrySet()) {
      adjacency.put(e.getKey(), new IntList(e.getValue()));
    }
    nextSeq = o.nextSeq;
    nodeMembers = o.nodeMembers;
  }

  /** A deep copy: a store copies the schema's prebuilt graph before its first change to it. */
  public ComponentGraph copy() {
    return new ComponentGraph(this);
  }

  /** Makes room for path IDs below {@code capacity}. */
  public void ensureCapacity(int capacity) {
    if (capacity > groupOf.length) {
      int n = Math.max(capacity, groupOf.length * 2);
      groupOf = Arrays.copyOf(groupOf, n);
    }
  }

  /** The group of {@code id}, or {@code null}. */
  public Group group(int id) {
    return id < groupOf.length ? groupOf[id] : null;
  }

  /** Number of members that are node paths (so that changes below them are child matches). */
  public int nodeMembers() {
    return nodeMembers;
  }

  /** Number of group members strictly below {@code id}. */
  public int membersBelow(int id) {
    return below.get(id);
  }

  /** The groups, in group order. Do not modify. */
  public List<Group> groups() {
    return order;
  }

  /** Number of edges. */
  public int edgeCount() {
    return edges.size();
  }

  /** Whether there are no edges. */
  public boolean isEmpty() {
    return edges.isEmpty();
  }

  private static long key(int a, int b) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    return ((long) lo << 32) | (hi & 0xFFFFFFFFL);
  }

  /** Whether the edge {@code a–b} exists. */
  public boolean hasEdge(int a, int b) {
    return edges.containsKey(key(a, b));
  }

  /** Whether the edge {@code a–b} exists and is static. */
  public boolean isStaticEdge(int a, int b) {
    return Boolean.TRUE.equals(edges.get(key(a, b)));
  }

  /** The neighbours of {@code id} (not counting a self edge); empty if none. */
  public IntList neighbours(int id) {
    IntList l = adjacency.get(id);
    return l == null ? new IntList(1) : l;
  }

  /**
   * Adds the edge {@code a–b}. An existing edge is kept (a runtime edge added again as static
   * becomes static).
   *
   * @return whether a new edge was added
   */
  public boolean addEdge(int a, int b, boolean isStatic, Tree tree) {
    ensureCapacity(Math.max(a, b) + 1);
    long k = key(a, b);
    Boolean existing = edges.get(k);
    if (existing != null) {
      if (isStatic && !existing) {
        edges.put(k, Boolean.TRUE);
      }
      return false;
    }
    edges.put(k, isStatic);
    if (a != b) {
      adjacency.computeIfAbsent(a, x -> new IntList(2)).add(b);
      adjacency.computeIfAbsent(b, x -> new IntList(2)).add(a);
    }
    Group ga = groupOf[a];
    Group gb = groupOf[b];
    if (a == b) {
      if (ga == null) {
        newGroup(tree, a);
      }
    } else if (ga == null && gb == null) {
      newGroup(tree, a, b);
    } else if (ga == null) {
      join(gb, a, tree);
    } else if (gb == null) {
      join(ga, b, tree);
    } else if (ga != gb) {
      Group keep = ga.members.size() >= gb.members.size() ? ga : gb;
      Group gone = keep == ga ? gb : ga;
      for (int i = 0; i < gone.members.size(); i++) {
        int m = gone.members.get(i);
        keep.members.add(m);
        groupOf[m] = keep;
      }
      order.remove(gone);
    }
    return true;
  }

  /**
   * Adds prebuilt groups and their static edges at once, without replaying the edges one by one:
   * {@code rows} are groups in group order, each with its members in member order, as {@link
   * GroupTables#groups} computes them from {@code pairs}; both are shifted by {@code offset} (0
   * for a schema's static groups, an entry's base minus its template root for an entry's). The
   * groups go to the end of the group order, which is where adding {@code pairs} in turn would
   * put them, since none of their paths is in a group yet.
   *
   * <p>Checked, cheaply: every member is new to the graph and in one row only, both ends of each
   * pair are in the same row, and every member is an end of a pair. Whether the rows are the
   * components in the order the pairs give is not checked (that would mean computing them); the
   * tables come from {@link GroupTables}.
   *
   * @throws IllegalArgumentException if the rows and the pairs do not fit together
   */
  public void addGroups(int[][] rows, int[][] pairs, int offset, Tree tree) {
    int max = -1;
    for (int[] row : rows) {
      for (int m : row) {
        max = Math.max(max, m + offset);
      }
    }
    for (int[] p : pairs) {
      max = Math.max(max, Math.max(p[0], p[1]) + offset);
    }
    ensureCapacity(max + 1);
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length == 0) {
        throw new IllegalArgumentException("group " + r + " has no members");
      }
      Group g = new Group(nextSeq++, new IntList(rows[r].length));
      order.add(g);
      for (int m : rows[r]) {
        if (m + offset < 0 || groupOf[m + offset] != null) {
          throw new IllegalArgumentException(
              "group " + r + ": path " + m + " is " + (m + offset < 0 ? "out of range" : "in two groups"));
        }
        join(g, m + offset, tree);
      }
    }
    for (int[] p : pairs) {
      int a = p[0] + offset;
      int b = p[1] + offset;
      if (groupOf[a] == null || groupOf[a] != groupOf[b]) {
        throw new IllegalArgumentException(
            "pair " + p[0] + " – " + p[1] + " does not lie in one of the given groups");
      }
      if (edges.put(key(a, b), Boolean.TRUE) == null && a != b) {
        adjacency.computeIfAbsent(a, x -> new IntList(2)).add(b);
        adjacency.computeIfAbsent(b, x -> new IntList(2)).add(a);
      }
    }
    for (int[] row : rows) {
      for (int m : row) {
        if (!hasEdges(m + offset)) {
          throw new IllegalArgumentException("group member " + m + " is not an end of any pair");
        }
      }
    }
  }

  /**
   * Removes the edge {@code a–b}: an end left with no edges leaves its group, and a group that is
   * no longer connected splits.
   *
   * @return whether the edge existed
   */
  public boolean removeEdge(int a, int b, Tree tree) {
    if (edges.remove(key(a, b)) == null) {
      return false;
    }
    if (a != b) {
      dropNeighbour(a, b);
      dropNeighbour(b, a);
    }
    Group g = groupOf[a];
    if (!hasEdges(a)) {
      leave(g, a, tree);
    }
    if (a != b && !hasEdges(b)) {
      leave(g, b, tree);
    }
    if (g.members.isEmpty()) {
      order.remove(g);
      return true;
    }
    if (a != b && hasEdges(a) && hasEdges(b)) {
      boolean[] reached = reach(g, a);
      int bi = g.members.indexOf(b);
      if (!reached[bi]) {
        split(g, b, tree);
      }
    }
    return true;
  }

  private void dropNeighbour(int id, int gone) {
    IntList nb = adjacency.get(id);
    nb.removeValue(gone);
    if (nb.isEmpty()) {
      adjacency.remove(id);
    }
  }

  /** Whether {@code id} is an end of any edge (a self edge included). */
  private boolean hasEdges(int id) {
    return adjacency.containsKey(id) || edges.containsKey(key(id, id));
  }

  private boolean[] reach(Group g, int start) {
    boolean[] seen = new boolean[g.members.size()];
    IntList queue = new IntList();
    queue.add(start);
    seen[g.members.indexOf(start)] = true;
    for (int qi = 0; qi < queue.size(); qi++) {
      IntList nb = neighbours(queue.get(qi));
      for (int j = 0; j < nb.size(); j++) {
        int n = nb.get(j);
        int idx = g.members.indexOf(n);
        if (!seen[idx]) {
          seen[idx] = true;
          queue.add(n);
        }
      }
    }
    return seen;
  }

  private void split(Group g, int start, Tree tree) {
    IntList part = new IntList();
    part.add(start);
    java.util.HashSet<Integer> in = new java.util.HashSet<>();
    in.add(start);
    for (int qi = 0; qi < part.size(); qi++) {
      IntList nb = neighbours(part.get(qi));
      for (int j = 0; j < nb.size(); j++) {
        int n = nb.get(j);
        if (in.add(n)) {
          part.add(n);
        }
      }
    }
    Group ng = new Group(nextSeq++, part);
    order.add(ng);
    for (int i = 0; i < part.size(); i++) {
      int m = part.get(i);
      g.members.removeValue(m);
      groupOf[m] = ng;
    }
  }

  private void newGroup(Tree tree, int... members) {
    Group g = new Group(nextSeq++, new IntList(4));
    order.add(g);
    for (int m : members) {
      join(g, m, tree);
    }
  }

  private void join(Group g, int m, Tree tree) {
    g.members.add(m);
    groupOf[m] = g;
    if (tree.isNode(m)) {
      nodeMembers++;
    }
    for (int p = tree.parent(m); p >= 0; p = tree.parent(p)) {
      below.add(p, 1);
    }
  }

  private void leave(Group g, int m, Tree tree) {
    g.members.removeValue(m);
    groupOf[m] = null;
    if (tree.isNode(m)) {
      nodeMembers--;
    }
    for (int p = tree.parent(m); p >= 0; p = tree.parent(p)) {
      below.add(p, -1);
    }
  }
}
