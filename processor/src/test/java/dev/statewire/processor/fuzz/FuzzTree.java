package dev.statewire.processor.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A generated {@code @State} tree as plain data: record types with components and wiring
 * annotations, enums and opaque value classes. {@link #source()} prints it as one Java file (the
 * root record is public and names the file; the rest are package-private top-level types) and
 * records the line of every annotation, so that a diagnostic can be checked against the line it
 * must land on.
 */
final class FuzzTree {

  /** The Java type of a component. */
  sealed interface T permits Prim, Boxed, Str, EnumT, Opaque, Rec, MapOf, ListOf, Raw {
    /** As written in the source. */
    String java();

    /** The type with primitives boxed (the aggregation rule: primitive and boxed types match). */
    default T boxed() {
      return this;
    }

    /** Whether a path of this type is a record, map or list. */
    default boolean isNode() {
      return false;
    }
  }

  /** {@code boolean}, {@code int}, ... */
  record Prim(String name) implements T {
    public String java() {
      return name;
    }

    public T boxed() {
      return new Boxed(switch (name) {
        case "int" -> "Integer";
        case "char" -> "Character";
        default -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
      });
    }
  }

  /** {@code Boolean}, {@code Integer}, ... */
  record Boxed(String name) implements T {
    public String java() {
      return name;
    }
  }

  record Str() implements T {
    public String java() {
      return "String";
    }
  }

  /** An enum declared in the tree. */
  record EnumT(String name) implements T {
    public String java() {
      return name;
    }
  }

  /** An opaque value: a small immutable class declared in the tree, or {@code java.time.LocalDate}. */
  record Opaque(String name) implements T {
    public String java() {
      return name;
    }
  }

  /** A record declared in the tree. */
  record Rec(String name) implements T {
    public String java() {
      return name;
    }

    public boolean isNode() {
      return true;
    }
  }

  record MapOf(T entry) implements T {
    public String java() {
      return "Map<String, " + entry.java() + ">";
    }

    public boolean isNode() {
      return true;
    }
  }

  record ListOf(T entry) implements T {
    public String java() {
      return "List<" + entry.java() + ">";
    }

    public boolean isNode() {
      return true;
    }
  }

  /** A type written verbatim (only in injected defects: {@code Map<Integer, X>}, a raw list ...). */
  record Raw(String text) implements T {
    public String java() {
      return text;
    }
  }

  enum Kind { SYNC, FLIP, AGGREGATE }

  /**
   * One wiring annotation. On a component: {@code @Sync/@Flip(paths)} pairs the component with
   * each path, {@code @Aggregate(paths)} makes the component the target of the sources. On a
   * type: {@code @Sync/@Flip(paths)} chains the paths, {@code @Aggregate(target = ..., sources =
   * paths)}. {@code verbatim}, when set, is printed instead (malformed annotations).
   */
  record Ann(Kind kind, String target, List<String> paths, String verbatim) {
    Ann(Kind kind, String target, List<String> paths) {
      this(kind, target, paths, null);
    }

    String print(boolean onType) {
      if (verbatim != null) {
        return verbatim;
      }
      String name = kind == Kind.SYNC ? "@Sync" : kind == Kind.FLIP ? "@Flip" : "@Aggregate";
      String list = paths.size() == 1 ? quote(paths.get(0))
          : paths.stream().map(FuzzTree::quote).collect(Collectors.joining(", ", "{", "}"));
      if (kind == Kind.AGGREGATE && onType) {
        return name + "(target = " + quote(target) + ", sources = "
            + (paths.size() == 1 ? list : list) + ")";
      }
      return name + "(" + list + ")";
    }
  }

  record Comp(String name, T type, List<Ann> anns) {
    Comp withAnns(List<Ann> a) {
      return new Comp(name, type, a);
    }
  }

  record RecDecl(String name, List<Comp> comps, List<Ann> typeAnns) {
    Comp comp(String n) {
      for (Comp c : comps) {
        if (c.name().equals(n)) {
          return c;
        }
      }
      return null;
    }
  }

  final String pkg;
  final List<RecDecl> records; // records.get(0) is the @State root
  final List<String> enums;
  final List<String> opaques; // declared opaque classes (LocalDate needs none)

  FuzzTree(String pkg, List<RecDecl> records, List<String> enums, List<String> opaques) {
    this.pkg = pkg;
    this.records = records;
    this.enums = enums;
    this.opaques = opaques;
  }

  FuzzTree with(List<RecDecl> newRecords) {
    return new FuzzTree(pkg, newRecords, enums, opaques);
  }

  RecDecl root() {
    return records.get(0);
  }

  RecDecl record(String name) {
    for (RecDecl r : records) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no record " + name);
  }

  int index(String recordName) {
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).name().equals(recordName)) {
        return i;
      }
    }
    return -1;
  }

  String qualifiedRoot() {
    return pkg + "." + root().name();
  }

  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /**
   * Identifies an annotation: record, component ({@code null} on the type) and position; index -1
   * stands for the component's own line (or the record header's).
   */
  record AnnRef(String record, String component, int index) {}

  /** The printed source and the line of each annotation. */
  record Printed(String source, java.util.Map<AnnRef, Integer> lines) {
    int line(AnnRef ref) {
      Integer l = lines.get(ref);
      if (l == null) {
        throw new IllegalArgumentException("no annotation " + ref);
      }
      return l;
    }
  }

  Printed print() {
    StringBuilder sb = new StringBuilder();
    java.util.Map<AnnRef, Integer> lines = new java.util.HashMap<>();
    int[] line = {1};
    java.util.function.Consumer<String> out = s -> {
      sb.append(s).append('\n');
      line[0]++;
    };
    out.accept("package " + pkg + ";");
    out.accept("import dev.statewire.annotations.*;");
    out.accept("import java.util.*;");
    for (int r = 0; r < records.size(); r++) {
      RecDecl rec = records.get(r);
      if (r == 0) {
        out.accept("@State");
      }
      for (int i = 0; i < rec.typeAnns().size(); i++) {
        lines.put(new AnnRef(rec.name(), null, i), line[0]);
        out.accept(rec.typeAnns().get(i).print(true));
      }
      lines.put(new AnnRef(rec.name(), null, -1), line[0]);
      out.accept((r == 0 ? "public " : "") + "record " + rec.name() + "(");
      for (int c = 0; c < rec.comps().size(); c++) {
        Comp comp = rec.comps().get(c);
        lines.put(new AnnRef(rec.name(), comp.name(), -1), line[0]);
        StringBuilder l = new StringBuilder("    ");
        for (int i = 0; i < comp.anns().size(); i++) {
          lines.put(new AnnRef(rec.name(), comp.name(), i), line[0]);
          l.append(comp.anns().get(i).print(false)).append(' ');
        }
        l.append(comp.type().java()).append(' ').append(comp.name()).append(c + 1 < rec.comps().size() ? "," : ") {}");
        out.accept(l.toString());
      }
      if (rec.comps().isEmpty()) {
        out.accept(") {}");
      }
    }
    for (String e : enums) {
      out.accept("enum " + e + " { RED, GREEN, BLUE }");
    }
    for (String o : opaques) {
      out.accept("final class " + o + " {");
      out.accept("  final long cents;");
      out.accept("  " + o + "(long cents) { this.cents = cents; }");
      out.accept("  @Override public boolean equals(Object o) { return o instanceof " + o + " m && m.cents == cents; }");
      out.accept("  @Override public int hashCode() { return Long.hashCode(cents); }");
      out.accept("  @Override public String toString() { return \"" + o + "(\" + cents + \")\"; }");
      out.accept("}");
    }
    return new Printed(sb.toString(), lines);
  }

  /** All annotations with their references, in source order. */
  List<java.util.Map.Entry<AnnRef, Ann>> annotations() {
    List<java.util.Map.Entry<AnnRef, Ann>> out = new ArrayList<>();
    for (RecDecl r : records) {
      for (int i = 0; i < r.typeAnns().size(); i++) {
        out.add(java.util.Map.entry(new AnnRef(r.name(), null, i), r.typeAnns().get(i)));
      }
      for (Comp c : r.comps()) {
        for (int i = 0; i < c.anns().size(); i++) {
          out.add(java.util.Map.entry(new AnnRef(r.name(), c.name(), i), c.anns().get(i)));
        }
      }
    }
    return out;
  }
}
