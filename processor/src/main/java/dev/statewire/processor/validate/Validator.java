package dev.statewire.processor.validate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.statewire.processor.diag.EditDistance;
import dev.statewire.processor.diag.Message;
import dev.statewire.processor.diag.Reporter;
import dev.statewire.processor.graph.Groups;
import dev.statewire.processor.graph.ParityGraph;
import dev.statewire.processor.model.Declaration;
import dev.statewire.processor.model.Declaration.Annotation;
import dev.statewire.processor.model.Declaration.PathRef;
import dev.statewire.processor.model.Kind;
import dev.statewire.processor.model.ModelReader;
import dev.statewire.processor.model.PathNode;
import dev.statewire.processor.model.RecordShape;
import dev.statewire.processor.model.StateModel;
import dev.statewire.processor.model.StateTree;
import dev.statewire.processor.model.TypeNames;
import dev.statewire.processor.model.Wire;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the wiring of one read {@code @State} tree and turns it into the {@link StateModel} the
 * writers use. Every error is reported (not just the first); if there is one, no model is made.
 *
 * <p>Wiring is resolved once per record type, as offsets from the record's path, and then expanded
 * to every occurrence of that record in ID order, which is depth-first: the record types'
 * type-level annotations in source order, then component annotations in component order, outer
 * records before the records they contain (PIPELINE.md §4). Occurrences inside an entry template
 * get template IDs, which the runtime instantiates per entry.
 */
public final class Validator {
  private final Reporter reporter;

  /** A validator that reports through {@code reporter}. */
  public Validator(Reporter reporter) {
    this.reporter = reporter;
  }

  /** A resolved pair, as offsets from the declaring record's path. */
  private record LocalPair(Annotation annotation, int a, int b, PathRef ref, Declaration declaration) {}

  /** A resolved aggregation, as offsets from the declaring record's path. */
  private record LocalAggregation(int target, List<Integer> sources, List<PathRef> refs, PathRef targetRef, Declaration declaration) {}

  /** An expanded pair: absolute IDs and where it was declared. */
  private record Edge(Annotation annotation, int a, int b, PathRef ref, Declaration declaration) {}

  /** An expanded aggregation. */
  private record Row(int target, List<Integer> sources, PathRef ref, Declaration declaration) {}

  /** Validates {@code read}; empty if an error was reported. */
  public Optional<StateModel> validate(ModelReader.Read read) {
    int errorsBefore = reporter.errorCount();
    StateTree tree = read.tree();
    Map<ClassName, List<Object>> resolved = new HashMap<>();
    for (Map.Entry<ClassName, List<Declaration>> e : read.declarations().entrySet()) {
      PathNode representative = tree.occurrences(e.getKey()).get(0);
      List<Object> local = new ArrayList<>();
      for (Declaration d : e.getValue()) {
        resolve(tree, representative, d, local);
      }
      resolved.put(e.getKey(), local);
    }

    List<Edge> syncEdges = new ArrayList<>();
    List<Edge> flipEdges = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (PathNode n : tree.nodes()) {
      if (n.kind() != Kind.RECORD) {
        continue;
      }
      for (Object o : resolved.getOrDefault((ClassName) n.type(), List.of())) {
        if (o instanceof LocalPair p) {
          Edge edge = new Edge(p.annotation(), n.id() + p.a(), n.id() + p.b(), p.ref(), p.declaration());
          (p.annotation() == Annotation.SYNC ? syncEdges : flipEdges).add(edge);
        } else if (o instanceof LocalAggregation a) {
          rows.add(
              new Row(
                  n.id() + a.target(),
                  a.sources().stream().map(s -> n.id() + s).collect(Collectors.toList()),
                  a.targetRef(),
                  a.declaration()));
        }
      }
    }

    syncEdges = dropDuplicates(tree, syncEdges);
    flipEdges = dropDuplicates(tree, flipEdges);
    Groups syncGroups = checkSyncGroups(tree, syncEdges);
    checkContradictions(tree, syncEdges, flipEdges);
    Groups flipGroups = checkFlipGroups(tree, flipEdges);
    checkFlipSynced(tree, flipEdges, flipGroups, syncGroups);
    checkNestedSync(tree, syncEdges, syncGroups);
    checkAggregationCycles(tree, rows);

    if (reporter.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(
        new StateModel(
            tree,
            syncEdges.stream().map(e -> new Wire.Pair(e.a(), e.b(), e.declaration().origin())).collect(Collectors.toList()),
            flipEdges.stream().map(e -> new Wire.Pair(e.a(), e.b(), e.declaration().origin())).collect(Collectors.toList()),
            rows.stream().map(r -> new Wire.Aggregation(r.target(), List.copyOf(r.sources()), r.declaration().origin())).collect(Collectors.toList())));
  }

  // ---- resolving one declaration -------------------------------------------------------------

  private void resolve(StateTree tree, PathNode record, Declaration d, List<Object> out) {
    String name = d.annotation().simpleName();
    RecordShape shape = tree.recordAt(record.id());
    Integer component = null;
    if (d.onComponent()) {
      for (RecordShape.Component c : shape.components()) {
        if (c.name().equals(d.component())) {
          component = c.offset();
        }
      }
    }
    if (d.annotation() == Annotation.AGGREGATE) {
      Integer target = component;
      if (target == null) {
        target = resolvePath(tree, record, d.target(), name, "target", false);
      }
      List<Integer> sources = new ArrayList<>();
      boolean ok = target != null;
      for (PathRef ref : d.paths()) {
        Integer s = resolvePath(tree, record, ref, name, "source", true);
        ok &= s != null;
        sources.add(s);
      }
      if (!ok) {
        return;
      }
      PathRef targetRef = d.onComponent() ? new PathRef(d.component(), d.site()) : d.target();
      PathNode t = tree.node(record.id() + target);
      if (t.type().isPrimitive()) {
        reporter.report(targetRef.site(), Message.AGGREGATE_PRIMITIVE, t.display(), TypeNames.display(t.type()), TypeNames.display(t.type().box()));
        ok = false;
      } else if (t.ordinal() >= 0) {
        RecordShape owner = tree.recordAt(t.parent());
        RecordShape.Component c = owner.components().get(t.ordinal());
        if (!c.nullable()) {
          reporter.report(targetRef.site(), Message.AGGREGATE_NOT_NULLABLE, t.display(), owner.display(), c.accessor());
          ok = false;
        }
      }
      for (int i = 0; i < sources.size(); i++) {
        PathNode s = tree.node(record.id() + sources.get(i));
        if (!t.type().box().equals(s.type().box())) {
          String hint = t.type().isPrimitive() || s.type().isPrimitive() ? " (primitive and boxed types match)" : "";
          reporter.report(
              d.paths().get(i).site(),
              Message.AGGREGATE_TYPE,
              t.display(), TypeNames.display(t.type()), s.display(), TypeNames.display(s.type()), hint);
          ok = false;
        }
      }
      if (ok) {
        out.add(new LocalAggregation(target, sources, d.paths(), targetRef, d));
      }
      return;
    }

    List<Integer> members = new ArrayList<>();
    List<PathRef> refs = new ArrayList<>();
    boolean ok = true;
    if (component != null) {
      members.add(component);
      refs.add(new PathRef(d.component(), d.site()));
    }
    for (PathRef ref : d.paths()) {
      Integer id = resolvePath(tree, record, ref, name, "path", false);
      ok &= id != null;
      members.add(id);
      refs.add(ref);
    }
    if (!ok) {
      return;
    }
    if (d.annotation() == Annotation.FLIP) {
      for (int i = 0; i < members.size(); i++) {
        PathNode n = tree.node(record.id() + members.get(i));
        if (n.kind() != Kind.BOOLEAN) {
          reporter.report(refs.get(i).site(), Message.FLIP_TYPE, n.display(), TypeNames.display(n.type()));
          ok = false;
        }
      }
      if (!ok) {
        return;
      }
    }
    for (int i = 1; i < members.size(); i++) {
      int a = d.onComponent() ? members.get(0) : members.get(i - 1);
      int b = members.get(i);
      PathNode na = tree.node(record.id() + a);
      PathNode nb = tree.node(record.id() + b);
      PathRef ref = refs.get(i);
      if (na.isAncestorOf(nb) || nb.isAncestorOf(na)) {
        reporter.report(ref.site(), Message.SYNC_ANCESTOR, name, na.display(), nb.display(), relation(na, nb));
        continue;
      }
      if (d.annotation() == Annotation.SYNC && !na.type().equals(nb.type())) {
        String hint = "";
        if (na.type().box().equals(nb.type().box())) {
          TypeName primitive = na.type().isPrimitive() ? na.type() : nb.type();
          hint = String.format(
              "; %s and %s differ in null: a null %s cannot be copied into %s. Declare both as %s, or both as %s",
              TypeNames.display(primitive), TypeNames.display(primitive.box()), TypeNames.display(primitive.box()),
              TypeNames.display(primitive), TypeNames.display(primitive), TypeNames.display(primitive.box()));
        }
        reporter.report(ref.site(), Message.SYNC_TYPE, na.display(), TypeNames.display(na.type()), nb.display(), TypeNames.display(nb.type()), hint);
        continue;
      }
      out.add(new LocalPair(d.annotation(), a, b, ref, d));
    }
  }

  private static String relation(PathNode a, PathNode b) {
    return a.isAncestorOf(b)
        ? "which lies inside it"
        : "its own ancestor";
  }

  /**
   * Resolves {@code ref} relative to {@code record}; returns the offset from the record's ID, or
   * {@code null} after reporting why it cannot be resolved.
   */
  private Integer resolvePath(StateTree tree, PathNode record, PathRef ref, String annotation, String role, boolean wildcardAllowed) {
    String path = ref.path();
    String[] segments = path.split("\\.", -1);
    if (path.isEmpty() || java.util.Arrays.stream(segments).anyMatch(String::isEmpty)) {
      reporter.report(ref.site(), Message.EMPTY_PATH, annotation, path);
      return null;
    }
    if (!wildcardAllowed && java.util.Arrays.asList(segments).contains("*")) {
      reporter.report(ref.site(), Message.WILDCARD_PLACE, annotation, role, path);
      return null;
    }
    PathNode current = record;
    String walked = "";
    for (String segment : segments) {
      String owner = walked.isEmpty() ? tree.recordAt(record.id()).display() : "\"" + walked + "\" (" + TypeNames.display(current.type()) + ")";
      if (segment.equals("*")) {
        if (!current.kind().isContainer()) {
          reporter.report(ref.site(), Message.WILDCARD_SEGMENT, annotation, path, walked.isEmpty() ? "<record>" : walked,
              "a " + describeKind(current) + " (" + TypeNames.display(current.type()) + ")");
          return null;
        }
        current = tree.node(current.templateChild());
      } else if (current.kind().isContainer()) {
        reporter.report(ref.site(), Message.ENTRY_BY_KEY, annotation, path, walked, TypeNames.display(current.type()), segment);
        return null;
      } else if (current.kind() != Kind.RECORD) {
        String why = current.kind() == Kind.OBJECT
            ? "it is held as one opaque value, since " + TypeNames.display(current.type()) + " is neither a"
                + " record nor a @State type; to give its parts paths, make it a record or annotate it"
                + " with @State (an interface or abstract class with accessors)"
            : "it is a leaf without components";
        reporter.report(ref.site(), Message.UNKNOWN_PATH, annotation, path, owner, segment, why);
        return null;
      } else {
        Optional<PathNode> child = tree.child(current.id(), segment);
        if (child.isEmpty()) {
          List<String> names = tree.recordAt(current.id()).components().stream().map(RecordShape.Component::name).collect(Collectors.toList());
          Optional<String> near = EditDistance.nearest(segment, names);
          String prefix = walked.isEmpty() ? "" : walked + ".";
          String rest = path.substring(Math.min(path.length(), prefix.length() + segment.length()));
          String hint = near.map(n -> "did you mean \"" + prefix + n + rest + "\"?")
              .orElse("its components are " + String.join(", ", names));
          reporter.report(ref.site(), Message.UNKNOWN_PATH, annotation, path, owner, segment, hint);
          return null;
        }
        current = child.get();
      }
      walked = walked.isEmpty() ? segment : walked + "." + segment;
    }
    return current.id() - record.id();
  }

  private static String describeKind(PathNode n) {
    switch (n.kind()) {
      case RECORD:
        return "record";
      case STRING:
      case ENUM:
      case OBJECT:
        return "leaf";
      default:
        return "leaf";
    }
  }

  // ---- checks over the expanded graph ---------------------------------------------------------

  private List<Edge> dropDuplicates(StateTree tree, List<Edge> edges) {
    Map<String, Edge> seen = new HashMap<>();
    List<Edge> out = new ArrayList<>();
    for (Edge e : edges) {
      String key = Math.min(e.a(), e.b()) + "-" + Math.max(e.a(), e.b());
      Edge first = seen.putIfAbsent(key, e);
      if (first == null) {
        out.add(e);
      } else {
        reporter.report(e.ref().site(), Message.DUPLICATE_PAIR, e.annotation().simpleName(),
            tree.node(e.a()).display(), tree.node(e.b()).display(), first.declaration().origin());
      }
    }
    return out;
  }

  private Groups checkSyncGroups(StateTree tree, List<Edge> edges) {
    Groups groups = new Groups();
    for (Edge e : edges) {
      List<List<Integer>> before = groups.connect(e.a(), e.b());
      if (before == null) {
        continue;
      }
      outer:
      for (int x : before.get(0)) {
        for (int y : before.get(1)) {
          PathNode nx = tree.node(x);
          PathNode ny = tree.node(y);
          if (nx.isAncestorOf(ny) || ny.isAncestorOf(nx)) {
            reporter.report(e.ref().site(), Message.SYNC_ANCESTOR, "Sync", nx.display(), ny.display(),
                relation(nx, ny) + " (through the sync group " + quoted(tree, groups.group(x)) + ")");
            break outer;
          }
        }
      }
    }
    return groups;
  }

  private void checkContradictions(StateTree tree, List<Edge> syncEdges, List<Edge> flipEdges) {
    ParityGraph<Edge> graph = new ParityGraph<>();
    List<Edge> all = new ArrayList<>();
    for (Edge e : syncEdges) {
      all.add(e);
    }
    all.addAll(flipEdges);
    for (Edge e : all) {
      boolean opposite = e.annotation() == Annotation.FLIP;
      List<int[]> implied = new ArrayList<>();
      implied.add(new int[] {e.a(), e.b()});
      PathNode na = tree.node(e.a());
      if (!opposite && na.size() > 1) {
        int scope = tree.scopeOf(e.a());
        for (int d = e.a() + 1; d < e.a() + na.size(); d++) {
          if (tree.scopeOf(d) == scope) {
            implied.add(new int[] {d, e.b() + (d - e.a())});
          }
        }
      }
      for (int[] pair : implied) {
        List<ParityGraph.Edge<Edge>> cycle = graph.add(pair[0], pair[1], opposite, e);
        if (!cycle.isEmpty()) {
          String text = cycle.stream()
              .map(c -> "\"" + tree.node(c.a()).display() + "\" " + (c.opposite() ? "flip" : "sync") + " \""
                  + tree.node(c.b()).display() + "\" (" + c.label().declaration().origin() + ")")
              .collect(Collectors.joining(", "));
          reporter.report(e.ref().site(), Message.CONTRADICTION, tree.node(pair[0]).display(), tree.node(pair[1]).display(), text);
          break;
        }
      }
    }
  }

  private Groups checkFlipGroups(StateTree tree, List<Edge> edges) {
    Groups groups = new Groups();
    Set<Integer> warned = new HashSet<>();
    for (Edge e : edges) {
      groups.connect(e.a(), e.b());
    }
    // report each large group once, on the edge that made it larger than two
    Groups replay = new Groups();
    for (Edge e : edges) {
      replay.connect(e.a(), e.b());
      List<Integer> now = replay.group(e.a());
      if (now.size() > 2) {
        List<Integer> full = groups.group(e.a());
        if (warned.add(full.get(0))) {
          reporter.report(e.ref().site(), Message.FLIP_GROUP, quoted(tree, full));
        }
      }
    }
    return groups;
  }

  private void checkFlipSynced(StateTree tree, List<Edge> flipEdges, Groups flipGroups, Groups syncGroups) {
    Set<Integer> done = new HashSet<>();
    for (Edge e : flipEdges) {
      for (int x : new int[] {e.a(), e.b()}) {
        if (!done.add(x)) {
          continue;
        }
        List<Integer> copies = new ArrayList<>();
        for (PathNode y = tree.node(x); y != null; y = y.parent() < 0 ? null : tree.node(y.parent())) {
          if (syncGroups.isGrouped(y.id())) {
            for (int peer : syncGroups.group(y.id())) {
              if (peer != y.id()) {
                copies.add(peer + (x - y.id()));
              }
            }
          }
          if (y.name().equals("*")) {
            break;
          }
        }
        if (!copies.isEmpty()) {
          String peers = quoted(tree, copies);
          reporter.report(e.ref().site(), Message.FLIP_SYNCED, tree.node(x).display(), peers, tree.node(x).display(), peers,
              copies.size() == 1 ? "s" : "");
        }
      }
    }
  }

  private void checkNestedSync(StateTree tree, List<Edge> syncEdges, Groups syncGroups) {
    Set<Integer> done = new HashSet<>();
    for (Edge e : syncEdges) {
      for (int x : new int[] {e.a(), e.b()}) {
        if (!done.add(x)) {
          continue;
        }
        PathNode nx = tree.node(x);
        for (PathNode y = nx.parent() < 0 ? null : tree.node(nx.parent()); y != null; y = y.parent() < 0 ? null : tree.node(y.parent())) {
          if (y.name().equals("*")) {
            break;
          }
          if (!syncGroups.isGrouped(y.id())) {
            continue;
          }
          List<Integer> innerPeers = new ArrayList<>(syncGroups.group(x));
          innerPeers.remove(Integer.valueOf(x));
          List<Integer> outerPeers = new ArrayList<>(syncGroups.group(y.id()));
          outerPeers.remove(Integer.valueOf(y.id()));
          int relative = x - y.id();
          List<Integer> copies = outerPeers.stream().map(p -> p + relative).collect(Collectors.toList());
          reporter.report(e.ref().site(), Message.NESTED_SYNC,
              nx.display(), quoted(tree, innerPeers), y.display(), quoted(tree, outerPeers),
              quoted(tree, innerPeers), nx.display(), quoted(tree, copies), copies.size() == 1 ? "s" : "");
          break;
        }
      }
    }
  }

  private void checkAggregationCycles(StateTree tree, List<Row> rows) {
    Map<Integer, List<Row>> byTarget = new HashMap<>();
    for (Row r : rows) {
      byTarget.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(r);
    }
    Set<Integer> reported = new HashSet<>();
    for (Row r : rows) {
      List<Integer> chain = new ArrayList<>();
      chain.add(r.target());
      if (reaches(r.target(), r, byTarget, chain, new LinkedHashSet<>()) && reported.add(r.target())) {
        String text = chain.stream().map(id -> "\"" + tree.node(id).display() + "\"").collect(Collectors.joining(" <- "));
        reporter.report(r.ref().site(), Message.AGGREGATE_CYCLE, tree.node(r.target()).display(), text);
      }
    }
  }

  /** Whether following sources from {@code row} leads back to {@code target}; fills {@code chain}. */
  private static boolean reaches(int target, Row row, Map<Integer, List<Row>> byTarget, List<Integer> chain, Set<Integer> visited) {
    for (int s : row.sources()) {
      chain.add(s);
      if (s == target) {
        return true;
      }
      if (visited.add(s)) {
        for (Row next : byTarget.getOrDefault(s, List.of())) {
          if (reaches(target, next, byTarget, chain, visited)) {
            return true;
          }
        }
      }
      chain.remove(chain.size() - 1);
    }
    return false;
  }

  private static String quoted(StateTree tree, List<Integer> ids) {
    return ids.stream().map(id -> "\"" + tree.node(id).display() + "\"").collect(Collectors.joining(", "));
  }
}
