package dev.statewire.runtime.internal;

import dev.statewire.runtime.PathKind;
import dev.statewire.runtime.ValueCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The validated static tables of a schema plus everything derived from them once per JVM: depth,
 * subtree ranges, child ordinals, entry templates, the prebuilt sync and flip components and the
 * wiring that is instantiated per container entry. Shared, never modified after construction.
 */
public final class SchemaTables implements ComponentGraph.Tree {
  /** Number of static path IDs. */
  public final int size;
  public final String[] names;
  public final int[] parents;
  public final PathKind[] kinds;
  public final Class<?>[] types;
  /**
   * The generic type of each path as one string, e.g. {@code java.util.List<java.lang.String>}:
   * runtime wiring compares these, so that {@code List<String>} and {@code List<Item>} differ.
   * Given by generated schemas; derived from {@link #types} (and the entry type of containers)
   * when a schema is built without them.
   */
  public final String[] typeNames;
  public final ValueCodec codec;
  /** Depth (number of segments) per path; 0 for the root. */
  public final int[] depth;
  /** Exclusive end of each path's subtree in ID order. */
  public final int[] end;
  /** Position of each path among its parent's children (component ordinal). */
  public final int[] ordinal;
  /** Children of each record path, in declaration order (empty for other kinds). */
  public final int[][] children;
  /** The innermost entry template root at or above each path, or -1 for paths outside templates. */
  public final int[] templateRoot;
  /** The entry template child of each container path, or -1. */
  public final int[] entryTemplate;
  /**
   * For each string or primitive path, entry template paths included, the one class its values
   * have (primitives boxed); {@code null} for every other path: with the path's template, the write
   * check of such a value in one read and one class comparison.
   */
  public final Class<?>[] leafTypes;

  public final int[][] syncPairs;
  public final int[][] flipPairs;
  public final int[][] aggregations;
  /** Scope (template root, or -1) of each aggregation: the innermost template of its target. */
  public final int[] aggregationScope;

  /**
   * The sync components, one row per group in group order with its members in member order
   * (PIPELINE.md §4), entry template groups included (in template IDs): given by generated
   * schemas, computed by {@link GroupTables} from the pairs otherwise.
   */
  public final int[][] syncGroups;
  /** The flip components, in the form of {@link #syncGroups}. */
  public final int[][] flipGroups;
  /**
   * Per row of {@link #flipGroups}, each member's parity against the group's first member (0:
   * the same value, 1: the negation); see {@link GroupTables#parities}.
   */
  public final int[][] flipParities;
  /**
   * The sync and flip components outside entry templates, made from the rows of {@link
   * #syncGroups} and {@link #flipGroups} as they stand: no group is computed from pairs here.
   */
  public final ComponentGraph staticSync;
  public final ComponentGraph staticFlip;
  /**
   * The rows of {@link #syncGroups} and {@link #flipGroups} inside each entry template (indexed
   * by template root; null when none): the groups of one entry, in template IDs.
   */
  public final int[][][] templateSyncGroups;
  public final int[][][] templateFlipGroups;
  /** Pairs inside each entry template (indexed by template root; null when none). */
  public final int[][][] templateSyncPairs;
  public final int[][][] templateFlipPairs;
  /** Aggregations instantiated per entry of each template root (indexes into aggregations). */
  public final int[][] aggregationsScopedAt;
  /**
   * For each template root T, pairs {aggregation index, source path} of wildcard sources whose
   * innermost template is T: each entry of T adds one source to its aggregation instance.
   */
  public final int[][] wildcardSourcesAt;
  public final boolean hasContainers;
  /**
   * The {@link Copies} mode of each path whose values the store copies (a collection interface held
   * as an opaque value), or {@code null} when the schema has no such path.
   */
  public final byte[] copyModes;
  /** Whether any path (static or entry template) holds a reference value (not primitive, not a node). */
  public final boolean hasReferenceLeaves;

  private final Map<String, Integer> byPath = new HashMap<>();

  public SchemaTables(
      String[] names,
      int[] parents,
      PathKind[] kinds,
      Class<?>[] types,
      int[][] syncPairs,
      int[][] flipPairs,
      int[][] aggregations,
      ValueCodec codec,
      String[] typeNames) {
    this(names, parents, kinds, types, syncPairs, flipPairs, aggregations, codec, typeNames, null, null, null);
  }

  /**
   * Tables with prebuilt components: {@code syncGroups}, {@code flipGroups} and {@code
   * flipParities} as {@link GroupTables} computes them from the pairs (all three {@code null}:
   * computed here, the same way).
   */
  public SchemaTables(
      String[] names,
      int[] parents,
      PathKind[] kinds,
      Class<?>[] types,
      int[][] syncPairs,
      int[][] flipPairs,
      int[][] aggregations,
      ValueCodec codec,
      String[] typeNames,
      int[][] syncGroups,
      int[][] flipGroups,
      int[][] flipParities) {
    this.size = names.length;
    if (size == 0 || parents.length != size || kinds.length != size || types.length != size) {
      throw new IllegalArgumentException(
          "names, parents, kinds and types must have one entry per path ID (got "
              + names.length + ", " + parents.length + ", " + kinds.length + ", " + types.length + ")");
    }
    this.names = names.clone();
    this.parents = parents.clone();
    this.kinds = kinds.clone();
    this.types = types.clone();
    this.codec = Objects.requireNonNull(codec, "codec");
    this.syncPairs = deepClone(syncPairs);
    this.flipPairs = deepClone(flipPairs);
    this.aggregations = deepClone(aggregations);

    depth = new int[size];
    end = new int[size];
    ordinal = new int[size];
    templateRoot = new int[size];
    entryTemplate = new int[size];
    java.util.Arrays.fill(entryTemplate, -1);
    List<List<Integer>> kids = new ArrayList<>();
    boolean containers = false;
    for (int i = 0; i < size; i++) {
      kids.add(new ArrayList<>());
      Objects.requireNonNull(this.names[i], "names[" + i + "]");
      Objects.requireNonNull(this.kinds[i], "kinds[" + i + "]");
      Objects.requireNonNull(this.types[i], "types[" + i + "]");
      int p = this.parents[i];
      if (i == 0) {
        if (p != -1 || this.kinds[0] != PathKind.RECORD) {
          throw new IllegalArgumentException("path 0 must be the root record with parent -1");
        }
        templateRoot[0] = -1;
        continue;
      }
      if (p < 0 || p >= i) {
        throw new IllegalArgumentException(
            "parents[" + i + "] = " + p + ": a parent must precede its children (depth-first IDs)");
      }
      PathKind pk = this.kinds[p];
      if (!pk.isNode()) {
        throw new IllegalArgumentException("path " + i + " has a leaf parent " + p);
      }
      depth[i] = depth[p] + 1;
      ordinal[i] = kids.get(p).size();
      kids.get(p).add(i);
      if (pk.isContainer()) {
        containers = true;
        if (!"*".equals(this.names[i]) || entryTemplate[p] >= 0) {
          throw new IllegalArgumentException(
              "container path " + p + " must have exactly one child, its entry template named \"*\"");
        }
        entryTemplate[p] = i;
        templateRoot[i] = i;
      } else {
        if (this.names[i].isEmpty() || this.names[i].contains(".") || "*".equals(this.names[i])) {
          throw new IllegalArgumentException("bad component name \"" + this.names[i] + "\" at " + i);
        }
        templateRoot[i] = templateRoot[p];
      }
    }
    hasContainers = containers;
    this.typeNames = typeNames != null ? typeNames.clone() : new String[size];
    if (this.typeNames.length != size) {
      throw new IllegalArgumentException(
          "typeNames must have one entry per path ID (got " + typeNames.length + " for " + size + ")");
    }
    for (int i = size - 1; i >= 0; i--) { // an entry template follows its container
      if (typeNames == null) {
        int t = entryTemplate[i];
        this.typeNames[i] =
            t < 0 ? this.types[i].getName()
                : this.kinds[i] == PathKind.MAP
                    ? "java.util.Map<java.lang.String," + this.typeNames[t] + ">"
                    : "java.util.List<" + this.typeNames[t] + ">";
      }
      Objects.requireNonNull(this.typeNames[i], "typeNames[" + i + "]");
    }
    leafTypes = new Class<?>[size];
    for (int i = 0; i < size; i++) {
      PathKind k = this.kinds[i];
      if (k == PathKind.STRING || k.isPrimitive()) {
        leafTypes[i] = boxed(this.types[i]);
      }
    }
    boolean refLeaves = false;
    for (PathKind k : this.kinds) {
      refLeaves |= !k.isPrimitive() && !k.isNode();
    }
    hasReferenceLeaves = refLeaves;
    byte[] modes = new byte[size];
    boolean copying = false;
    for (int i = 0; i < size; i++) {
      modes[i] = this.kinds[i] == PathKind.OBJECT ? Copies.modeOf(this.types[i]) : Copies.NONE;
      copying |= modes[i] != Copies.NONE;
    }
    copyModes = copying ? modes : null;
    for (int i = size - 1; i >= 0; i--) {
      int e = i + 1;
      for (int c : kids.get(i)) {
        e = Math.max(e, end[c]);
      }
      end[i] = e;
    }
    children = new int[size][];
    for (int i = 0; i < size; i++) {
      children[i] = kids.get(i).stream().mapToInt(Integer::intValue).toArray();
      if (end[i] != i + 1 + kids.get(i).stream().mapToInt(c -> end[c] - c).sum()) {
        throw new IllegalArgumentException("subtree of path " + i + " is not contiguous");
      }
    }
    for (int i = 0; i < size; i++) {
      byPath.put(pathString(i), i);
    }

    templateSyncPairs = new int[size][][];
    templateFlipPairs = new int[size][][];
    int[][] staticSyncPairs = splitPairs(this.syncPairs, templateSyncPairs, "sync");
    int[][] staticFlipPairs = splitPairs(this.flipPairs, templateFlipPairs, "flip");
    if ((syncGroups == null) != (flipGroups == null) || (flipGroups == null) != (flipParities == null)) {
      throw new IllegalArgumentException("give syncGroups, flipGroups and flipParities together, or none of them");
    }
    this.syncGroups = syncGroups != null ? deepClone(syncGroups) : GroupTables.groups(size, this.syncPairs);
    this.flipGroups = flipGroups != null ? deepClone(flipGroups) : GroupTables.groups(size, this.flipPairs);
    this.flipParities =
        flipParities != null ? deepClone(flipParities) : GroupTables.parities(this.flipGroups, this.flipPairs);
    checkParities();
    templateSyncGroups = new int[size][][];
    templateFlipGroups = new int[size][][];
    staticSync = graph(this.syncGroups, staticSyncPairs, templateSyncGroups, "sync");
    staticFlip = graph(this.flipGroups, staticFlipPairs, templateFlipGroups, "flip");

    aggregationScope = new int[this.aggregations.length];
    List<List<Integer>> scoped = new ArrayList<>();
    List<List<Integer>> wild = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      scoped.add(new ArrayList<>());
      wild.add(new ArrayList<>());
    }
    for (int k = 0; k < this.aggregations.length; k++) {
      int[] row = this.aggregations[k];
      if (row.length < 1) {
        throw new IllegalArgumentException("aggregations[" + k + "] has no target");
      }
      for (int id : row) {
        checkId(id, "aggregations[" + k + "]");
      }
      int scope = templateRoot[row[0]];
      aggregationScope[k] = scope;
      if (scope >= 0) {
        scoped.get(scope).add(k);
      }
      for (int s = 1; s < row.length; s++) {
        int src = row[s];
        int t = templateRoot[src];
        if (t != scope) {
          if (!isAncestor(scope < 0 ? 0 : scope, src)) {
            throw new IllegalArgumentException(
                "aggregation source " + pathString(src) + " is outside the scope of its target "
                    + pathString(row[0]));
          }
          wild.get(t).add(k);
          wild.get(t).add(src);
        }
      }
    }
    aggregationsScopedAt = new int[size][];
    wildcardSourcesAt = new int[size][];
    for (int i = 0; i < size; i++) {
      aggregationsScopedAt[i] = scoped.get(i).stream().mapToInt(Integer::intValue).toArray();
      wildcardSourcesAt[i] = wild.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /**
   * Checks {@code pairs}, files the pairs inside entry templates under their template root and
   * returns the others.
   */
  private int[][] splitPairs(int[][] pairs, int[][][] byTemplate, String what) {
    List<int[]> outside = new ArrayList<>();
    Map<Integer, List<int[]>> scoped = new HashMap<>();
    for (int k = 0; k < pairs.length; k++) {
      int[] p = pairs[k];
      if (p.length != 2) {
        throw new IllegalArgumentException(what + "Pairs[" + k + "] must have two paths");
      }
      checkId(p[0], what + "Pairs[" + k + "]");
      checkId(p[1], what + "Pairs[" + k + "]");
      int t = templateRoot[p[0]];
      if (templateRoot[p[1]] != t) {
        throw new IllegalArgumentException(
            what + " pair " + pathString(p[0]) + " – " + pathString(p[1])
                + " crosses entry templates; declare it on the entry's record type");
      }
      if (t < 0) {
        outside.add(p);
      } else {
        scoped.computeIfAbsent(t, x -> new ArrayList<>()).add(p);
      }
    }
    for (Map.Entry<Integer, List<int[]>> e : scoped.entrySet()) {
      byTemplate[e.getKey()] = e.getValue().toArray(new int[0][]);
    }
    return outside.toArray(new int[0][]);
  }

  /**
   * The graph of the group rows outside entry templates, made from the rows as given; the rows
   * inside a template are filed under its root.
   */
  private ComponentGraph graph(int[][] rows, int[][] staticPairs, int[][][] byTemplate, String what) {
    List<int[]> outside = new ArrayList<>();
    Map<Integer, List<int[]>> scoped = new HashMap<>();
    for (int r = 0; r < rows.length; r++) {
      int[] row = rows[r];
      if (row.length == 0) {
        throw new IllegalArgumentException(what + "Groups[" + r + "] has no members");
      }
      for (int m : row) {
        checkId(m, what + "Groups[" + r + "]");
      }
      int t = templateRoot[row[0]];
      for (int m : row) {
        if (templateRoot[m] != t) {
          throw new IllegalArgumentException(what + "Groups[" + r + "] crosses entry templates");
        }
      }
      if (t < 0) {
        outside.add(row);
      } else {
        scoped.computeIfAbsent(t, x -> new ArrayList<>()).add(row);
      }
    }
    for (Map.Entry<Integer, List<int[]>> e : scoped.entrySet()) {
      byTemplate[e.getKey()] = e.getValue().toArray(new int[0][]);
    }
    ComponentGraph graph = new ComponentGraph(size);
    graph.addGroups(outside.toArray(new int[0][]), staticPairs, 0, this);
    return graph;
  }

  private void checkParities() {
    if (flipParities.length != flipGroups.length) {
      throw new IllegalArgumentException(
          "flipParities must have one row per flip group (got " + flipParities.length + " for " + flipGroups.length + ")");
    }
    for (int r = 0; r < flipGroups.length; r++) {
      if (flipParities[r].length != flipGroups[r].length) {
        throw new IllegalArgumentException("flipParities[" + r + "] must have one parity per member");
      }
      for (int p : flipParities[r]) {
        if (p != 0 && p != 1) {
          throw new IllegalArgumentException("flipParities[" + r + "] holds " + p + "; a parity is 0 or 1");
        }
      }
    }
  }

  private void checkId(int id, String where) {
    if (id < 0 || id >= size) {
      throw new IllegalArgumentException(where + ": path ID " + id + " out of range 0.." + (size - 1));
    }
  }

  private static int[][] deepClone(int[][] a) {
    int[][] c = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  @Override
  public int parent(int id) {
    return parents[id];
  }

  @Override
  public boolean isNode(int id) {
    return kinds[id].isNode();
  }

  /** Whether {@code a} is {@code b} or one of its ancestors (static IDs). */
  public boolean isAncestor(int a, int b) {
    return a <= b && b < end[a];
  }

  /** The dot string of a static path ({@code "*"} for template segments). */
  public String pathString(int id) {
    if (id == 0) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    append(sb, id);
    return sb.toString();
  }

  private void append(StringBuilder sb, int id) {
    int p = parents[id];
    if (p > 0) {
      append(sb, p);
      sb.append('.');
    }
    sb.append(names[id]);
  }

  /** The static ID of a dot string, or -1. */
  public int find(String path) {
    Integer id = byPath.get(path);
    return id == null ? -1 : id;
  }

  /** The wrapper class of primitive {@code c}, or {@code c} itself. */
  public static Class<?> boxed(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    if (c == int.class) {
      return Integer.class;
    } else if (c == boolean.class) {
      return Boolean.class;
    } else if (c == long.class) {
      return Long.class;
    } else if (c == double.class) {
      return Double.class;
    } else if (c == float.class) {
      return Float.class;
    } else if (c == short.class) {
      return Short.class;
    } else if (c == byte.class) {
      return Byte.class;
    } else if (c == char.class) {
      return Character.class;
    }
    return Void.class;
  }
}
