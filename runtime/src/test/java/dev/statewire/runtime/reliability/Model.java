package dev.statewire.runtime.reliability;

import dev.statewire.runtime.ChangeFlag;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.testkit.TestSchemas;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The reference model: a deliberately simple implementation of {@code docs/PIPELINE.md} over
 * dot-string paths and nested {@link LinkedHashMap}s. No path IDs, no tables, no primitive slots,
 * no incremental indexes: every question is answered by walking strings and maps, so each rule
 * of the spec can be read off the code next to it (the section numbers are the spec's).
 *
 * <h2>Values</h2>
 * A record node is a {@code LinkedHashMap} holding <em>every</em> component name (an absent
 * component holds {@link #ABSENT}); a {@code Map<String, R>} node is a {@code LinkedHashMap} of
 * its present entries, and a {@code List<R>} node one keyed by the indexes {@code "0"}, {@code
 * "1"}, ... (entries come and go at its end); a leaf is its boxed Java value. With that representation, {@link
 * Objects#equals} is exactly the spec's equality (§1): doubles compare like {@code Double.equals},
 * absent equals absent only, nodes structurally.
 *
 * <h2>Where the spec is silent</h2>
 * The model follows {@code docs/SEMANTICS.md} (writing below a null node materialises it with
 * absent components; entries that end a batch absent are removed together with the wiring and
 * listeners that name them; {@code put} creates an entry when it is added to a batch, a parent
 * write of the map when it is applied; wildcard aggregation sources follow the entries in the
 * order they were created). Three finer points that neither document fixes are decided as the
 * engine does and listed in {@code docs/RELIABILITY.md}: entries removed in one batch are swept in
 * the order they became absent; a removed entry's runtime registrations are detached newest first;
 * the value of a node copied by stage 9 or by alignment is the value a getter returns (absent
 * components read as {@code null}).
 */
final class Model {
  /** The absent value (the same object as {@link Store#ABSENT}, so values compare directly). */
  static final Object ABSENT = Store.ABSENT;

  /** A failure the store must reproduce: the exception type it must throw. */
  static final class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Class<? extends RuntimeException> expected;

    ModelException(Class<? extends RuntimeException> expected, String message) {
      super(message, null, false, false);
      this.expected = expected;
    }
  }

  /** One change: path, value (model form, or {@link #ABSENT} for a removal), flags and tag. */
  record Ch(String path, Object value, Set<ChangeFlag> flags, Object tag) {
    Ch {
      flags = Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(ChangeFlag.class) : EnumSet.copyOf(flags));
    }

    Ch derive(String newPath, Object newValue, ChangeFlag flag) {
      EnumSet<ChangeFlag> f = flags.isEmpty() ? EnumSet.noneOf(ChangeFlag.class) : EnumSet.copyOf(flags);
      f.add(flag);
      return new Ch(newPath, newValue, f, tag);
    }

    @Override
    public String toString() {
      return path + "=" + Model.show(value) + (flags.isEmpty() ? "" : " " + new java.util.TreeSet<>(flags.stream().map(Enum::name).toList()));
    }
  }

  /** What a listener does when called; {@link #call} is given the same data in both worlds. */
  interface ListenerBehaviour {
    /**
     * Called with the received changes and the pre-batch scope value (model form); returns the
     * changes to emit as (path, Java value) pairs, or throws.
     */
    List<Object[]> call(List<Ch> received, Object scopeValue);
  }

  // =============================================================================================
  // types
  // =============================================================================================

  final Class<? extends Record> rootType;
  private final Map<String, Type> typeCache = new HashMap<>();

  Type typeAt(String path) {
    return typeCache.computeIfAbsent(path, p -> TestSchemas.genericTypeAt(rootType, p));
  }

  static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType pt) {
      return (Class<?>) pt.getRawType();
    }
    return Object.class;
  }

  static boolean isRecord(Type t) {
    return raw(t).isRecord();
  }

  static boolean isMap(Type t) {
    return raw(t) == Map.class;
  }

  static boolean isList(Type t) {
    return raw(t) == List.class;
  }

  /** A {@code Map<String, R>} or a {@code List<R>}: a node whose entries come and go. */
  static boolean isContainer(Type t) {
    return isMap(t) || isList(t);
  }

  /** The entry type {@code R} of a {@code Map<String, R>} or {@code List<R>}. */
  static Type entryType(Type containerType) {
    Type[] args = ((ParameterizedType) containerType).getActualTypeArguments();
    return args[args.length - 1];
  }

  static RecordComponent[] components(Type t) {
    return raw(t).getRecordComponents();
  }

  static Class<?> boxed(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    if (c == boolean.class) {
      return Boolean.class;
    }
    if (c == int.class) {
      return Integer.class;
    }
    if (c == long.class) {
      return Long.class;
    }
    if (c == double.class) {
      return Double.class;
    }
    if (c == float.class) {
      return Float.class;
    }
    if (c == short.class) {
      return Short.class;
    }
    if (c == byte.class) {
      return Byte.class;
    }
    return Character.class;
  }

  // =============================================================================================
  // paths (§1)
  // =============================================================================================

  static boolean isAncestorOrSelf(String a, String c) {
    return a.isEmpty() || c.equals(a) || (c.startsWith(a) && c.charAt(a.length()) == '.');
  }

  static boolean isStrictAncestor(String a, String c) {
    return !a.equals(c) && isAncestorOrSelf(a, c);
  }

  /** The part of {@code c} below its ancestor-or-self {@code a} ({@code ""} when equal). */
  static String rel(String c, String a) {
    return c.equals(a) ? "" : a.isEmpty() ? c : c.substring(a.length() + 1);
  }

  static String join(String a, String rel) {
    return rel.isEmpty() ? a : a.isEmpty() ? rel : a + "." + rel;
  }

  static int depth(String p) {
    if (p.isEmpty()) {
      return 0;
    }
    int n = 1;
    for (int i = 0; i < p.length(); i++) {
      if (p.charAt(i) == '.') {
        n++;
      }
    }
    return n;
  }

  static String parentOf(String p) {
    int dot = p.lastIndexOf('.');
    return dot < 0 ? "" : p.substring(0, dot);
  }

  static String lastSegment(String p) {
    return p.substring(p.lastIndexOf('.') + 1);
  }

  static String[] segments(String p) {
    return p.isEmpty() ? new String[0] : p.split("\\.", -1);
  }

  // =============================================================================================
  // values
  // =============================================================================================

  /** A Java value of type {@code t} in model form (records and maps become maps). */
  static Object fromJava(Type t, Object v) {
    if (v == null || v == ABSENT) {
      return v;
    }
    if (isRecord(t)) {
      LinkedHashMap<String, Object> m = new LinkedHashMap<>();
      for (RecordComponent rc : components(t)) {
        try {
          var acc = rc.getAccessor();
          acc.setAccessible(true);
          m.put(rc.getName(), fromJava(rc.getGenericType(), acc.invoke(v)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return m;
    }
    if (isMap(t)) {
      LinkedHashMap<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        m.put((String) e.getKey(), fromJava(entryType(t), e.getValue()));
      }
      return m;
    }
    if (isList(t)) {
      // a list node is kept like a map whose keys are the indexes "0", "1", ... (§1: a list
      // index is a path segment written in decimal)
      LinkedHashMap<String, Object> m = new LinkedHashMap<>();
      int i = 0;
      for (Object e : (List<?>) v) {
        m.put(Integer.toString(i++), fromJava(entryType(t), e));
      }
      return m;
    }
    return v;
  }

  /**
   * The value a getter returns, in model form: an absent component reads as null, a record with
   * an absent primitive component is absent as a whole, absent map entries are left out.
   */
  static Object visible(Type t, Object v) {
    if (!(v instanceof Map<?, ?> node)) {
      return v;
    }
    LinkedHashMap<String, Object> out = new LinkedHashMap<>();
    if (isRecord(t)) {
      for (RecordComponent rc : components(t)) {
        Object cv = visible(rc.getGenericType(), node.get(rc.getName()));
        if (cv == ABSENT) {
          if (rc.getType().isPrimitive()) {
            return ABSENT;
          }
          cv = null;
        }
        out.put(rc.getName(), cv);
      }
      return out;
    }
    for (Map.Entry<?, ?> e : node.entrySet()) {
      Object ev = visible(entryType(t), e.getValue());
      if (ev != ABSENT) {
        out.put((String) e.getKey(), ev);
      } else if (isList(t)) {
        out.put((String) e.getKey(), null); // a list keeps its indexes: an entry that reads as absent is null
      }
    }
    return out;
  }

  /** A visible model value back as the Java value of type {@code t} (for snapshots). */
  static Object toJava(Type t, Object v) {
    if (!(v instanceof Map<?, ?> node)) {
      return v;
    }
    if (isRecord(t)) {
      RecordComponent[] rcs = components(t);
      Object[] args = new Object[rcs.length];
      Class<?>[] types = new Class<?>[rcs.length];
      for (int i = 0; i < rcs.length; i++) {
        args[i] = toJava(rcs[i].getGenericType(), node.get(rcs[i].getName()));
        types[i] = rcs[i].getType();
      }
      try {
        Constructor<?> c = raw(t).getDeclaredConstructor(types);
        c.setAccessible(true);
        return c.newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot build " + t, e);
      }
    }
    if (isList(t)) {
      List<Object> l = new ArrayList<>();
      for (int i = 0; node.containsKey(Integer.toString(i)); i++) {
        l.add(toJava(entryType(t), node.get(Integer.toString(i))));
      }
      if (l.size() != node.size()) {
        throw new IllegalStateException("list node with keys " + node.keySet() + " is not 0..n-1");
      }
      return l;
    }
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : node.entrySet()) {
      m.put((String) e.getKey(), toJava(entryType(t), e.getValue()));
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  static Object deepCopy(Object v) {
    if (v instanceof LinkedHashMap<?, ?> m) {
      LinkedHashMap<String, Object> c = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        c.put(e.getKey(), deepCopy(e.getValue()));
      }
      return c;
    }
    return v;
  }

  static String show(Object v) {
    if (v == ABSENT) {
      return "<absent>";
    }
    if (v instanceof String s) {
      return '"' + s + '"';
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{");
      for (Map.Entry<?, ?> e : new java.util.TreeMap<>(m).entrySet()) { // order-independent text
        sb.append(sb.length() == 1 ? "" : ", ").append(e.getKey()).append(": ").append(show(e.getValue()));
      }
      return sb.append('}').toString();
    }
    if (v instanceof Double || v instanceof Long || v instanceof Float) {
      return v + (v instanceof Long ? "L" : v instanceof Float ? "f" : "d");
    }
    return String.valueOf(v);
  }

  // =============================================================================================
  // the sync / flip graph (§4 "Graph maintenance")
  // =============================================================================================

  static final class Graph {
    final List<List<String>> groups = new ArrayList<>();
    private final Map<String, Boolean> edges = new LinkedHashMap<>(); // key -> static
    private final Map<String, List<String>> adjacency = new HashMap<>();
    private final Map<String, Integer> degree = new HashMap<>();

    private static String key(String a, String b) {
      return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    List<String> groupOf(String p) {
      for (List<String> g : groups) {
        if (g.contains(p)) {
          return g;
        }
      }
      return null;
    }

    boolean hasEdge(String a, String b) {
      return edges.containsKey(key(a, b));
    }

    boolean isStaticEdge(String a, String b) {
      return Boolean.TRUE.equals(edges.get(key(a, b)));
    }

    int edgeCount() {
      return edges.size();
    }

    /** Adds an edge; returns whether it is new. */
    boolean addEdge(String a, String b, boolean isStatic) {
      String k = key(a, b);
      Boolean existing = edges.get(k);
      if (existing != null) {
        if (isStatic) {
          edges.put(k, true);
        }
        return false;
      }
      edges.put(k, isStatic);
      degree.merge(a, 1, Integer::sum);
      if (!a.equals(b)) {
        degree.merge(b, 1, Integer::sum);
        adjacency.computeIfAbsent(a, x -> new ArrayList<>()).add(b);
        adjacency.computeIfAbsent(b, x -> new ArrayList<>()).add(a);
      }
      List<String> ga = groupOf(a);
      List<String> gb = groupOf(b);
      if (a.equals(b)) {
        if (ga == null) {
          groups.add(new ArrayList<>(List.of(a)));
        }
      } else if (ga == null && gb == null) {
        groups.add(new ArrayList<>(List.of(a, b))); // a new group goes to the end
      } else if (ga == null) {
        gb.add(a);
      } else if (gb == null) {
        ga.add(b);
      } else if (ga != gb) {
        // the smaller joins the larger, which keeps its place; equal: b's group joins a's
        List<String> keep = ga.size() >= gb.size() ? ga : gb;
        List<String> gone = keep == ga ? gb : ga;
        keep.addAll(gone);
        groups.remove(gone);
      }
      return true;
    }

    /** Removes an edge; returns whether it existed. */
    boolean removeEdge(String a, String b) {
      if (edges.remove(key(a, b)) == null) {
        return false;
      }
      List<String> g = groupOf(a);
      degree.merge(a, -1, Integer::sum);
      if (!a.equals(b)) {
        degree.merge(b, -1, Integer::sum);
        adjacency.get(a).remove(b);
        adjacency.get(b).remove(a);
      }
      if (degree.get(a) == 0) {
        g.remove(a); // a path with no edges leaves its group
      }
      if (!a.equals(b) && degree.get(b) == 0) {
        g.remove(b);
      }
      if (g.isEmpty()) {
        groups.remove(g);
        return true;
      }
      if (!a.equals(b) && degree.get(a) > 0 && degree.get(b) > 0 && !reach(a).contains(b)) {
        // the part that no longer reaches a moves to a new group at the end, breadth first from b
        List<String> part = new ArrayList<>(reach(b));
        g.removeAll(part);
        groups.add(part);
      }
      return true;
    }

    private LinkedHashSet<String> reach(String start) {
      LinkedHashSet<String> seen = new LinkedHashSet<>();
      ArrayDeque<String> work = new ArrayDeque<>();
      seen.add(start);
      work.add(start);
      while (!work.isEmpty()) {
        for (String n : adjacency.getOrDefault(work.poll(), List.of())) {
          if (seen.add(n)) {
            work.add(n);
          }
        }
      }
      return seen;
    }

    Graph copy() {
      Graph c = new Graph();
      for (List<String> g : groups) {
        c.groups.add(new ArrayList<>(g));
      }
      c.edges.putAll(edges);
      adjacency.forEach((k, v) -> c.adjacency.put(k, new ArrayList<>(v)));
      c.degree.putAll(degree);
      return c;
    }
  }

  // =============================================================================================
  // wiring and listeners
  // =============================================================================================

  /**
   * An aggregation: its target, its declared sources and its wildcard source patterns (one or
   * more {@code *} segments, e.g. {@code items.*.on} or {@code items.k1.lines.*.selected}).
   */
  static final class Agg {
    final long seq;
    final String target;
    final List<String> sources;
    final List<String> wildcards;
    Reg reg; // the runtime registration, or null for static wiring

    Agg(long seq, String target, List<String> sources, List<String> wildcards) {
      this.seq = seq;
      this.target = target;
      this.sources = sources;
      this.wildcards = wildcards;
    }
  }

  /** A listener registration. */
  static final class Lst {
    final int id;
    final String path;
    final String scope;
    final ListenerBehaviour behaviour;
    Reg reg;

    Lst(int id, String path, String scope, ListenerBehaviour behaviour) {
      this.id = id;
      this.path = path;
      this.scope = scope;
      this.behaviour = behaviour;
    }
  }

  /** A runtime registration (sync, flip, aggregation or listener). */
  static final class Reg {
    final String kind;
    final String a;
    final String b;
    final boolean owns;
    Agg agg;
    Lst listener;
    boolean active = true;

    Reg(String kind, String a, String b, boolean owns) {
      this.kind = kind;
      this.a = a;
      this.b = b;
      this.owns = owns;
    }

    /** Whether the registration names a path at or below {@code entry}. */
    boolean touches(String entry) {
      switch (kind) {
        case "sync", "flip":
          return isAncestorOrSelf(entry, a) || isAncestorOrSelf(entry, b);
        case "aggregate":
          if (isAncestorOrSelf(entry, agg.target)) {
            return true;
          }
          for (String s : agg.sources) {
            if (isAncestorOrSelf(entry, s)) {
              return true;
            }
          }
          return false;
        default:
          return isAncestorOrSelf(entry, listener.path);
      }
    }

    @Override
    public String toString() {
      return kind + " " + a + (b == null ? "" : " – " + b);
    }
  }

  // ---- state of one model store ----
  private Object root;
  private Graph sync = new Graph();
  private Graph flip = new Graph();
  private List<Agg> aggs = new ArrayList<>();
  private long aggSeq;
  private List<Reg> regs = new ArrayList<>();
  private List<Lst> listeners = new ArrayList<>();
  private LinkedHashMap<String, Long> bucketSeq = new LinkedHashMap<>();
  private long nextBucketSeq;
  /**
   * Per map or list path, the entries that exist (created and not yet removed), in creation
   * order (for a list: its indexes in order).
   */
  private LinkedHashMap<String, List<String>> entries = new LinkedHashMap<>();
  /** Creation number of every entry that exists (orders wildcard sources, SEMANTICS). */
  private HashMap<String, Long> entrySeq = new HashMap<>();
  private long nextEntrySeq;
  private List<String> maybeDead = new ArrayList<>();
  private boolean initPhase;

  // ---- static wiring of the schema ----
  private final List<String[]> templateSync;
  private final List<String[]> templateFlip;
  /** Static aggregations whose target lies in an entry template: instantiated per entry. */
  private final List<String[]> templateAggs = new ArrayList<>();

  /** Listener call log: listener id, received changes, scope value. */
  final List<String> listenerLog = new ArrayList<>();

  /**
   * Creates a model store as {@code Store.create} does (§4 "Alignment when wiring is
   * registered"): sync edges, the alignment batch with only sync wiring, flip edges, aggregations
   * (each target read at once).
   *
   * @param staticSync root-level sync pairs, in declaration order
   * @param staticFlip root-level flip pairs
   * @param templateSync pairs inside a map or list entry, spelled with {@code *} ({@code
   *     items.*.a}, or {@code items.*.lines.*.a} inside an entry of an entry); each holds in every
   *     entry of its innermost template
   * @param templateFlip the same for flip
   * @param staticAggs {@code {target, source...}} in declaration order; a target inside an entry
   *     template makes one aggregation per entry (its sources relative to the same entry), and a
   *     source in a template below the target's is a wildcard that stands for every such entry
   */
  Model(Class<? extends Record> rootType, Object initial, List<String[]> staticSync,
      List<String[]> staticFlip, List<String[]> templateSync, List<String[]> templateFlip,
      List<String[]> staticAggs) {
    this.rootType = rootType;
    this.templateSync = templateSync;
    this.templateFlip = templateFlip;
    for (String[] p : staticSync) {
      sync.addEdge(p[0], p[1], true);
    }
    for (String[] p : staticFlip) {
      flip.addEdge(p[0], p[1], true);
    }
    for (String[] row : staticAggs) {
      if (innermostTemplate(row[0]).isEmpty()) {
        aggs.add(instance(row, "", ""));
      } else {
        templateAggs.add(row);
      }
    }
    root = new LinkedHashMap<String, Object>();
    write("", fromJava(rootType, initial));
    maybeDead.clear();
    // alignment of every sync group, with only sync wiring active
    initPhase = true;
    try {
      List<List<String>> order = new ArrayList<>();
      for (String[] p : staticSync) {
        List<String> g = sync.groupOf(p[0]);
        if (g != null && !containsSame(order, g)) {
          order.add(g);
        }
      }
      for (List<String> g : sync.groups) {
        if (!containsSame(order, g)) {
          order.add(g);
        }
      }
      List<Ch> align = alignment(order);
      if (!align.isEmpty()) {
        runPipeline(align);
      }
    } finally {
      initPhase = false;
    }
    Set<String> read = new HashSet<>();
    // by index: a read that creates entries brings their aggregations, read in turn (R2)
    for (int i = 0; i < aggs.size(); i++) {
      Agg a = aggs.get(i);
      if (inRemovedEntry(a.target)) {
        continue; // SEMANTICS: a target in an entry that an earlier read removed is not read
      }
      Object v = commonValue(a);
      if (read.add(a.target) && !Objects.equals(get(a.target), v)) {
        write(a.target, v);
      }
    }
    sweep();
    listenerLog.clear();
  }

  private static boolean containsSame(List<List<String>> l, List<String> g) {
    for (List<String> x : l) {
      if (x == g) {
        return true;
      }
    }
    return false;
  }

  // =============================================================================================
  // reading and writing the nested maps
  // =============================================================================================

  /** The value at a path (model form), {@link #ABSENT} below a null or absent node. */
  Object get(String path) {
    return get(root, path);
  }

  static Object get(Object from, String path) {
    Object cur = from;
    for (String seg : segments(path)) {
      if (!(cur instanceof Map<?, ?> m)) {
        return ABSENT;
      }
      cur = m.containsKey(seg) ? m.get(seg) : ABSENT;
    }
    return cur;
  }

  /** The whole state, visible form (what a snapshot shows). */
  Object visibleRoot() {
    return visible(rootType, root);
  }

  /** The snapshot as Java records. */
  Object snapshot() {
    return toJava(rootType, visibleRoot());
  }

  /** Entries of the map at {@code mapPath} that hold a value, in creation order. */
  List<String> keys(String mapPath) {
    List<String> out = new ArrayList<>();
    for (String k : entries.getOrDefault(mapPath, List.of())) {
      if (get(mapPath + "." + k) != ABSENT) {
        out.add(k);
      }
    }
    return out;
  }

  /** Map paths that have an entry registry (maps met so far). */
  Set<String> mapPaths() {
    return entries.keySet();
  }

  /**
   * Whether a concrete path exists now as the store resolves dot strings: record components
   * always, a map entry only while it holds a value.
   */
  boolean resolvable(String path) {
    return exists(path, true);
  }

  /** Whether {@code path} names a path of the schema and of the current entries. */
  boolean exists(String path) {
    return exists(path, false);
  }

  private boolean exists(String path, boolean entryMustHoldValue) {
    Type t = rootType;
    String cur = "";
    for (String seg : segments(path)) {
      if (isRecord(t)) {
        Type next = null;
        for (RecordComponent rc : components(t)) {
          if (rc.getName().equals(seg)) {
            next = rc.getGenericType();
          }
        }
        if (next == null) {
          return false;
        }
        t = next;
      } else if (isContainer(t)) {
        if (!entries.getOrDefault(cur, List.of()).contains(seg)) {
          return false;
        }
        if (entryMustHoldValue && get(join(cur, seg)) == ABSENT) {
          return false;
        }
        t = entryType(t);
      } else {
        return false;
      }
      cur = join(cur, seg);
    }
    return true;
  }

  /** Whether an ancestor of {@code path}, below its nearest present node, is an absent entry. */
  private boolean belowRemovedEntry(String path) {
    for (String a = path.isEmpty() ? "" : parentOf(path); !a.isEmpty() && !(get(a) instanceof Map); a = parentOf(a)) {
      Type container = typeAt(parentOf(a));
      if (get(a) == ABSENT && (isMap(container) || isList(container))) {
        return true;
      }
    }
    return false;
  }

  /** Writes {@code v} (model form, or ABSENT) at {@code path}, materialising absent ancestors. */
  @SuppressWarnings("unchecked")
  private void write(String path, Object v) {
    if (path.isEmpty()) {
      Object old = root;
      root = new LinkedHashMap<String, Object>();
      writeInto((Map<String, Object>) root, null, "", rootType, v, old);
      if (v == null || v == ABSENT) {
        root = v;
      }
      return;
    }
    Map<String, Object> parent = materialize(parentOf(path));
    String seg = lastSegment(path);
    boolean added = !parent.containsKey(seg);
    Object old = added ? ABSENT : parent.get(seg);
    writeInto(parent, seg, path, typeAt(path), v, old);
    if (added) {
      keepEntryOrder(parentOf(path), parent);
    }
  }

  /**
   * A map's entries are in the order their keys were created (a {@code put} creates the key when it
   * is added to the batch, before earlier writes of the same batch may add others): an entry that
   * becomes present later still takes its key's place.
   */
  private void keepEntryOrder(String mapPath, Map<String, Object> node) {
    List<String> reg = entries.get(mapPath);
    if (reg == null || !isMap(typeAt(mapPath))) {
      return;
    }
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(node);
    node.clear();
    for (String k : reg) {
      if (copy.containsKey(k)) {
        node.put(k, copy.remove(k));
      }
    }
    node.putAll(copy);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> materialize(String path) {
    if (path.isEmpty()) {
      if (!(root instanceof Map)) {
        root = emptyNode(rootType);
      }
      return (Map<String, Object>) root;
    }
    Map<String, Object> parent = materialize(parentOf(path));
    String seg = lastSegment(path);
    Object cur = parent.get(seg);
    if (cur instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    Map<String, Object> node = emptyNode(typeAt(path));
    parent.put(seg, node);
    keepEntryOrder(parentOf(path), parent);
    return node;
  }

  /** A present node with every component absent (a record) or no entries (a map or list). */
  private static Map<String, Object> emptyNode(Type t) {
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    if (isRecord(t)) {
      for (RecordComponent rc : components(t)) {
        m.put(rc.getName(), ABSENT);
      }
    }
    return m;
  }

  /**
   * Puts {@code v} under {@code seg} of {@code parent} (the root itself when {@code seg} is
   * null), replacing the subtree; map entries are created and marked for removal as needed.
   */
  @SuppressWarnings("unchecked")
  private void writeInto(Map<String, Object> parent, String seg, String path, Type t, Object v, Object old) {
    if (v == null || v == ABSENT) {
      markEntriesBelow(path, old);
      if (seg == null) {
        return;
      }
      boolean parentIsMap = !path.isEmpty() && isContainer(typeAt(parentOf(path)));
      if (v == ABSENT && parentIsMap) {
        parent.remove(seg);
      } else {
        parent.put(seg, v);
      }
      return;
    }
    if (!(v instanceof Map<?, ?> value)) {
      parent.put(seg, v);
      return;
    }
    Map<String, Object> oldNode = old instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    LinkedHashMap<String, Object> node = seg == null ? (LinkedHashMap<String, Object>) parent : new LinkedHashMap<>();
    if (isRecord(t)) {
      for (RecordComponent rc : components(t)) {
        String name = rc.getName();
        writeInto(node, name, join(path, name), rc.getGenericType(), value.get(name),
            oldNode == null ? ABSENT : oldNode.getOrDefault(name, ABSENT));
      }
    } else {
      // a map or list: existing entries keep their place, missing ones become absent, new ones
      // are created (a list's keys are its indexes, so it shrinks and grows at its end)
      // first the entries that go (they become absent in key order), then the value's entries in
      // the value's order, as the engine writes them: entries created on the way (and the
      // aggregations they bring) are created in that order
      List<String> reg = entries.computeIfAbsent(path, x -> new ArrayList<>());
      for (String k : new ArrayList<>(reg)) {
        Object ov = oldNode == null ? ABSENT : oldNode.getOrDefault(k, ABSENT);
        if (!value.containsKey(k) && ov != ABSENT) {
          markEntriesBelow(join(path, k), ov);
        }
      }
      for (Map.Entry<?, ?> e : value.entrySet()) {
        String k = (String) e.getKey();
        if (reg.contains(k)) {
          Object ov = oldNode == null ? ABSENT : oldNode.getOrDefault(k, ABSENT);
          writeInto(node, k, join(path, k), entryType(t), e.getValue(), ov);
        } else {
          createEntry(path, k);
          writeInto(node, k, join(path, k), entryType(t), e.getValue(), ABSENT);
        }
      }
      keepEntryOrder(path, node);
    }
    if (seg != null) {
      parent.put(seg, node);
    }
  }

  /** An entry at {@code path} (or entries of maps below it) became absent: sweep candidates. */
  private void markEntriesBelow(String path, Object old) {
    if (path.isEmpty()) {
      return;
    }
    String parent = parentOf(path);
    if (entries.containsKey(parent) && entries.get(parent).contains(lastSegment(path)) && old != ABSENT) {
      maybeDead.add(path);
    }
    if (old instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        markEntriesBelow(join(path, (String) e.getKey()), e.getValue());
      }
    }
  }

  /**
   * Creates entry {@code key} of the map or list at {@code mapPath} and instantiates the wiring
   * of its template: pairs and aggregations whose innermost template is the entry's.
   */
  private void createEntry(String mapPath, String key) {
    entries.computeIfAbsent(mapPath, x -> new ArrayList<>()).add(key);
    String entry = mapPath + "." + key;
    entrySeq.put(entry, nextEntrySeq++);
    String template = templateOf(entry);
    for (String[] p : templateSync) {
      if (innermostTemplate(p[0]).equals(template)) {
        sync.addEdge(concrete(p[0], template, entry), concrete(p[1], template, entry), true);
      }
    }
    for (String[] p : templateFlip) {
      if (innermostTemplate(p[0]).equals(template)) {
        flip.addEdge(concrete(p[0], template, entry), concrete(p[1], template, entry), true);
      }
    }
    for (String[] row : templateAggs) {
      if (innermostTemplate(row[0]).equals(template)) {
        aggs.add(instance(row, template, entry));
      }
    }
  }

  /**
   * The instance of static aggregation {@code row} for the entry {@code entry} of template {@code
   * template} ({@code ""} and {@code ""} for an aggregation outside every entry): sources in the
   * target's template are its declared sources, deeper ones are wildcards.
   */
  private Agg instance(String[] row, String template, String entry) {
    List<String> declared = new ArrayList<>();
    List<String> wildcards = new ArrayList<>();
    for (int i = 1; i < row.length; i++) {
      String s = concrete(row[i], template, entry);
      (innermostTemplate(row[i]).equals(template) ? declared : wildcards).add(s);
    }
    return new Agg(aggSeq++, concrete(row[0], template, entry), declared, wildcards);
  }

  /** {@code path} (spelled with {@code *}) with its leading {@code template} replaced by {@code entry}. */
  private static String concrete(String path, String template, String entry) {
    return template.isEmpty() ? path : entry + path.substring(template.length());
  }

  /** The part of a path spelled with {@code *} up to its last {@code *} segment, or {@code ""}. */
  static String innermostTemplate(String path) {
    String[] seg = segments(path);
    for (int i = seg.length - 1; i >= 0; i--) {
      if (seg[i].equals("*")) {
        return String.join(".", java.util.Arrays.copyOf(seg, i + 1));
      }
    }
    return "";
  }

  /** A concrete path with every entry key or index replaced by {@code *}. */
  String templateOf(String path) {
    StringBuilder sb = new StringBuilder();
    Type t = rootType;
    for (String seg : segments(path)) {
      sb.append(sb.length() == 0 ? "" : ".");
      if (isContainer(t)) {
        sb.append('*');
        t = entryType(t);
      } else {
        sb.append(seg);
        Type next = null;
        for (RecordComponent rc : components(t)) {
          if (rc.getName().equals(seg)) {
            next = rc.getGenericType();
          }
        }
        t = next;
      }
    }
    return sb.toString();
  }

  /** Lists that lost entries in the current sweep. */
  private final Set<String> touchedLists = new LinkedHashSet<>();

  /** Removes entries that ended the batch absent, with what names them. */
  private void sweep() {
    touchedLists.clear();
    sweepEntries();
    for (String list : touchedLists) {
      List<String> left = entries.getOrDefault(list, List.of());
      for (int i = 0; i < left.size(); i++) {
        if (!left.get(i).equals(Integer.toString(i))) {
          // an entry before the end of a list left it while a later one stayed: the later ones
          // would move down, which this model does not do (its generators avoid such batches)
          throw new UnsupportedOperationException("the model does not renumber list entries: " + list
              + " kept " + left);
        }
      }
    }
  }

  private void sweepEntries() {
    List<String> dead = new ArrayList<>(maybeDead);
    maybeDead.clear();
    Set<String> done = new HashSet<>();
    for (String e : dead) {
      String map = parentOf(e);
      String key = lastSegment(e);
      if (!done.add(e) || !entries.containsKey(map) || !entries.get(map).contains(key) || get(e) != ABSENT) {
        continue;
      }
      entries.get(map).remove(key);
      if (isList(typeAt(map))) {
        touchedLists.add(map);
      }
      entrySeq.remove(e);
      String template = templateOf(e);
      for (String[] p : templateSync) {
        if (innermostTemplate(p[0]).equals(template)) {
          sync.removeEdge(concrete(p[0], template, e), concrete(p[1], template, e));
        }
      }
      for (String[] p : templateFlip) {
        if (innermostTemplate(p[0]).equals(template)) {
          flip.removeEdge(concrete(p[0], template, e), concrete(p[1], template, e));
        }
      }
      aggs.removeIf(a -> a.reg == null && isStrictAncestor(e, a.target));
      for (int i = regs.size() - 1; i >= 0; i--) {
        Reg r = regs.get(i);
        if (r.touches(e)) {
          r.active = false;
          regs.remove(i);
          undo(r);
        }
      }
      for (Lst l : new ArrayList<>(listeners)) {
        if (isAncestorOrSelf(e, l.path)) {
          removeListener(l);
        }
      }
    }
  }

  /**
   * The sources of an aggregation now: declared ones, then every entry's path of each wildcard,
   * in the order the entries were created (SEMANTICS: "wildcard entries in the order they were
   * added"; the entry that counts is the innermost one, and one entry adds the paths of the
   * wildcards in declaration order).
   */
  List<String> sources(Agg a) {
    if (a.wildcards.isEmpty()) {
      return a.sources;
    }
    List<Object[]> found = new ArrayList<>(); // {creation number, wildcard index, path}
    for (int i = 0; i < a.wildcards.size(); i++) {
      expandWildcard(a.wildcards.get(i), i, "", found);
    }
    found.sort((x, y) -> x[0].equals(y[0]) ? Integer.compare((Integer) x[1], (Integer) y[1])
        : Long.compare((Long) x[0], (Long) y[0]));
    List<String> out = new ArrayList<>(a.sources);
    for (Object[] f : found) {
      out.add((String) f[2]);
    }
    return out;
  }

  private void expandWildcard(String pattern, int index, String innermost, List<Object[]> out) {
    int star = pattern.indexOf(".*");
    while (star >= 0 && !(star + 2 == pattern.length() || pattern.charAt(star + 2) == '.')) {
      star = pattern.indexOf(".*", star + 1);
    }
    if (star < 0) {
      out.add(new Object[] {entrySeq.get(innermost), index, pattern});
      return;
    }
    String container = pattern.substring(0, star);
    for (String k : entries.getOrDefault(container, List.of())) {
      String entry = container + "." + k;
      expandWildcard(entry + pattern.substring(star + 2), index, entry, out);
    }
  }

  // =============================================================================================
  // batches (§3)
  // =============================================================================================

  /** A write as a batch receives it; the model decides which inputs the store must refuse. */
  record Input(String op, String path, String key, Object javaValue) {}

  /**
   * Checks one input as {@code Batch.set/put/remove} does when it is added, and returns the
   * change it becomes (creating a {@code put} entry at once), or throws the expected exception.
   */
  Ch addInput(Input in) {
    switch (in.op()) {
      case "set": {
        if (!resolvable(in.path())) {
          throw new ModelException(dev.statewire.runtime.UnknownPathException.class, "unknown path " + in.path());
        }
        return new Ch(in.path(), fromJava(typeAt(in.path()), in.javaValue()), Set.of(), null);
      }
      case "put": {
        if (!resolvable(in.path())) {
          throw new ModelException(dev.statewire.runtime.UnknownPathException.class, "unknown map " + in.path());
        }
        List<String> reg = entries.computeIfAbsent(in.path(), x -> new ArrayList<>());
        String p = in.path() + "." + in.key();
        if (!reg.contains(in.key())) {
          createEntry(in.path(), in.key());
          maybeDead.add(p);
        }
        return new Ch(p, fromJava(typeAt(p), in.javaValue()), Set.of(), null);
      }
      case "add": {
        if (!resolvable(in.path())) {
          throw new ModelException(dev.statewire.runtime.UnknownPathException.class, "unknown list " + in.path());
        }
        List<String> reg = entries.computeIfAbsent(in.path(), x -> new ArrayList<>());
        String key = Integer.toString(reg.size()); // a new entry at the end of the list
        String p = in.path() + "." + key;
        createEntry(in.path(), key);
        maybeDead.add(p);
        return new Ch(p, fromJava(typeAt(p), in.javaValue()), Set.of(), null);
      }
      case "remove": {
        String p = in.path() + "." + in.key();
        if (!resolvable(p)) {
          throw new ModelException(dev.statewire.runtime.UnknownPathException.class, "no entry " + p);
        }
        return new Ch(p, ABSENT, Set.of(), null);
      }
      default:
        throw new IllegalArgumentException(in.op());
    }
  }

  /** A saved copy of everything a batch or registration may change. */
  private record Saved(Object root, Graph sync, Graph flip, List<Agg> aggs, long aggSeq, List<Reg> regs,
      List<Boolean> regActive, List<Lst> listeners, LinkedHashMap<String, Long> bucketSeq,
      LinkedHashMap<String, List<String>> entries, HashMap<String, Long> entrySeq) {}

  private Saved save() {
    LinkedHashMap<String, List<String>> e = new LinkedHashMap<>();
    entries.forEach((k, v) -> e.put(k, new ArrayList<>(v)));
    List<Boolean> active = new ArrayList<>();
    for (Reg r : regs) {
      active.add(r.active);
    }
    return new Saved(deepCopy(root), sync.copy(), flip.copy(), new ArrayList<>(aggs), aggSeq,
        new ArrayList<>(regs), active, new ArrayList<>(listeners), new LinkedHashMap<>(bucketSeq), e,
        new HashMap<>(entrySeq));
  }

  private void restore(Saved s) {
    root = s.root;
    sync = s.sync;
    flip = s.flip;
    aggs = s.aggs;
    aggSeq = s.aggSeq;
    regs = s.regs;
    for (int i = 0; i < regs.size(); i++) {
      regs.get(i).active = s.regActive.get(i);
    }
    listeners = s.listeners;
    bucketSeq = s.bucketSeq;
    entries = s.entries;
    entrySeq = s.entrySeq;
    maybeDead.clear();
  }

  /**
   * Runs one batch: the inputs are added in order (a refused input throws and the rest of the
   * batch is not run, as with a Batch whose {@code set} threw), then the pipeline. On any
   * failure the model is exactly as before and the exception says what the store must throw.
   *
   * @return the applied changes, in order
   */
  List<Ch> batch(List<Input> inputs, Object tag) {
    Saved saved = save();
    try {
      List<Ch> queue = new ArrayList<>();
      for (Input in : inputs) {
        Ch c = addInput(in);
        queue.add(tag == null ? c : new Ch(c.path(), c.value(), c.flags(), tag));
      }
      return runPipeline(queue);
    } catch (RuntimeException e) {
      restore(saved);
      throw e;
    }
  }

  /** Stages 1–9 over an input queue. */
  private List<Ch> runPipeline(List<Ch> input) {
    Object pre = deepCopy(root);
    // 1. input no-op filter
    List<Ch> queue = new ArrayList<>();
    for (Ch c : input) {
      if (!Objects.equals(get(pre, c.path()), c.value())) {
        queue.add(c);
      }
    }
    if (queue.isEmpty()) {
      sweep();
      return List.of();
    }
    // 2–4
    queue = expandStages(queue);
    // 5. expansion no-op filter (against the pre-batch state)
    List<Ch> filtered = new ArrayList<>();
    for (Ch c : queue) {
      if (!Objects.equals(get(pre, c.path()), c.value())) {
        filtered.add(c);
      }
    }
    queue = filtered;
    if (queue.isEmpty()) {
      sweep();
      return List.of();
    }
    // 6. listeners; 7. their outputs through stages 2–4, appended
    if (!initPhase && !listeners.isEmpty()) {
      List<Ch> outputs = dispatchListeners(queue, pre);
      if (!outputs.isEmpty()) {
        queue.addAll(expandStages(outputs));
      }
    }
    // 8. apply: each change that differs from the value at its path at that moment
    List<Ch> applied = new ArrayList<>();
    // (a change below an entry that is absent at that moment, removed earlier in the batch, is
    // dropped: writing it would bring part of the entry back)
    for (Ch c : queue) {
      if (!Objects.equals(get(c.path()), c.value()) && !belowRemovedEntry(c.path())) {
        write(c.path(), c.value());
        applied.add(c);
      }
    }
    // 9. aggregation read (sources touched are found before removed entries leave)
    Set<Agg> touched = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    if (!initPhase) {
      for (Agg a : aggs) {
        for (Ch c : applied) {
          if (touchesSources(a, c.path())) {
            touched.add(a);
            break;
          }
        }
      }
    }
    sweep();
    if (!initPhase) {
      Set<String> read = new HashSet<>();
      // by index over the live list: an entry created by a stage-9 write (a map or list target)
      // brings aggregations registered after the one that wrote it, and they are read too
      for (int i = 0; i < aggs.size(); i++) {
        Agg a = aggs.get(i);
        if (!touched.contains(a)) {
          continue;
        }
        if (!read.add(a.target)) {
          continue; // a target is read once per batch, from the union of its sources
        }
        if (inRemovedEntry(a.target)) {
          continue; // SEMANTICS: a target in an entry that an earlier read removed is not read
        }
        Object v = commonValue(a);
        if (!Objects.equals(get(a.target), v)) {
          write(a.target, v);
          applied.add(new Ch(a.target, v, EnumSet.of(ChangeFlag.AGGREGATE_READ), null));
          for (Agg later : aggs) {
            if (touchesSources(later, a.target)) {
              touched.add(later);
            }
          }
        }
      }
      sweep(); // entries that a stage-9 write removed leave with this batch too (SEMANTICS)
    }
    return applied;
  }

  /** Whether {@code path} lies in a map or list entry that is absent (removed, not yet swept). */
  private boolean inRemovedEntry(String path) {
    for (String p = path; !p.isEmpty(); p = parentOf(p)) {
      String container = parentOf(p);
      if (entries.getOrDefault(container, List.of()).contains(lastSegment(p)) && get(p) == ABSENT) {
        return true;
      }
    }
    return false;
  }

  private boolean touchesSources(Agg a, String changed) {
    for (String s : sources(a)) {
      if (isAncestorOrSelf(s, changed) || isAncestorOrSelf(changed, s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Stage 9's value: the common value of the sources if all hold the same value, else null. The
   * sources are the union over every aggregation on the target (§6).
   */
  private Object commonValue(Agg a) {
    List<String> src = new ArrayList<>();
    for (Agg each : aggs) {
      if (each.target.equals(a.target)) {
        src.addAll(sources(each));
      }
    }
    if (src.isEmpty()) {
      return null;
    }
    Type t = typeAt(a.target);
    Object raw0 = get(src.get(0));
    if (raw0 == null || raw0 == ABSENT) {
      return null;
    }
    Object first = visible(t, raw0);
    for (String s : src) {
      if (!Objects.equals(visible(t, get(s)), first)) {
        return null;
      }
    }
    return first == ABSENT ? null : deepCopy(first);
  }

  /** Stages 2, 3 and 4 over a queue (the main queue, or the listener queue in stage 7). */
  private List<Ch> expandStages(List<Ch> queue) {
    List<Ch> q = initPhase ? new ArrayList<>(queue) : aggregationWrites(queue);
    q.addAll(expand(sync, q, false, ChangeFlag.SYNC));
    if (!initPhase) {
      q.addAll(expand(flip, q, true, ChangeFlag.FLIP));
    }
    return q;
  }

  /** Stage 2: target writes are replaced by fan-outs, walking from last to first. */
  private List<Ch> aggregationWrites(List<Ch> queue) {
    List<Ch> kept = new ArrayList<>();
    List<Ch> appended = new ArrayList<>();
    boolean[] drop = new boolean[queue.size()];
    for (int i = queue.size() - 1; i >= 0; i--) {
      Ch c = queue.get(i);
      String target = null;
      for (Agg a : aggs) {
        if (isAncestorOrSelf(a.target, c.path())) {
          target = a.target; // the first registered target that matches
          break;
        }
      }
      if (target == null) {
        continue;
      }
      drop[i] = true;
      String r = rel(c.path(), target);
      for (Agg a : aggs) {
        if (a.target.equals(target)) {
          for (String s : sources(a)) {
            String dest = join(s, r);
            if (c.value() == null && raw(typeAt(dest)).isPrimitive()) {
              // [statewire] SEMANTICS "null is refused for primitive paths": the batch is abandoned
              throw new ModelException(dev.statewire.runtime.ValueTypeException.class,
                  "null written to aggregation target " + c.path() + " fans out to primitive source " + dest);
            }
            if (exists(dest)) {
              appended.add(c.derive(dest, c.value(), ChangeFlag.AGGREGATION));
            }
          }
        }
      }
    }
    for (int i = 0; i < queue.size(); i++) {
      if (!drop[i]) {
        kept.add(queue.get(i));
      }
    }
    kept.addAll(appended);
    return kept;
  }

  /** Stages 3 and 4 (§4): every change against every group; the outputs, in order. */
  private List<Ch> expand(Graph g, List<Ch> queue, boolean negate, ChangeFlag flag) {
    List<Ch> out = new ArrayList<>();
    for (Ch c : queue) {
      for (List<String> group : g.groups) {
        for (String p : group) {
          boolean exact = p.equals(c.path());
          boolean child = isStrictAncestor(p, c.path());
          boolean parent = isStrictAncestor(c.path(), p);
          if (!exact && !child && !parent) {
            continue;
          }
          // the first member that matches decides for this group
          Object v = parent ? get(c.value(), rel(p, c.path())) : c.value();
          if (parent && (v == ABSENT || !(c.value() instanceof Map))) {
            break;
          }
          if (negate) {
            if (!(v instanceof Boolean b)) {
              break;
            }
            v = !b;
          }
          for (String m : group) {
            if (m.equals(p)) {
              continue;
            }
            String dest = child ? join(m, rel(c.path(), p)) : m;
            if (exists(dest)) {
              out.add(c.derive(dest, deepCopy(v), flag));
            }
          }
          break;
        }
      }
    }
    return out;
  }

  /** Stage 6 (§5): who is called, in which order, with what; returns the listener queue. */
  private List<Ch> dispatchListeners(List<Ch> queue, Object pre) {
    List<String> paths = new ArrayList<>();
    for (Map.Entry<String, Long> b : bucketSeq.entrySet()) {
      String lp = b.getKey();
      for (Ch c : queue) {
        if (matches(lp, c.path())) {
          paths.add(lp);
          break;
        }
      }
    }
    paths.sort((x, y) -> depth(x) != depth(y) ? Integer.compare(depth(y), depth(x))
        : Long.compare(bucketSeq.get(x), bucketSeq.get(y)));
    List<Ch> outputs = new ArrayList<>();
    for (String lp : paths) {
      for (Lst l : new ArrayList<>(listeners)) {
        if (!l.path.equals(lp)) {
          continue;
        }
        List<Ch> received = new ArrayList<>();
        for (Ch c : queue) {
          if (matches(lp, c.path())) {
            received.add(c);
          }
        }
        received.sort((x, y) -> Integer.compare(depth(y.path()), depth(x.path()))); // stable
        for (Ch c : outputs) {
          if (matches(lp, c.path())) {
            received.add(c);
          }
        }
        Object scopeValue = visible(typeAt(l.scope), get(pre, l.scope));
        List<Object[]> emitted = l.behaviour.call(received, scopeValue);
        for (Object[] e : emitted) {
          String path = (String) e[0];
          outputs.add(new Ch(path, fromJava(typeAt(path), e[1]), EnumSet.of(ChangeFlag.LISTENER), null));
        }
      }
    }
    return outputs;
  }

  private static boolean matches(String listenerPath, String changed) {
    return isAncestorOrSelf(listenerPath, changed) || isAncestorOrSelf(changed, listenerPath);
  }

  // =============================================================================================
  // runtime wiring (§4 alignment, §6)
  // =============================================================================================

  private static ModelException wiring(String message) {
    return new ModelException(dev.statewire.runtime.WiringException.class, message);
  }

  private void checkPath(String p) {
    if (!exists(p) || p.contains("*")) {
      throw new ModelException(dev.statewire.runtime.UnknownPathException.class, "unknown " + p);
    }
  }

  /**
   * Registers a sync ({@code isFlip == false}) or flip edge; a new sync edge runs the alignment
   * batch of its group at once.
   *
   * @return the registration and the alignment batch's applied changes
   */
  Object[] registerPair(boolean isFlip, String a, String b) {
    checkPath(a);
    checkPath(b);
    Type ta = typeAt(a);
    Type tb = typeAt(b);
    if (isFlip) {
      for (Type t : new Type[] {ta, tb}) {
        if (boxed(raw(t)) != Boolean.class) {
          throw wiring("flip on a non-boolean");
        }
      }
    }
    if (!ta.equals(tb)) {
      throw wiring("different types"); // generic types: List<Item> is not List<String>
    }
    Graph g = isFlip ? flip : sync;
    if (!a.equals(b)) {
      List<String> left = g.groupOf(a) == null ? List.of(a) : g.groupOf(a);
      List<String> right = g.groupOf(b) == null ? List.of(b) : g.groupOf(b);
      for (String x : left) {
        for (String y : right) {
          if (!x.equals(y) && (isAncestorOrSelf(x, y) || isAncestorOrSelf(y, x))) {
            throw wiring("nested members " + x + " and " + y);
          }
        }
      }
      if (contradicts(isFlip, a, b)) {
        throw wiring("sync and flip would make two paths both equal and opposite");
      }
    }
    boolean added = g.addEdge(a, b, false);
    Reg reg = new Reg(isFlip ? "flip" : "sync", a, b, !g.isStaticEdge(a, b));
    regs.add(reg);
    List<Ch> applied = List.of();
    if (!isFlip && added) {
      List<Ch> align = alignment(List.of(sync.groupOf(a)));
      if (!align.isEmpty()) {
        Saved saved = save();
        try {
          applied = runPipeline(align);
        } catch (RuntimeException e) {
          restore(saved);
          close(reg);
          throw e;
        }
      }
    }
    return new Object[] {reg, applied};
  }

  /**
   * Whether edge {@code a–b} would force two booleans to be both equal and opposite (the
   * processor's contradiction rule, also at run time). Every edge in place relates pairs of
   * boolean leaves — a flip edge its two ends with parity 1, a sync edge its two ends, or for
   * nodes every boolean below one end with the existing path at the same place below the other,
   * with parity 0 — and a union-find with parities over those pairs meets a conflict exactly
   * when the new edge's pairs close an odd cycle.
   */
  private boolean contradicts(boolean isFlip, String a, String b) {
    Map<String, String> up = new HashMap<>();
    Map<String, Integer> par = new HashMap<>();
    for (String[] e : edgesOf(flip)) {
      relate(up, par, e[0], e[1], 1);
    }
    for (String[] e : edgesOf(sync)) {
      for (String[] pair : booleanPairs(e[0], e[1])) {
        relate(up, par, pair[0], pair[1], 0);
      }
    }
    if (isFlip) {
      return !relate(up, par, a, b, 1);
    }
    for (String[] pair : booleanPairs(a, b)) {
      if (!relate(up, par, pair[0], pair[1], 0)) {
        return true;
      }
    }
    return false;
  }

  private static List<String[]> edgesOf(Graph g) {
    List<String[]> out = new ArrayList<>();
    for (String k : g.edges.keySet()) {
      out.add(k.split("\u0000", -1));
    }
    return out;
  }

  /** The boolean leaves that edge {@code a–b} relates: itself, or corresponding ones below nodes. */
  private List<String[]> booleanPairs(String a, String b) {
    List<String> below = new ArrayList<>();
    booleansBelow(a, below);
    List<String[]> out = new ArrayList<>();
    for (String d : below) {
      String e = join(b, rel(d, a));
      if (exists(e)) {
        out.add(new String[] {d, e});
      }
    }
    return out;
  }

  private void booleansBelow(String n, List<String> out) {
    Type t = typeAt(n);
    if (isRecord(t)) {
      for (RecordComponent rc : components(t)) {
        booleansBelow(join(n, rc.getName()), out);
      }
    } else if (isMap(t)) {
      for (String k : entries.getOrDefault(n, List.of())) {
        booleansBelow(join(n, k), out);
      }
    } else if (boxed(raw(t)) == Boolean.class) {
      out.add(n);
    }
  }

  /** Adds "x and y have parity p"; false if they already have the other parity. */
  private static boolean relate(Map<String, String> up, Map<String, Integer> par, String x, String y, int p) {
    String rx = root(up, par, x);
    String ry = root(up, par, y);
    int px = par.getOrDefault(x, 0);
    int py = par.getOrDefault(y, 0);
    if (rx.equals(ry)) {
      return (px ^ py) == p;
    }
    up.put(rx, ry);
    par.put(rx, px ^ py ^ p);
    return true;
  }

  /** The root of {@code x}, compressing the path; par[x] becomes x's parity to that root. */
  private static String root(Map<String, String> up, Map<String, Integer> par, String x) {
    String u = up.get(x);
    if (u == null) {
      return x;
    }
    String r = root(up, par, u);
    par.put(x, par.getOrDefault(x, 0) ^ par.getOrDefault(u, 0));
    up.put(x, r);
    return r;
  }

  /** §4: per group, the value most members hold (ties: first in member order) for every member. */
  private List<Ch> alignment(List<List<String>> groups) {
    List<Ch> out = new ArrayList<>();
    for (List<String> g : groups) {
      LinkedHashMap<Object, Integer> counts = new LinkedHashMap<>();
      for (String m : g) {
        Object vis = visible(typeAt(m), get(m));
        if (vis != null && vis != ABSENT) {
          counts.merge(vis, 1, Integer::sum);
        }
      }
      if (counts.isEmpty()) {
        continue;
      }
      Object winner = null;
      int best = 0;
      for (Map.Entry<Object, Integer> e : counts.entrySet()) {
        if (e.getValue() > best) {
          best = e.getValue();
          winner = e.getKey();
        }
      }
      for (String m : g) {
        if (!Objects.equals(get(m), winner)) {
          out.add(new Ch(m, deepCopy(winner), EnumSet.of(ChangeFlag.SYNC), null));
        }
      }
    }
    return out;
  }

  /** Registers an aggregation; its target is read at once (not reported). */
  Reg registerAggregation(String target, List<String> sources) {
    checkPath(target);
    Class<?> tt = raw(typeAt(target));
    if (tt.isPrimitive()) {
      throw wiring("primitive target");
    }
    for (String s : sources) {
      checkPath(s);
      Type st = typeAt(s);
      boolean same = raw(st).isPrimitive() ? boxed(raw(st)) == tt : st.equals(typeAt(target));
      if (!same) {
        throw wiring("source type");
      }
      if (s.equals(target)) {
        throw wiring("target is a source");
      }
    }
    // following source -> target edges from the target, must not reach a new source
    ArrayDeque<String> work = new ArrayDeque<>(List.of(target));
    Set<String> seen = new HashSet<>(List.of(target));
    while (!work.isEmpty()) {
      String x = work.poll();
      if (sources.contains(x)) {
        throw wiring("circular aggregation");
      }
      for (Agg a : aggs) {
        if (sources(a).contains(x) && seen.add(a.target)) {
          work.add(a.target);
        }
      }
    }
    Agg agg = new Agg(aggSeq++, target, new ArrayList<>(sources), List.of());
    aggs.add(agg);
    Reg reg = new Reg("aggregate", target, null, true);
    reg.agg = agg;
    agg.reg = reg;
    regs.add(reg);
    Object v = commonValue(agg);
    if (!Objects.equals(get(target), v)) {
      write(target, v);
    }
    sweep(); // SEMANTICS: entries the first read removes leave when aggregate(...) returns
    return reg;
  }

  /** Registers a listener on {@code path} with {@code scope}. */
  Reg listen(int id, String path, String scope, ListenerBehaviour behaviour) {
    checkPath(path);
    checkPath(scope);
    if (!isAncestorOrSelf(scope, path)) {
      throw wiring("scope");
    }
    Lst l = new Lst(id, path, scope, behaviour);
    listeners.add(l);
    bucketSeq.putIfAbsent(path, nextBucketSeq++);
    Reg reg = new Reg("listener", path, null, true);
    reg.listener = l;
    l.reg = reg;
    return reg;
  }

  /** Closes a registration; closing twice is an {@link IllegalStateException}. */
  void close(Reg r) {
    if (!r.active) {
      throw new ModelException(IllegalStateException.class, "closed twice");
    }
    r.active = false;
    regs.remove(r);
    undo(r);
  }

  private void undo(Reg r) {
    switch (r.kind) {
      case "sync", "flip" -> {
        Graph g = r.kind.equals("flip") ? flip : sync;
        if (r.owns && !g.isStaticEdge(r.a, r.b)) {
          g.removeEdge(r.a, r.b);
        }
      }
      case "aggregate" -> aggs.remove(r.agg);
      default -> removeListener(r.listener);
    }
  }

  private void removeListener(Lst l) {
    if (!listeners.remove(l)) {
      return;
    }
    l.reg.active = false;
    boolean any = false;
    for (Lst o : listeners) {
      if (o.path.equals(l.path)) {
        any = true;
      }
    }
    if (!any) {
      bucketSeq.remove(l.path);
    }
  }

  /** Sizes comparable with {@code Store.stats()}: sync edges, flip edges, aggregations, listeners. */
  int[] tableSizes() {
    return new int[] {sync.edgeCount(), flip.edgeCount(), aggs.size(), listeners.size()};
  }

  /** Sync groups (group order, member order), for generators. */
  List<List<String>> syncGroups() {
    return sync.groups;
  }

  /** Flip groups, for generators. */
  List<List<String>> flipGroups() {
    return flip.groups;
  }

  /** Aggregation targets in registration order, for generators. */
  List<String> aggregationTargets() {
    List<String> out = new ArrayList<>();
    for (Agg a : aggs) {
      out.add(a.target);
    }
    return out;
  }

  /** Groups, for messages. */
  String wiringText() {
    return "sync groups " + sync.groups + ", flip groups " + flip.groups + ", aggregations "
        + aggs.stream().map(a -> a.target + "<-" + sources(a)).toList() + ", listeners "
        + listeners.stream().map(l -> "L" + l.id + "@" + (l.path.isEmpty() ? "<root>" : l.path)).toList();
  }
}
