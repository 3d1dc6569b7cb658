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
import com.palantir.javapoet.WildcardTypeName;
import dev.statewire.processor.model.Kind;
import dev.statewire.processor.model.PathNode;
import dev.statewire.processor.model.RecordShape;
import dev.statewire.processor.model.StateModel;
import dev.statewire.processor.model.StateTree;
import dev.statewire.processor.model.TypeNames;
import dev.statewire.processor.model.Wire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XSchema}: the static tables of {@code dev.statewire.runtime.Schema} as plain
 * arrays, one row per path ID, and a {@code ValueCodec} that splits and builds records with a
 * {@code switch} on path IDs.
 */
public final class SchemaWriter {
  private final boolean generatedAnnotation;

  /** A writer; {@code generatedAnnotation} tells whether {@code @Generated} is available. */
  public SchemaWriter(boolean generatedAnnotation) {
    this.generatedAnnotation = generatedAnnotation;
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

    type.addField(table(tree, "NAMES", ArrayTypeName.of(String.class), "The last segment of each path.", n -> CodeBlock.of("$S", n.name())));
    type.addField(table(tree, "PARENTS", ArrayTypeName.of(int.class), "The parent of each path; -1 for the root.", n -> CodeBlock.of("$L", n.parent())));
    type.addField(table(tree, "KINDS", ArrayTypeName.of(Names.PATH_KIND), "What each path holds.", n -> CodeBlock.of("$L", n.kind().name())));
    type.addField(table(tree, "TYPES",
        ArrayTypeName.of(ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class))),
        "The Java type of each path (primitive or boxed tells whether null is allowed).",
        n -> CodeBlock.of("$T.class", n.rawType())));
    type.addField(table(tree, "TYPE_NAMES", ArrayTypeName.of(String.class),
        "The generic type of each path, fully qualified: runtime wiring compares them.",
        n -> CodeBlock.of("$S", TypeNames.qualified(n.type()))));
    type.addField(pairs(tree, "SYNC_PAIRS", "Static sync pairs in declaration order (PIPELINE.md §4).", model.syncPairs()));
    type.addField(pairs(tree, "FLIP_PAIRS", "Static flip pairs in declaration order (PIPELINE.md §4).", model.flipPairs()));
    type.addField(aggregations(tree, model.aggregations()));
    type.addField(
        FieldSpec.builder(Names.SCHEMA, "SCHEMA", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The schema, shared by every store of {@link $T}.\n", model.root())
            .initializer(
                "new $T($T.class, NAMES, PARENTS, KINDS, TYPES, SYNC_PAIRS, FLIP_PAIRS, AGGREGATIONS, new Codec(),"
                    + " TYPE_NAMES)",
                Names.SCHEMA, model.root())
            .build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addType(codec(tree));
    return JavaFile.builder(self.packageName(), type.build())
        .addStaticImport(Names.PATH_KIND, "*")
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private interface Cell {
    CodeBlock of(PathNode n);
  }

  private static FieldSpec table(StateTree tree, String name, TypeName arrayType, String doc, Cell cell) {
    CodeBlock.Builder init = CodeBlock.builder().add("{\n").indent();
    for (PathNode n : tree.nodes()) {
      init.add("$L, // $L $L\n", cell.of(n), n.id(), n.display());
    }
    init.unindent().add("}");
    return FieldSpec.builder(arrayType, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(doc + "\n")
        .initializer(init.build())
        .build();
  }

  private static FieldSpec pairs(StateTree tree, String name, String doc, List<Wire.Pair> pairs) {
    CodeBlock.Builder init = CodeBlock.builder();
    if (pairs.isEmpty()) {
      init.add("{}");
    } else {
      init.add("{\n").indent();
      for (Wire.Pair p : pairs) {
        init.add("{$L, $L}, // $L <-> $L ($L)\n", p.a(), p.b(), tree.node(p.a()).display(), tree.node(p.b()).display(), p.origin());
      }
      init.unindent().add("}");
    }
    return FieldSpec.builder(int[][].class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(doc + "\n")
        .initializer(init.build())
        .build();
  }

  private static FieldSpec aggregations(StateTree tree, List<Wire.Aggregation> rows) {
    CodeBlock.Builder init = CodeBlock.builder();
    if (rows.isEmpty()) {
      init.add("{}");
    } else {
      init.add("{\n").indent();
      for (Wire.Aggregation a : rows) {
        List<String> ids = new ArrayList<>();
        ids.add(String.valueOf(a.target()));
        a.sources().forEach(s -> ids.add(String.valueOf(s)));
        init.add("{$L}, // $L <- $L ($L)\n", String.join(", ", ids), tree.node(a.target()).display(),
            a.sources().stream().map(s -> tree.node(s).display()).collect(Collectors.joining(", ")), a.origin());
      }
      init.unindent().add("}");
    }
    return FieldSpec.builder(int[][].class, "AGGREGATIONS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Static aggregations, {@code {target, sources...}}, in declaration order; template IDs stand"
            + " for every entry.\n")
        .initializer(init.build())
        .build();
  }

  private static TypeSpec codec(StateTree tree) {
    Map<ClassName, List<Integer>> ids = new LinkedHashMap<>();
    for (PathNode n : tree.nodes()) {
      if (n.kind() == Kind.RECORD) {
        ids.computeIfAbsent((ClassName) n.type(), k -> new ArrayList<>()).add(n.id());
      }
    }
    Map<ClassName, String> helpers = Names.helperNames(new ArrayList<>(ids.keySet()));

    CodeBlock.Builder component = CodeBlock.builder().add("return switch (pathId) {\n").indent();
    CodeBlock.Builder construct = CodeBlock.builder().add("return switch (pathId) {\n").indent();
    boolean unchecked = false;
    List<MethodSpec> helperMethods = new ArrayList<>();
    for (Map.Entry<ClassName, List<Integer>> e : ids.entrySet()) {
      RecordShape shape = tree.records().get(e.getKey());
      String cases = e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", "));
      String helper = helpers.get(e.getKey());
      component.add("case $L -> $L(($T) record, ordinal);\n", cases, helper, e.getKey());
      CodeBlock args = shape.components().stream()
          .map(c -> CodeBlock.of("\n($T) components[$L]", c.type(), shape.components().indexOf(c)))
          .collect(CodeBlock.joining(","));
      unchecked |= shape.components().stream().anyMatch(c -> Names.isGeneric(c.type()));
      construct.add("case $L ->\n$>$>new $T($>$>$L);$<$<$<$<\n", cases, shape.implementation(), args);

      CodeBlock.Builder body = CodeBlock.builder().add("return switch (ordinal) {\n").indent();
      for (int i = 0; i < shape.components().size(); i++) {
        body.add("case $L -> value.$L();\n", i, shape.components().get(i).name());
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
        .addJavadoc("Splits and builds the values of the tree by path ID: accessors and canonical"
            + " constructors (of the generated implementation, for an abstract value type), no reflection.\n")
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
