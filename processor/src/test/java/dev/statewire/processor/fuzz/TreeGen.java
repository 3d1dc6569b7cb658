package dev.statewire.processor.fuzz;

import dev.statewire.processor.fuzz.FuzzTree.Ann;
import dev.statewire.processor.fuzz.FuzzTree.AnnRef;
import dev.statewire.processor.fuzz.FuzzTree.Boxed;
import dev.statewire.processor.fuzz.FuzzTree.Comp;
import dev.statewire.processor.fuzz.FuzzTree.EnumT;
import dev.statewire.processor.fuzz.FuzzTree.Kind;
import dev.statewire.processor.fuzz.FuzzTree.ListOf;
import dev.statewire.processor.fuzz.FuzzTree.MapOf;
import dev.statewire.processor.fuzz.FuzzTree.Opaque;
import dev.statewire.processor.fuzz.FuzzTree.Prim;
import dev.statewire.processor.fuzz.FuzzTree.Raw;
import dev.statewire.processor.fuzz.FuzzTree.Rec;
import dev.statewire.processor.fuzz.FuzzTree.RecDecl;
import dev.statewire.processor.fuzz.FuzzTree.Str;
import dev.statewire.processor.fuzz.FuzzTree.T;
import dev.statewire.processor.fuzz.Oracle.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random {@link FuzzTree}s: records nested 1–6 deep with every leaf kind, maps and lists of
 * records, names from {@link #COMPONENT_NAMES}, and random wiring kept valid by the {@link
 * Oracle}; and one injected defect per invalid tree, with the message it must give.
 */
final class TreeGen {

  // ===== THE NAME POOLS =============================================================================
  // Component names: ordinary names, neighbours of Java keywords, and names of members of the
  // generated classes (XStore, TypedBatch, the view and writes classes, XPaths constants).
  static final List<String> COMPONENT_NAMES = List.of(
      "a", "b", "c", "x", "y", "qty", "name", "on", "off", "flag", "open", "selected", "total",
      "note", "zip", "city", "label", "price", "ratio", "due", "tier", "level", "items", "lines",
      "parts", "tags", "customer", "customerId", "order", "orderId",
      "class_", "_a", "$x", "if1", "new_", "int2", "return$", "for_", "x$y", "__",
      "store", "store_", "batch", "schema", "snapshot", "wiring", "values", "size", "get", "count",
      "keys", "put", "remove", "path", "pathId", "replace", "done", "apply", "entry", "listen",
      "subscribe", "id", "owner", "tag", "set", "create", "listenAll", "orNull", "add",
      "containsKey", "key", "index", "value", "ROOT", "COUNT", "SCHEMA");

  /** Record type names (the root's too); a name is used once per tree. */
  static final List<String> RECORD_NAMES = List.of(
      "Item", "Line", "Address", "Leg", "Stop", "Part", "Cell", "Slot", "Unit", "Lot", "Row",
      "Entry", "Node", "Value", "Path", "Store", "Batch", "Changes", "Schema", "Wiring", "Listener",
      "Registration", "TypedBatch", "ItemView", "ItemMap", "ItemList", "Customer", "Order");

  static final List<String> ROOT_NAMES = List.of("Root", "Cart", "Desk", "Ticket", "Form", "Trip", "Shop");
  // ==================================================================================================

  static final List<String> PRIMS = List.of("boolean", "byte", "short", "char", "int", "long", "float", "double");

  private final Random rnd;

  TreeGen(Random rnd) {
    this.rnd = rnd;
  }

  private <X> X pick(List<X> l) {
    return l.get(rnd.nextInt(l.size()));
  }

  private List<String> componentNames() {
    return COMPONENT_NAMES;
  }

  private List<String> recordNames() {
    return RECORD_NAMES;
  }

  // ---- structure ----

  FuzzTree structure(String pkg) {
    int depth = 1 + rnd.nextInt(6);
    List<String> enums = new ArrayList<>();
    if (rnd.nextInt(3) > 0) {
      enums.add("Color");
    }
    List<String> opaques = new ArrayList<>();
    if (rnd.nextInt(3) > 0) {
      opaques.add("Money");
    }
    List<String> names = new ArrayList<>(recordNames());
    java.util.Collections.shuffle(names, rnd);
    String rootName = pick(ROOT_NAMES);
    names.remove(rootName);
    // levels[0] = the root; records of level i refer only to records of deeper levels
    List<List<String>> levels = new ArrayList<>();
    int used = 0;
    for (int level = 0; level < depth; level++) {
      List<String> here = new ArrayList<>();
      int count = level == 0 ? 1 : rnd.nextInt(4) == 0 ? 2 : 1;
      for (int i = 0; i < count; i++) {
        here.add(level == 0 ? rootName : names.get(used++));
      }
      levels.add(here);
    }
    Map<String, RecDecl> decls = new LinkedHashMap<>();
    for (int level = depth - 1; level >= 0; level--) {
      for (String name : levels.get(level)) {
        List<String> compNames = new ArrayList<>(componentNames());
        java.util.Collections.shuffle(compNames, rnd);
        List<Comp> comps = new ArrayList<>();
        int leaves = 1 + rnd.nextInt(level == 0 ? 6 : 4);
        for (int i = 0; i < leaves; i++) {
          comps.add(new Comp(compNames.remove(0), leafType(enums, opaques), List.of()));
        }
        if (level + 1 < depth) {
          List<String> deeper = new ArrayList<>();
          for (int l = level + 1; l < depth; l++) {
            deeper.addAll(levels.get(l));
          }
          // the next level is always linked, so the tree is exactly `depth` records deep
          comps.add(new Comp(compNames.remove(0), link(pick(levels.get(level + 1))), List.of()));
          int more = rnd.nextInt(3);
          for (int i = 0; i < more; i++) {
            comps.add(new Comp(compNames.remove(0), link(pick(deeper)), List.of()));
          }
        }
        if (rnd.nextInt(8) == 0) {
          T leaf = leafType(enums, opaques);
          comps.add(new Comp(compNames.remove(0), rnd.nextBoolean() ? new MapOf(leaf.boxed()) : new ListOf(leaf.boxed()), List.of()));
        }
        java.util.Collections.shuffle(comps, rnd);
        decls.put(name, new RecDecl(name, comps, List.of()));
      }
    }
    List<RecDecl> records = new ArrayList<>();
    for (List<String> level : levels) {
      for (String n : level) {
        records.add(decls.get(n));
      }
    }
    // every record must be reachable from the root (a second record of a level may not be)
    FuzzTree t = new FuzzTree(pkg, records, enums, opaques);
    List<RecDecl> reachable = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    seen.add(rootName);
    for (Node n : new Oracle(t.with(records)).nodes.values()) {
      if (n.type() instanceof Rec r) {
        seen.add(r.name());
      }
    }
    for (RecDecl r : records) {
      if (seen.contains(r.name())) {
        reachable.add(r);
      }
    }
    return t.with(reachable);
  }

  private T link(String rec) {
    int r = rnd.nextInt(10);
    return r < 5 ? new Rec(rec) : r < 8 ? new MapOf(new Rec(rec)) : new ListOf(new Rec(rec));
  }

  private T leafType(List<String> enums, List<String> opaques) {
    int r = rnd.nextInt(100);
    if (r < 25) {
      return rnd.nextInt(3) == 0 ? new Boxed("Boolean") : new Prim("boolean");
    }
    if (r < 50) {
      T p = new Prim(pick(PRIMS));
      return rnd.nextInt(3) == 0 ? p.boxed() : p;
    }
    if (r < 70) {
      return new Str();
    }
    if (r < 80 && !enums.isEmpty()) {
      return new EnumT(pick(enums));
    }
    if (r < 90) {
      return new Opaque(!opaques.isEmpty() && rnd.nextBoolean() ? opaques.get(0) : "java.time.LocalDate");
    }
    return new Prim(rnd.nextBoolean() ? "int" : "boolean");
  }

  // ---- valid wiring ----

  /** Adds random wiring to every record, keeping only what leaves the tree free of errors. */
  FuzzTree wire(FuzzTree tree) {
    for (int r = tree.records.size() - 1; r >= 0; r--) {
      String rec = tree.records.get(r).name();
      int attempts = rnd.nextInt(r == 0 ? 7 : 5);
      for (int i = 0; i < attempts; i++) {
        FuzzTree candidate = addRandomAnnotation(tree, rec);
        if (candidate != null && new Oracle(candidate).errors.isEmpty()) {
          tree = candidate;
        }
      }
    }
    if (rnd.nextInt(12) == 0) {
      tree = duplicateSomePair(tree);
    }
    return tree;
  }

  /** A copy of {@code tree} with one random annotation added to record {@code rec}, or null. */
  private FuzzTree addRandomAnnotation(FuzzTree tree, String rec) {
    Map<String, Node> local = Oracle.localPaths(tree, rec);
    List<Node> plain = local.values().stream().filter(n -> !n.path().contains("*")).toList();
    int kind = rnd.nextInt(10);
    if (kind < 4) {
      Node a = pick(plain);
      List<String> same = new ArrayList<>();
      for (Node n : plain) {
        if (n.type().equals(a.type()) && !n.path().equals(a.path())
            && !Oracle.isStrictAncestor(a.path(), n.path()) && !Oracle.isStrictAncestor(n.path(), a.path())) {
          same.add(n.path());
        }
      }
      if (same.isEmpty()) {
        return null;
      }
      java.util.Collections.shuffle(same, rnd);
      List<String> others = same.subList(0, Math.min(same.size(), 1 + (rnd.nextInt(4) == 0 ? 1 : 0)));
      return annotate(tree, rec, a.path(), Kind.SYNC, others);
    }
    if (kind < 6) {
      List<String> bools = plain.stream().filter(n -> n.type().boxed().equals(new Boxed("Boolean"))).map(Node::path).toList();
      if (bools.size() < 2) {
        return null;
      }
      String a = pick(bools);
      String b = pick(bools);
      if (a.equals(b)) {
        return null;
      }
      return annotate(tree, rec, a, Kind.FLIP, List.of(b));
    }
    List<Node> targets = plain.stream().filter(n -> !(n.type() instanceof Prim)).toList();
    if (targets.isEmpty()) {
      return null;
    }
    Node t = pick(targets);
    List<String> candidates = new ArrayList<>();
    List<String> wildcards = new ArrayList<>();
    for (Node n : local.values()) {
      if (!n.path().equals(t.path()) && n.type().boxed().equals(t.type().boxed())) {
        (n.path().contains("*") ? wildcards : candidates).add(n.path());
      }
    }
    List<String> sources = new ArrayList<>();
    int k = 1 + rnd.nextInt(3);
    for (int i = 0; i < k; i++) {
      List<String> from = !wildcards.isEmpty() && (candidates.isEmpty() || rnd.nextBoolean()) ? wildcards : candidates;
      if (!from.isEmpty()) {
        String s = pick(from);
        if (!sources.contains(s)) {
          sources.add(s);
        }
      }
    }
    if (sources.isEmpty()) {
      return null;
    }
    return annotate(tree, rec, t.path(), Kind.AGGREGATE, sources);
  }

  /**
   * Adds an annotation: on the component when {@code first} is one of the record's own
   * components and a coin says so, else on the type.
   */
  private FuzzTree annotate(FuzzTree tree, String rec, String first, Kind kind, List<String> others) {
    RecDecl r = tree.record(rec);
    Comp comp = r.comp(first);
    List<RecDecl> records = new ArrayList<>(tree.records);
    int idx = tree.index(rec);
    if (comp != null && rnd.nextBoolean() && comp.anns().stream().noneMatch(a -> a.kind() == kind)) {
      List<Ann> anns = new ArrayList<>(comp.anns());
      anns.add(new Ann(kind, null, List.copyOf(others)));
      List<Comp> comps = new ArrayList<>(r.comps());
      comps.set(comps.indexOf(comp), comp.withAnns(anns));
      records.set(idx, new RecDecl(rec, comps, r.typeAnns()));
    } else {
      List<Ann> anns = new ArrayList<>(r.typeAnns());
      if (kind == Kind.AGGREGATE) {
        anns.add(new Ann(kind, first, List.copyOf(others)));
      } else {
        List<String> paths = new ArrayList<>();
        paths.add(first);
        paths.addAll(others);
        anns.add(new Ann(kind, null, paths));
      }
      records.set(idx, new RecDecl(rec, r.comps(), anns));
    }
    return tree.with(records);
  }

  /** Declares an existing sync or flip pair a second time, on the type (a duplicate-pair warning). */
  private FuzzTree duplicateSomePair(FuzzTree tree) {
    for (RecDecl r : tree.records) {
      for (Comp c : r.comps()) {
        for (Ann a : c.anns()) {
          if (a.kind() != Kind.AGGREGATE) {
            List<RecDecl> records = new ArrayList<>(tree.records);
            List<Ann> anns = new ArrayList<>(r.typeAnns());
            anns.add(new Ann(a.kind(), null, List.of(a.paths().get(0), c.name())));
            records.set(tree.index(r.name()), new RecDecl(r.name(), r.comps(), anns));
            FuzzTree t = tree.with(records);
            return new Oracle(t).errors.isEmpty() ? t : tree;
          }
        }
      }
    }
    return tree;
  }

  // ---- defects ----

  /**
   * An invalid tree: one defect and what it must give.
   *
   * @param tree the tree with the defect
   * @param tag the message tag
   * @param message the start of the message (the whole message where it is fully determined)
   * @param line where the defect is: the annotation or the component
   * @param literal the path literal the caret must point at, or null
   * @param what a short name of the defect kind
   */
  record Defect(FuzzTree tree, String tag, String message, AnnRef line, String literal, String what) {}

  static final String[] DEFECTS = {
      "unknown-near-miss", "unknown-through-leaf", "entry-by-key", "empty-path", "sync-type", "flip-type",
      "aggregate-type", "aggregate-primitive", "aggregate-cycle", "sync-ancestor", "contradiction",
      "wildcard-place", "wildcard-segment", "malformed", "unsupported-map-key", "unsupported-wildcard-entry",
      "recursive"};

  /** Injects one defect of a random kind into {@code valid}, or returns null if it cannot. */
  Defect inject(FuzzTree valid) {
    String what = DEFECTS[rnd.nextInt(DEFECTS.length)];
    String rec = pick(valid.records).name();
    Oracle o = new Oracle(valid);
    String prefix = firstOccurrence(o, rec);
    Map<String, Node> local = Oracle.localPaths(valid, rec);
    List<Node> plain = local.values().stream().filter(n -> !n.path().contains("*")).toList();
    RecDecl r = valid.record(rec);
    String recDisplay = rec;
    int nextType = r.typeAnns().size();
    AnnRef typeRef = new AnnRef(rec, null, nextType);
    switch (what) {
      case "unknown-near-miss": {
        Node q = pick(plain);
        String parent = Oracle.parentOf(q.path());
        String seg = q.path().substring(parent.isEmpty() ? 0 : parent.length() + 1);
        if (seg.length() < 3) {
          return null;
        }
        int at = rnd.nextInt(seg.length() + 1);
        String typo = seg.substring(0, at) + "q" + seg.substring(at);
        List<String> siblings = componentsAt(valid, local, parent, rec);
        if (siblings.contains(typo)) {
          return null;
        }
        for (String s : siblings) {
          if (!s.equals(seg) && distance(typo, s) <= 1) {
            return null;
          }
        }
        String bad = Oracle.join(parent, typo);
        String owner = parent.isEmpty() ? recDisplay : "\"" + parent + "\" (" + display(local.get(parent).type()) + ")";
        return typeLevel(valid, rec, Kind.SYNC, List.of(pick(plain).path(), bad), typeRef, "unknown-path",
            "[statewire:unknown-path] @Sync path \"" + bad + "\": " + owner + " has no component \"" + typo
                + "\"; did you mean \"" + q.path() + "\"?", bad, what);
      }
      case "unknown-through-leaf": {
        List<Node> leaves = plain.stream().filter(n -> !n.type().isNode()).toList();
        if (leaves.isEmpty()) {
          return null;
        }
        Node leaf = pick(leaves);
        String bad = leaf.path() + ".part";
        String why = leaf.type() instanceof Opaque op
            ? "it is held as one opaque value, since " + display(op) + " is neither a record nor a @State type; to give"
                + " its parts paths, make it a record or annotate it with @State (an interface or abstract class with"
                + " accessors)"
            : "it is a leaf without components";
        return typeLevel(valid, rec, Kind.SYNC, List.of(pick(plain).path(), bad), typeRef, "unknown-path",
            "[statewire:unknown-path] @Sync path \"" + bad + "\": \"" + leaf.path() + "\" (" + display(leaf.type())
                + ") has no component \"part\"; " + why, bad, what);
      }
      case "entry-by-key": {
        List<Node> containers = plain.stream().filter(n -> n.type() instanceof MapOf || n.type() instanceof ListOf).toList();
        if (containers.isEmpty()) {
          return null;
        }
        Node c = pick(containers);
        String key = c.type() instanceof MapOf ? "k1" : "0";
        String bad = c.path() + "." + key;
        return typeLevel(valid, rec, Kind.SYNC, List.of(pick(plain).path(), bad), typeRef, "unknown-path",
            "[statewire:unknown-path] @Sync path \"" + bad + "\": \"" + c.path() + "\" is a " + display(c.type())
                + " whose entries come and go at run time, so \"" + key + "\" cannot name one of them; wire paths inside"
                + " each entry on the entry's record type, or use \"*\" in an @Aggregate source", bad, what);
      }
      case "empty-path": {
        Node p = pick(plain);
        String bad = rnd.nextBoolean() ? "" : p.path() + "..x";
        return typeLevel(valid, rec, Kind.SYNC, List.of(p.path(), bad), typeRef, "unknown-path",
            "[statewire:unknown-path] @Sync path \"" + bad + "\" is empty or has an empty segment; paths are dot paths"
                + " such as \"shipping.zip\"", bad, what);
      }
      case "sync-type": {
        Node a = pick(plain);
        List<Node> others = plain.stream().filter(n -> !n.type().equals(a.type()) && !related(n.path(), a.path())).toList();
        if (others.isEmpty()) {
          return null;
        }
        Node b = pick(others);
        String hint = "";
        if (a.type().boxed().equals(b.type().boxed())) {
          T prim = a.type() instanceof Prim ? a.type() : b.type();
          hint = "; " + display(prim) + " and " + display(prim.boxed()) + " differ in null: a null " + display(prim.boxed())
              + " cannot be copied into " + display(prim) + ". Declare both as " + display(prim) + ", or both as "
              + display(prim.boxed());
        }
        return typeLevel(valid, rec, Kind.SYNC, List.of(a.path(), b.path()), typeRef, "sync-type",
            "[statewire:sync-type] @Sync paths must have the same type, but \"" + Oracle.join(prefix, a.path()) + "\" is "
                + display(a.type()) + " and \"" + Oracle.join(prefix, b.path()) + "\" is " + display(b.type()) + hint,
            b.path(), what);
      }
      case "flip-type": {
        List<Node> bools = plain.stream().filter(n -> n.type().boxed().equals(new Boxed("Boolean"))).toList();
        List<Node> non = plain.stream().filter(n -> !n.type().boxed().equals(new Boxed("Boolean"))).toList();
        if (bools.isEmpty() || non.isEmpty()) {
          return null;
        }
        Node b = pick(non);
        return typeLevel(valid, rec, Kind.FLIP, List.of(pick(bools).path(), b.path()), typeRef, "flip-type",
            "[statewire:flip-type] @Flip paths must be boolean or Boolean, but \"" + Oracle.join(prefix, b.path())
                + "\" is " + display(b.type()), b.path(), what);
      }
      case "aggregate-type": {
        List<Node> targets = plain.stream().filter(n -> !(n.type() instanceof Prim)).toList();
        if (targets.isEmpty()) {
          return null;
        }
        Node t = pick(targets);
        List<Node> others = local.values().stream()
            .filter(n -> !n.type().boxed().equals(t.type().boxed()) && !n.path().equals(t.path())).toList();
        if (others.isEmpty()) {
          return null;
        }
        Node s = pick(others);
        String hint = s.type() instanceof Prim ? " (primitive and boxed types match)" : "";
        Defect d = typeLevel(valid, rec, Kind.AGGREGATE, List.of(t.path(), s.path()), typeRef, "aggregate-type",
            "[statewire:aggregate-type] @Aggregate target \"" + Oracle.join(prefix, t.path()) + "\" is " + display(t.type())
                + ", but source \"" + Oracle.join(prefix, s.path()) + "\" is " + display(s.type())
                + "; the target must have the sources' type" + hint, s.path(), what);
        return d;
      }
      case "aggregate-primitive": {
        List<Comp> prims = r.comps().stream().filter(c -> c.type() instanceof Prim && c.anns().stream()
            .noneMatch(a -> a.kind() == Kind.AGGREGATE)).toList();
        if (prims.isEmpty()) {
          return null;
        }
        Comp c = pick(prims);
        List<Node> same = local.values().stream()
            .filter(n -> n.type().boxed().equals(c.type().boxed()) && !n.path().equals(c.name())).toList();
        if (same.isEmpty()) {
          return null;
        }
        List<Ann> anns = new ArrayList<>(c.anns());
        anns.add(new Ann(Kind.AGGREGATE, null, List.of(pick(same).path())));
        return new Defect(replaceComp(valid, rec, c, c.withAnns(anns)), "aggregate-type",
            "[statewire:aggregate-type] @Aggregate target \"" + Oracle.join(prefix, c.name()) + "\" is " + display(c.type())
                + ", which cannot hold null; sources that disagree make the target null, so declare it as "
                + display(c.type().boxed()), new AnnRef(rec, c.name(), anns.size() - 1), null, what);
      }
      case "aggregate-cycle": {
        List<Node> targets = plain.stream().filter(n -> !(n.type() instanceof Prim)).toList();
        if (targets.isEmpty()) {
          return null;
        }
        Node t = pick(targets);
        String full = Oracle.join(prefix, t.path());
        List<Ann> anns = new ArrayList<>(r.typeAnns());
        anns.add(new Ann(Kind.AGGREGATE, t.path(), List.of(t.path())));
        return new Defect(replaceRecord(valid, new RecDecl(rec, r.comps(), anns)), "aggregate-cycle",
            "[statewire:aggregate-cycle] @Aggregate target \"" + full + "\" is also its own source: \"" + full + "\" <- \""
                + full + "\"; a path may not be both a target and a source of one aggregation chain", typeRef, null, what);
      }
      case "sync-ancestor": {
        List<Node> nodes = plain.stream().filter(n -> n.type() instanceof Rec).toList();
        if (nodes.isEmpty()) {
          return null;
        }
        Node n = pick(nodes);
        List<Node> below = plain.stream().filter(x -> Oracle.isStrictAncestor(n.path(), x.path())).toList();
        Node d = pick(below);
        boolean down = rnd.nextBoolean();
        String a = down ? n.path() : d.path();
        String b = down ? d.path() : n.path();
        return typeLevel(valid, rec, Kind.SYNC, List.of(a, b), typeRef, "sync-ancestor",
            "[statewire:sync-ancestor] @Sync pairs \"" + Oracle.join(prefix, a) + "\" with \"" + Oracle.join(prefix, b) + "\", "
                + (down ? "which lies inside it" : "its own ancestor")
                + "; a group may not hold a path and its own ancestor or descendant (PIPELINE.md §4)", b, what);
      }
      case "contradiction": {
        List<String> bools = plain.stream().filter(n -> n.type().boxed().equals(new Boxed("Boolean"))).map(Node::path).toList();
        if (bools.size() < 2) {
          return null;
        }
        String a = pick(bools);
        String b = pick(bools);
        if (a.equals(b)) {
          return null;
        }
        List<Ann> anns = new ArrayList<>(r.typeAnns());
        anns.add(new Ann(Kind.SYNC, null, List.of(a, b)));
        anns.add(new Ann(Kind.FLIP, null, List.of(a, b)));
        FuzzTree t = replaceRecord(valid, new RecDecl(rec, r.comps(), anns));
        Oracle check = new Oracle(t);
        AnnRef flipRef = new AnnRef(rec, null, nextType + 1);
        if (!check.errors.equals(java.util.Set.of("contradiction")) || !check.contradictionRefs.equals(java.util.Set.of(flipRef))) {
          return null; // the pair was related already: the cycle would close elsewhere
        }
        return new Defect(t, "contradiction", "[statewire:contradiction] @Sync and @Flip wiring contradict each other: \""
            + Oracle.join(prefix, a) + "\" and \"" + Oracle.join(prefix, b) + "\" would have to be both equal and opposite,"
            + " through the cycle ", flipRef, b, what);
      }
      case "wildcard-place": {
        List<Node> wild = local.values().stream().filter(n -> n.path().contains("*")).toList();
        if (wild.isEmpty()) {
          return null;
        }
        String bad = pick(wild).path();
        return typeLevel(valid, rec, Kind.SYNC, List.of(pick(plain).path(), bad), typeRef, "wildcard",
            "[statewire:wildcard] @Sync path \"" + bad + "\" uses \"*\"; wildcards are allowed only in @Aggregate sources."
                + " Wiring that should hold inside each entry is declared on the entry's record type", bad, what);
      }
      case "wildcard-segment": {
        List<Node> notContainers = plain.stream().filter(n -> !(n.type() instanceof MapOf || n.type() instanceof ListOf)).toList();
        List<Node> targets = plain.stream().filter(n -> !(n.type() instanceof Prim)).toList();
        if (targets.isEmpty()) {
          return null;
        }
        Node n = pick(notContainers);
        String bad = n.path() + ".*";
        String is = n.type() instanceof Rec ? "a record (" + display(n.type()) + ")" : "a leaf (" + display(n.type()) + ")";
        return typeLevel(valid, rec, Kind.AGGREGATE, List.of(pick(targets).path(), bad), typeRef, "wildcard",
            "[statewire:wildcard] @Aggregate path \"" + bad + "\": \"*\" stands for every entry of a Map or List, but \""
                + n.path() + "\" is " + is, bad, what);
      }
      case "malformed": {
        String p = pick(plain).path();
        String q = pick(plain).path();
        int m = rnd.nextInt(5);
        String verbatim;
        String message;
        String literal;
        if (m == 0) {
          verbatim = "@Sync(" + FuzzTree.quote(p) + ")";
          message = "@Sync on a type needs at least two paths to pair: @Sync({\"a\", \"b\"})";
          literal = p;
        } else if (m == 1) {
          verbatim = "@Aggregate(" + FuzzTree.quote(p) + ")";
          message = "@Aggregate on a type takes target and sources: @Aggregate(target = \"t\", sources = {\"a\", \"b\"});"
              + " value() is for the component form";
          literal = p;
        } else if (m == 2) {
          verbatim = "@Aggregate(sources = " + FuzzTree.quote(p) + ")";
          message = "@Aggregate on a type needs a target: @Aggregate(target = \"t\", sources = {\"a\", \"b\"})";
          literal = null;
        } else if (m == 3) {
          verbatim = "@Aggregate(target = " + FuzzTree.quote(p) + ")";
          message = "@Aggregate lists no sources; an aggregation needs at least one source path";
          literal = null;
        } else {
          Comp c = pick(r.comps());
          if (c.anns().stream().anyMatch(a -> a.kind() == Kind.AGGREGATE)) {
            return null;
          }
          List<Ann> anns = new ArrayList<>(c.anns());
          anns.add(new Ann(Kind.AGGREGATE, null, List.of(), "@Aggregate(target = " + FuzzTree.quote(q) + ", sources = "
              + FuzzTree.quote(p) + ")"));
          return new Defect(replaceComp(valid, rec, c, c.withAnns(anns)), "malformed-annotation",
              "[statewire:malformed-annotation] @Aggregate on a record component makes the component the target and"
                  + " takes the sources in value(): @Aggregate(\"items.*.selected\"); target and sources are for the"
                  + " type-level form", new AnnRef(rec, c.name(), anns.size() - 1), q, what);
        }
        List<Ann> anns = new ArrayList<>(r.typeAnns());
        anns.add(new Ann(Kind.SYNC, null, List.of(), verbatim));
        return new Defect(replaceRecord(valid, new RecDecl(rec, r.comps(), anns)), "malformed-annotation",
            "[statewire:malformed-annotation] " + message, typeRef, literal, what);
      }
      case "unsupported-map-key":
      case "unsupported-wildcard-entry": {
        String entry = rnd.nextBoolean() ? "String" : valid.records.get(valid.records.size() - 1).name();
        boolean key = what.equals("unsupported-map-key");
        String type = key ? "Map<Integer, " + entry + ">" : "List<?>";
        String name = freshName(r);
        List<Comp> comps = new ArrayList<>(r.comps());
        comps.add(rnd.nextInt(comps.size() + 1), new Comp(name, new Raw(type), List.of()));
        String reason = key ? "map keys are path segments, so they must be String; use Map<String, " + entry + ">"
            : "a wildcard entry type has no fixed shape; name the entry type exactly";
        return new Defect(replaceRecord(valid, new RecDecl(rec, comps, r.typeAnns())), "unsupported-type",
            "[statewire:unsupported-type] component \"" + name + "\" of type " + type + " is not supported in a @State tree: "
                + reason, new AnnRef(rec, name, -1), null, what);
      }
      case "recursive": {
        String name = freshName(r);
        List<Comp> comps = new ArrayList<>(r.comps());
        comps.add(rnd.nextInt(comps.size() + 1), new Comp(name, new Rec(rec), List.of()));
        return new Defect(replaceRecord(valid, new RecDecl(rec, comps, r.typeAnns())), "recursive-type",
            "[statewire:recursive-type] record " + rec + " contains itself through " + rec + "." + name + "; a record that"
                + " contains itself without a Map or List in between would be infinite; make the nested occurrence an entry"
                + " of a Map or List, or break the cycle", new AnnRef(rec, name, -1), null, what);
      }
      default:
        throw new IllegalStateException(what);
    }
  }

  private String freshName(RecDecl r) {
    for (int i = 0; ; i++) {
      String n = "extra" + i;
      if (r.comp(n) == null) {
        return n;
      }
    }
  }

  private static boolean related(String a, String b) {
    return a.equals(b) || Oracle.isStrictAncestor(a, b) || Oracle.isStrictAncestor(b, a);
  }

  /** Component names of the record at relative {@code parent} ({@code ""}: the record itself). */
  private static List<String> componentsAt(FuzzTree tree, Map<String, Node> local, String parent, String rec) {
    String name = parent.isEmpty() ? rec : ((Rec) local.get(parent).type()).name();
    return tree.record(name).comps().stream().map(Comp::name).toList();
  }

  /** The path of the first occurrence of {@code rec} (ID order), as messages name paths. */
  static String firstOccurrence(Oracle o, String rec) {
    if (o.tree.root().name().equals(rec)) {
      return "";
    }
    for (Node n : o.nodes.values()) {
      if (n.type().equals(new Rec(rec))) {
        return n.path();
      }
    }
    throw new IllegalStateException("record " + rec + " does not occur");
  }

  private Defect typeLevel(FuzzTree valid, String rec, Kind kind, List<String> paths, AnnRef ref, String tag,
      String message, String literal, String what) {
    RecDecl r = valid.record(rec);
    List<Ann> anns = new ArrayList<>(r.typeAnns());
    anns.add(kind == Kind.AGGREGATE ? new Ann(kind, paths.get(0), paths.subList(1, paths.size())) : new Ann(kind, null, paths));
    return new Defect(replaceRecord(valid, new RecDecl(rec, r.comps(), anns)), tag, message, ref, literal, what);
  }

  static FuzzTree replaceRecord(FuzzTree tree, RecDecl r) {
    List<RecDecl> records = new ArrayList<>(tree.records);
    records.set(tree.index(r.name()), r);
    return tree.with(records);
  }

  static FuzzTree replaceComp(FuzzTree tree, String rec, Comp old, Comp now) {
    RecDecl r = tree.record(rec);
    List<Comp> comps = new ArrayList<>(r.comps());
    comps.set(comps.indexOf(old), now);
    return replaceRecord(tree, new RecDecl(rec, comps, r.typeAnns()));
  }

  /** A type as messages show it: simple names ({@code Map<String, Item>}, {@code LocalDate}). */
  static String display(T t) {
    if (t instanceof MapOf m) {
      return "Map<String, " + display(m.entry()) + ">";
    }
    if (t instanceof ListOf l) {
      return "List<" + display(l.entry()) + ">";
    }
    String j = t.java();
    return j.substring(j.lastIndexOf('.') + 1);
  }

  /** Levenshtein distance, case differences at half cost (the documented "did you mean" rule). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = 2 * i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = 2 * j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        char x = a.charAt(i - 1);
        char y = b.charAt(j - 1);
        int sub = x == y ? 0 : Character.toLowerCase(x) == Character.toLowerCase(y) ? 1 : 2;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 2, d[i][j - 1] + 2), d[i - 1][j - 1] + sub);
      }
    }
    return (d[a.length()][b.length()] + 1) / 2;
  }
}
