package dev.statewire.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.statewire.processor.model.PathNode;
import dev.statewire.processor.model.StateModel;
import dev.statewire.processor.model.TypeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Writes {@code XPaths}: an {@code int} ID and a typed {@code Path} handle per static path. */
public final class PathsWriter {
  private final boolean generatedAnnotation;
  private final Set<String> shadowed;

  /** A writer; {@code generatedAnnotation} tells whether {@code @Generated} is available. */
  public PathsWriter(boolean generatedAnnotation) {
    this(generatedAnnotation, Set.of());
  }

  /**
   * A writer whose classes always qualify the {@code java.lang} types named {@code shadowed}:
   * the simple names of types in the state's package that hide them.
   */
  public PathsWriter(boolean generatedAnnotation, Set<String> shadowed) {
    this.generatedAnnotation = generatedAnnotation;
    this.shadowed = Set.copyOf(shadowed);
  }

  /**
   * The most paths whose constants one class declares. Each path adds two fields, about seven
   * constant-pool entries and 15 bytes to the class initializer; 2,000 keep a class far below the
   * JVM's limits (65,535 fields and constants, 64 KB of bytecode per method).
   */
  static final int PART = 2000;

  /**
   * The {@code XPaths} source for {@code model}, and for a state of more than {@link #PART} paths
   * the package-private {@code XPathsParts} that holds the constants of the others: one nested
   * interface per {@code PART} paths, which {@code XPaths} implements, so that {@code XPaths.X}
   * names every path.
   */
  public List<JavaFile> write(StateModel model) {
    Names names = new Names(model);
    ClassName self = model.generated("Paths");
    ClassName holder = model.generated("PathsParts");
    List<PathNode> nodes = model.tree().nodes();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "Path IDs and typed path handles of {@link $T}.\n\n"
                    + "<p>IDs are dense from 0 in depth-first declaration order; {@link #ROOT_ID} is the root."
                    + " The entries of a map or list are described once, by an entry template named {@code *}"
                    + " ({@code items.*.selected}): template paths identify the wiring that holds in every"
                    + " entry and never hold values themselves. Handles on real entries come from the store.\n",
                model.root());
    if (generatedAnnotation) {
      type.addAnnotation(Names.generated());
    }
    boolean needsGeneric = addConstants(type, names, nodes.subList(0, Math.min(PART, nodes.size())), false);
    List<JavaFile> files = new ArrayList<>();
    if (nodes.size() > PART) {
      type.addJavadoc("\n<p>This state has $L paths: the constants of the first $L are declared here, those of the"
          + " others in the interfaces of {@code $L} that this class implements (one class could not hold them all).\n",
          nodes.size(), PART, holder.simpleName());
      TypeSpec.Builder parts = TypeSpec.classBuilder(holder)
          .addModifiers(Modifier.FINAL)
          .addJavadoc("The constants of {@link $T} past its first $L paths, $L paths per interface; use them through"
              + " {@code $L}.\n", self, PART, PART, self.simpleName())
          .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
      if (generatedAnnotation) {
        parts.addAnnotation(Names.generated());
      }
      boolean partsGeneric = false;
      for (int from = PART, k = 1; from < nodes.size(); from += PART, k++) {
        int to = Math.min(from + PART, nodes.size());
        TypeSpec.Builder part = TypeSpec.interfaceBuilder("Part" + k)
            .addJavadoc("The constants of paths $L to $L, as in {@link $T} (without a comment each, which would double the"
                + " source of a large state).\n", from, to - 1, self);
        partsGeneric |= addConstants(part, names, nodes.subList(from, to), true);
        parts.addType(part.build());
        type.addSuperinterface(holder.nestedClass("Part" + k));
      }
      if (partsGeneric) {
        parts.addMethod(genericMethod(Modifier.STATIC));
      }
      files.add(JavaFile.builder(holder.packageName(), Names.qualifying(parts, shadowed).build()).skipJavaLangImports(true).indent("  ").build());
    }
    type.addField(
        FieldSpec.builder(int.class, Names.PATHS_COUNT, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("$L", nodes.size())
            .addJavadoc("Number of static paths, entry templates included.\n")
            .build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    if (needsGeneric) {
      type.addMethod(genericMethod(Modifier.PRIVATE, Modifier.STATIC));
    }
    files.add(0, JavaFile.builder(self.packageName(), Names.qualifying(type, shadowed).build()).skipJavaLangImports(true).indent("  ").build());
    return files;
  }

  /** The {@code X_ID} and {@code X} constants of {@code nodes}; whether one needs {@code generic}. */
  private static boolean addConstants(TypeSpec.Builder type, Names names, List<PathNode> nodes, boolean inPart) {
    Modifier[] modifiers = {Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL};
    boolean needsGeneric = false;
    for (PathNode n : nodes) {
      String doc = inPart ? null : "{@code " + n.display() + "}: " + TypeNames.display(n.type()).replace("<", "&lt;").replace(">", "&gt;")
          + (n.template() ? " (entry template)" : "") + ".\n";
      FieldSpec.Builder id = FieldSpec.builder(int.class, names.idConstant(n.id()), modifiers).initializer("$L", n.id());
      if (!inPart) {
        id.addJavadoc("The ID of $L", doc);
      }
      type.addField(id.build());
      TypeName value = n.type().box();
      ParameterizedTypeName pathType = ParameterizedTypeName.get(Names.PATH, value);
      FieldSpec.Builder field = FieldSpec.builder(pathType, names.pathConstant(n.id()), modifiers);
      if (!inPart) {
        field.addJavadoc("The typed handle of {@code $L}$L.\n", n.display(), n.template() ? " (entry template)" : "");
      }
      if (Names.isGeneric(value)) {
        needsGeneric = true;
        field.initializer("generic($L, $S, $T.class)", names.idConstant(n.id()), n.path(), n.rawType());
      } else {
        field.initializer("$T.of($L, $S, $T.class)", Names.PATH, names.idConstant(n.id()), n.path(), value);
      }
      type.addField(field.build());
    }
    return needsGeneric;
  }

  private static MethodSpec genericMethod(Modifier... modifiers) {
    TypeVariableName t = TypeVariableName.get("T");
    return MethodSpec.methodBuilder("generic")
        .addJavadoc("A handle on a path of a generic type: the class literal is raw, the handle is not.\n")
        .addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
        .addModifiers(modifiers)
        .addTypeVariable(t)
        .returns(ParameterizedTypeName.get(Names.PATH, t))
        .addParameter(int.class, "id")
        .addParameter(String.class, "path")
        .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class)), "rawType")
        .addStatement("return ($T) $T.of(id, path, rawType)", ParameterizedTypeName.get(Names.PATH, t), Names.PATH)
        .build();
  }
}
