package dev.statewire.processor.fuzz;

import dev.statewire.processor.fuzz.FuzzTree.Boxed;
import dev.statewire.processor.fuzz.FuzzTree.EnumT;
import dev.statewire.processor.fuzz.FuzzTree.ListOf;
import dev.statewire.processor.fuzz.FuzzTree.MapOf;
import dev.statewire.processor.fuzz.FuzzTree.Opaque;
import dev.statewire.processor.fuzz.FuzzTree.Prim;
import dev.statewire.processor.fuzz.FuzzTree.Rec;
import dev.statewire.processor.fuzz.FuzzTree.Str;
import dev.statewire.processor.fuzz.FuzzTree.T;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random values of the types of a {@link FuzzTree}, as Java values of its compiled classes:
 * every leaf kind with its edge values (NaN, −0.0, MIN/MAX, "" and non-ASCII strings), null
 * where the type allows it, records, maps (keys k1–k5) and lists of 0–3 entries.
 */
final class Values {
  static final String[] KEYS = {"k1", "k2", "k3", "k4", "k5"};
  private static final String[] STRINGS = {"", "a", "b", "p", "ü€", "1 Main St", "Prague"};
  private static final int[] INTS = {0, 1, 2, 7, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};
  private static final long[] LONGS = {0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE};
  private static final double[] DOUBLES = {0.0, -0.0, 1.5, Double.NaN, Double.MAX_VALUE, Double.MIN_VALUE,
      Double.NEGATIVE_INFINITY};
  private static final float[] FLOATS = {0f, -0f, 2.5f, Float.NaN, Float.MAX_VALUE, Float.MIN_VALUE};
  private static final LocalDate[] DATES = {LocalDate.of(2024, 1, 1), LocalDate.of(1999, 12, 31)};

  private final Random rnd;
  private final FuzzTree tree;
  private final ClassLoader loader;

  Values(Random rnd, FuzzTree tree, ClassLoader loader) {
    this.rnd = rnd;
    this.tree = tree;
    this.loader = loader;
  }

  Class<?> load(String simpleName) {
    try {
      return Class.forName(tree.pkg + "." + simpleName, true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A random Java value of type {@code t}; {@code depth} limits the size of nested containers. */
  Object value(T t, int depth) {
    boolean nullable = !(t instanceof Prim);
    if (nullable && rnd.nextInt(100) < (t.isNode() ? 6 : 10)) {
      return null;
    }
    String name = t instanceof Prim p ? p.name() : t instanceof Boxed b ? b.name() : "";
    switch (name) {
      case "boolean", "Boolean":
        return rnd.nextBoolean();
      case "byte", "Byte":
        return (byte) INTS[rnd.nextInt(INTS.length)];
      case "short", "Short":
        return (short) INTS[rnd.nextInt(INTS.length)];
      case "char", "Character":
        return "aZ0ü\u0000".charAt(rnd.nextInt(5));
      case "int", "Integer":
        return INTS[rnd.nextInt(rnd.nextInt(3) == 0 ? INTS.length : 4)];
      case "long", "Long":
        return LONGS[rnd.nextInt(LONGS.length)];
      case "float", "Float":
        return FLOATS[rnd.nextInt(FLOATS.length)];
      case "double", "Double":
        return DOUBLES[rnd.nextInt(rnd.nextInt(3) == 0 ? DOUBLES.length : 3)];
      default:
        break;
    }
    if (t instanceof Str) {
      return STRINGS[rnd.nextInt(STRINGS.length)];
    }
    if (t instanceof EnumT e) {
      Object[] k = load(e.name()).getEnumConstants();
      return k[rnd.nextInt(k.length)];
    }
    if (t instanceof Opaque o) {
      if (o.name().equals("java.time.LocalDate")) {
        return DATES[rnd.nextInt(DATES.length)];
      }
      return construct(load(o.name()), new Class<?>[] {long.class}, new Object[] {(long) rnd.nextInt(3)});
    }
    if (t instanceof MapOf m) {
      Map<String, Object> out = new LinkedHashMap<>();
      int n = rnd.nextInt(depth > 3 ? 2 : 4);
      for (int i = 0; i < n; i++) {
        out.put(KEYS[rnd.nextInt(KEYS.length)], value(m.entry(), depth + 1));
      }
      return out;
    }
    if (t instanceof ListOf l) {
      List<Object> out = new ArrayList<>();
      int n = rnd.nextInt(depth > 3 ? 2 : 4);
      for (int i = 0; i < n; i++) {
        out.add(value(l.entry(), depth + 1));
      }
      return out;
    }
    Rec r = (Rec) t;
    Class<?> c = load(r.name());
    RecordComponent[] rcs = c.getRecordComponents();
    Object[] args = new Object[rcs.length];
    Class<?>[] types = new Class<?>[rcs.length];
    List<FuzzTree.Comp> comps = tree.record(r.name()).comps();
    for (int i = 0; i < rcs.length; i++) {
      args[i] = value(comps.get(i).type(), depth + 1);
      types[i] = rcs[i].getType();
    }
    return construct(c, types, args);
  }

  static Object construct(Class<?> c, Class<?>[] types, Object[] args) {
    try {
      Constructor<?> k = c.getDeclaredConstructor(types);
      k.setAccessible(true);
      return k.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + c, e);
    }
  }

  /** The root value: its record components are seldom null, so that wiring has values to align. */
  Object initial() {
    Class<?> c = load(tree.root().name());
    RecordComponent[] rcs = c.getRecordComponents();
    Object[] args = new Object[rcs.length];
    Class<?>[] types = new Class<?>[rcs.length];
    for (int i = 0; i < rcs.length; i++) {
      T t = tree.root().comps().get(i).type();
      Object v;
      do {
        v = value(t, 0);
      } while (v == null && rnd.nextInt(4) != 0);
      args[i] = v;
      types[i] = rcs[i].getType();
    }
    return construct(c, types, args);
  }

  /**
   * {@code v}, a value of classes of one compilation, rebuilt with the same-named classes of
   * {@code loader} (another compilation of a tree of the same shape, when a failing tree is shrunk).
   */
  static Object port(Object v, ClassLoader loader) {
    if (v == null) {
      return null;
    }
    Class<?> c = v.getClass();
    try {
      if (c.isRecord()) {
        Class<?> n = Class.forName(c.getName(), true, loader);
        RecordComponent[] rcs = c.getRecordComponents();
        Object[] args = new Object[rcs.length];
        Class<?>[] types = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
          java.lang.reflect.Method m = rcs[i].getAccessor();
          m.setAccessible(true);
          args[i] = port(m.invoke(v), loader);
          types[i] = n.getRecordComponents()[i].getType();
        }
        return construct(n, types, args);
      }
      if (c.isEnum() || (c.getSuperclass() != null && c.getSuperclass().isEnum())) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object e = Enum.valueOf((Class) Class.forName(((Enum<?>) v).getDeclaringClass().getName(), true, loader), ((Enum<?>) v).name());
        return e;
      }
      if (v instanceof Map<?, ?> m) {
        Map<Object, Object> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(k, port(x, loader)));
        return out;
      }
      if (v instanceof List<?> l) {
        List<Object> out = new ArrayList<>();
        l.forEach(x -> out.add(port(x, loader)));
        return out;
      }
      if (c.getClassLoader() != null && c.getClassLoader() != Values.class.getClassLoader()) {
        java.lang.reflect.Field f = c.getDeclaredField("cents");
        f.setAccessible(true);
        return construct(Class.forName(c.getName(), true, loader), new Class<?>[] {long.class}, new Object[] {f.get(v)});
      }
      return v;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot port " + v, e);
    }
  }
}
