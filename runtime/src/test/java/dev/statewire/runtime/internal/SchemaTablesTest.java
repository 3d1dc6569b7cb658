package dev.statewire.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.PathKind;
import dev.statewire.runtime.ValueCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tables {@link SchemaTables} derives once per schema (depth, subtree ends, ordinals,
 * children, entry templates, template-scoped pairs and aggregations, wildcard sources), checked
 * against values worked out by hand for a schema with a record, a map whose entries hold a list,
 * static pairs inside and outside templates and three kinds of aggregation.
 */
class SchemaTablesTest {
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

  // 0 root, 1 a, 2 r, 3 r.x, 4 r.y, 5 m, 6 m.*, 7 m.*.on, 8 m.*.off, 9 m.*.subs, 10 m.*.subs.*,
  // 11 m.*.subs.*.q, 12 all
  static SchemaTables tables(int[][] sync, int[][] flip, int[][] aggs) {
    return new SchemaTables(
        new String[] {"", "a", "r", "x", "y", "m", "*", "on", "off", "subs", "*", "q", "all"},
        new int[] {-1, 0, 0, 2, 2, 0, 5, 6, 6, 6, 9, 10, 0},
        new PathKind[] {PathKind.RECORD, PathKind.INT, PathKind.RECORD, PathKind.INT, PathKind.INT, PathKind.MAP,
            PathKind.RECORD, PathKind.BOOLEAN, PathKind.BOOLEAN, PathKind.LIST, PathKind.RECORD, PathKind.INT,
            PathKind.BOOLEAN},
        new Class<?>[] {Object.class, int.class, Object.class, int.class, int.class, Map.class, Object.class,
            Boolean.class, Boolean.class, List.class, Object.class, Integer.class, Boolean.class},
        sync, flip, aggs, NO_CODEC, null);
  }

  static SchemaTables full() {
    return tables(new int[][] {{3, 4}}, new int[][] {{7, 8}}, new int[][] {{12, 7}, {7, 8}, {8, 11}});
  }

  @Test
  void groupTablesAreFiledOutsideAndPerTemplate() {
    SchemaTables t = tables(new int[][] {{3, 4}, {1, 3}}, new int[][] {{7, 8}}, new int[0][]);
    assertArrayEquals(new int[][] {{3, 4, 1}}, t.syncGroups);
    assertArrayEquals(new int[][] {{7, 8}}, t.flipGroups);
    assertArrayEquals(new int[][] {{0, 1}}, t.flipParities);
    assertEquals(1, t.staticSync.groups().size());
    assertTrue(t.staticFlip.groups().isEmpty(), "the flip group lies in the template m.*");
    assertArrayEquals(new int[][] {{7, 8}}, t.templateFlipGroups[6]);
    assertNull(t.templateSyncGroups[6]);
  }

  @Test
  void prebuiltGroupsThatDoNotFitThePairsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SchemaTables(
        new String[] {"", "a", "b", "c"}, new int[] {-1, 0, 0, 0},
        new PathKind[] {PathKind.RECORD, PathKind.INT, PathKind.INT, PathKind.INT},
        new Class<?>[] {Object.class, int.class, int.class, int.class},
        new int[][] {{1, 2}}, new int[0][], new int[0][], NO_CODEC, null,
        new int[][] {{1}, {2}}, new int[0][], new int[0][]));
  }

  @Test
  void treeTables() {
    SchemaTables t = full();
    assertEquals(13, t.size);
    assertArrayEquals(new int[] {0, 1, 1, 2, 2, 1, 2, 3, 3, 3, 4, 5, 1}, t.depth);
    assertArrayEquals(new int[] {13, 2, 5, 4, 5, 12, 12, 8, 9, 12, 12, 12, 13}, t.end);
    assertArrayEquals(new int[] {0, 0, 1, 0, 1, 2, 0, 0, 1, 2, 0, 0, 3}, t.ordinal);
    assertArrayEquals(new int[] {1, 2, 5, 12}, t.children[0]);
    assertArrayEquals(new int[] {3, 4}, t.children[2]);
    assertArrayEquals(new int[] {7, 8, 9}, t.children[6]);
    assertArrayEquals(new int[0], t.children[1]);
    assertArrayEquals(new int[0], t.children[11]);
    assertArrayEquals(new int[] {-1, -1, -1, -1, -1, -1, 6, 6, 6, 6, 10, 10, -1}, t.templateRoot);
    assertArrayEquals(new int[] {-1, -1, -1, -1, -1, 6, -1, -1, -1, 10, -1, -1, -1}, t.entryTemplate);
    assertTrue(t.hasContainers);
    assertEquals(-1, t.parent(0));
    assertEquals(10, t.parent(11));
  }

  @Test
  void pathStringsAndFind() {
    SchemaTables t = full();
    assertEquals("", t.pathString(0));
    assertEquals("a", t.pathString(1));
    assertEquals("r.y", t.pathString(4));
    assertEquals("m.*.subs.*.q", t.pathString(11));
    for (int id = 0; id < t.size; id++) {
      assertEquals(id, t.find(t.pathString(id)));
    }
    assertEquals(-1, t.find("m.k1.on"));
    assertEquals(-1, t.find("r.z"));
  }

  @Test
  void ancestry() {
    SchemaTables t = full();
    assertTrue(t.isAncestor(0, 12));
    assertTrue(t.isAncestor(3, 3));
    assertTrue(t.isAncestor(6, 11));
    assertTrue(t.isAncestor(5, 11));
    assertFalse(t.isAncestor(4, 3));
    assertFalse(t.isAncestor(7, 8));
    assertFalse(t.isAncestor(2, 5));
    assertFalse(t.isAncestor(11, 10));
  }

  @Test
  void pairsOutsideTemplatesArePrebuiltInsideTemplatesPerEntry() {
    SchemaTables t = full();
    assertTrue(t.staticSync.hasEdge(3, 4));
    assertTrue(t.staticSync.isStaticEdge(3, 4));
    assertEquals(1, t.staticSync.edgeCount());
    assertEquals(0, t.staticFlip.edgeCount(), "the flip pair lies in the entry template");
    assertArrayEquals(new int[][] {{7, 8}}, t.templateFlipPairs[6]);
    for (int i = 0; i < t.size; i++) {
      assertNull(t.templateSyncPairs[i]);
      if (i != 6) {
        assertNull(t.templateFlipPairs[i]);
      }
    }
  }

  @Test
  void aggregationScopesAndWildcardSources() {
    SchemaTables t = full();
    // #0 all <- m.*.on: root scope, a wildcard source of template 6
    // #1 m.*.on <- m.*.off: scoped at 6, no wildcard
    // #2 m.*.off <- m.*.subs.*.q: scoped at 6, a wildcard source of template 10
    assertArrayEquals(new int[] {-1, 6, 6}, t.aggregationScope);
    assertArrayEquals(new int[] {1, 2}, t.aggregationsScopedAt[6]);
    assertArrayEquals(new int[] {0, 7}, t.wildcardSourcesAt[6]);
    assertArrayEquals(new int[] {2, 11}, t.wildcardSourcesAt[10]);
    for (int i = 0; i < t.size; i++) {
      if (i != 6) {
        assertArrayEquals(new int[0], t.aggregationsScopedAt[i], "scopedAt " + i);
      }
      if (i != 6 && i != 10) {
        assertArrayEquals(new int[0], t.wildcardSourcesAt[i], "wildcards " + i);
      }
    }
  }

  @Test
  void inputArraysAreCopied() {
    int[][] sync = {{3, 4}};
    int[][] aggs = {{12, 7}};
    SchemaTables t = tables(sync, new int[0][], aggs);
    sync[0][1] = 1;
    aggs[0][1] = 1;
    assertArrayEquals(new int[][] {{3, 4}}, t.syncPairs);
    assertArrayEquals(new int[][] {{12, 7}}, t.aggregations);
  }

  @Test
  void aSchemaWithoutContainers() {
    SchemaTables t = new SchemaTables(new String[] {"", "a", "b"}, new int[] {-1, 0, 0},
        new PathKind[] {PathKind.RECORD, PathKind.INT, PathKind.INT}, new Class<?>[] {Object.class, int.class, int.class},
        new int[0][], new int[0][], new int[0][], NO_CODEC, null);
    assertFalse(t.hasContainers);
    assertArrayEquals(new int[] {3, 2, 3}, t.end);
    assertArrayEquals(new int[] {-1, -1, -1}, t.templateRoot);
  }

  @Test
  void typeNamesAreDerivedFromClassesAndEntryTypesWhenNotGiven() {
    SchemaTables t = full();
    assertEquals("int", t.typeNames[1]);
    assertEquals("java.util.List<java.lang.Object>", t.typeNames[9]);
    assertEquals("java.util.Map<java.lang.String,java.lang.Object>", t.typeNames[5]);
    assertEquals("java.lang.Boolean", t.typeNames[12]);
  }

  @Test
  void givenTypeNamesAreKeptAndMustCoverEveryPath() {
    String[] names = {"java.lang.Object", "java.util.List<java.lang.String>", "int"};
    SchemaTables t = new SchemaTables(new String[] {"", "a", "b"}, new int[] {-1, 0, 0},
        new PathKind[] {PathKind.RECORD, PathKind.OBJECT, PathKind.INT},
        new Class<?>[] {Object.class, List.class, int.class},
        new int[0][], new int[0][], new int[0][], NO_CODEC, names);
    assertEquals("java.util.List<java.lang.String>", t.typeNames[1]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SchemaTables(new String[] {"", "a"}, new int[] {-1, 0},
            new PathKind[] {PathKind.RECORD, PathKind.INT}, new Class<?>[] {Object.class, int.class},
            new int[0][], new int[0][], new int[0][], NO_CODEC, new String[] {"x"}));
    assertTrue(e.getMessage().contains("typeNames must have one entry per path ID"), e.getMessage());
  }

  @Test
  void boxedGivesTheWrapperOfEveryPrimitiveAndKeepsOtherClasses() {
    assertEquals(List.of(Integer.class, Boolean.class, Long.class, Double.class, Float.class, Short.class,
            Byte.class, Character.class, Void.class, String.class),
        List.of(SchemaTables.boxed(int.class), SchemaTables.boxed(boolean.class), SchemaTables.boxed(long.class),
            SchemaTables.boxed(double.class), SchemaTables.boxed(float.class), SchemaTables.boxed(short.class),
            SchemaTables.boxed(byte.class), SchemaTables.boxed(char.class), SchemaTables.boxed(void.class),
            SchemaTables.boxed(String.class)));
  }
}
