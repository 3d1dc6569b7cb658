package dev.statewire.runtime;

import static dev.statewire.runtime.internal.ChangeBuffer.NULL;
import static dev.statewire.runtime.internal.ChangeBuffer.VALUE;

import dev.statewire.runtime.PathSpace.Container;
import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.internal.ComponentGraph;
import dev.statewire.runtime.internal.ComponentGraph.Group;
import dev.statewire.runtime.internal.IntList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sync and flip wiring of one store (docs/PIPELINE.md, "Matching a change against a group"): the two graphs, with
 * the schema's static groups shared by every store until the store adds an edge of its own (an
 * entry's wiring or a runtime registration), stages 3 and 4 (a change spreads to the other members
 * of its groups, negated across a flip), the checks of a runtime pair, and the alignment batch that
 * makes a new sync group agree.
 */
final class PairWiring {
  private static final int[] NO_INTS = new int[0];
  private static final Group[] NO_GROUPS = new Group[0];
  /** Match modes of stages 3 and 4: the change is at a member, below one, or above one. */
  private static final int EXACT = 0;
  private static final int CHILD = 1;
  private static final int PARENT = 2;

  /** The store's engine: the context of alignment batches, and the runner of them. */
  private final Engine engine;
  /** What each path ID is. */
  private final PathSpace paths;
  /** The sync graph: the schema's until {@link #ownSync} copies it. */
  private ComponentGraph sync;
  /** The flip graph: the schema's until {@link #ownFlip} copies it. */
  private ComponentGraph flip;
  /** Stages 3 and 4: the groups a change matches, with the member that matched and how. */
  private Group[] matchGroup = NO_GROUPS;
  /** For match {@code k}: the member at {@code 2k}, the mode at {@code 2k + 1}. */
  private int[] matchAt = NO_INTS;

  /** The runtime pair registrations, in order; null until the first. */
  private ArrayList<PairReg> regs;

  PairWiring(Engine engine, PathSpace paths) {
    this.engine = engine;
    this.paths = paths;
    this.sync = paths.st.staticSync;
    this.flip = paths.st.staticFlip;
  }

  /** Closes the runtime pairs that name a path among the IDs {@code [from, to)} (an entry that leaves). */
  void detachIn(int from, int to) {
    for (int i = regs == null ? -1 : regs.size() - 1; i >= 0; i--) {
      PairReg r = regs.get(i);
      if (r.touches(from, to)) {
        r.detach();
      }
    }
  }

  /** Number of sync edges. */
  int syncEdges() {
    return sync.edgeCount();
  }

  /** Number of flip edges. */
  int flipEdges() {
    return flip.edgeCount();
  }

  private void ownSync() {
    if (sync == paths.st.staticSync) {
      sync = sync.copy();
    }
    sync.ensureCapacity(engine.shadow.capacity());
  }

  private void ownFlip() {
    if (flip == paths.st.staticFlip) {
      flip = flip.copy();
    }
    flip.ensureCapacity(engine.shadow.capacity());
  }

  /** The wiring of a new entry block {@code base} of template root {@code t}. */
  void instantiateBlock(int base, int t) {
    int[][] sp = paths.st.templateSyncPairs[t];
    if (sp != null) {
      ownSync();
      for (int[] p : sp) {
        sync.addEdge(base + p[0] - t, base + p[1] - t, true, paths);
      }
    }
    int[][] fp = paths.st.templateFlipPairs[t];
    if (fp != null) {
      ownFlip();
      for (int[] p : fp) {
        flip.addEdge(base + p[0] - t, base + p[1] - t, true, paths);
      }
    }
  }

  /** Takes out the wiring of entry block {@code base} of template root {@code t}. */
  void removeBlock(int base, int t) {
    int[][] sp = paths.st.templateSyncPairs[t];
    if (sp != null) {
      for (int[] p : sp) {
        sync.removeEdge(base + p[0] - t, base + p[1] - t, paths);
      }
    }
    int[][] fp = paths.st.templateFlipPairs[t];
    if (fp != null) {
      for (int[] p : fp) {
        flip.removeEdge(base + p[0] - t, base + p[1] - t, paths);
      }
    }
  }

  /**
   * The alignment batch of a new store: its sync groups, in the order of the schema's sync pairs,
   * made to agree (with only sync wiring active).
   */
  ChangeBuffer initialAlignment() {
    List<Group> order = new ArrayList<>();
    for (int[] pair : paths.st.syncPairs) {
      Group g = sync.group(pair[0]);
      if (g != null && !order.contains(g)) {
        order.add(g);
      }
    }
    for (Group g : sync.groups()) {
      if (!order.contains(g)) {
        order.add(g);
      }
    }
    return alignment(order);
  }

  /**
   * Stages 3 and 4 over queue entries {@code [from, size)} of {@code q}: sync, then (unless
   * {@code syncOnly}) flip; each appends what its groups make of the entries before it.
   */
  void expand(ChangeBuffer q, int from, boolean syncOnly) {
    expand(q, sync, ChangeFlag.SYNC.bit(), false, from, q.size());
    if (!syncOnly && !flip.isEmpty()) {
      expand(q, flip, ChangeFlag.FLIP.bit(), true, from, q.size());
    }
  }

  private void expand(ChangeBuffer q, ComponentGraph g, int flag, boolean negate, int from, int to) {
    if (g.isEmpty()) {
      return;
    }
    boolean leafMembersOnly = g.nodeMembers() == 0;
    for (int i = from; i < to; i++) {
      int c = q.path[i];
      if (leafMembersOnly && (q.ref(i) == null || !paths.isNode(c))) {
        // the common case: no member is a node and no node value is written here, so only c's
        // own group can match, whole (a null or an absent node is no member either)
        Group ge = g.group(c);
        if (ge != null) {
          addMembers(q, i, ge, c, flag, negate);
        }
      } else {
        expandMatches(q, g, flag, negate, i);
      }
    }
  }

  /**
   * Queue entry {@code i} through graph {@code g} in general: its own group, the groups of node
   * members above it, and those of members below a node it writes, each group once (out of line,
   * so that the common case above stays small enough to inline).
   */
  private void expandMatches(ChangeBuffer q, ComponentGraph g, int flag, boolean negate, int i) {
    int c = q.path[i];
    int n = 0;
    Group ge = g.group(c);
    if (ge != null) {
      n = addMatch(n, ge, c, EXACT);
    }
    if (g.nodeMembers() > 0) { // only a node member can have a change below it
      for (int a = paths.parent(c); a >= 0; a = paths.parent(a)) {
        Group ga = g.group(a);
        if (ga != null) {
          n = addMatch(n, ga, a, CHILD);
        }
      }
    }
    if (q.state(i) == VALUE && paths.isNode(c) && g.membersBelow(c) > 0) {
      List<Group> groups = g.groups();
      for (int gi = 0; gi < groups.size(); gi++) {
        Group grp = groups.get(gi);
        IntList ms = grp.members;
        for (int j = 0; j < ms.size(); j++) {
          int m = ms.get(j);
          if (m != c && paths.isAncestorOrSelf(c, m)) {
            n = addMatch(n, grp, m, PARENT);
            break;
          }
        }
      }
    }
    if (n == 0) {
      return;
    }
    sortMatches(n);
    int fl = q.flags(i) | flag;
    Object tg = q.tag(i);
    for (int mi = 0; mi < n; mi++) {
      Group grp = matchGroup[mi];
      int member = matchAt[2 * mi];
      int mode = matchAt[2 * mi + 1];
      byte s;
      long b;
      Object r;
      if (mode == PARENT) {
        Object inner = engine.shadow.extract(q.ref(i), c, member);
        if (inner == Store.ABSENT) {
          continue;
        }
        PathKind mk = paths.kind(member);
        if (inner == null) {
          s = NULL;
          b = 0;
          r = null;
        } else if (mk.isPrimitive()) {
          s = VALUE;
          b = Shadow.toBits(mk, inner);
          r = null;
        } else {
          s = VALUE;
          b = 0;
          r = inner;
        }
      } else {
        s = q.state(i);
        b = q.bits[i];
        r = q.ref(i);
      }
      if (negate) {
        PathKind vk = mode == CHILD ? paths.kind(c) : paths.kind(member);
        if (s != VALUE || vk != PathKind.BOOLEAN) {
          continue;
        }
        b = b ^ 1L;
      }
      IntList ms = grp.members;
      for (int j = 0; j < ms.size(); j++) {
        int m = ms.get(j);
        if (m == member) {
          continue;
        }
        int dest = mode == CHILD ? paths.mapRelative(c, member, m) : m;
        if (dest >= 0) {
          q.add(dest, s, b, r, fl, tg);
        }
      }
    }
    Arrays.fill(matchGroup, 0, n, null);
  }

  /**
   * Appends queue entry {@code i}'s value (negated for a flip) to every member of its path
   * {@code c}'s group {@code grp} but {@code c}: an exact match, the only one of its entry.
   */
  private static void addMembers(
      ChangeBuffer q, int i, Group grp, int c, int flag, boolean negate) {
    byte s = q.state(i);
    long b = q.bits[i];
    if (negate) {
      if (s != VALUE || q.ref(i) != null) {
        return; // only a present boolean flips (a flip group's members are all boolean paths)
      }
      b ^= 1L;
    }
    int fl = q.flags(i) | flag;
    Object r = q.ref(i);
    Object tg = q.tag(i);
    IntList ms = grp.members;
    for (int j = 0; j < ms.size(); j++) {
      int m = ms.get(j);
      if (m != c) {
        q.add(m, s, b, r, fl, tg);
      }
    }
  }

  private int addMatch(int n, Group g, int member, int mode) {
    for (int k = 0; k < n; k++) {
      if (matchGroup[k] == g) {
        // a group matches once: its first member in member order decides
        if (g.members.indexOf(member) < g.members.indexOf(matchAt[2 * k])) {
          matchAt[2 * k] = member;
          matchAt[2 * k + 1] = mode;
        }
        return n;
      }
    }
    if (n == matchGroup.length) {
      int cap = Math.max(8, n * 2);
      matchGroup = Arrays.copyOf(matchGroup, cap);
      matchAt = Arrays.copyOf(matchAt, 2 * cap);
    }
    matchGroup[n] = g;
    matchAt[2 * n] = member;
    matchAt[2 * n + 1] = mode;
    return n + 1;
  }

  private void sortMatches(int n) {
    for (int i = 1; i < n; i++) {
      Group g = matchGroup[i];
      int m = matchAt[2 * i];
      int md = matchAt[2 * i + 1];
      int j = i - 1;
      while (j >= 0 && matchGroup[j].seq > g.seq) {
        matchGroup[j + 1] = matchGroup[j];
        matchAt[2 * (j + 1)] = matchAt[2 * j];
        matchAt[2 * (j + 1) + 1] = matchAt[2 * j + 1];
        j--;
      }
      matchGroup[j + 1] = g;
      matchAt[2 * (j + 1)] = m;
      matchAt[2 * (j + 1) + 1] = md;
    }
  }

  Registration register(boolean isFlip, int a, int b) {
    paths.checkConcrete(a);
    paths.checkConcrete(b);
    String what = isFlip ? "flip" : "sync";
    String pa = "\"" + paths.pathString(a) + "\"";
    String pb = "\"" + paths.pathString(b) + "\"";
    if (isFlip) {
      for (int id : new int[] {a, b}) {
        if (paths.kind(id) != PathKind.BOOLEAN) {
          throw new WiringException(
              "flip paths must be boolean or Boolean, but \"" + paths.pathString(id) + "\" is " + paths.typeName(id));
        }
      }
    }
    if (!paths.sameType(a, b, false)) {
      throw new WiringException(
          what + " paths must have the same type, but " + pa + " is " + paths.typeName(a) + " and " + pb
              + " is " + paths.typeName(b));
    }
    ComponentGraph g = isFlip ? flip : sync;
    if (a != b) {
      IntList left = membersWith(g, a);
      IntList right = membersWith(g, b);
      for (int i = 0; i < left.size(); i++) {
        for (int j = 0; j < right.size(); j++) {
          int x = left.get(i);
          int y = right.get(j);
          if (x != y && (paths.isAncestorOrSelf(x, y) || paths.isAncestorOrSelf(y, x))) {
            throw new WiringException(
                what + " " + pa + " – " + pb + " would put \"" + paths.pathString(x) + "\" and \""
                    + paths.pathString(y) + "\" in one group, and one contains the other; sync a path"
                    + " with a path that is not its own ancestor or descendant");
          }
        }
      }
      String cycle = new ParityCheck().contradiction(isFlip, a, b);
      if (cycle != null) {
        throw new WiringException(
            what + " " + pa + " – " + pb + " contradicts the wiring in place: " + cycle
                + "; two paths cannot be both equal and opposite");
      }
    }
    if (isFlip) {
      ownFlip();
    } else {
      ownSync();
    }
    g = isFlip ? flip : sync;
    boolean added = g.addEdge(a, b, false, paths);
    // the same edge registered twice is one edge: closing either registration removes it
    PairReg reg = new PairReg(isFlip, a, b, !g.isStaticEdge(a, b));
    if (regs == null) {
      regs = new ArrayList<>();
    }
    regs.add(reg);
    if (!isFlip && added) {
      try {
        ChangeBuffer in = alignment(List.of(sync.group(a)));
        if (in.size() > 0) {
          engine.run(in, null, null);
        }
      } catch (RuntimeException | Error e) {
        reg.close(); // the alignment failed and changed nothing: the edge goes too
        throw e;
      }
    }
    return reg;
  }

  /**
   * Finds wiring that would force two paths to be both equal and opposite (docs/PIPELINE.md, "Matching a change against a group"; the
   * processor reports the same as {@code [statewire:contradiction]}). Sync edges relate paths with
   * parity 0, flip edges with parity 1, and a sync edge between two nodes relates every pair of
   * corresponding paths below them; a new edge contradicts the wiring in place when its two ends
   * are already related with the other parity. Flip edges join booleans only, so every relation
   * that a flip can take part in is between leaves, and the search walks leaves only.
   */
  private final class ParityCheck {
    private final HashMap<Integer, Integer> parity = new HashMap<>();
    private final HashMap<Integer, Integer> from = new HashMap<>();
    private final HashMap<Integer, Boolean> viaFlip = new HashMap<>();
    /**
     * The relations of a node sync checked so far, both ways: the new edge makes all of them at
     * once, so a later pair is checked with the earlier ones in place (two pairs can close a cycle
     * that neither closes alone).
     */
    private final HashMap<Integer, List<Integer>> pending = new HashMap<>();

    /** A description of the contradiction that edge {@code a–b} would make, or null. */
    String contradiction(boolean isFlip, int a, int b) {
      if (isFlip || !paths.kind(a).isNode()) {
        return check(a, b, isFlip ? 1 : 0);
      }
      // a node sync relates every boolean below a with its counterpart below b
      for (int d : booleansBelow(a)) {
        int e = paths.mapRelative(d, a, b);
        if (e >= 0) {
          String c = check(d, e, 0);
          if (c != null) {
            return c;
          }
          pending.computeIfAbsent(d, k -> new ArrayList<>()).add(e);
          pending.computeIfAbsent(e, k -> new ArrayList<>()).add(d);
        }
      }
      return null;
    }

    private String check(int x, int y, int want) {
      if (flip.isEmpty() && want == 0) {
        return null; // without flip edges every relation has parity 0
      }
      parity.clear();
      from.clear();
      viaFlip.clear();
      ArrayDeque<Integer> work = new ArrayDeque<>();
      parity.put(x, 0);
      work.add(x);
      while (!work.isEmpty()) {
        int u = work.poll();
        int pu = parity.get(u);
        if (u == y) {
          return pu == want ? null : describe(x, y);
        }
        IntList fs = flip.neighbours(u);
        for (int i = 0; i < fs.size(); i++) {
          visit(work, u, fs.get(i), pu ^ 1, true);
        }
        IntList ss = sync.neighbours(u);
        for (int i = 0; i < ss.size(); i++) {
          visit(work, u, ss.get(i), pu, false);
        }
        for (int v : pending.getOrDefault(u, List.of())) {
          visit(work, u, v, pu, false);
        }
        for (int anc = paths.parent(u); anc >= 0; anc = paths.parent(anc)) {
          IntList up = sync.neighbours(anc);
          for (int i = 0; i < up.size(); i++) {
            int v = paths.mapRelative(u, anc, up.get(i));
            if (v >= 0) {
              visit(work, u, v, pu, false);
            }
          }
        }
      }
      return null;
    }

    private void visit(ArrayDeque<Integer> work, int u, int v, int p, boolean flipEdge) {
      if (!parity.containsKey(v)) {
        parity.put(v, p);
        from.put(v, u);
        viaFlip.put(v, flipEdge);
        work.add(v);
      }
    }

    private String describe(int x, int y) {
      StringBuilder sb = new StringBuilder("\"" + paths.pathString(y) + "\"");
      for (int v = y; v != x; v = from.get(v)) {
        sb.insert(0, "\"" + paths.pathString(from.get(v)) + "\" " + (viaFlip.get(v) ? "flip " : "sync "));
      }
      return sb.toString();
    }

    private List<Integer> booleansBelow(int node) {
      List<Integer> out = new ArrayList<>();
      ArrayDeque<Integer> work = new ArrayDeque<>();
      work.add(node);
      while (!work.isEmpty()) {
        int n = work.poll();
        PathKind k = paths.kind(n);
        if (k == PathKind.BOOLEAN) {
          out.add(n);
        } else if (k == PathKind.RECORD) {
          int t = paths.tmpl(n);
          for (int c : paths.st.children[t]) {
            work.add(n + (c - t));
          }
        } else if (k.isContainer()) {
          Container c = paths.container(n);
          if (c != null) {
            if (c.isMap) {
              work.addAll(c.keys.values());
            } else {
              for (int j = 0; j < c.list.size(); j++) {
                work.add(c.list.get(j));
              }
            }
          }
        }
      }
      return out;
    }
  }

  private static IntList membersWith(ComponentGraph g, int id) {
    Group grp = g.group(id);
    if (grp != null) {
      return grp.members;
    }
    IntList l = new IntList(1);
    l.add(id);
    return l;
  }

  /**
   * The alignment batch for {@code groups}, from the current state: in each group the most common
   * present value (the first one seen among equally common ones) is written to the members that
   * differ.
   */
  private ChangeBuffer alignment(List<Group> groups) {
    ChangeBuffer in = new ChangeBuffer(engine);
    for (Group g : groups) {
      IntList ms = g.members;
      LinkedHashMap<Object, int[]> counts = new LinkedHashMap<>();
      for (int i = 0; i < ms.size(); i++) {
        int m = ms.get(i);
        Object v = engine.shadow.tag[m] == VALUE ? engine.shadow.build(m) : null;
        if (v != null && v != Store.ABSENT) {
          counts.computeIfAbsent(v, x -> new int[1])[0]++;
        }
      }
      if (counts.isEmpty()) {
        continue;
      }
      Object winner = null;
      int best = 0;
      for (Map.Entry<Object, int[]> e : counts.entrySet()) {
        if (e.getValue()[0] > best) {
          best = e.getValue()[0];
          winner = e.getKey();
        }
      }
      for (int i = 0; i < ms.size(); i++) {
        int m = ms.get(i);
        if (!engine.shadow.boxedEquals(m, winner)) {
          WriteCheck.add(paths, in, m, winner, ChangeFlag.SYNC.bit(), null);
        }
      }
    }
    return in;
  }

  private final class PairReg extends RuntimeRegistration {
    final boolean isFlip;
    final int a;
    final int b;
    final boolean owns;
    final String text;

    PairReg(boolean isFlip, int a, int b, boolean owns) {
      super(engine);
      this.isFlip = isFlip;
      this.a = a;
      this.b = b;
      this.owns = owns;
      this.text = (isFlip ? "flip " : "sync ") + paths.pathString(a) + " – " + paths.pathString(b);
    }

    @Override
    void undo() {
      if (owns) {
        ComponentGraph g = isFlip ? flip : sync;
        if (!g.isStaticEdge(a, b)) {
          g.removeEdge(a, b, paths);
        }
      }
    }

    @Override
    void forget() {
      regs.remove(this);
    }

    @Override
    boolean touches(int from, int to) {
      return (a >= from && a < to) || (b >= from && b < to);
    }

    @Override
    public String toString() {
      return "registration [" + text + "]";
    }
  }
}
