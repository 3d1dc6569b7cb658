package dev.statewire.runtime;

import static dev.statewire.runtime.internal.ChangeBuffer.NULL;
import static dev.statewire.runtime.internal.ChangeBuffer.VALUE;

import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.internal.IntList;
import dev.statewire.runtime.internal.SchemaTables;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;

/**
 * The aggregations of one store (docs/PIPELINE.md, "The pipeline"): the instances of the schema's
 * aggregations (one per entry for those inside a map or list entry) and the runtime ones, their
 * per-path indexes, stage 2 (a write to a target fans out to its sources) and stage 9 (a target
 * reads the common value of its sources, else null). Made by the store's first aggregation.
 */
final class Aggregations {
  /** The store's engine: the context of the stage-2 buffer, and where stage 9 reports its writes. */
  private final Engine engine;
  /** What each path ID is. */
  private final PathSpace paths;
  /** The values. */
  private final Shadow shadow;
  /** The schema's tables. */
  private final SchemaTables st;
  /** Every aggregation instance, in registration order. */
  private final ArrayList<Agg> list = new ArrayList<>();
  /** The aggregations targeting each path ID, in registration order, else null. */
  private AggList[] targetAt;
  /** The aggregations that have each path ID as a source, else null. */
  private AggList[] sourceAt;
  /** Static aggregation instances by (entry ID or 0) << 32 | aggregation index. */
  private final HashMap<Long, Agg> statics = new HashMap<>();
  /** Registration order of the next aggregation. */
  private long seq;
  /** Stamp of the current stage 9 (or registration read). */
  private long stamp;
  /** Aggregations whose read compares values with user code (records, containers, opaque). */
  private int userCode;
  /** Whether entries leave with the running stage 9 (see {@link Entries#markLeaving}). */
  private boolean leavingAny;
  /** Stage 2: which queue entries were target writes (replaced by their fan-out). */
  private boolean[] drop = new boolean[0];
  /** Stage 2: the fan-out, collected before it is appended to the queue. */
  private ChangeBuffer scratch;
  /** Aggregations that lost sources in the running sweep: compacted when it ends. */
  private final LinkedHashSet<Agg> lostSources = new LinkedHashSet<>();
  /** Whether the running sweep removed an aggregation (it leaves the list when the sweep ends). */
  private boolean removedAny;
  /** The runtime aggregation registrations, in order; null until the first. */
  private ArrayList<AggReg> regs;

  /** One aggregation instance: a target and its sources. */
  static final class Agg {
    final long seq;
    final int target;
    /** Registered through {@link Wiring} (its registration closes when an entry it names leaves). */
    final boolean runtime;
    final IntList sources = new IntList();
    long stamp;
    long readStamp;
    /** Removed with its entry; leaves the list of aggregations when the sweep ends. */
    boolean removed;

    Agg(long seq, int target, boolean runtime) {
      this.seq = seq;
      this.target = target;
      this.runtime = runtime;
    }
  }

  /** A small list of aggregations per path ID, in registration order. */
  private static final class AggList {
    Agg[] items = new Agg[2];
    int size;

    static void add(AggList[] at, int id, Agg a) {
      AggList l = at[id];
      if (l == null) {
        l = new AggList();
        at[id] = l;
      }
      if (l.size == l.items.length) {
        l.items = Arrays.copyOf(l.items, l.size * 2);
      }
      l.items[l.size++] = a;
    }

    static void remove(AggList[] at, int id, Agg a) {
      AggList l = at[id];
      if (l == null) {
        return;
      }
      for (int i = 0; i < l.size; i++) {
        if (l.items[i] == a) {
          System.arraycopy(l.items, i + 1, l.items, i, l.size - i - 1);
          l.items[--l.size] = null;
          break;
        }
      }
      if (l.size == 0) {
        at[id] = null;
      }
    }
  }

  Aggregations(Engine engine, PathSpace paths, Shadow shadow, int capacity) {
    this.engine = engine;
    this.paths = paths;
    this.shadow = shadow;
    this.st = paths.st;
    this.targetAt = new AggList[capacity];
    this.sourceAt = new AggList[capacity];
  }

  /** Whether the store has no aggregation (left). */
  boolean isEmpty() {
    return list.isEmpty();
  }

  /** Number of aggregation instances. */
  int size() {
    return list.size();
  }

  /** Whether a read compares values through user code (records, containers, opaque values). */
  boolean readsCallUserCode() {
    return userCode > 0;
  }

  /** Grows the per-path indexes to hold {@code n} IDs. */
  void ensureCapacity(int n) {
    if (targetAt.length < n) {
      targetAt = Arrays.copyOf(targetAt, n);
      sourceAt = Arrays.copyOf(sourceAt, n);
    }
  }

  // ---- instances ----

  /** Adds an aggregation of {@code target} over {@code sources}; {@code def} is the schema's index, or -1. */
  Agg add(int target, int[] sources, int def) {
    Agg a = new Agg(seq++, target, def < 0);
    list.add(a);
    if (paths.kind(target).holdsUserValues()) {
      userCode++;
    }
    AggList.add(targetAt, target, a);
    for (int s : sources) {
      addSource(a, s);
    }
    return a;
  }

  private void addSource(Agg a, int s) {
    a.sources.add(s);
    AggList.add(sourceAt, s, a);
  }

  /** Removes runtime aggregation {@code a} (its registration was closed). */
  void remove(Agg a) {
    list.remove(a);
    unlink(a);
  }

  /** Takes {@code a} out of the per-path indexes (the list of aggregations is the caller's). */
  private void unlink(Agg a) {
    if (paths.kind(a.target).holdsUserValues()) {
      userCode--;
    }
    AggList.remove(targetAt, a.target, a);
    for (int s = 0; s < a.sources.size(); s++) {
      AggList.remove(sourceAt, a.sources.get(s), a);
    }
  }

  /** Instantiates schema aggregation {@code k} for instance {@code inst} (an entry, or 0), IDs moved by {@code offset}. */
  void instantiate(int k, int inst, int offset) {
    int[] row = st.aggregations[k];
    int scope = st.aggregationScope[k];
    IntList direct = new IntList();
    for (int s = 1; s < row.length; s++) {
      if (st.templateRoot[row[s]] == scope) {
        direct.add(row[s] + offset);
      }
    }
    Agg a = add(row[0] + offset, direct.toArray(), k);
    statics.put(((long) inst << 32) | k, a);
  }

  /** The aggregations of a new entry block {@code base} of template root {@code t}, and its wildcard sources. */
  void instantiateBlock(int base, int t) {
    for (int k : st.aggregationsScopedAt[t]) {
      instantiate(k, base, base - t);
    }
    int[] wild = st.wildcardSourcesAt[t];
    for (int i = 0; i < wild.length; i += 2) {
      Agg a = staticInstance(wild[i], base);
      if (a != null) {
        addSource(a, base + wild[i + 1] - t);
      }
    }
  }

  /**
   * Takes entry block {@code base} of template root {@code t} out: its wildcard sources leave the
   * per-path index now and the source lists when the sweep ends; its aggregations are removed.
   */
  void removeBlock(int base, int t) {
    int[] wild = st.wildcardSourcesAt[t];
    for (int i = 0; i < wild.length; i += 2) {
      Agg a = staticInstance(wild[i], base);
      if (a != null) {
        AggList.remove(sourceAt, base + wild[i + 1] - t, a);
        lostSources.add(a);
      }
    }
    for (int k : st.aggregationsScopedAt[t]) {
      Agg a = statics.remove(((long) base << 32) | k);
      if (a != null) {
        unlink(a);
        a.removed = true; // out of the list of aggregations when the sweep ends
        removedAny = true;
      }
    }
  }

  /** Ends a sweep: source lists lose the entries that left, and removed aggregations leave the list. */
  void finishSweep() {
    for (Agg a : lostSources) {
      IntList src = a.sources;
      int w = 0;
      for (int j = 0; j < src.size(); j++) {
        int x = src.get(j);
        if (!paths.isLeaving(x)) {
          src.set(w++, x);
        }
      }
      src.truncate(w);
    }
    lostSources.clear();
    if (removedAny) {
      list.removeIf(a -> a.removed);
      removedAny = false;
    }
  }

  /** The instance of static aggregation {@code k} whose scope contains {@code id}. */
  private Agg staticInstance(int k, int id) {
    int scope = st.aggregationScope[k];
    int inst = 0;
    if (scope >= 0) {
      inst = id;
      while (inst >= 0 && paths.tmpl(inst) != scope) {
        inst = paths.parent(inst);
      }
      if (inst < 0) {
        return null;
      }
    }
    return statics.get(((long) inst << 32) | k);
  }

  /** Whether runtime aggregation {@code a} names a path in the IDs {@code [from, to)}. */
  static boolean touches(Agg a, int from, int to) {
    if (a.target >= from && a.target < to) {
      return true;
    }
    for (int i = 0; i < a.sources.size(); i++) {
      int s = a.sources.get(i);
      if (s >= from && s < to) {
        return true;
      }
    }
    return false;
  }

  /** A description of the cycle that {@code target ← sources} would close, or null. */
  String cycle(int target, int[] sources) {
    // following source → target edges from target, can we reach one of the new sources?
    ArrayDeque<Integer> work = new ArrayDeque<>();
    HashMap<Integer, Integer> from = new HashMap<>();
    work.add(target);
    from.put(target, -1);
    while (!work.isEmpty()) {
      int x = work.poll();
      for (int s : sources) {
        if (s == x) {
          StringBuilder sb = new StringBuilder(paths.pathString(x));
          for (int y = from.get(x); y >= 0; y = from.get(y)) {
            sb.insert(0, paths.pathString(y) + " → ");
          }
          return sb + " → " + paths.pathString(target);
        }
      }
      AggList l = x >= sourceAt.length ? null : sourceAt[x];
      if (l != null) {
        for (int k = 0; k < l.size; k++) {
          int t = l.items[k].target;
          if (!from.containsKey(t)) {
            from.put(t, x);
            work.add(t);
          }
        }
      }
    }
    return null;
  }

  // ---- runtime registrations ----

  /**
   * Checks a runtime aggregation of {@code target} over {@code sources} against the store's
   * aggregations so far ({@code existing}, or null): a nullable target, sources of its type, no
   * source that is the target, no cycle.
   *
   * @throws WiringException naming the paths and the rule
   */
  static void checkRuntime(PathSpace paths, Aggregations existing, int target, int[] sources) {
    paths.checkConcrete(target);
    Class<?> tt = paths.st.types[paths.tmpl(target)];
    if (tt.isPrimitive()) {
      throw new WiringException(
          "aggregation target \"" + paths.pathString(target) + "\" is " + tt.getName()
              + ", which cannot hold null (the value when sources disagree); use "
              + SchemaTables.boxed(tt).getSimpleName());
    }
    for (int s : sources) {
      paths.checkConcrete(s);
      if (!paths.sameType(s, target, true)) {
        throw new WiringException(
            "aggregation sources must have the target's type, but target \"" + paths.pathString(target)
                + "\" is " + paths.typeName(target) + " and source \"" + paths.pathString(s) + "\" is " + paths.typeName(s));
      }
      if (s == target) {
        throw new WiringException(
            "aggregation target \"" + paths.pathString(target) + "\" cannot also be one of its sources");
      }
    }
    String cycle = existing == null ? null : existing.cycle(target, sources);
    if (cycle != null) {
      throw new WiringException(
          "circular aggregation: \"" + paths.pathString(target) + "\" would be both a target and a source"
              + " of one aggregation chain (" + cycle + ")");
    }
  }


  /** The registration of runtime aggregation {@code a}, listed from now. */
  RuntimeRegistration register(Agg a) {
    AggReg reg = new AggReg(a);
    if (regs == null) {
      regs = new ArrayList<>();
    }
    regs.add(reg);
    return reg;
  }

  /** Closes the runtime aggregations that name a path among the IDs {@code [from, to)} (an entry that leaves). */
  void detachIn(int from, int to) {
    for (int i = regs == null ? -1 : regs.size() - 1; i >= 0; i--) {
      AggReg r = regs.get(i);
      if (r.touches(from, to)) {
        r.detach();
      }
    }
  }

  private final class AggReg extends RuntimeRegistration {
    final Agg agg;
    final String text;

    AggReg(Agg agg) {
      super(engine);
      this.agg = agg;
      this.text = "aggregate " + paths.pathString(agg.target);
    }

    @Override
    void undo() {
      remove(agg);
    }

    @Override
    void forget() {
      regs.remove(this);
    }

    @Override
    boolean touches(int from, int to) {
      return Aggregations.touches(agg, from, to);
    }

    @Override
    public String toString() {
      return "registration [" + text + "]";
    }
  }

  // ---- stage 2 ----

  /**
   * Replaces each write in {@code q} from {@code from} on that is at or below an aggregation
   * target by its fan-out to the target's sources; returns the end of the writes kept in place.
   */
  int fanOut(ChangeBuffer q, int from) {
    int to = q.size();
    if (drop.length < to) {
      drop = new boolean[Math.max(to, drop.length * 2)];
    }
    if (scratch == null) {
      scratch = new ChangeBuffer(engine, 8);
    }
    scratch.clear();
    boolean any = false;
    for (int i = to - 1; i >= from; i--) {
      int c = q.path[i];
      int target = findTarget(c);
      drop[i] = target >= 0;
      if (target < 0) {
        continue;
      }
      any = true;
      int fl = q.flags(i) | ChangeFlag.AGGREGATION.bit();
      AggList l = targetAt[target];
      for (int a = 0; a < l.size; a++) {
        IntList sources = l.items[a].sources;
        for (int s = 0; s < sources.size(); s++) {
          int src = sources.get(s);
          int dest = c == target ? src : paths.mapRelative(c, target, src);
          if (dest >= 0) {
            if (q.state(i) == NULL && st.types[paths.tmpl(dest)].isPrimitive()) {
              throw new ValueTypeException(
                  "cannot write null to \"" + paths.pathString(c) + "\": it fans out to aggregation"
                      + " source \"" + paths.pathString(dest) + "\", which is "
                      + st.types[paths.tmpl(dest)].getName() + " and cannot hold null");
            }
            scratch.copyFrom(q, i, dest, fl);
          }
        }
      }
    }
    if (!any) {
      return to;
    }
    int w = from;
    for (int i = from; i < to; i++) {
      if (!drop[i]) {
        if (w != i) {
          q.move(i, w);
        }
        w++;
      }
    }
    q.truncate(w);
    for (int i = 0; i < scratch.size(); i++) {
      q.copyFrom(scratch, i, scratch.path[i], scratch.flags(i));
    }
    scratch.clear();
    return w;
  }

  /** The first-registered aggregation target at or above {@code c}, or -1. */
  private int findTarget(int c) {
    int best = -1;
    long bestSeq = Long.MAX_VALUE;
    for (int a = c; a >= 0; a = paths.parent(a)) {
      AggList l = a < targetAt.length ? targetAt[a] : null;
      if (l != null && l.size > 0 && l.items[0].seq < bestSeq) {
        best = a;
        bestSeq = l.items[0].seq;
      }
    }
    return best;
  }

  // ---- stage 9 ----

  /**
   * Stage 9: reads every aggregation with a source among the {@code n} applied changes of {@code
   * q} at queue indexes {@code applied}, and the aggregations those reads touch in turn; each
   * target write is applied and reported through {@link Pipeline#recordApplied}. {@code leaving}
   * says whether entries leave with this batch (marked by {@link Entries#markLeaving}).
   */
  void readTouched(ChangeBuffer q, int[] applied, int n, boolean leaving) {
    long s = ++stamp;
    for (int i = 0; i < n; i++) {
      touch(q.path[applied[i]], s);
    }
    leavingAny = leaving;
    try {
      for (int ai = 0; ai < list.size(); ai++) {
        Agg a = list.get(ai);
        if (a.stamp == s && a.readStamp != s && !leaves(a)) {
          int qi = read(q, a);
          if (qi >= 0) {
            engine.pipeline.recordApplied(qi);
            touch(a.target, s);
          }
        }
      }
    } finally {
      leavingAny = false;
    }
  }

  /**
   * Reads every aggregation once (creation), each write applied, not reported. By index: a read
   * that creates entries adds their aggregations, which are read in turn.
   */
  void readAll(ChangeBuffer q) {
    long s = ++stamp;
    for (int i = 0; i < list.size(); i++) {
      Agg a = list.get(i);
      if (a.readStamp != s) {
        readUnreported(q, a);
      }
    }
  }

  /** Reads {@code a} (a new registration, or at creation): its write is applied, not reported. */
  void readUnreported(ChangeBuffer q, Agg a) {
    int qi = read(q, a);
    if (qi >= 0) {
      q.truncate(qi);
    }
  }

  private void touch(int c, long s) {
    for (int a = c; a >= 0; a = paths.parent(a)) {
      AggList l = a < sourceAt.length ? sourceAt[a] : null;
      if (l != null) {
        for (int k = 0; k < l.size; k++) {
          l.items[k].stamp = s;
        }
      }
    }
    if (paths.kind(c).isNode()) {
      for (Agg a : list) {
        if (a.stamp != s) {
          for (int j = 0; j < a.sources.size(); j++) {
            if (paths.isAncestorOrSelf(c, a.sources.get(j))) {
              a.stamp = s;
              break;
            }
          }
        }
      }
    }
  }

  /**
   * Whether aggregation {@code a} goes with the entries that leave at the end of this batch: its
   * target is in one of them, or it is a runtime aggregation that names a path in one (the sweep
   * closes such a registration).
   */
  private boolean leaves(Agg a) {
    if (!leavingAny) {
      return false;
    }
    if (paths.isLeaving(a.target)) {
      return true;
    }
    if (a.runtime) {
      for (int s = 0; s < a.sources.size(); s++) {
        if (paths.isLeaving(a.sources.get(s))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Sets the target of {@code a} to the common value of the sources of every aggregation on that
   * target (their union), else null, through queue {@code q}. Sources in entries that leave with
   * this batch do not count. Returns the queue index of the write, applied already, or -1 when the
   * target keeps its value.
   */
  private int read(ChangeBuffer q, Agg a) {
    int t = a.target;
    AggList onTarget = targetAt[t];
    for (int k = 0; k < onTarget.size; k++) {
      onTarget.items[k].readStamp = stamp; // the target is read once, over the union
    }
    if (shadow.inRemovedEntry(t)) {
      return -1; // an earlier read removed its entry: writing the target would bring the entry back
    }
    int first = -1;
    boolean common = true;
    for (int k = 0; common && k < onTarget.size; k++) {
      Agg on = onTarget.items[k];
      if (on != a && leaves(on)) {
        continue;
      }
      IntList src = on.sources;
      for (int s = 0; common && s < src.size(); s++) {
        int x = src.get(s);
        if (paths.isLeaving(x)) {
          continue;
        }
        if (first < 0) {
          first = x;
          common = shadow.tag[first] == VALUE;
        } else {
          common = shadow.slotEquals(first, x);
        }
      }
    }
    common &= first >= 0;
    int qi;
    int flag = ChangeFlag.AGGREGATE_READ.bit();
    if (common) {
      PathKind k = paths.kind(first);
      if (k.isPrimitive()) {
        qi = q.add(t, VALUE, shadow.bits[first], null, flag, null);
      } else if (!k.isNode()) {
        qi = q.add(t, VALUE, 0, shadow.refs[first], flag, null);
      } else {
        // a record present with an absent primitive component reads as null
        Object v = shadow.build(first);
        qi = v == Store.ABSENT ? q.add(t, NULL, 0, null, flag, null) : q.add(t, VALUE, 0, v, flag, null);
      }
    } else {
      qi = q.add(t, NULL, 0, null, flag, null);
    }
    if (shadow.equalsQueued(q, qi)) {
      q.truncate(qi);
      return -1;
    }
    shadow.write(q, qi, engine.pipeline.undoLog());
    return qi;
  }
}
