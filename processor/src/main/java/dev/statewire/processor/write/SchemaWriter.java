package dev.statewire.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.statewire.processor.model.Kind;
import dev.statewire.processor.model.PathNode;
import dev.statewire.processor.model.RecordShape;
import dev.statewire.processor.model.StateModel;
import dev.statewire.processor.model.StateTree;
import dev.statewire.processor.model.TypeNames;
import dev.statewire.processor.model.Wire;
import dev.statewire.runtime.internal.GroupTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XSchema}: the static tables of {@code dev.statewire.runtime.Schema} as plain
 * arrays, one row per path ID, the sync and flip groups prebuilt (computed by the runtime's own
 * {@code GroupTables}, so that the runtime builds no group when the schema or a store is
 * created), and a {@code ValueCodec} that splits and builds records with a
 * {@code switch} on path IDs.
 */
public final class SchemaWriter {
  private final boolean generatedAnnotation;
  private final Set<String> shadowed;

  /** A writer; {@code generatedAnnotation} tells whether {@code @Generated} is available. */
  public SchemaWriter(boolean generatedAnnotation) {
    this(generatedAnnotation, Set.of());
  }

  /**
   * A writer whose classes always qualify the {@code java.lang} types named {@code shadowed}:
   * the simple names of types in the state's package that hide them.
   */
  public SchemaWriter(boolean generatedAnnotation, Set<String> shadowed) {
    this.generatedAnnotation = generatedAnnotation;
    this.shadowed = Set.copyOf(shadowed);
  }

  /** The {@code XSchema} source for {@code model}. */
  public JavaFile write(StateModel model) {
    StateTree tree = model.tree();
    ClassName self = model.generated("Schema");
    ClassName paths = model.generated("Paths");
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "The schema of {@link $T}: one row per path ID of {@link $T}, the static wiring, and"
                    + " the codec that splits and builds its records.\n",
                model.root(), paths);
    if (generatedAnnotation) {
      type.addAnnotation(Names.generated());
    }

    Tables tables = new Tables(type);
    tables.paths(tree, "NAMES", ArrayTypeName.of(String.class), "The last segment of each path.", n -> CodeBlock.of("$S", n.name()));
    tables.paths(tree, "PARENTS", ArrayTypeName.of(int.class), "The parent of each path; -1 for the root.", n -> CodeBlock.of("$L", n.parent()));
    tables.paths(tree, "KINDS", ArrayTypeName.of(Names.PATH_KIND), "What each path holds.", n -> CodeBlock.of("$L", n.kind().name()));
    tables.paths(tree, "TYPES", ArrayTypeName.of(CLASS),
        "The Java type of each path (primitive or boxed tells whether null is allowed).",
        n -> CodeBlock.of("$T.class", n.rawType()));
    tables.paths(tree, "TYPE_NAMES", ArrayTypeName.of(String.class),
        "The generic type of each path, fully qualified: runtime wiring compares them.",
        n -> CodeBlock.of("$S", TypeNames.qualified(n.type())));
    tables.add("SYNC_PAIRS", INT_ROWS, "Static sync pairs in declaration order (PIPELINE.md §4).", pairs(tree, model.syncPairs()));
    tables.add("FLIP_PAIRS", INT_ROWS, "Static flip pairs in declaration order (PIPELINE.md §4).", pairs(tree, model.flipPairs()));
    int size = tree.nodes().size();
    int[][] syncPairs = ids(model.syncPairs());
    int[][] flipPairs = ids(model.flipPairs());
    int[][] syncGroups = GroupTables.groups(size, syncPairs);
    int[][] flipGroups = GroupTables.groups(size, flipPairs);
    tables.add("SYNC_GROUPS", INT_ROWS, "The sync groups (connected components of the sync pairs) in group order, each with its"
        + " members in member order (docs/PIPELINE.md, \"Matching a change against a group\"); a group inside an entry"
        + " template holds in every entry.",
        groups(tree, syncGroups, null));
    tables.add("FLIP_GROUPS", INT_ROWS, "The flip groups, in the form of {@code SYNC_GROUPS}.", groups(tree, flipGroups, null));
    tables.add("FLIP_PARITIES", INT_ROWS, "Per flip group, each member's parity against the group's first member: 0 the same"
        + " value, 1 the negation.", groups(tree, flipGroups, GroupTables.parities(flipGroups, flipPairs)));
    tables.add("AGGREGATIONS", INT_ROWS, "Static aggregations, {@code {target, sources...}}, in declaration order; template IDs stand"
        + " for every entry.", aggregations(tree, model.aggregations()));
    Map<ClassName, Integer> recordIndex = recordIndex(tree);
    boolean byTable = recordPaths(tree) > Tables.CHUNK;
    if (byTable) {
      tables.paths(tree, "CODEC_TYPES", ArrayTypeName.of(int.class),
          "For each path, the codec's number of its record type ({@link Codec}'s cases), or -1: with more than "
              + Tables.CHUNK + " record paths, the codec looks record types up here instead of listing their IDs.",
          n -> CodeBlock.of("$L", n.kind() == Kind.RECORD ? recordIndex.get((ClassName) n.type()) : -1));
    }
    tables.addJoinHelpers();
    type.addField(
        FieldSpec.builder(Names.SCHEMA, "SCHEMA", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The schema, shared by every store of {@link $T}.\n", model.root())
            .initializer(
                "new $T($T.class, NAMES, PARENTS, KINDS, TYPES, SYNC_PAIRS, FLIP_PAIRS, AGGREGATIONS, new Codec(),"
                    + " TYPE_NAMES,\n$>$>SYNC_GROUPS, FLIP_GROUPS, FLIP_PARITIES)$<$<",
                Names.SCHEMA, model.root())
            .build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addType(codec(tree, byTable ? recordIndex : null));
    return JavaFile.builder(self.packageName(), Names.qualifying(type, shadowed).build())
        .addStaticImport(Names.PATH_KIND, "*")
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private static final TypeName CLASS = ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class));
  private static final ArrayTypeName INT_ROWS = ArrayTypeName.of(ArrayTypeName.of(int.class));

  private interface Cell {
    CodeBlock of(PathNode n);
  }

  /** One element of a table, with the comment after it, and how many values it holds. */
  private record Row(CodeBlock code, int weight) {}

  /**
   * The static tables of a schema. A table of at most {@link #CHUNK} values is one array
   * literal, as a reader expects. A larger one would make the class initializer too large for
   * the JVM (64 KB of bytecode per method), so it is split into chunks of at most {@code CHUNK}
   * values, each an array literal returned by its own method ({@code names0()}, {@code
   * names1()}, ...), and the field joins them: {@code NAMES = join(new String[n], names0(),
   * names1(), ...)}.
   */
  private static final class Tables {
    /** The most values of one array literal. */
    static final int CHUNK = 1000;

    final TypeSpec.Builder type;
    boolean joinInts;
    boolean joinObjects;

    Tables(TypeSpec.Builder type) {
      this.type = type;
    }

    /**
     * A table with one row per path, each commented with the path's ID and dot path; in a split
     * table only {@code NAMES} repeats the dot path (the others give the ID), which keeps the
     * source of a large state about half as long.
     */
    void paths(StateTree tree, String name, ArrayTypeName arrayType, String doc, Cell cell) {
      boolean split = tree.nodes().size() > CHUNK;
      boolean full = !split || name.equals("NAMES");
      List<Row> rows = new ArrayList<>(tree.nodes().size());
      for (PathNode n : tree.nodes()) {
        CodeBlock value = cell.of(n);
        rows.add(new Row(CodeBlock.builder().add(value).add("$L", full ? ", // " + n.id() + " " + n.display() + "\n" : ", // " + n.id() + "\n").build(), 1));
      }
      add(name, arrayType, doc, rows);
    }

    void add(String name, ArrayTypeName arrayType, String doc, List<Row> rows) {
      FieldSpec.Builder field = FieldSpec.builder(arrayType, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("$L\n", doc);
      int total = rows.stream().mapToInt(Row::weight).sum();
      if (total <= CHUNK) {
        field.initializer(literal(rows));
        type.addField(field.build());
        return;
      }
      String prefix = camel(name);
      List<CodeBlock> parts = new ArrayList<>();
      int from = 0;
      while (from < rows.size()) {
        int to = from;
        int weight = 0;
        while (to < rows.size() && (to == from || weight + rows.get(to).weight() <= CHUNK)) {
          weight += rows.get(to).weight();
          to++;
        }
        String method = prefix + parts.size();
        type.addMethod(MethodSpec.methodBuilder(method)
            .addJavadoc("Rows $L to $L of {@link #$L}.\n", from, to - 1, name)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(arrayType)
            .addCode("return new $T $L;\n", arrayType, literal(rows.subList(from, to)))
            .build());
        parts.add(CodeBlock.of("$L()", method));
        from = to;
      }
      TypeName component = arrayType.componentType();
      if (component.isPrimitive()) {
        joinInts = true;
      } else {
        joinObjects = true;
      }
      CodeBlock empty = component instanceof ArrayTypeName inner
          ? CodeBlock.of("new $T[$L][]", inner.componentType(), rows.size())
          : CodeBlock.of("new $T[$L]", component, rows.size());
      field.initializer("join($L,$>\n$L)$<", empty, CodeBlock.join(parts, ",\n"));
      type.addField(field.build());
    }

    /** {@code SYNC_PAIRS} → {@code syncPairs}. */
    private static String camel(String constant) {
      StringBuilder sb = new StringBuilder();
      for (String word : constant.split("_")) {
        sb.append(sb.length() == 0 ? word.toLowerCase(java.util.Locale.ROOT)
            : word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT));
      }
      return sb.toString();
    }

    private static CodeBlock literal(List<Row> rows) {
      if (rows.isEmpty()) {
        return CodeBlock.of("{}");
      }
      CodeBlock.Builder init = CodeBlock.builder().add("{\n").indent();
      rows.forEach(r -> init.add(r.code()));
      return init.unindent().add("}").build();
    }

    /** The {@code join} methods that the split tables use. */
    void addJoinHelpers() {
      if (joinInts) {
        type.addMethod(MethodSpec.methodBuilder("join")
            .addJavadoc("Copies {@code parts} one after the other into {@code into}; returns {@code into}.\n")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(int[].class)
            .addParameter(int[].class, "into")
            .addParameter(int[][].class, "parts")
            .varargs()
            .addCode(joinBody())
            .build());
      }
      if (joinObjects) {
        TypeVariableName t = TypeVariableName.get("T");
        type.addMethod(MethodSpec.methodBuilder("join")
            .addJavadoc("Copies {@code parts} one after the other into {@code into}; returns {@code into}.\n")
            .addAnnotation(SafeVarargs.class)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addTypeVariable(t)
            .returns(ArrayTypeName.of(t))
            .addParameter(ArrayTypeName.of(t), "into")
            .addParameter(ArrayTypeName.of(ArrayTypeName.of(t)), "parts")
            .varargs()
            .addCode(joinBody())
            .build());
      }
    }

    private static CodeBlock joinBody() {
      return CodeBlock.builder()
          .addStatement("int at = 0")
          .beginControlFlow("for (var part : parts)")
          .addStatement("$T.arraycopy(part, 0, into, at, part.length)", System.class)
          .addStatement("at += part.length")
          .endControlFlow()
          .addStatement("return into")
          .build();
    }
  }

  private static List<Row> pairs(StateTree tree, List<Wire.Pair> pairs) {
    List<Row> rows = new ArrayList<>();
    for (Wire.Pair p : pairs) {
      rows.add(new Row(CodeBlock.of("{$L, $L}, // $L <-> $L ($L)\n", p.a(), p.b(), tree.node(p.a()).display(),
          tree.node(p.b()).display(), p.origin()), 2));
    }
    return rows;
  }

  private static int[][] ids(List<Wire.Pair> pairs) {
    int[][] out = new int[pairs.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new int[] {pairs.get(i).a(), pairs.get(i).b()};
    }
    return out;
  }

  /**
   * One row per group, commented with its members' dot paths: the members themselves, or with
   * {@code cells}, one value per member.
   */
  private static List<Row> groups(StateTree tree, int[][] groups, int[][] cells) {
    List<Row> rows = new ArrayList<>();
    for (int g = 0; g < groups.length; g++) {
      int[] values = cells == null ? groups[g] : cells[g];
      String members = Arrays.stream(groups[g]).mapToObj(m -> tree.node(m).display())
          .collect(Collectors.joining(", "));
      rows.add(new Row(CodeBlock.of("{$L}, // $L\n",
          Arrays.stream(values).mapToObj(String::valueOf).collect(Collectors.joining(", ")), members),
          values.length));
    }
    return rows;
  }

  private static List<Row> aggregations(StateTree tree, List<Wire.Aggregation> aggregations) {
    List<Row> rows = new ArrayList<>();
    for (Wire.Aggregation a : aggregations) {
      List<String> ids = new ArrayList<>();
      ids.add(String.valueOf(a.target()));
      a.sources().forEach(s -> ids.add(String.valueOf(s)));
      rows.add(new Row(CodeBlock.of("{$L}, // $L <- $L ($L)\n", String.join(", ", ids), tree.node(a.target()).display(),
          a.sources().stream().map(s -> tree.node(s).display()).collect(Collectors.joining(", ")), a.origin()), ids.size()));
    }
    return rows;
  }

  /** The record types of the tree in order of first occurrence, numbered from 0. */
  private static Map<ClassName, Integer> recordIndex(StateTree tree) {
    Map<ClassName, Integer> out = new LinkedHashMap<>();
    for (PathNode n : tree.nodes()) {
      if (n.kind() == Kind.RECORD) {
        out.putIfAbsent((ClassName) n.type(), out.size());
      }
    }
    return out;
  }

  private static int recordPaths(StateTree tree) {
    return (int) tree.nodes().stream().filter(n -> n.kind() == Kind.RECORD).count();
  }

  /**
   * The codec. Its switches list the path IDs of each record type ({@code case 2, 7 -> book(...)});
   * with {@code recordIndex} (more than {@link Tables#CHUNK} record paths, whose case lists would
   * make the methods too large), they switch on {@code CODEC_TYPES[pathId]} instead.
   */
  private static TypeSpec codec(StateTree tree, Map<ClassName, Integer> recordIndex) {
    Map<ClassName, List<Integer>> ids = new LinkedHashMap<>();
    for (PathNode n : tree.nodes()) {
      if (n.kind() == Kind.RECORD) {
        ids.computeIfAbsent((ClassName) n.type(), k -> new ArrayList<>()).add(n.id());
      }
    }
    Map<ClassName, String> helpers = Names.helperNames(new ArrayList<>(ids.keySet()));

    String selector = recordIndex == null ? "pathId" : "CODEC_TYPES[pathId]";
    CodeBlock.Builder component = CodeBlock.builder().add("return switch ($L) {\n", selector).indent();
    CodeBlock.Builder construct = CodeBlock.builder().add("return switch ($L) {\n", selector).indent();
    boolean unchecked = false;
    List<MethodSpec> helperMethods = new ArrayList<>();
    for (Map.Entry<ClassName, List<Integer>> e : ids.entrySet()) {
      RecordShape shape = tree.records().get(e.getKey());
      String cases = recordIndex == null
          ? e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", "))
          : String.valueOf(recordIndex.get(e.getKey()));
      String helper = helpers.get(e.getKey());
      component.add("case $L -> $L(($T) record, ordinal);\n", cases, helper, e.getKey());
      List<CodeBlock> each = new ArrayList<>();
      for (int i = 0; i < shape.components().size(); i++) {
        each.add(CodeBlock.of("\n($T) components[$L]", shape.components().get(i).type(), i));
      }
      CodeBlock args = CodeBlock.join(each, ",");
      unchecked |= shape.components().stream().anyMatch(c -> Names.isGeneric(c.type()));
      if (shape.isAbstract()) {
        // the class Immutables generates, through its builder: one setter per attribute
        CodeBlock.Builder chain = CodeBlock.builder().add("$T.$L()$>$>", shape.implementation(), shape.builder());
        for (int i = 0; i < shape.components().size(); i++) {
          RecordShape.Component c = shape.components().get(i);
          chain.add("\n.$L(($T) components[$L])", c.setter(), c.type(), i);
        }
        chain.add("\n.$L()$<$<", shape.build());
        construct.add("case $L ->\n$>$>$L;$<$<\n", cases, chain.build());
      } else {
        construct.add("case $L ->\n$>$>new $T($>$>$L);$<$<$<$<\n", cases, shape.implementation(), args);
      }

      CodeBlock.Builder body = CodeBlock.builder().add("return switch (ordinal) {\n").indent();
      for (int i = 0; i < shape.components().size(); i++) {
        body.add("case $L -> value.$L();\n", i, shape.components().get(i).accessor());
      }
      body.add("default -> throw new $T($S + ordinal);\n", IndexOutOfBoundsException.class,
          shape.display() + " has " + shape.components().size() + " components, no component ");
      body.unindent().add("};\n");
      helperMethods.add(
          MethodSpec.methodBuilder(helper)
              .addJavadoc("Component {@code ordinal} of {@code value}, boxed.\n")
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .returns(Object.class)
              .addParameter(e.getKey(), "value")
              .addParameter(int.class, "ordinal")
              .addCode(body.build())
              .build());
    }
    component.add("default -> throw new $T($S + pathId);\n", IllegalArgumentException.class, "not a record path: ");
    component.unindent().add("};\n");
    construct.add("default -> throw new $T($S + pathId);\n", IllegalArgumentException.class, "not a record path: ");
    construct.unindent().add("};\n");

    MethodSpec.Builder constructMethod =
        MethodSpec.methodBuilder("construct")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(Object.class)
            .addParameter(int.class, "pathId")
            .addParameter(Object[].class, "components")
            .addCode(construct.build());
    if (unchecked) {
      constructMethod.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
    }
    return TypeSpec.classBuilder("Codec")
        .addJavadoc("Splits and builds the values of the tree by path ID: accessors, and canonical"
            + " constructors (the Immutables builder, for an abstract value type), no reflection.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(Names.VALUE_CODEC)
        .addMethod(
            MethodSpec.methodBuilder("component")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(Object.class)
                .addParameter(int.class, "pathId")
                .addParameter(Object.class, "record")
                .addParameter(int.class, "ordinal")
                .addCode(component.build())
                .build())
        .addMethod(constructMethod.build())
        .addMethods(helperMethods)
        .build();
  }
}
