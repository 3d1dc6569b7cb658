package dev.statewire.runtime;

import static dev.statewire.runtime.internal.ChangeBuffer.ABSENT;
import static dev.statewire.runtime.internal.ChangeBuffer.NULL;
import static dev.statewire.runtime.internal.ChangeBuffer.VALUE;

import dev.statewire.runtime.PathSpace.Container;
import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.internal.Copies;
import dev.statewire.runtime.internal.SchemaTables;
import dev.statewire.runtime.internal.UndoLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values of one store, by path ID: a state byte ({@code ABSENT}, {@code NULL}, {@code VALUE})
 * in {@link #tag}, the primitive bits in {@link #bits} (booleans 0/1, integral values, floats and
 * doubles as their canonical {@code floatToIntBits}/{@code doubleToLongBits}) and references
 * (strings, enums, opaque objects) in {@link #refs}. A node path (record, map, list) has state
 * {@code VALUE} when present; its value lives in its children. Compares values with the state,
 * writes them, and builds and takes apart records, maps and lists.
 */
final class Shadow {
  /** What each path ID is. */
  private final PathSpace paths;
  /** The store's engine: entries to reserve and release, and the pipeline's undo log. */
  private final Engine engine;
  /** State of each path ID: {@code ABSENT}, {@code NULL} or {@code VALUE}. */
  byte[] tag;
  /** Primitive bits of each path ID. */
  long[] bits;
  /**
   * Reference values by path ID; {@code null} when the schema has no reference leaves (a 50-path
   * store of primitives saves 216 B).
   */
  Object[] refs;

  Shadow(PathSpace paths, Engine engine) {
    SchemaTables st = paths.st;
    this.paths = paths;
    this.engine = engine;
    this.tag = new byte[st.size];
    this.bits = new long[st.size];
    this.refs = st.hasReferenceLeaves ? new Object[st.size] : null;
  }

  /** Grows the value arrays to hold {@code n} IDs. */
  void ensureCapacity(int n) {
    if (n > tag.length) {
      int cap = Math.max(n, tag.length + (tag.length >> 1) + 16);
      tag = Arrays.copyOf(tag, cap);
      bits = Arrays.copyOf(bits, cap);
      if (refs != null) {
        refs = Arrays.copyOf(refs, cap);
      }
    }
  }

  /** The number of IDs the arrays hold. */
  int capacity() {
    return tag.length;
  }

  /** Makes the root present (creation from flat values). */
  void setRootPresent() {
    tag[0] = VALUE;
  }

  /** Marks the {@code size} IDs of a newly claimed entry block absent. */
  void markAbsent(int base, int size) {
    Arrays.fill(tag, base, base + size, ABSENT);
  }

  /** Empties the {@code size} slots of an entry block that leaves. */
  void clearBlock(int base, int size) {
    for (int k = 0; k < size; k++) {
      tag[base + k] = ABSENT;
      bits[base + k] = 0;
      if (refs != null) {
        refs[base + k] = null;
      }
    }
  }

  /** Saves slot {@code p} to {@code u} before a write (nothing when no log is kept). */
  private void remember(UndoLog u, int p) {
    if (u != null) {
      u.save(p, tag[p], bits[p], refs == null ? null : refs[p]);
    }
  }

  /** Saves the key order of map {@code c} before stage 9 gives a key to a new entry, while a log is kept. */
  private static void logKeyOrder(UndoLog u, Container c) {
    if (u != null) {
      u.keyOrder(c.keys);
    }
  }

  /** Puts back every slot saved in {@code u}, newest first. */
  void restore(UndoLog u) {
    for (int i = u.size() - 1; i >= 0; i--) {
      int p = u.path[i];
      tag[p] = u.tag[i];
      bits[p] = u.bits[i];
      if (refs != null) {
        refs[p] = u.ref[i];
      }
    }
  }

  /** Whether {@code id} is in a map or list entry that is absent: removed, and not yet swept. */
  boolean inRemovedEntry(int id) {
    for (int e = id; e >= paths.staticCount; e = paths.parent(e)) {
      int t = paths.tmpl(e);
      if (paths.st.templateRoot[t] == t && tag[e] == ABSENT) {
        return true;
      }
    }
    return false;
  }

  /** Whether the value at {@code id} is present and not null. */
  boolean isSet(int id) {
    return tag[id] == VALUE;
  }

  /** Number of reference slots in use among the first {@code n} IDs. */
  int refSlots(int n) {
    int count = 0;
    for (int i = 0; refs != null && i < n; i++) {
      if (refs[i] != null) {
        count++;
      }
    }
    return count;
  }

  static long toBits(PathKind k, Object v) {
    switch (k) {
      case BOOLEAN:
        return ((Boolean) v) ? 1L : 0L;
      case CHAR:
        return (Character) v;
      case FLOAT:
        return Float.floatToIntBits((Float) v);
      case DOUBLE:
        return Double.doubleToLongBits((Double) v);
      default:
        return ((Number) v).longValue();
    }
  }

  static Object fromBits(PathKind k, long b) {
    switch (k) {
      case BOOLEAN:
        return b != 0;
      case BYTE:
        return (byte) b;
      case SHORT:
        return (short) b;
      case CHAR:
        return (char) b;
      case INT:
        return (int) b;
      case LONG:
        return b;
      case FLOAT:
        return Float.intBitsToFloat((int) b);
      case DOUBLE:
        return Double.longBitsToDouble(b);
      default:
        throw new IllegalStateException("not a primitive kind: " + k);
    }
  }

  Object box(int pathId, byte state, long b, Object ref) {
    if (state == ABSENT) {
      return Store.ABSENT;
    }
    if (state == NULL) {
      return null;
    }
    PathKind k = paths.kind(pathId);
    return k.isPrimitive() ? fromBits(k, b) : ref;
  }

  /** {@code base} (the value at {@code node}) with descendant {@code target} set to {@code v}. */
  Object overlay(Object base, int node, int target, Object v) {
    if (node == target) {
      return v;
    }
    int child = target;
    while (paths.parent(child) != node) {
      child = paths.parent(child);
    }
    if (base == null || base == Store.ABSENT) {
      return base; // a write below a null node: the node's value is not known here
    }
    PathKind k = paths.kind(node);
    if (k == PathKind.RECORD) {
      int t = paths.tmpl(node);
      int[] kids = paths.st.children[t];
      Object[] comps = new Object[kids.length];
      int ord = paths.st.ordinal[paths.tmpl(child)];
      for (int j = 0; j < kids.length; j++) {
        comps[j] = paths.st.codec.component(t, base, j);
      }
      comps[ord] = overlay(comps[ord], child, target, v);
      if (comps[ord] == Store.ABSENT) {
        comps[ord] = null;
      }
      return paths.st.codec.construct(t, comps);
    }
    if (k == PathKind.MAP) {
      LinkedHashMap<Object, Object> m = new LinkedHashMap<>((Map<?, ?>) base);
      String key = paths.key(child);
      Object nv = overlay(m.containsKey(key) ? m.get(key) : Store.ABSENT, child, target, v);
      if (nv == Store.ABSENT) {
        m.remove(key);
      } else {
        m.put(key, nv);
      }
      return Collections.unmodifiableMap(m);
    }
    ArrayList<Object> l = new ArrayList<>((List<?>) base);
    int idx = paths.container(node).list.indexOf(child);
    if (idx >= 0 && idx < l.size()) {
      l.set(idx, overlay(l.get(idx), child, target, v));
    }
    return Collections.unmodifiableList(l);
  }

  Object build(int id) {
    byte s = tag[id];
    if (s == ABSENT) {
      return Store.ABSENT;
    }
    if (s == NULL) {
      return null;
    }
    PathKind k = paths.kind(id);
    switch (k) {
      case RECORD: {
        int t = paths.tmpl(id);
        int[] kids = paths.st.children[t];
        Object[] comps = new Object[kids.length];
        for (int j = 0; j < kids.length; j++) {
          int c = id + (kids[j] - t);
          Object cv = build(c);
          if (cv == Store.ABSENT) {
            if (paths.st.types[kids[j]].isPrimitive()) {
              return Store.ABSENT;
            }
            cv = null;
          }
          comps[j] = cv;
        }
        return paths.st.codec.construct(t, comps);
      }
      case MAP: {
        Container c = paths.container(id);
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        if (c != null) {
          for (Map.Entry<String, Integer> e : c.keys.entrySet()) {
            Object ev = build(e.getValue());
            if (ev != Store.ABSENT) {
              m.put(e.getKey(), ev);
            }
          }
        }
        return Collections.unmodifiableMap(m);
      }
      case LIST: {
        Container c = paths.container(id);
        ArrayList<Object> l = new ArrayList<>();
        if (c != null) {
          for (int j = 0; j < c.list.size(); j++) {
            int e = c.list.get(j);
            if (tag[e] == ABSENT) {
              continue; // removed, and swept at the end of the batch (or a reservation)
            }
            Object ev = build(e);
            l.add(ev == Store.ABSENT ? null : ev); // a record with an absent primitive
          }
        }
        return Collections.unmodifiableList(l);
      }
      default:
        return k.isPrimitive() ? fromBits(k, bits[id]) : refs[id];
    }
  }

  long checkedBits(int id, byte state, long b, PathKind expected) {
    PathKind k = paths.kind(id);
    if (k != expected) {
      throw new ValueTypeException(
          "path \"" + paths.pathString(id) + "\" holds " + paths.st.types[paths.tmpl(id)].getName() + ", not " + expected);
    }
    if (state != VALUE) {
      throw new IllegalStateException(
          "path \"" + paths.pathString(id) + "\" is " + (state == NULL ? "null" : "absent"));
    }
    return b;
  }

  /** Whether queue entry {@code i} of {@code b} equals the current value at its path. */
  boolean equalsQueued(ChangeBuffer b, int i) {
    int p = b.path[i];
    byte s = b.state(i);
    if (tag[p] != s) {
      return false;
    }
    if (s != VALUE) {
      return true;
    }
    Object r = b.ref(i);
    // a present value without a reference is a primitive's bits (ChangeBuffer): no kind lookup
    if (r == null) {
      return bits[p] == b.bits[i];
    }
    // a node holds no reference (its value lives in its children's slots), and a present leaf
    // written with a reference holds one: so again no kind lookup
    Object current = refs == null ? null : refs[p];
    if (current != null) {
      return current.equals(r);
    }
    return nodeEquals(p, r);
  }

  /** Whether boxed {@code v} equals the current value at {@code p}. */
  boolean boxedEquals(int p, Object v) {
    if (v == Store.ABSENT) {
      return tag[p] == ABSENT;
    }
    if (v == null) {
      return tag[p] == NULL;
    }
    if (tag[p] != VALUE) {
      return false;
    }
    PathKind k = paths.kind(p);
    if (k.isPrimitive()) {
      return bits[p] == toBits(k, v);
    }
    if (!k.isNode()) {
      return refs[p].equals(v);
    }
    return nodeEquals(p, v);
  }

  private boolean nodeEquals(int p, Object v) {
    PathKind k = paths.kind(p);
    int t = paths.tmpl(p);
    if (k == PathKind.RECORD) {
      int[] kids = paths.st.children[t];
      for (int j = 0; j < kids.length; j++) {
        if (!boxedEquals(p + (kids[j] - t), paths.st.codec.component(t, v, j))) {
          return false;
        }
      }
      return true;
    }
    Container c = paths.container(p);
    if (k == PathKind.MAP) {
      Map<?, ?> m = (Map<?, ?>) v;
      int present = 0;
      if (c != null) {
        for (Integer e : c.keys.values()) {
          if (tag[e] != ABSENT) {
            present++;
          }
        }
      }
      if (present != m.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Integer id = c == null ? null : c.keys.get(e.getKey());
        if (id == null || !boxedEquals(id, e.getValue())) {
          return false;
        }
      }
      return true;
    }
    List<?> l = (List<?>) v;
    int seen = 0; // entries that are absent have been removed (see build)
    for (int j = 0; c != null && j < c.list.size(); j++) {
      int e = c.list.get(j);
      if (tag[e] != ABSENT && (seen >= l.size() || !boxedEquals(e, l.get(seen++)))) {
        return false;
      }
    }
    return seen == l.size();
  }

  /** Whether the current values at {@code a} and {@code b} (same kind) are equal. */
  boolean slotEquals(int a, int b) {
    if (tag[a] != tag[b]) {
      return false;
    }
    if (tag[a] != VALUE) {
      return true;
    }
    PathKind k = paths.kind(a);
    if (k.isPrimitive()) {
      return bits[a] == bits[b];
    }
    if (!k.isNode()) {
      return refs[a].equals(refs[b]);
    }
    return Objects.equals(build(a), build(b));
  }

  /** Writes queue entry {@code i} of {@code b} to the shadow state. */
  /**
   * Whether {@code p} lies below a map or list entry that is absent now (removed earlier in the
   * running batch): writing it would bring part of the removed entry back, so the apply stage
   * drops such a write. A present path has present ancestors, so only an absent one is checked.
   */
  boolean belowRemovedEntry(int p) {
    if (p < paths.staticCount || tag[p] == VALUE) {
      return false;
    }
    for (int a = paths.parent(p); a >= paths.staticCount && tag[a] != VALUE; a = paths.parent(a)) {
      if (tag[a] == ABSENT && paths.isEntryRoot(a)) {
        return true;
      }
    }
    return false;
  }

  void write(ChangeBuffer b, int i, UndoLog log) {
    int p = b.path[i];
    if (tag[p] != VALUE) {
      // a present path has present ancestors, so only a path that is not present can need them
      materializeAncestors(p, log);
    }
    byte s = b.state(i);
    Object r = b.ref(i);
    if (s != VALUE) {
      clear(p, s, log);
    } else if (r == null) { // a primitive (see equalsShadow)
      remember(log, p);
      tag[p] = VALUE;
      bits[p] = b.bits[i];
    } else if (!paths.kind(p).isNode()) {
      remember(log, p);
      tag[p] = VALUE;
      refs[p] = held(p, r);
    } else {
      writeValue(p, r, log);
    }
  }

  /** The value the store keeps for reference value {@code v} at {@code p}: its own copy of a collection. */
  private Object held(int p, Object v) {
    byte[] modes = paths.st.copyModes;
    return modes == null ? v : Copies.copy(modes[paths.tmpl(p)], v);
  }

  void materializeAncestors(int p, UndoLog log) {
    for (int a = paths.parent(p); a >= 0 && tag[a] != VALUE; a = paths.parent(a)) {
      remember(log, a);
      tag[a] = VALUE;
    }
  }

  void clear(int p, byte s, UndoLog log) {
    remember(log, p);
    tag[p] = s;
    bits[p] = 0;
    if (refs != null) {
      refs[p] = null;
    }
    if (s == ABSENT && paths.isEntryRoot(p)) {
      engine.entries.markMaybeDead(p); // an entry that ends the batch absent is removed by sweep()
    }
    PathKind k = paths.kind(p);
    if (k == PathKind.RECORD) {
      int t = paths.tmpl(p);
      for (int c : paths.st.children[t]) {
        clear(p + (c - t), ABSENT, log);
      }
    } else if (k.isContainer()) {
      Container c = paths.container(p);
      if (c != null) {
        if (c.isMap) {
          for (Integer e : c.keys.values()) {
            clear(e, ABSENT, log);
          }
        } else {
          for (int j = 0; j < c.list.size(); j++) {
            clear(c.list.get(j), ABSENT, log);
          }
        }
      }
    }
  }

  /** Writes boxed {@code v} (already validated) at {@code p}, whose parent is present. */
  void writeValue(int p, Object v, UndoLog log) {
    if (v == Store.ABSENT) {
      clear(p, ABSENT, log);
      return;
    }
    if (v == null) {
      clear(p, NULL, log);
      return;
    }
    PathKind k = paths.kind(p);
    remember(log, p);
    tag[p] = VALUE;
    if (k.isPrimitive()) {
      bits[p] = toBits(k, v);
      return;
    }
    if (!k.isNode()) {
      refs[p] = held(p, v);
      return;
    }
    int t = paths.tmpl(p);
    if (k == PathKind.RECORD) {
      int[] kids = paths.st.children[t];
      for (int j = 0; j < kids.length; j++) {
        writeValue(p + (kids[j] - t), paths.st.codec.component(t, v, j), log);
      }
      return;
    }
    Container c = paths.containerFor(p);
    if (k == PathKind.MAP) {
      Map<?, ?> m = (Map<?, ?>) v;
      for (Map.Entry<String, Integer> e : c.keys.entrySet()) {
        if (!m.containsKey(e.getKey()) && tag[e.getValue()] != ABSENT) {
          clear(e.getValue(), ABSENT, log);
        }
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = (String) e.getKey();
        Integer id = c.keys.get(key);
        if (id != null && paths.isLeaving(id)) {
          // removed by this batch and written again by stage 9 (which runs before the sweep): a
          // new entry, at the end of the map, as if the removed one had left already
          logKeyOrder(log, c);
          paths.forgetKey(c, key);
          id = null;
        }
        int eid = id != null ? id : engine.entries.allocate(p, key);
        writeValue(eid, e.getValue(), log);
      }
      return;
    }
    // the list's entries, but for those that leave with this batch (see markLeaving)
    List<?> l = (List<?>) v;
    int w = 0;
    for (int j = 0, n = c.list.size(); j < n; j++) {
      int e = c.list.get(j);
      if (paths.isLeaving(e)) {
        continue;
      }
      if (w < l.size()) {
        writeValue(e, l.get(w++), log);
      } else {
        clear(e, ABSENT, log);
      }
    }
    for (; w < l.size(); w++) {
      writeValue(engine.entries.allocate(p, null), l.get(w), log);
    }
  }

  /** The value inside node value {@code v} (written at {@code node}) at descendant {@code target}. */
  Object extract(Object v, int node, int target) {
    if (target == node) {
      return v;
    }
    int pt = paths.parent(target);
    Object pv = extract(v, node, pt);
    if (pv == null || pv == Store.ABSENT) {
      return Store.ABSENT;
    }
    PathKind k = paths.kind(pt);
    if (k == PathKind.RECORD) {
      return paths.st.codec.component(paths.tmpl(pt), pv, paths.st.ordinal[paths.tmpl(target)]);
    }
    if (k == PathKind.MAP) {
      Map<?, ?> m = (Map<?, ?>) pv;
      String key = paths.key(target);
      return m.containsKey(key) ? m.get(key) : Store.ABSENT;
    }
    List<?> l = (List<?>) pv;
    int idx = paths.container(pt).list.indexOf(target);
    return idx >= 0 && idx < l.size() ? l.get(idx) : Store.ABSENT;
  }
}
