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
import javax.lang.model.element.Modifier;

/** Writes {@code XPaths}: an {@code int} ID and a typed {@code Path} handle per static path. */
public final class PathsWriter {
  private final boolean generatedAnnotation;

  /** A writer; {@code generatedAnnotation} tells whether {@code @Generated} is available. */
  public PathsWriter(boolean generatedAnnotation) {
    this.generatedAnnotation = generatedAnnotation;
  }

  /** The {@code XPaths} source for {@code model}. */
  public JavaFile write(StateModel model) {
    Names names = new Names(model);
    ClassName self = model.generated("Paths");
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
    boolean needsGeneric = false;
    for (PathNode n : model.tree().nodes()) {
      String doc = "{@code " + n.display() + "}: " + TypeNames.display(n.type()).replace("<", "&lt;").replace(">", "&gt;")
          + (n.template() ? " (entry template)" : "") + ".\n";
      type.addField(
          FieldSpec.builder(int.class, names.idConstant(n.id()), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .initializer("$L", n.id())
              .addJavadoc("The ID of $L", doc)
              .build());
      TypeName value = n.type().box();
      ParameterizedTypeName pathType = ParameterizedTypeName.get(Names.PATH, value);
      FieldSpec.Builder field =
          FieldSpec.builder(pathType, names.pathConstant(n.id()), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("The typed handle of {@code $L}$L.\n", n.display(), n.template() ? " (entry template)" : "");
      if (Names.isGeneric(value)) {
        needsGeneric = true;
        field.initializer("generic($L, $S, $T.class)", names.idConstant(n.id()), n.path(), n.rawType());
      } else {
        field.initializer("$T.of($L, $S, $T.class)", Names.PATH, names.idConstant(n.id()), n.path(), value);
      }
      type.addField(field.build());
    }
    type.addField(
        FieldSpec.builder(int.class, "COUNT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("$L", model.tree().nodes().size())
            .addJavadoc("Number of static paths, entry templates included.\n")
            .build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    if (needsGeneric) {
      TypeVariableName t = TypeVariableName.get("T");
      type.addMethod(
          MethodSpec.methodBuilder("generic")
              .addJavadoc("A handle on a path of a generic type: the class literal is raw, the handle is not.\n")
              .addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .addTypeVariable(t)
              .returns(ParameterizedTypeName.get(Names.PATH, t))
              .addParameter(int.class, "id")
              .addParameter(String.class, "path")
              .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class)), "rawType")
              .addStatement("return ($T) $T.of(id, path, rawType)", ParameterizedTypeName.get(Names.PATH, t), Names.PATH)
              .build());
    }
    return JavaFile.builder(self.packageName(), type.build()).skipJavaLangImports(true).indent("  ").build();
  }
}
