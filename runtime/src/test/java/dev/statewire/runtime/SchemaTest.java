package dev.statewire.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.testkit.TestSchemas;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link Schema} built by hand from the static tables (as generated code does): its accessors,
 * defensive copies, and the validation of inconsistent tables (each refused with a message that
 * says what is wrong).
 */
class SchemaTest {
  record Item(boolean on) {}

  record Root(int a, int b, Map<String, Item> m) {}

  /** Never called by validation; a store is not built from these schemas. */
  static final ValueCodec NO_CODEC = new ValueCodec() {
    @Override
    public Object component(int pathId, Object record, int ordinal) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object construct(int pathId, Object[] components) {
      throw new UnsupportedOperationException();
    }
  };

  /** The tables of {@code Root}: 0 root, 1 a, 2 b, 3 m, 4 m.*, 5 m.*.on. */
  static final class Tables {
    String[] names = {"", "a", "b", "m", "*", "on"};
    int[] parents = {-1, 0, 0, 0, 3, 4};
    PathKind[] kinds = {PathKind.RECORD, PathKind.INT, PathKind.INT, PathKind.MAP, PathKind.RECORD, PathKind.BOOLEAN};
    Class<?>[] types = {Root.class, int.class, int.class, Map.class, Item.class, boolean.class};
    int[][] sync = {{1, 2}};
    int[][] flip = {};
    int[][] aggs = {};

    Schema build() {
      return new Schema(Root.class, names, parents, kinds, types, sync, flip, aggs, NO_CODEC);
    }
  }

  @Test
  void accessorsDescribeTheTables() {
    Tables t = new Tables();
    t.aggs = new int[][] {{1, 5}};
    Schema s = t.build();
    assertSame(Root.class, s.rootType());
    assertEquals(6, s.pathCount());
    assertEquals(PathKind.MAP, s.kind(3));
    assertEquals(PathKind.BOOLEAN, s.kind(5));
    assertSame(int.class, s.type(1));
    assertSame(Item.class, s.type(4));
    assertEquals(-1, s.parent(0));
    assertEquals(4, s.parent(5));
    assertEquals("", s.path(0));
    assertEquals("b", s.path(2));
    assertEquals("m.*.on", s.path(5));
    assertEquals(5, s.find("m.*.on"));
    assertEquals(0, s.find(""));
    assertEquals(-1, s.find("m.k1.on"));
    assertArrayEquals(new int[][] {{1, 2}}, s.syncPairs());
    assertArrayEquals(new int[0][], s.flipPairs());
    assertArrayEquals(new int[][] {{1, 5}}, s.aggregations());
    assertEquals("Schema[" + Root.class.getName() + ", 6 paths]", s.toString());
  }

  @Test
  void theTablesAreCopiedInAndOut() {
    Tables t = new Tables();
    t.flip = new int[][] {{1, 2}};
    t.aggs = new int[][] {{1, 5}};
    Schema s = t.build();
    t.names[1] = "changed";
    t.sync[0][0] = 0;
    t.flip[0][1] = 0;
    t.aggs[0][1] = 0;
    assertEquals("a", s.path(1));
    assertEquals(1, s.find("a"));
    assertArrayEquals(new int[] {1, 2}, s.syncPairs()[0]);
    s.syncPairs()[0][0] = 4;
    s.flipPairs()[0][0] = 4;
    s.aggregations()[0][0] = 4;
    assertArrayEquals(new int[][] {{1, 2}}, s.syncPairs());
    assertArrayEquals(new int[][] {{1, 2}}, s.flipPairs());
    assertArrayEquals(new int[][] {{1, 5}}, s.aggregations());
  }

  private static void refused(Consumer<Tables> change, String... fragments) {
    Tables t = new Tables();
    change.accept(t);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, t::build);
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "message lacks \"" + f + "\": " + e.getMessage());
    }
  }

  @Test
  void inconsistentTablesAreRefused() {
    refused(t -> t.parents = new int[] {-1, 0, 0, 0, 3}, "one entry per path ID", "(got 6, 5, 6, 6)");
    refused(t -> t.kinds = new PathKind[] {PathKind.RECORD}, "(got 6, 6, 1, 6)");
    refused(t -> t.types = new Class<?>[] {Root.class}, "(got 6, 6, 6, 1)");
    refused(t -> {
      t.names = new String[0];
      t.parents = new int[0];
      t.kinds = new PathKind[0];
      t.types = new Class<?>[0];
      t.sync = new int[0][];
    }, "(got 0, 0, 0, 0)");
    refused(t -> t.parents[0] = 0, "path 0 must be the root record");
    refused(t -> t.kinds[0] = PathKind.MAP, "path 0 must be the root record");
    refused(t -> t.parents[2] = 2, "parents[2] = 2", "precede");
    refused(t -> t.parents[2] = -1, "parents[2] = -1");
    refused(t -> t.parents[2] = 1, "path 2 has a leaf parent 1");
    refused(t -> t.names[4] = "x", "container path 3 must have exactly one child");
    refused(t -> {
      t.names = new String[] {"", "m", "*", "*"};
      t.parents = new int[] {-1, 0, 1, 1};
      t.kinds = new PathKind[] {PathKind.RECORD, PathKind.LIST, PathKind.INT, PathKind.INT};
      t.types = new Class<?>[] {Root.class, java.util.List.class, int.class, int.class};
      t.sync = new int[0][];
    }, "container path 1 must have exactly one child");
    refused(t -> t.names[1] = "", "bad component name \"\" at 1");
    refused(t -> t.names[1] = "a.b", "bad component name \"a.b\" at 1");
    refused(t -> t.names[2] = "*", "bad component name \"*\" at 2");
    refused(t -> {
      // r1 = {x, z} with y (a child of the root) between them
      t.names = new String[] {"", "r1", "x", "y", "z"};
      t.parents = new int[] {-1, 0, 1, 0, 1};
      t.kinds = new PathKind[] {PathKind.RECORD, PathKind.RECORD, PathKind.INT, PathKind.INT, PathKind.INT};
      t.types = new Class<?>[] {Root.class, Item.class, int.class, int.class, int.class};
      t.sync = new int[0][];
    }, "subtree of path 0 is not contiguous");
    refused(t -> t.sync = new int[][] {{1}}, "syncPairs[0] must have two paths");
    refused(t -> t.flip = new int[][] {{1, 2, 3}}, "flipPairs[0] must have two paths");
    refused(t -> t.sync = new int[][] {{1, 2}, {1, 6}}, "syncPairs[1]: path ID 6 out of range 0..5");
    refused(t -> t.sync = new int[][] {{-1, 2}}, "syncPairs[0]: path ID -1 out of range");
    refused(t -> t.flip = new int[][] {{1, 5}}, "flip pair a – m.*.on crosses entry templates");
    refused(t -> t.aggs = new int[][] {{}}, "aggregations[0] has no target");
    refused(t -> t.aggs = new int[][] {{1, 9}}, "aggregations[0]: path ID 9 out of range");
    refused(t -> t.aggs = new int[][] {{5, 1}}, "aggregation source a is outside the scope of its target m.*.on");
  }

  @Test
  void nullTablesAndRootAreRefused() {
    Tables t = new Tables();
    assertThrows(NullPointerException.class,
        () -> new Schema(null, t.names, t.parents, t.kinds, t.types, t.sync, t.flip, t.aggs, NO_CODEC));
    NullPointerException c = assertThrows(NullPointerException.class,
        () -> new Schema(Root.class, t.names, t.parents, t.kinds, t.types, t.sync, t.flip, t.aggs, null));
    assertEquals("codec", c.getMessage());
    t.names[2] = null;
    NullPointerException n = assertThrows(NullPointerException.class, t::build);
    assertEquals("names[2]", n.getMessage());
    Tables k = new Tables();
    k.kinds[1] = null;
    assertEquals("kinds[1]", assertThrows(NullPointerException.class, k::build).getMessage());
    Tables ty = new Tables();
    ty.types[3] = null;
    assertEquals("types[3]", assertThrows(NullPointerException.class, ty::build).getMessage());
  }

  record Switches(boolean x, boolean y, boolean z, int a, int b, List<String> names) {}

  @Test
  void theGroupTablesAndGenericTypeNamesAreReadBackAsCopies() {
    Schema s = TestSchemas.of(Switches.class).flip("x", "y").flip("y", "z").sync("a", "b").build();
    // 1 x, 2 y, 3 z, 4 a, 5 b, 6 names
    assertArrayEquals(new int[][] {{4, 5}}, s.syncGroups());
    assertArrayEquals(new int[][] {{1, 2, 3}}, s.flipGroups());
    assertArrayEquals(new int[][] {{0, 1, 0}}, s.flipParities(), "x and z equal, y the negation");
    s.syncGroups()[0][0] = 9;
    s.flipGroups()[0][0] = 9;
    s.flipParities()[0][0] = 1;
    assertArrayEquals(new int[][] {{4, 5}}, s.syncGroups());
    assertArrayEquals(new int[][] {{1, 2, 3}}, s.flipGroups());
    assertArrayEquals(new int[][] {{0, 1, 0}}, s.flipParities());
    assertEquals("java.util.List<java.lang.String>", s.typeName(6));
    assertEquals("boolean", s.typeName(1));
  }

  @Test
  void withoutTypeNamesEachPathIsNamedByItsTypeAndContainersByTheirEntries() {
    Schema s = new Tables().build();
    assertEquals(Root.class.getName(), s.typeName(0));
    assertEquals("int", s.typeName(1));
    assertEquals("java.util.Map<java.lang.String," + Item.class.getName() + ">", s.typeName(3));
  }

  /** The schema with the group tables given: flip a – b, its one group and the parities as given. */
  private static Schema withGroups(int[][] syncGroups, int[][] flipGroups, int[][] flipParities) {
    Tables t = new Tables();
    return new Schema(Root.class, t.names, t.parents, t.kinds, t.types, new int[0][], new int[][] {{1, 2}},
        t.aggs, NO_CODEC, null, syncGroups, flipGroups, flipParities);
  }

  @Test
  void givenGroupTablesAreCheckedAgainstThePairs() {
    Schema ok = withGroups(new int[0][], new int[][] {{1, 2}}, new int[][] {{0, 1}});
    assertArrayEquals(new int[][] {{0, 1}}, ok.flipParities());
    assertEquals("flipParities must have one row per flip group (got 2 for 1)", assertThrows(IllegalArgumentException.class,
        () -> withGroups(new int[0][], new int[][] {{1, 2}}, new int[][] {{0, 1}, {0, 1}})).getMessage());
    assertEquals("flipParities[0] must have one parity per member", assertThrows(IllegalArgumentException.class,
        () -> withGroups(new int[0][], new int[][] {{1, 2}}, new int[][] {{0}})).getMessage());
    assertEquals("flipParities[0] holds 2; a parity is 0 or 1", assertThrows(IllegalArgumentException.class,
        () -> withGroups(new int[0][], new int[][] {{1, 2}}, new int[][] {{0, 2}})).getMessage());
    assertEquals("syncGroups[0]: path ID 9 out of range 0..5", assertThrows(IllegalArgumentException.class,
        () -> withGroups(new int[][] {{1, 9}}, new int[][] {{1, 2}}, new int[][] {{0, 1}})).getMessage());
  }

  @Test
  void anAggregationRowNeedsATargetButMayHaveNoSources() {
    Tables t = new Tables();
    t.aggs = new int[][] {{1}};
    assertArrayEquals(new int[][] {{1}}, t.build().aggregations());
  }
}
