package dev.statewire.runtime;

import dev.statewire.runtime.internal.SchemaTables;
import java.util.Objects;

/**
 * The immutable description of one {@code @State} type, shared by every store of that type (one
 * copy per JVM). Generated {@code XSchema} classes build it from plain static arrays; tests may
 * build one by hand. Every array is indexed by static path ID.
 *
 * <h2>Path IDs</h2>
 * IDs are dense from 0 in depth-first declaration order; ID 0 is the root (name {@code ""},
 * parent {@code -1}). A parent always precedes its children, and the subtree of a path is one
 * contiguous range of IDs. The entry type of a {@link PathKind#MAP} or {@link PathKind#LIST} path
 * {@code m} is described once, as the <em>entry template</em>: a single child of {@code m} named
 * {@code "*"} with its own subtree. Template paths ({@code items.*.selected}) never hold values;
 * each entry added at run time gets a contiguous block of IDs shaped like the template's subtree,
 * and wiring declared inside the template holds in every entry.
 *
 * <h2>Tables</h2>
 * <ul>
 *   <li>{@code names[id]}: the last segment (component name, {@code "*"} for a template, {@code ""}
 *       for the root);
 *   <li>{@code parents[id]}: the parent's ID, {@code -1} for the root;
 *   <li>{@code kinds[id]}: the {@link PathKind};
 *   <li>{@code types[id]}: the Java type ({@code int.class} vs {@code Integer.class} tells whether
 *       {@code null} is allowed; the record class for a record, {@code Map.class}/{@code List.class}
 *       for containers);
 *   <li>{@code syncPairs} / {@code flipPairs}: {@code {a, b}} pairs in declaration order (the order
 *       fixes group and member order, PIPELINE.md §4). A pair whose paths lie in an entry template
 *       holds in every entry of that container;
 *   <li>{@code aggregations}: one row per aggregation, {@code {target, source1, source2, ...}} in
 *       declaration order; a source inside an entry template below the target's own scope is a
 *       wildcard and stands for that path in every entry.
 * </ul>
 * Derived tables (depth, subtree ranges, child lists, template roots) are computed once in the
 * constructor.
 *
 * <h2>Prebuilt components</h2>
 * The sync and flip groups (connected components of the pairs, in the order docs/PIPELINE.md
 * gives under "Matching a change against a group") are tables too:
 * {@code syncGroups} and {@code flipGroups} hold one row per group in group order, with its
 * members in member order, groups inside entry templates included (in template IDs; every entry
 * gets its own copy); {@code flipParities} gives each flip group member's parity against the
 * group's first member (0 the same value, 1 the negation). Generated schemas carry them, so that
 * no group is computed when a schema or a store is created; a schema built without them computes
 * them from the pairs with the code the annotation processor uses, so both hold the same tables.
 */
public final class Schema {
  private final Class<?> rootType;
  private final SchemaTables tables;

  /**
   * Builds and validates a schema.
   *
   * @throws IllegalArgumentException if the tables are inconsistent (a parent after its child, a
   *     template path that is not named {@code "*"}, a pair across different entry templates ...)
   */
  public Schema(
      Class<?> rootType,
      String[] names,
      int[] parents,
      PathKind[] kinds,
      Class<?>[] types,
      int[][] syncPairs,
      int[][] flipPairs,
      int[][] aggregations,
      ValueCodec codec) {
    this(rootType, names, parents, kinds, types, syncPairs, flipPairs, aggregations, codec, null);
  }

  /**
   * Builds and validates a schema whose paths also carry their generic types ({@code typeNames[id]},
   * e.g. {@code java.util.List<java.lang.String>}, as generated schemas give them): runtime wiring
   * then refuses to connect paths whose generic types differ even when their classes are equal.
   * With {@code typeNames == null} each path's type name is its class name (a container's is
   * built from its entry type).
   *
   * @throws IllegalArgumentException if the tables are inconsistent
   */
  public Schema(
      Class<?> rootType,
      String[] names,
      int[] parents,
      PathKind[] kinds,
      Class<?>[] types,
      int[][] syncPairs,
      int[][] flipPairs,
      int[][] aggregations,
      ValueCodec codec,
      String[] typeNames) {
    this(rootType, names, parents, kinds, types, syncPairs, flipPairs, aggregations, codec, typeNames, null, null,
        null);
  }

  /**
   * Builds and validates a schema with prebuilt sync and flip components ({@code syncGroups},
   * {@code flipGroups}, {@code flipParities}; see "Prebuilt components" above), as generated
   * schemas do. They must be the components of the pairs in the order the pairs give: the
   * constructor checks that they fit the pairs (every pair inside one group, every member an end
   * of a pair, one parity per member) but does not recompute them. With all three {@code null}
   * they are computed from the pairs.
   *
   * @throws IllegalArgumentException if the tables are inconsistent
   */
  public Schema(
      Class<?> rootType,
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
    this.rootType = Objects.requireNonNull(rootType, "rootType");
    this.tables =
        new SchemaTables(
            names, parents, kinds, types, syncPairs, flipPairs, aggregations, codec, typeNames, syncGroups,
            flipGroups, flipParities);
  }

  /** The {@code @State} root type. */
  public Class<?> rootType() {
    return rootType;
  }

  /** Number of static path IDs (including the root and entry templates). */
  public int pathCount() {
    return tables.size;
  }

  /** The kind of static path {@code id}. */
  public PathKind kind(int id) {
    return tables.kinds[id];
  }

  /** The Java type of static path {@code id}. */
  public Class<?> type(int id) {
    return tables.types[id];
  }

  /**
   * The generic type of static path {@code id} as one string ({@code java.util.List<java.lang.String>},
   * {@code int}, {@code shop.Address}).
   */
  public String typeName(int id) {
    return tables.typeNames[id];
  }

  /** The parent of static path {@code id}, or {@code -1} for the root. */
  public int parent(int id) {
    return tables.parents[id];
  }

  /** The dot string of static path {@code id} ({@code "*"} segments for entry templates). */
  public String path(int id) {
    return tables.pathString(id);
  }

  /**
   * The static path ID for a dot string, or {@code -1}. Entry templates are spelled {@code "*"}.
   */
  public int find(String path) {
    return tables.find(path);
  }

  /** The sync pairs {@code {a, b}} in declaration order (a copy). */
  public int[][] syncPairs() {
    return copy(tables.syncPairs);
  }

  /** The flip pairs {@code {a, b}} in declaration order (a copy). */
  public int[][] flipPairs() {
    return copy(tables.flipPairs);
  }

  /**
   * The sync groups, one row per group in group order with its members in member order, entry
   * template groups included (a copy).
   */
  public int[][] syncGroups() {
    return copy(tables.syncGroups);
  }

  /** The flip groups, in the form of {@link #syncGroups()} (a copy). */
  public int[][] flipGroups() {
    return copy(tables.flipGroups);
  }

  /**
   * Per row of {@link #flipGroups()}, each member's parity against the first member of its group:
   * 0 when it holds the same value, 1 when it holds the negation (a copy).
   */
  public int[][] flipParities() {
    return copy(tables.flipParities);
  }

  /** The aggregations, one row {@code {target, source1, ...}} each, in declaration order (a copy). */
  public int[][] aggregations() {
    return copy(tables.aggregations);
  }

  private static int[][] copy(int[][] a) {
    int[][] c = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  SchemaTables tables() {
    return tables;
  }

  @Override
  public String toString() {
    return "Schema[" + rootType.getName() + ", " + tables.size + " paths]";
  }
}
