package dev.statewire.runtime.testkit;

import dev.statewire.runtime.PathKind;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.ValueCodec;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only reflective {@link Schema} builder: what the annotation processor generates as static
 * arrays, built here from a record class by reflection (never in the library).
 *
 * <p>Path IDs follow the {@link Schema} javadoc: dense from 0 in depth-first declaration order, the
 * root is 0 (name {@code ""}, parent {@code -1}), record components become children in
 * declaration order, and a {@code Map<String, R>} / {@code List<R>} gets one template child named
 * {@code "*"} describing {@code R}. Wiring is given as dot paths (templates spelled {@code "*"})
 * and kept in the order given, which fixes group and member order (PIPELINE.md §4).
 *
 * <pre>{@code
 * Schema s = TestSchemas.of(Checkout.class)
 *     .sync("shipping.street", "billing.street")
 *     .flip("isBuy", "isSell")
 *     .aggregate("allSelected", "items.k1.selected", "items.k2.selected")
 *     .build();
 * }</pre>
 */
public final class TestSchemas {
  private TestSchemas() {}

  /** Starts a schema for {@code rootType}, with no wiring yet. */
  public static Builder of(Class<? extends Record> rootType) {
    return new Builder(rootType);
  }

  /** A schema for {@code rootType} without wiring. */
  public static Schema schema(Class<? extends Record> rootType) {
    return of(rootType).build();
  }

  /**
   * The Java type at a dot path below {@code rootType} ({@code int.class} for an {@code int}
   * component, the record class for a record, {@code Map.class}/{@code List.class} for a
   * container, the entry type for {@code "*"}).
   */
  public static Class<?> typeAt(Class<? extends Record> rootType, String path) {
    Builder b = of(rootType);
    return b.type(b.id(path));
  }

  /**
   * The generic Java type at a concrete dot path below {@code rootType}: record components by
   * name, any map key ({@code items.k1}) gives the map's value type, any list index the element
   * type. {@code ""} is the root.
   *
   * @throws IllegalArgumentException if the path does not exist in the type
   */
  public static Type genericTypeAt(Class<? extends Record> rootType, String path) {
    Type t = rootType;
    if (path.isEmpty()) {
      return t;
    }
    for (String seg : path.split("\\.", -1)) {
      Class<?> raw = rawClass(t);
      Type next = null;
      if (raw.isRecord()) {
        for (RecordComponent rc : raw.getRecordComponents()) {
          if (rc.getName().equals(seg)) {
            next = rc.getGenericType();
          }
        }
      } else if (raw == Map.class && t instanceof ParameterizedType pt) {
        next = pt.getActualTypeArguments()[1];
      } else if (raw == List.class && t instanceof ParameterizedType pt && seg.matches("\\d+|\\*")) {
        next = pt.getActualTypeArguments()[0];
      }
      if (next == null) {
        throw new IllegalArgumentException(
            "no path \"" + path + "\" in " + rootType.getSimpleName() + " (at segment \"" + seg + "\")");
      }
      t = next;
    }
    return t;
  }

  /** Collects the path table of a root record type and its dot-path wiring. */
  public static final class Builder {
    private final Class<? extends Record> rootType;
    private final List<String> names = new ArrayList<>();
    private final List<Integer> parents = new ArrayList<>();
    private final List<PathKind> kinds = new ArrayList<>();
    private final List<Class<?>> types = new ArrayList<>();
    /** Generic types as the schema's type names: reflection's names without spaces. */
    private final List<String> typeNames = new ArrayList<>();
    private final List<String> paths = new ArrayList<>();
    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private final List<int[]> syncPairs = new ArrayList<>();
    private final List<int[]> flipPairs = new ArrayList<>();
    private final List<int[]> aggregations = new ArrayList<>();

    private Builder(Class<? extends Record> rootType) {
      this.rootType = Objects.requireNonNull(rootType, "rootType");
      if (!rootType.isRecord()) {
        throw new IllegalArgumentException(rootType.getName() + " is not a record");
      }
      add("", -1, PathKind.RECORD, rootType, rootType);
      Deque<Class<?>> stack = new ArrayDeque<>();
      addComponents(0, rootType, stack);
    }

    private int add(String name, int parent, PathKind kind, Class<?> type, Type generic) {
      int id = names.size();
      names.add(name);
      parents.add(parent);
      kinds.add(kind);
      types.add(type);
      typeNames.add(generic.getTypeName().replace(" ", ""));
      String path = parent <= 0 ? name : paths.get(parent) + "." + name;
      paths.add(path);
      ids.put(path, id);
      return id;
    }

    private void addComponents(int parentId, Class<?> recordType, Deque<Class<?>> stack) {
      if (stack.contains(recordType)) {
        throw new IllegalArgumentException(
            "record " + recordType.getName() + " contains itself; a recursive state type needs a"
                + " Map or List between the levels");
      }
      stack.push(recordType);
      for (RecordComponent rc : recordType.getRecordComponents()) {
        addPath(rc.getName(), parentId, rc.getGenericType(), stack);
      }
      stack.pop();
    }

    private void addPath(String name, int parentId, Type generic, Deque<Class<?>> stack) {
      Class<?> raw = rawClass(generic);
      PathKind kind = kindOf(raw);
      int id = add(name, parentId, kind, raw, generic);
      if (kind == PathKind.RECORD) {
        addComponents(id, raw, stack);
      } else if (kind == PathKind.MAP) {
        Type[] args = typeArguments(generic, 2, name);
        if (rawClass(args[0]) != String.class) {
          throw new IllegalArgumentException("map keys must be String at \"" + paths.get(id) + "\"");
        }
        addPath("*", id, args[1], stack);
      } else if (kind == PathKind.LIST) {
        addPath("*", id, typeArguments(generic, 1, name)[0], stack);
      }
    }

    private static Type[] typeArguments(Type generic, int count, String name) {
      if (!(generic instanceof ParameterizedType pt) || pt.getActualTypeArguments().length != count) {
        throw new IllegalArgumentException("container component \"" + name + "\" needs type arguments");
      }
      return pt.getActualTypeArguments();
    }

    /** The static path ID of a dot path ({@code ""} for the root, {@code "*"} for templates). */
    public int id(String path) {
      Integer id = ids.get(path);
      if (id == null) {
        throw new IllegalArgumentException(
            "no path \"" + path + "\" in " + rootType.getSimpleName() + "; paths: " + ids.keySet());
      }
      return id;
    }

    /** The Java type of a static path ID. */
    public Class<?> type(int id) {
      return types.get(id);
    }

    /** The kind of a static path ID. */
    public PathKind kind(int id) {
      return kinds.get(id);
    }

    /** Every static dot path, in ID order. */
    public List<String> paths() {
      return Collections.unmodifiableList(paths);
    }

    /** Adds a static sync pair (order matters, PIPELINE.md §4). */
    public Builder sync(String a, String b) {
      syncPairs.add(new int[] {id(a), id(b)});
      return this;
    }

    /** Adds a static flip pair. */
    public Builder flip(String a, String b) {
      flipPairs.add(new int[] {id(a), id(b)});
      return this;
    }

    /** Adds a static aggregation: {@code target} reflects {@code sources}, in this order. */
    public Builder aggregate(String target, String... sources) {
      int[] row = new int[sources.length + 1];
      row[0] = id(target);
      for (int i = 0; i < sources.length; i++) {
        row[i + 1] = id(sources[i]);
      }
      aggregations.add(row);
      return this;
    }

    /** Builds the schema (the runtime validates the tables). */
    public Schema build() {
      int n = names.size();
      int[] parentArray = new int[n];
      for (int i = 0; i < n; i++) {
        parentArray[i] = parents.get(i);
      }
      Class<?>[] typeArray = types.toArray(new Class<?>[0]);
      return new Schema(
          rootType,
          names.toArray(new String[0]),
          parentArray,
          kinds.toArray(new PathKind[0]),
          typeArray,
          syncPairs.toArray(new int[0][]),
          flipPairs.toArray(new int[0][]),
          aggregations.toArray(new int[0][]),
          new ReflectiveCodec(typeArray.clone()),
          typeNames.toArray(new String[0]));
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(rootType.getSimpleName()).append(" paths:\n");
      for (int i = 0; i < names.size(); i++) {
        sb.append(String.format("  %3d %-30s %-7s %s parent=%d%n",
            i, paths.get(i).isEmpty() ? "<root>" : paths.get(i), kinds.get(i),
            types.get(i).getSimpleName(), parents.get(i)));
      }
      return sb.toString();
    }
  }

  static Class<?> rawClass(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType pt) {
      return (Class<?>) pt.getRawType();
    }
    // type variables, wildcards and arrays of them: an opaque value
    return Object.class;
  }

  /** The path kind of a component type, as PIPELINE.md §1 and {@link PathKind} say. */
  public static PathKind kindOf(Class<?> c) {
    if (c == boolean.class || c == Boolean.class) {
      return PathKind.BOOLEAN;
    }
    if (c == byte.class || c == Byte.class) {
      return PathKind.BYTE;
    }
    if (c == short.class || c == Short.class) {
      return PathKind.SHORT;
    }
    if (c == char.class || c == Character.class) {
      return PathKind.CHAR;
    }
    if (c == int.class || c == Integer.class) {
      return PathKind.INT;
    }
    if (c == long.class || c == Long.class) {
      return PathKind.LONG;
    }
    if (c == float.class || c == Float.class) {
      return PathKind.FLOAT;
    }
    if (c == double.class || c == Double.class) {
      return PathKind.DOUBLE;
    }
    if (c == String.class) {
      return PathKind.STRING;
    }
    if (c.isEnum()) {
      return PathKind.ENUM;
    }
    if (c.isRecord()) {
      return PathKind.RECORD;
    }
    if (c == Map.class) {
      return PathKind.MAP;
    }
    if (c == List.class) {
      return PathKind.LIST;
    }
    return PathKind.OBJECT;
  }

  /**
   * A {@link ValueCodec} over record accessors and canonical constructors, found by reflection
   * (test code only; generated schemas use a {@code switch}).
   */
  static final class ReflectiveCodec implements ValueCodec {
    private final Class<?>[] types;
    private final Map<Class<?>, Method[]> accessors = new ConcurrentHashMap<>();
    private final Map<Class<?>, Constructor<?>> constructors = new ConcurrentHashMap<>();

    ReflectiveCodec(Class<?>[] types) {
      this.types = types;
    }

    private Class<?> recordType(int pathId) {
      if (pathId < 0 || pathId >= types.length || !types[pathId].isRecord()) {
        throw new IllegalArgumentException(
            "codec called with path ID " + pathId + ", which is not a static record path"
                + (pathId >= 0 && pathId < types.length ? " (type " + types[pathId].getName() + ")" : ""));
      }
      return types[pathId];
    }

    private Method[] accessors(Class<?> type) {
      return accessors.computeIfAbsent(type, t -> {
        RecordComponent[] rcs = t.getRecordComponents();
        Method[] ms = new Method[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
          ms[i] = rcs[i].getAccessor();
          ms[i].setAccessible(true);
        }
        return ms;
      });
    }

    private Constructor<?> constructor(Class<?> type) {
      return constructors.computeIfAbsent(type, t -> {
        Class<?>[] params = Arrays.stream(t.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
        try {
          Constructor<?> c = t.getDeclaredConstructor(params);
          c.setAccessible(true);
          return c;
        } catch (NoSuchMethodException e) {
          throw new IllegalStateException("no canonical constructor in " + t.getName(), e);
        }
      });
    }

    @Override
    public Object component(int pathId, Object record, int ordinal) {
      Class<?> type = recordType(pathId);
      if (!type.isInstance(record)) {
        throw new IllegalArgumentException(
            "codec.component(" + pathId + ") expects a " + type.getName() + " but got "
                + (record == null ? "null" : record.getClass().getName()));
      }
      Method[] ms = accessors(type);
      if (ordinal < 0 || ordinal >= ms.length) {
        throw new IndexOutOfBoundsException(
            "component " + ordinal + " of " + type.getName() + " (" + ms.length + " components)");
      }
      try {
        return ms[ordinal].invoke(record);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("accessor of " + type.getName() + " threw", e.getCause());
      }
    }

    @Override
    public Object construct(int pathId, Object[] components) {
      Class<?> type = recordType(pathId);
      Constructor<?> c = constructor(type);
      if (components.length != c.getParameterCount()) {
        throw new IllegalArgumentException(
            "codec.construct(" + pathId + ") for " + type.getName() + " got " + components.length
                + " components, needs " + c.getParameterCount());
      }
      try {
        return c.newInstance(components.clone());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "codec.construct(" + pathId + ") for " + type.getName() + " with "
                + Arrays.toString(components) + ": " + e.getMessage(), e);
      } catch (InstantiationException | IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("constructor of " + type.getName() + " threw", e.getCause());
      }
    }
  }
}
