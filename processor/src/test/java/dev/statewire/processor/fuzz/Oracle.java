package dev.statewire.processor.fuzz;

import dev.statewire.processor.fuzz.FuzzTree.Ann;
import dev.statewire.processor.fuzz.FuzzTree.AnnRef;
import dev.statewire.processor.fuzz.FuzzTree.Comp;
import dev.statewire.processor.fuzz.FuzzTree.Kind;
import dev.statewire.processor.fuzz.FuzzTree.ListOf;
import dev.statewire.processor.fuzz.FuzzTree.MapOf;
import dev.statewire.processor.fuzz.FuzzTree.Prim;
import dev.statewire.processor.fuzz.FuzzTree.RecDecl;
import dev.statewire.processor.fuzz.FuzzTree.T;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the spec and docs/COMPILE_ERRORS.md say about a {@link FuzzTree}, worked out here without
 * the processor: its static paths, its wiring expanded to every occurrence of each record in the
 * order of PIPELINE.md §4 (so that the reference model gets the same static wiring), and the
 * errors and warnings the rules of COMPILE_ERRORS.md give for it.
 */
final class Oracle {

  /** One static path (templates spelled {@code *}). */
  record Node(String path, T type, String scope) {}

  /** An expanded pair and the line of the annotation it comes from. */
  record Edge(String a, String b, AnnRef ref) {}

  /** An expanded aggregation. */
  record Row(String target, List<String> sources, AnnRef ref) {}

  final FuzzTree tree;
  /** Every static path of the tree, in ID order (depth-first, declaration order). */
  final LinkedHashMap<String, Node> nodes = new LinkedHashMap<>();
  /** Expanded wiring in declaration order, duplicates dropped (as the schema carries it). */
  final List<Edge> sync = new ArrayList<>();
  final List<Edge> flip = new ArrayList<>();
  final List<Row> aggs = new ArrayList<>();
  /** Errors (tags) the rules give; empty for a valid tree. */
  final Set<String> errors = new TreeSet<>();
  /** Warnings the rules give: tag → the annotations that may carry them. */
  final Map<String, Set<AnnRef>> warnings = new TreeMap<>();

  Oracle(FuzzTree tree) {
    this.tree = tree;
    addRecord("", tree.root().name(), "");
    expand();
    check();
  }

  static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "." + b;
  }

  static boolean isStrictAncestor(String a, String c) {
    return !a.equals(c) && (a.isEmpty() || c.startsWith(a + "."));
  }

  private void addRecord(String path, String recName, String scope) {
    for (Comp c : tree.record(recName).comps()) {
      addValue(join(path, c.name()), c.type(), scope);
    }
  }

  private void addValue(String path, T t, String scope) {
    nodes.put(path, new Node(path, t, scope));
    if (t instanceof FuzzTree.Rec r) {
      addRecord(path, r.name(), scope);
    } else if (t instanceof MapOf m) {
      addValue(path + ".*", m.entry(), path + ".*");
    } else if (t instanceof ListOf l) {
      addValue(path + ".*", l.entry(), path + ".*");
    }
  }

  /** The paths of a record type relative to it (as its annotations name them). */
  static LinkedHashMap<String, Node> localPaths(FuzzTree tree, String recName) {
    Oracle o = new Oracle(tree, recName);
    return o.nodes;
  }

  private Oracle(FuzzTree tree, String recName) {
    this.tree = tree;
    addRecord("", recName, "");
  }

  /** Record occurrences in ID order, each with its prefix. */
  private List<String[]> occurrences() {
    List<String[]> out = new ArrayList<>();
    out.add(new String[] {"", tree.root().name()});
    for (Node n : nodes.values()) {
      if (n.type() instanceof FuzzTree.Rec r) {
        out.add(new String[] {n.path(), r.name()});
      }
    }
    return out;
  }

  private final List<Edge> allSync = new ArrayList<>();
  private final List<Edge> allFlip = new ArrayList<>();

  private void expand() {
    for (String[] occ : occurrences()) {
      RecDecl rec = tree.record(occ[1]);
      String p = occ[0];
      for (int i = 0; i < rec.typeAnns().size(); i++) {
        Ann a = rec.typeAnns().get(i);
        AnnRef ref = new AnnRef(rec.name(), null, i);
        if (a.kind() == Kind.AGGREGATE) {
          aggs.add(new Row(join(p, a.target()), a.paths().stream().map(s -> join(p, s)).toList(), ref));
        } else {
          for (int k = 1; k < a.paths().size(); k++) {
            (a.kind() == Kind.SYNC ? allSync : allFlip).add(new Edge(join(p, a.paths().get(k - 1)), join(p, a.paths().get(k)), ref));
          }
        }
      }
      for (Comp c : rec.comps()) {
        for (int i = 0; i < c.anns().size(); i++) {
          Ann a = c.anns().get(i);
          AnnRef ref = new AnnRef(rec.name(), c.name(), i);
          String self = join(p, c.name());
          if (a.kind() == Kind.AGGREGATE) {
            aggs.add(new Row(self, a.paths().stream().map(s -> join(p, s)).toList(), ref));
          } else {
            for (String other : a.paths()) {
              (a.kind() == Kind.SYNC ? allSync : allFlip).add(new Edge(self, join(p, other), ref));
            }
          }
        }
      }
    }
    dedupe(allSync, sync);
    dedupe(allFlip, flip);
  }

  private void dedupe(List<Edge> all, List<Edge> out) {
    Set<String> seen = new HashSet<>();
    for (Edge e : all) {
      String k = e.a().compareTo(e.b()) < 0 ? e.a() + "|" + e.b() : e.b() + "|" + e.a();
      if (seen.add(k)) {
        out.add(e);
      } else {
        warn("duplicate-pair", e.ref());
      }
    }
  }

  private void warn(String tag, AnnRef ref) {
    warnings.computeIfAbsent(tag, k -> new LinkedHashSet<>()).add(ref);
  }

  // ---- the rules of COMPILE_ERRORS.md over the expanded wiring ----

  private void check() {
    for (Edge e : allSync) {
      Node a = nodes.get(e.a());
      Node b = nodes.get(e.b());
      if (a == null || b == null) {
        errors.add("unknown-path");
      } else if (isStrictAncestor(e.a(), e.b()) || isStrictAncestor(e.b(), e.a())) {
        errors.add("sync-ancestor");
      } else if (!a.type().equals(b.type())) {
        errors.add("sync-type");
      }
    }
    for (Edge e : allFlip) {
      for (String p : List.of(e.a(), e.b())) {
        Node n = nodes.get(p);
        if (n == null) {
          errors.add("unknown-path");
        } else if (!n.type().boxed().equals(new FuzzTree.Boxed("Boolean"))) {
          errors.add("flip-type");
        }
      }
    }
    for (Row r : aggs) {
      Node t = nodes.get(r.target());
      if (t == null) {
        errors.add("unknown-path");
        continue;
      }
      if (t.type() instanceof Prim) {
        errors.add("aggregate-type");
      }
      for (String s : r.sources()) {
        Node n = nodes.get(s);
        if (n == null) {
          errors.add("unknown-path");
        } else if (!n.type().boxed().equals(t.type().boxed())) {
          errors.add("aggregate-type");
        }
      }
    }
    if (!errors.isEmpty()) {
      return;
    }
    checkParity();
    checkFlipGroups();
    checkSynced();
    checkAggregationCycles();
  }

  /** Union-find with parity: sync (with the pairs a node sync implies below it) and flip. */
  private void checkParity() {
    Map<String, String> parent = new HashMap<>();
    Map<String, Boolean> odd = new HashMap<>(); // parity to the parent
    java.util.function.Function<String, Object[]> find = new java.util.function.Function<>() {
      public Object[] apply(String x) {
        boolean parity = false;
        String cur = x;
        while (parent.containsKey(cur) && !parent.get(cur).equals(cur)) {
          parity ^= odd.get(cur);
          cur = parent.get(cur);
        }
        return new Object[] {cur, parity};
      }
    };
    List<Object[]> implied = new ArrayList<>(); // {a, b, opposite, edge}
    for (Edge e : sync) {
      implied.add(new Object[] {e.a(), e.b(), false, e});
      Node na = nodes.get(e.a());
      for (Node d : nodes.values()) {
        if (isStrictAncestor(e.a(), d.path()) && Objects.equals(d.scope(), na.scope())) {
          implied.add(new Object[] {d.path(), e.b() + d.path().substring(e.a().length()), false, e});
        }
      }
    }
    for (Edge e : flip) {
      implied.add(new Object[] {e.a(), e.b(), true, e});
    }
    for (Object[] p : implied) {
      String a = (String) p[0];
      String b = (String) p[1];
      parent.putIfAbsent(a, a);
      odd.putIfAbsent(a, false);
      parent.putIfAbsent(b, b);
      odd.putIfAbsent(b, false);
      Object[] ra = find.apply(a);
      Object[] rb = find.apply(b);
      boolean want = (Boolean) p[2];
      if (ra[0].equals(rb[0])) {
        if (((Boolean) ra[1] ^ (Boolean) rb[1]) != want) {
          errors.add("contradiction");
          contradictionRefs.add(((Edge) p[3]).ref());
        }
      } else {
        parent.put((String) ra[0], (String) rb[0]);
        odd.put((String) ra[0], (Boolean) ra[1] ^ (Boolean) rb[1] ^ want);
      }
    }
  }

  /** The annotations whose edge closed an odd cycle. */
  final Set<AnnRef> contradictionRefs = new LinkedHashSet<>();

  private static List<Set<String>> groups(List<Edge> edges) {
    List<Set<String>> groups = new ArrayList<>();
    for (Edge e : edges) {
      Set<String> ga = null;
      Set<String> gb = null;
      for (Set<String> g : groups) {
        if (g.contains(e.a())) {
          ga = g;
        }
        if (g.contains(e.b())) {
          gb = g;
        }
      }
      if (ga == null && gb == null) {
        Set<String> g = new LinkedHashSet<>(List.of(e.a(), e.b()));
        groups.add(g);
      } else if (ga == null) {
        gb.add(e.a());
      } else if (gb == null) {
        ga.add(e.b());
      } else if (ga != gb) {
        ga.addAll(gb);
        groups.remove(gb);
      }
    }
    return groups;
  }

  private void checkFlipGroups() {
    for (Set<String> g : groups(flip)) {
      if (g.size() > 2) {
        for (Edge e : flip) {
          if (g.contains(e.a())) {
            warn("flip-group", e.ref());
          }
        }
      }
    }
  }

  /** The ancestors of {@code p} up to (not beyond) its entry template, nearest first. */
  private List<String> ancestorsInScope(String p) {
    List<String> out = new ArrayList<>();
    for (String a = parentOf(p); !a.isEmpty(); a = parentOf(a)) {
      if (a.endsWith("*")) {
        break;
      }
      out.add(a);
    }
    return out;
  }

  static String parentOf(String p) {
    int dot = p.lastIndexOf('.');
    return dot < 0 ? "" : p.substring(0, dot);
  }

  private void checkSynced() {
    Set<String> synced = new HashSet<>();
    for (Edge e : sync) {
      synced.add(e.a());
      synced.add(e.b());
    }
    for (Edge e : flip) {
      for (String x : List.of(e.a(), e.b())) {
        boolean copied = synced.contains(x);
        for (String a : ancestorsInScope(x)) {
          copied |= synced.contains(a);
        }
        if (copied) {
          warn("flip-synced", e.ref());
        }
      }
    }
    for (Edge e : sync) {
      for (String x : List.of(e.a(), e.b())) {
        for (String a : ancestorsInScope(x)) {
          if (synced.contains(a)) {
            warn("nested-sync", e.ref());
          }
        }
      }
    }
  }

  private void checkAggregationCycles() {
    Map<String, List<String>> sourcesOf = new HashMap<>();
    for (Row r : aggs) {
      sourcesOf.computeIfAbsent(r.target(), k -> new ArrayList<>()).addAll(r.sources());
    }
    for (String t : sourcesOf.keySet()) {
      Set<String> seen = new HashSet<>();
      List<String> work = new ArrayList<>(sourcesOf.get(t));
      while (!work.isEmpty()) {
        String s = work.remove(work.size() - 1);
        if (s.equals(t)) {
          errors.add("aggregate-cycle");
          break;
        }
        if (seen.add(s)) {
          work.addAll(sourcesOf.getOrDefault(s, List.of()));
        }
      }
    }
  }

  // ---- the static wiring in the reference model's form ----

  /** Pairs outside every entry template. */
  List<String[]> rootPairs(List<Edge> edges) {
    return edges.stream().filter(e -> !e.a().contains("*")).map(e -> new String[] {e.a(), e.b()}).toList();
  }

  /** Pairs inside entry templates. */
  List<String[]> templatePairs(List<Edge> edges) {
    return edges.stream().filter(e -> e.a().contains("*")).map(e -> new String[] {e.a(), e.b()}).toList();
  }

  List<String[]> aggRows() {
    List<String[]> out = new ArrayList<>();
    for (Row r : aggs) {
      List<String> row = new ArrayList<>();
      row.add(r.target());
      row.addAll(r.sources());
      out.add(row.toArray(new String[0]));
    }
    return out;
  }

  /** Aggregation targets (with {@code *}), for the script generator. */
  Set<String> targets() {
    Set<String> out = new LinkedHashSet<>();
    for (Row r : aggs) {
      out.add(r.target());
    }
    return out;
  }
}
