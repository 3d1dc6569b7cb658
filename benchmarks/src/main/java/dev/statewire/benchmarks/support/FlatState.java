package dev.statewire.benchmarks.support;

import dev.statewire.runtime.PathKind;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.ValueCodec;
import java.util.Arrays;

/**
 * A wide, flat state of a chosen size for the engine micro benchmarks: the root (ID 0) and {@code
 * paths - 1} leaves below it. Leaves 1..{@value #BOOLEANS} are {@code boolean}s (so that flips have
 * something to flip), every later leaf is a {@code double}. The schema is built by hand from plain
 * arrays, exactly as a generated schema would supply them; the root value is a {@link Value} that
 * holds the leaves in ID order.
 */
public final class FlatState {
  /** Number of boolean leaves (IDs 1..BOOLEANS). */
  public static final int BOOLEANS = 16;
  /** The first double leaf. */
  public static final int FIRST_DOUBLE = BOOLEANS + 1;

  private FlatState() {}

  /** The root value: leaf {@code i} (path ID {@code i + 1}) is {@code leaves[i]}. */
  public static final class Value {
    private final Object[] leaves;

    Value(Object[] leaves) {
      this.leaves = leaves;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Value v && Arrays.equals(v.leaves, leaves);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(leaves);
    }
  }

  /** The schema of a flat state with {@code paths} path IDs (root included), no static wiring. */
  public static Schema schema(int paths) {
    if (paths < FIRST_DOUBLE + 8) {
      throw new IllegalArgumentException("a flat state needs at least " + (FIRST_DOUBLE + 8) + " paths");
    }
    String[] names = new String[paths];
    int[] parents = new int[paths];
    PathKind[] kinds = new PathKind[paths];
    Class<?>[] types = new Class<?>[paths];
    names[0] = "";
    parents[0] = -1;
    kinds[0] = PathKind.RECORD;
    types[0] = Value.class;
    for (int id = 1; id < paths; id++) {
      boolean bool = id < FIRST_DOUBLE;
      names[id] = (bool ? "b" : "d") + id;
      parents[id] = 0;
      kinds[id] = bool ? PathKind.BOOLEAN : PathKind.DOUBLE;
      types[id] = bool ? boolean.class : double.class;
    }
    ValueCodec codec =
        new ValueCodec() {
          @Override
          public Object component(int pathId, Object record, int ordinal) {
            return ((Value) record).leaves[ordinal];
          }

          @Override
          public Object construct(int pathId, Object[] components) {
            return new Value(components.clone());
          }
        };
    return new Schema(Value.class, names, parents, kinds, types, new int[0][], new int[0][], new int[0][], codec);
  }

  /** The initial value: booleans false, double leaf {@code id} holds {@code id}. */
  public static Value initial(int paths) {
    Object[] leaves = new Object[paths - 1];
    for (int id = 1; id < paths; id++) {
      leaves[id - 1] = id < FIRST_DOUBLE ? (Object) Boolean.FALSE : (Object) (double) id;
    }
    return new Value(leaves);
  }

  /** A new store over {@code schema} (made by {@link #schema(int)}) holding {@link #initial}. */
  public static Store store(Schema schema) {
    return Store.create(schema, initial(schema.pathCount()));
  }
}
