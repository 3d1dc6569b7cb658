package dev.statewire.runtime.reliability;

import dev.statewire.runtime.reliability.Model.Input;
import dev.statewire.runtime.reliability.Runner.AggStep;
import dev.statewire.runtime.reliability.Runner.BatchStep;
import dev.statewire.runtime.reliability.Runner.CloseStep;
import dev.statewire.runtime.reliability.Runner.Fault;
import dev.statewire.runtime.reliability.Runner.ListenStep;
import dev.statewire.runtime.reliability.Runner.PairStep;
import dev.statewire.runtime.reliability.Runner.Step;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random initial states, batches and runtime wiring for one scenario, drawn from a seeded {@link
 * Random} and the model's current state (which paths and entries exist, which groups and targets
 * there are), so that batches hit the interesting cases: parent writes, writes to aggregation
 * targets, conflicting writes in one batch, values copied from other paths (no-ops and equal
 * sources), map entries put and removed, every value kind including NaN and −0.0.
 */
final class Generator {
  static final String[] KEYS = {"k1", "k2", "k3", "k4", "k5"};
  private static final String[] STRINGS = {"", "a", "b", "p", "q", "1 Main St", "Prague", "ü€", "11000"};
  private static final int[] INTS = {0, 1, 2, 3, 5, 7, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};
  private static final long[] LONGS = {0L, 1L, 5L, -1L, Long.MAX_VALUE, Long.MIN_VALUE};
  private static final double[] DOUBLES = {0.0, -0.0, 1.5, 10.0, Double.NaN, Double.MAX_VALUE,
      Double.MIN_VALUE, Double.POSITIVE_INFINITY, -2.5e-300};
  private static final LocalDate[] DATES = {LocalDate.of(2024, 1, 1), LocalDate.of(2025, 6, 30), LocalDate.of(1999, 12, 31)};

  private final Random rnd;
  private final Scenario scenario;
  private int nextId;
  private final List<Integer> registered = new ArrayList<>();
  /**
   * Whether scripts aim at the engine's fixed-cost lanes: every listener on the root, and batches
   * of one or two writes.
   */
  private final boolean lanes;

  Generator(Random rnd, Scenario scenario) {
    this(rnd, scenario, false);
  }

  Generator(Random rnd, Scenario scenario, boolean lanes) {
    this.rnd = rnd;
    this.scenario = scenario;
    this.lanes = lanes;
  }

  // ---- values ----

  /** A random value of type {@code t}; null only where the Java type allows it. */
  Object value(Type t, int depth) {
    Class<?> c = Model.raw(t);
    if (!c.isPrimitive() && rnd.nextInt(100) < (Model.isRecord(t) || Model.isMap(t) ? 8 : 12)) {
      return null;
    }
    if (c == boolean.class || c == Boolean.class) {
      return rnd.nextBoolean();
    }
    if (c == int.class || c == Integer.class) {
      return INTS[rnd.nextInt(rnd.nextInt(4) == 0 ? INTS.length : 4)];
    }
    if (c == long.class || c == Long.class) {
      return LONGS[rnd.nextInt(LONGS.length)];
    }
    if (c == double.class || c == Double.class) {
      return DOUBLES[rnd.nextInt(rnd.nextInt(3) == 0 ? DOUBLES.length : 4)];
    }
    if (c == String.class) {
      return STRINGS[rnd.nextInt(rnd.nextInt(3) == 0 ? STRINGS.length : 4)];
    }
    if (c.isEnum()) {
      Object[] k = c.getEnumConstants();
      return k[rnd.nextInt(k.length)];
    }
    if (c == LocalDate.class) {
      return DATES[rnd.nextInt(DATES.length)];
    }
    if (Model.isMap(t)) {
      Map<String, Object> m = new LinkedHashMap<>();
      int n = rnd.nextInt(depth == 0 ? 5 : 4);
      for (int i = 0; i < n; i++) {
        Object v = value(Model.entryType(t), depth + 1);
        if (v != null) {
          m.put(KEYS[rnd.nextInt(KEYS.length)], v);
        }
      }
      return m;
    }
    if (c.isRecord()) {
      LinkedHashMap<String, Object> m = new LinkedHashMap<>();
      for (RecordComponent rc : c.getRecordComponents()) {
        m.put(rc.getName(), Model.fromJava(rc.getGenericType(), value(rc.getGenericType(), depth + 1)));
      }
      return Model.toJava(t, m);
    }
    throw new IllegalArgumentException("no generator for " + t);
  }

  /** A random initial state: no null records at the top, so that wiring has values to align. */
  Object initial() {
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    for (RecordComponent rc : scenario.type().getRecordComponents()) {
      Object v;
      do {
        v = value(rc.getGenericType(), 0);
      } while (v == null && rnd.nextInt(4) != 0);
      m.put(rc.getName(), Model.fromJava(rc.getGenericType(), v));
    }
    return Model.toJava(scenario.type(), m);
  }

  // ---- paths ----

  /** Every path that resolves now (not the root), in depth-first order. */
  static List<String> paths(Model model) {
    List<String> out = new ArrayList<>();
    collect(model, "", model.rootType, out);
    return out;
  }

  private static void collect(Model model, String path, Type t, List<String> out) {
    if (!path.isEmpty()) {
      out.add(path);
    }
    if (Model.isRecord(t)) {
      for (RecordComponent rc : Model.components(t)) {
        collect(model, Model.join(path, rc.getName()), rc.getGenericType(), out);
      }
    } else if (Model.isMap(t)) {
      for (String k : model.keys(path)) {
        collect(model, path + "." + k, Model.entryType(t), out);
      }
    }
  }

  /** Whether {@code p} lies in a map entry (listener returns name static paths only). */
  private boolean isEntryPath(String p) {
    return scenario.type() == RShapes.Market.class && p.startsWith("items.");
  }

  private <T> T pick(List<T> l) {
    return l.get(rnd.nextInt(l.size()));
  }

  /** A value for {@code path}: often another path's current value of the same type. */
  private Object valueFor(Model model, String path, List<String> paths) {
    Type t = model.typeAt(path);
    if (rnd.nextInt(4) == 0) {
      List<String> same = new ArrayList<>();
      for (String p : paths) {
        if (Model.raw(model.typeAt(p)) == Model.raw(t)) {
          same.add(p);
        }
      }
      Object v = Model.visible(model.typeAt(path), model.get(pick(same)));
      if (v != Model.ABSENT && (v != null || !Model.raw(t).isPrimitive())) {
        return Model.toJava(t, v);
      }
    }
    return value(t, 1);
  }

  // ---- batches ----

  BatchStep batch(Model model) {
    List<String> paths = paths(model);
    List<String> leaves = new ArrayList<>();
    List<String> nodes = new ArrayList<>();
    for (String p : paths) {
      Type t = model.typeAt(p);
      (Model.isRecord(t) || Model.isMap(t) ? nodes : leaves).add(p);
    }
    boolean market = scenario.type() == RShapes.Market.class;
    int size = lanes ? 1 + rnd.nextInt(4) / 3 : switch (rnd.nextInt(10)) {
      case 0 -> 16 + rnd.nextInt(35);
      case 1, 2, 3 -> 6 + rnd.nextInt(10);
      default -> 1 + rnd.nextInt(5);
    };
    List<Input> ops = new ArrayList<>();
    while (ops.size() < size) {
      int r = rnd.nextInt(100);
      String path;
      if (r < 40) {
        path = pick(leaves);
      } else if (r < 55) {
        path = pick(nodes);
      } else if (r < 65 && !model.aggregationTargets().isEmpty()) {
        path = pick(model.aggregationTargets());
        if (!model.resolvable(path)) {
          continue;
        }
        List<String> below = new ArrayList<>();
        for (String p : paths) {
          if (Model.isAncestorOrSelf(path, p)) {
            below.add(p);
          }
        }
        path = pick(below);
      } else if (r < 77 && !ops.isEmpty()) {
        Input earlier = pick(ops);
        String ep = earlier.op().equals("set") ? earlier.path() : earlier.path() + "." + earlier.key();
        path = conflictWith(model, ep, paths);
        if (path == null || !model.resolvable(path)) {
          continue;
        }
      } else if (r < 87 && market) {
        String key = KEYS[rnd.nextInt(KEYS.length)];
        ops.add(new Input("put", "items", key, value(model.typeAt("items." + key), 1)));
        continue;
      } else if (r < 92 && market) {
        List<String> keys = model.keys("items");
        if (!keys.isEmpty()) {
          ops.add(new Input("remove", "items", pick(keys), null));
        }
        continue;
      } else {
        path = pick(paths);
        Object v = Model.visible(model.typeAt(path), model.get(path));
        if (v != Model.ABSENT && (v != null || !Model.raw(model.typeAt(path)).isPrimitive())) {
          ops.add(new Input("set", path, null, Model.toJava(model.typeAt(path), v))); // a no-op write
          continue;
        }
      }
      Object v = valueFor(model, path, paths);
      if (v == null && Model.raw(model.typeAt(path)).isPrimitive()) {
        continue;
      }
      ops.add(new Input("set", path, null, v));
    }
    Object tag = rnd.nextInt(5) == 0 ? "t" + rnd.nextInt(100) : null;
    return new BatchStep(ops, tag);
  }

  /** A path that conflicts with {@code p}: itself, a group peer, its parent, or a child. */
  private String conflictWith(Model model, String p, List<String> paths) {
    switch (rnd.nextInt(4)) {
      case 0:
        return p;
      case 1: {
        List<String> peers = new ArrayList<>();
        for (List<List<String>> gs : List.of(model.syncGroups(), model.flipGroups())) {
          for (List<String> g : gs) {
            if (g.contains(p)) {
              peers.addAll(g);
            }
          }
        }
        return peers.isEmpty() ? p : pick(peers);
      }
      case 2:
        return Model.parentOf(p).isEmpty() ? p : Model.parentOf(p);
      default: {
        List<String> below = new ArrayList<>();
        for (String x : paths) {
          if (Model.isStrictAncestor(p, x)) {
            below.add(x);
          }
        }
        return below.isEmpty() ? p : pick(below);
      }
    }
  }

  // ---- wiring ----

  /** Zero to two wiring steps to run before the next batch. */
  List<Step> wiring(Model model, List<Integer> activeIds) {
    List<Step> out = new ArrayList<>();
    int n = rnd.nextInt(10) < 6 ? 0 : 1 + rnd.nextInt(2);
    for (int i = 0; i < n; i++) {
      Step s = wiringStep(model, activeIds);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  private Step wiringStep(Model model, List<Integer> activeIds) {
    List<String> paths = paths(model);
    int r = rnd.nextInt(100);
    if (activeIds.size() > 8 || (r >= 82 && !registered.isEmpty())) {
      // mostly an active registration; now and then one closed already
      int id = !activeIds.isEmpty() && rnd.nextInt(10) != 0 ? pick(activeIds) : pick(registered);
      return new CloseStep(id);
    }
    if (r < 30) {
      String a = pick(paths);
      List<String> same = new ArrayList<>();
      for (String p : paths) {
        if (Model.raw(model.typeAt(p)) == Model.raw(model.typeAt(a)) && (!p.equals(a) || rnd.nextInt(20) == 0)) {
          same.add(p);
        }
      }
      if (same.isEmpty()) {
        return null;
      }
      return register(new PairStep(nextId, false, a, pick(same)));
    }
    if (r < 48) {
      List<String> bools = new ArrayList<>();
      for (String p : paths) {
        if (Model.boxed(Model.raw(model.typeAt(p))) == Boolean.class) {
          bools.add(p);
        }
      }
      if (bools.size() < 2) {
        return null;
      }
      String a = pick(bools);
      String b = pick(bools);
      if (a.equals(b) && rnd.nextInt(5) != 0) {
        return null;
      }
      return register(new PairStep(nextId, true, a, b));
    }
    if (r < 62) {
      List<String> targets = new ArrayList<>();
      for (String p : paths) {
        if (!Model.raw(model.typeAt(p)).isPrimitive()) {
          targets.add(p);
        }
      }
      String t = pick(targets);
      List<String> candidates = new ArrayList<>();
      for (String p : paths) {
        if (!p.equals(t) && Model.boxed(Model.raw(model.typeAt(p))) == Model.raw(model.typeAt(t))) {
          candidates.add(p);
        }
      }
      List<String> sources = new ArrayList<>();
      int k = rnd.nextInt(4);
      for (int i = 0; i < k && !candidates.isEmpty(); i++) {
        sources.add(pick(candidates));
      }
      if (sources.isEmpty() && rnd.nextInt(3) != 0) {
        return null;
      }
      return register(new AggStep(nextId, t, sources));
    }
    // a listener
    String path = lanes || rnd.nextInt(7) == 0 ? "" : pick(paths);
    List<String> scopes = new ArrayList<>();
    scopes.add("");
    for (String s = path; !s.isEmpty(); s = Model.parentOf(s)) {
      scopes.add(s);
    }
    String scope = rnd.nextInt(2) == 0 ? path : pick(scopes);
    List<Object[]> returns = new ArrayList<>();
    List<String> staticPaths = new ArrayList<>();
    for (String p : paths) {
      if (!isEntryPath(p)) {
        staticPaths.add(p);
      }
    }
    int k = rnd.nextInt(3);
    for (int i = 0; i < k; i++) {
      String p = pick(staticPaths);
      Object v = valueFor(model, p, paths);
      if (v != null || !Model.raw(model.typeAt(p)).isPrimitive()) {
        returns.add(new Object[] {p, v});
      }
    }
    int f = rnd.nextInt(100);
    Fault fault = f < 4 ? Fault.THROW : f < 6 ? Fault.BAD_VALUE : f < 7 ? Fault.REENTRANT : Fault.NONE;
    return register(new ListenStep(nextId, path, scope, returns, fault, rnd.nextInt(10) < 3));
  }

  private Step register(Step s) {
    registered.add(nextId++);
    return s;
  }
}
