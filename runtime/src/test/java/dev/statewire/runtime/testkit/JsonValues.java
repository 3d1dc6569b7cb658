package dev.statewire.runtime.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.statewire.runtime.Store;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON values of the conformance vectors on one side, Java values of the store on the other:
 * conversion of inputs to the path's Java type, and comparison as the vectors README says (numbers
 * numerically, strings and booleans exactly, {@code null} only with {@code null}, objects field by
 * field).
 */
public final class JsonValues {
  private JsonValues() {}

  /** Converts a JSON value to {@code type} (a record is built through its canonical constructor). */
  public static Object toJava(JsonElement json, Type type, String where) {
    Class<?> raw = TestSchemas.rawClass(type);
    if (json == null || json.isJsonNull()) {
      if (raw.isPrimitive()) {
        throw new IllegalArgumentException("null for primitive " + raw + " at \"" + where + "\"");
      }
      return null;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return primitive(json, where).getAsBoolean();
    }
    if (raw == int.class || raw == Integer.class) {
      return exact(json, where).intValueExact();
    }
    if (raw == long.class || raw == Long.class) {
      return exact(json, where).longValueExact();
    }
    if (raw == short.class || raw == Short.class) {
      return exact(json, where).shortValueExact();
    }
    if (raw == byte.class || raw == Byte.class) {
      return exact(json, where).byteValueExact();
    }
    if (raw == double.class || raw == Double.class) {
      return primitive(json, where).getAsDouble();
    }
    if (raw == float.class || raw == Float.class) {
      return primitive(json, where).getAsFloat();
    }
    if (raw == char.class || raw == Character.class) {
      String s = primitive(json, where).getAsString();
      if (s.length() != 1) {
        throw new IllegalArgumentException("not one char at \"" + where + "\": " + json);
      }
      return s.charAt(0);
    }
    if (raw == String.class) {
      JsonPrimitive p = primitive(json, where);
      if (!p.isString()) {
        throw new IllegalArgumentException("not a string at \"" + where + "\": " + json);
      }
      return p.getAsString();
    }
    if (raw.isEnum()) {
      String name = primitive(json, where).getAsString();
      for (Object c : raw.getEnumConstants()) {
        if (((Enum<?>) c).name().equals(name)) {
          return c;
        }
      }
      throw new IllegalArgumentException("no constant " + name + " in " + raw + " at \"" + where + "\"");
    }
    if (raw.isRecord()) {
      if (!json.isJsonObject()) {
        throw new IllegalArgumentException("not an object at \"" + where + "\": " + json);
      }
      JsonObject o = json.getAsJsonObject();
      RecordComponent[] rcs = raw.getRecordComponents();
      Set<String> unknown = new LinkedHashSet<>(o.keySet());
      Object[] args = new Object[rcs.length];
      Class<?>[] params = new Class<?>[rcs.length];
      for (int i = 0; i < rcs.length; i++) {
        String name = rcs[i].getName();
        String sub = where.isEmpty() ? name : where + "." + name;
        if (!o.has(name)) {
          throw new IllegalArgumentException("object at \"" + where + "\" lacks field " + name + ": " + json);
        }
        unknown.remove(name);
        args[i] = toJava(o.get(name), rcs[i].getGenericType(), sub);
        params[i] = rcs[i].getType();
      }
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException(
            "object at \"" + where + "\" has fields " + unknown + " that " + raw.getSimpleName() + " lacks");
      }
      try {
        Constructor<?> c = raw.getDeclaredConstructor(params);
        c.setAccessible(true);
        return c.newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot build " + raw.getName(), e);
      }
    }
    if (raw == Map.class) {
      Type valueType = ((ParameterizedType) type).getActualTypeArguments()[1];
      Map<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
        m.put(e.getKey(), toJava(e.getValue(), valueType, where + "." + e.getKey()));
      }
      return m;
    }
    if (raw == List.class) {
      Type elementType = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<Object> l = new ArrayList<>();
      JsonArray a = json.getAsJsonArray();
      for (int i = 0; i < a.size(); i++) {
        l.add(toJava(a.get(i), elementType, where + "." + i));
      }
      return l;
    }
    throw new IllegalArgumentException("no JSON conversion to " + type + " at \"" + where + "\"");
  }

  private static JsonPrimitive primitive(JsonElement json, String where) {
    if (!json.isJsonPrimitive()) {
      throw new IllegalArgumentException("not a primitive at \"" + where + "\": " + json);
    }
    return json.getAsJsonPrimitive();
  }

  private static BigDecimal exact(JsonElement json, String where) {
    JsonPrimitive p = primitive(json, where);
    if (!p.isNumber()) {
      throw new IllegalArgumentException("not a number at \"" + where + "\": " + json);
    }
    return new BigDecimal(p.getAsString());
  }

  /**
   * Compares an expected JSON value with an actual Java value, adding one line per difference to
   * {@code out} (nothing when they are equal).
   */
  public static void diff(String path, JsonElement expected, Object actual, List<String> out) {
    String at = path.isEmpty() ? "<root>" : path;
    if (expected == null || expected.isJsonNull()) {
      if (actual != null) {
        out.add(at + ": expected null, got " + describe(actual));
      }
      return;
    }
    if (actual == null || actual == Store.ABSENT) {
      out.add(at + ": expected " + expected + ", got " + describe(actual));
      return;
    }
    if (expected.isJsonPrimitive()) {
      JsonPrimitive p = expected.getAsJsonPrimitive();
      boolean same;
      if (p.isBoolean()) {
        same = actual instanceof Boolean b && b == p.getAsBoolean();
      } else if (p.isNumber()) {
        same = actual instanceof Number n && numericallyEqual(p, n);
      } else if (actual instanceof Enum<?> e) {
        same = e.name().equals(p.getAsString());
      } else if (actual instanceof Character c) {
        same = String.valueOf(c).equals(p.getAsString());
      } else {
        same = actual instanceof String s && s.equals(p.getAsString());
      }
      if (!same) {
        out.add(at + ": expected " + expected + ", got " + describe(actual));
      }
      return;
    }
    if (expected.isJsonObject()) {
      JsonObject o = expected.getAsJsonObject();
      Map<String, Object> fields = fieldsOf(actual);
      if (fields == null) {
        out.add(at + ": expected object " + expected + ", got " + describe(actual));
        return;
      }
      Set<String> keys = new LinkedHashSet<>(o.keySet());
      keys.addAll(fields.keySet());
      for (String k : keys) {
        String sub = path.isEmpty() ? k : path + "." + k;
        if (!o.has(k)) {
          out.add(sub + ": not expected, got " + describe(fields.get(k)));
        } else if (!fields.containsKey(k)) {
          out.add(sub + ": expected " + o.get(k) + ", missing");
        } else {
          diff(sub, o.get(k), fields.get(k), out);
        }
      }
      return;
    }
    JsonArray a = expected.getAsJsonArray();
    if (!(actual instanceof List<?> l)) {
      out.add(at + ": expected array " + expected + ", got " + describe(actual));
      return;
    }
    if (a.size() != l.size()) {
      out.add(at + ": expected " + a.size() + " entries, got " + l.size() + ": " + describe(actual));
      return;
    }
    for (int i = 0; i < a.size(); i++) {
      diff(path + "." + i, a.get(i), l.get(i), out);
    }
  }

  /** Whether an expected JSON value equals an actual Java value. */
  public static boolean matches(JsonElement expected, Object actual) {
    List<String> out = new ArrayList<>();
    diff("", expected, actual, out);
    return out.isEmpty();
  }

  private static boolean numericallyEqual(JsonPrimitive p, Number n) {
    if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return false;
    }
    if (n instanceof Float f && (f.isNaN() || f.isInfinite())) {
      return false;
    }
    BigDecimal actual =
        n instanceof Double || n instanceof Float
            ? BigDecimal.valueOf(n.doubleValue())
            : new BigDecimal(n.toString());
    return new BigDecimal(p.getAsString()).compareTo(actual) == 0;
  }

  /** The named fields of a record or map, in order, or {@code null} for other values. */
  static Map<String, Object> fieldsOf(Object value) {
    if (value instanceof Record r) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (RecordComponent rc : r.getClass().getRecordComponents()) {
        try {
          Method acc = rc.getAccessor();
          acc.setAccessible(true);
          m.put(rc.getName(), acc.invoke(r));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return m;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        m.put(String.valueOf(e.getKey()), e.getValue());
      }
      return m;
    }
    return null;
  }

  /** A Java value as JSON, for messages ({@code "<absent>"} for {@link Store#ABSENT}). */
  public static JsonElement toJson(Object value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    if (value == Store.ABSENT) {
      return new JsonPrimitive("<absent>");
    }
    if (value instanceof Boolean b) {
      return new JsonPrimitive(b);
    }
    if (value instanceof Number n) {
      return new JsonPrimitive(n);
    }
    if (value instanceof String s) {
      return new JsonPrimitive(s);
    }
    if (value instanceof Character c) {
      return new JsonPrimitive(c);
    }
    if (value instanceof Enum<?> e) {
      return new JsonPrimitive(e.name());
    }
    Map<String, Object> fields = fieldsOf(value);
    if (fields != null) {
      JsonObject o = new JsonObject();
      fields.forEach((k, v) -> o.add(k, toJson(v)));
      return o;
    }
    if (value instanceof Iterable<?> it) {
      JsonArray a = new JsonArray();
      for (Iterator<?> i = it.iterator(); i.hasNext(); ) {
        a.add(toJson(i.next()));
      }
      return a;
    }
    return new JsonPrimitive(value.getClass().getSimpleName() + ":" + value);
  }

  /** A value for messages: JSON with the Java type of leaves that could be confused. */
  public static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value == Store.ABSENT) {
      return "<absent>";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value + " (" + value.getClass().getSimpleName() + ")";
    }
    return toJson(value).toString();
  }

  /** All leaf paths of an expected JSON state with their values, depth first. */
  public static Map<String, JsonElement> leaves(JsonElement state) {
    Map<String, JsonElement> out = new LinkedHashMap<>();
    collectLeaves("", state, out);
    return out;
  }

  private static void collectLeaves(String path, JsonElement e, Map<String, JsonElement> out) {
    if (e.isJsonObject()) {
      for (Map.Entry<String, JsonElement> en : e.getAsJsonObject().entrySet()) {
        collectLeaves(path.isEmpty() ? en.getKey() : path + "." + en.getKey(), en.getValue(), out);
      }
    } else if (e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      for (int i = 0; i < a.size(); i++) {
        collectLeaves(path + "." + i, a.get(i), out);
      }
    } else {
      out.put(path, e);
    }
  }
}
