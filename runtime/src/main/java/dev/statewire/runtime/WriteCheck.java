package dev.statewire.runtime;

import static dev.statewire.runtime.internal.ChangeBuffer.NULL;
import static dev.statewire.runtime.internal.ChangeBuffer.VALUE;
import static dev.statewire.runtime.internal.SchemaTables.boxed;

import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.internal.SchemaTables;
import java.util.List;
import java.util.Map;

/**
 * The checks of a value before it enters a batch: that it fits the path's type (deeply, for
 * records, maps and lists), that map keys are path segments, that a path is a concrete one.
 * Stateless: reads the schema's tables and what each path ID is. Messages name the path, the
 * expected and the actual type.
 */
final class WriteCheck {
  private WriteCheck() {}

  /**
   * Checks that {@code v} fits path {@code p} (deeply for nodes); returns a description of the
   * problem naming the path, or {@code null}.
   */
  static String problem(PathSpace paths, int p, Object v) {
    SchemaTables st = paths.st;
    PathKind k = paths.kind(p);
    if (v != null && (k == PathKind.STRING || k.isPrimitive())
        && v.getClass() == boxed(st.types[paths.tmpl(p)])) {
      return null; // the common case, decided without building the path string
    }
    return problemAt(st, paths.tmpl(p), v, paths.pathString(p));
  }

  static String problemAt(SchemaTables st, int t, Object v, String where) {
    Class<?> type = st.types[t];
    PathKind k = st.kinds[t];
    String shown = "\"" + where + "\"";
    if (v == Store.ABSENT) {
      return "cannot write <absent> to " + shown + "; remove the entry instead";
    }
    if (v == null) {
      return type.isPrimitive()
          ? "cannot write null to " + shown + ": expected " + type.getName() + " (primitive), got null"
          : null;
    }
    Class<?> expected = boxed(type);
    if (k.isPrimitive()) {
      return v.getClass() == expected ? null : mismatch(shown, type, v);
    }
    if (k == PathKind.MAP) {
      if (!(v instanceof Map<?, ?> m)) {
        return mismatch(shown, type, v);
      }
      int et = st.entryTemplate[t];
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String key) || !isValidKey(key)) {
          return "bad key " + Store.describe(e.getKey()) + " in map for " + shown + ": a key "
              + KEY_RULE;
        }
        String r = problemAt(st, et, e.getValue(), where + "." + key);
        if (r != null) {
          return r;
        }
      }
      return null;
    }
    if (k == PathKind.LIST) {
      if (!(v instanceof List<?> l)) {
        return mismatch(shown, type, v);
      }
      int et = st.entryTemplate[t];
      for (int j = 0; j < l.size(); j++) {
        String r = problemAt(st, et, l.get(j), where + "." + j);
        if (r != null) {
          return r;
        }
      }
      return null;
    }
    if (!expected.isInstance(v)) {
      return mismatch(shown, type, v);
    }
    if (k == PathKind.RECORD) {
      int[] kids = st.children[t];
      for (int j = 0; j < kids.length; j++) {
        int c = kids[j];
        PathKind ck = st.kinds[c];
        if (ck.isNode() || st.kinds[c] == PathKind.OBJECT) {
          String r = problemAt(st, c, st.codec.component(t, v, j), where + "." + st.names[c]);
          if (r != null) {
            return r;
          }
        }
      }
    }
    return null;
  }

  /** A map key is one path segment: not empty, no '.', and not the wildcard of wiring paths. */
  static boolean isValidKey(String key) {
    return !key.isEmpty() && key.indexOf('.') < 0 && !key.equals("*");
  }

  static final String KEY_RULE =
      "must be non-empty, contain no '.' and not be \"*\" (which stands for every entry in wiring"
          + " paths)";

  private static String mismatch(String shown, Class<?> type, Object v) {
    return "cannot write " + Store.describe(v) + " to " + shown + ": expected " + type.getName()
        + ", got " + v.getClass().getName();
  }

  static void add(PathSpace paths, ChangeBuffer buf, int p, Object v, int flags, Object tg) {
    SchemaTables st = paths.st;
    // a value of exactly the class of a writable string or primitive path passes with one
    // writability test and one class comparison; anything else takes the full check and its message
    int t = paths.writableTemplate(p);
    if (t >= 0 && v != null && v.getClass() == st.leafTypes[t]) {
      PathKind k = st.kinds[t];
      if (k.isPrimitive()) {
        buf.add(p, VALUE, Shadow.toBits(k, v), null, flags, tg);
      } else {
        buf.add(p, VALUE, 0, v, flags, tg);
      }
      return;
    }
    addChecked(paths, buf, p, v, flags, tg);
  }

  /** {@link #add} for every other value: the full check, out of line to keep the fast path small. */
  private static void addChecked(PathSpace paths, ChangeBuffer buf, int p, Object v, int flags, Object tg) {
    paths.checkConcrete(p);
    String problem = problem(paths, p, v);
    if (problem != null) {
      throw new ValueTypeException(problem);
    }
    PathKind k = paths.kind(p);
    if (v == null) {
      buf.add(p, NULL, 0, null, flags, tg);
    } else if (k.isPrimitive()) {
      buf.add(p, VALUE, Shadow.toBits(k, v), null, flags, tg);
    } else {
      buf.add(p, VALUE, 0, v, flags, tg);
    }
  }

  static void addBits(PathSpace paths, ChangeBuffer buf, int p, PathKind k, long b, int flags, Object tg) {
    // a writable path of kind k passes with one writability test and one kind comparison;
    // anything else (a bad write) takes the full checks and their messages
    int t = paths.writableTemplate(p);
    if (t < 0 || paths.st.kinds[t] != k) {
      checkBits(paths, p, k);
    }
    buf.add(p, VALUE, b, null, flags, tg);
  }

  /** Throws the error of a write of kind {@code k} to {@code p} where it does not fit (out of line). */
  private static void checkBits(PathSpace paths, int p, PathKind k) {
    paths.checkConcrete(p);
    if (paths.kind(p) != k) {
      throw new ValueTypeException(
          "cannot write a " + k.name().toLowerCase(java.util.Locale.ROOT) + " to \"" + paths.pathString(p)
              + "\": expected " + paths.st.types[paths.tmpl(p)].getName());
    }
  }
}
