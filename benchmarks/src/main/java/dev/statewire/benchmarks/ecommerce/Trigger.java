package dev.statewire.benchmarks.ecommerce;

import dev.statewire.runtime.Batch;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Store;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One input batch of ECOMMERCE.md (S01..S16): dot paths and values, in input order. */
public final class Trigger {
  private final String name;
  private final List<String> paths = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  Trigger(String name) {
    this.name = name;
  }

  void add(String path, Object value) {
    paths.add(path);
    values.add(value);
  }

  /** S01..S16. */
  public String name() {
    return name;
  }

  /** The input paths, in order. */
  public List<String> paths() {
    return Collections.unmodifiableList(paths);
  }

  /** The input values, in order ({@code Double}, {@code Integer}, {@code Boolean}, {@code String}). */
  public List<Object> values() {
    return Collections.unmodifiableList(values);
  }

  /** Number of input changes. */
  public int size() {
    return paths.size();
  }

  /** This trigger with its paths resolved to the path IDs of {@code store}. */
  public Bound bind(Store store) {
    return new Bound(store);
  }

  @Override
  public String toString() {
    return name + " (" + paths.size() + " inputs)";
  }

  /**
   * A trigger resolved against one store: path IDs and unboxed values, so that applying it costs
   * the pipeline and nothing else (primitives go through {@code setDouble}/{@code setInt}/{@code
   * setBoolean}, strings through {@code set}).
   */
  public final class Bound {
    private static final byte DOUBLE = 0;
    private static final byte INT = 1;
    private static final byte BOOLEAN = 2;
    private static final byte REF = 3;

    private final Store store;
    private final int[] ids;
    private final byte[] kinds;
    private final double[] doubles;
    private final int[] ints;
    private final Object[] refs;

    Bound(Store store) {
      this.store = store;
      int n = paths.size();
      ids = new int[n];
      kinds = new byte[n];
      doubles = new double[n];
      ints = new int[n];
      refs = new Object[n];
      for (int i = 0; i < n; i++) {
        ids[i] = store.resolve(paths.get(i));
        Object v = values.get(i);
        if (v instanceof Double d) {
          kinds[i] = DOUBLE;
          doubles[i] = d;
        } else if (v instanceof Integer x) {
          kinds[i] = INT;
          ints[i] = x;
        } else if (v instanceof Boolean b) {
          kinds[i] = BOOLEAN;
          ints[i] = b ? 1 : 0;
        } else {
          kinds[i] = REF;
          refs[i] = v;
        }
      }
    }

    /** The trigger's name. */
    public String name() {
      return name;
    }

    /** Runs the trigger as one batch; returns the applied changes (valid until the next batch). */
    public Changes apply() {
      Batch b = store.batch();
      for (int i = 0; i < ids.length; i++) {
        switch (kinds[i]) {
          case DOUBLE:
            b.setDouble(ids[i], doubles[i]);
            break;
          case INT:
            b.setInt(ids[i], ints[i]);
            break;
          case BOOLEAN:
            b.setBoolean(ids[i], ints[i] != 0);
            break;
          default:
            b.set(ids[i], refs[i]);
            break;
        }
      }
      return b.apply();
    }
  }
}
