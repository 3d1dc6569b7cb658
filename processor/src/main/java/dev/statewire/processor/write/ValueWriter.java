package dev.statewire.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.statewire.processor.model.RecordShape;
import dev.statewire.processor.model.StateModel;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code XValue}: the immutable implementation of an abstract {@code @State} type {@code X}
 * (an interface or abstract class whose state is given by abstract accessors). One final field
 * per accessor, a constructor taking them in declaration order, and {@code equals}/{@code
 * hashCode}/{@code toString} with the semantics of a record's, where {@code equals} accepts any
 * implementation of {@code X}. The schema's codec builds values with it; users build them with it
 * too.
 */
public final class ValueWriter {
  private final boolean generatedAnnotation;
  private final Set<String> shadowed;

  /** A writer; {@code generatedAnnotation} tells whether {@code @Generated} is available. */
  public ValueWriter(boolean generatedAnnotation) {
    this(generatedAnnotation, Set.of());
  }

  /**
   * A writer whose classes always qualify the {@code java.lang} types named {@code shadowed}:
   * the simple names of types in the state's package that hide them.
   */
  public ValueWriter(boolean generatedAnnotation, Set<String> shadowed) {
    this.generatedAnnotation = generatedAnnotation;
    this.shadowed = Set.copyOf(shadowed);
  }

  /** The {@code XValue} source for the root of {@code model}, which must be an abstract value type. */
  public JavaFile write(StateModel model) {
    RecordShape shape = model.tree().recordAt(0);
    if (!shape.isAbstract()) {
      throw new IllegalArgumentException(shape.display() + " is a record; it needs no generated implementation");
    }
    ClassName self = shape.implementation();
    ClassName type = shape.type();
    TypeSpec.Builder b =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "The immutable implementation of {@link $T}, generated from its abstract accessors:\n"
                    + "the schema builds {@code $L} values with it, and so can you.\n\n"
                    + "<p>Like a record: {@code equals} compares every accessor (with any other\n"
                    + "{@link $T}), {@code hashCode} agrees with it, and {@code toString} lists the accessors.\n",
                type, shape.display(), type);
    if (generatedAnnotation) {
      b.addAnnotation(Names.generated());
    }
    if (shape.form() == RecordShape.Form.INTERFACE) {
      b.addSuperinterface(type);
    } else {
      b.superclass(type);
    }
    MethodSpec.Builder ctor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("A {@link $T} with these values, in accessor declaration order.\n", type);
    List<String> fields = fieldNames(shape);
    for (int i = 0; i < shape.components().size(); i++) {
      RecordShape.Component c = shape.components().get(i);
      b.addField(c.type(), fields.get(i), Modifier.PRIVATE, Modifier.FINAL);
      ctor.addParameter(c.type(), c.name()).addStatement("this.$N = $N", fields.get(i), c.name());
    }
    b.addMethod(ctor.build());
    for (int i = 0; i < shape.components().size(); i++) {
      RecordShape.Component c = shape.components().get(i);
      b.addMethod(
          MethodSpec.methodBuilder(c.name())
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .returns(c.type())
              .addStatement("return $N", fields.get(i))
              .build());
    }
    if (!shape.implementedObjectMethods().contains("equals")) {
      b.addMethod(equalsMethod(shape, fields));
    }
    if (!shape.implementedObjectMethods().contains("hashCode")) {
      b.addMethod(hashCodeMethod(shape, fields));
    }
    if (!shape.implementedObjectMethods().contains("toString")) {
      b.addMethod(toStringMethod(shape, fields));
    }
    return JavaFile.builder(self.packageName(), Names.qualifying(b, shadowed).build()).skipJavaLangImports(true).indent("  ").build();
  }

  /**
   * The private fields, named after the components; a component named like a type whose static
   * methods {@code equals} and {@code hashCode} call ({@code Objects}, {@code Double}, ...) would
   * hide that type, so its field gets {@code _} appended (NameScope's rule).
   */
  private static List<String> fieldNames(RecordShape shape) {
    return new NameScope(QUALIFIERS).claimAll(shape.components().stream().map(RecordShape.Component::name).collect(Collectors.toList()));
  }

  /** The simple names the generated methods use as qualifiers of static calls (and {@code java}, in case they are qualified). */
  private static final Set<String> QUALIFIERS =
      Set.of("Objects", "Double", "Float", "Integer", "Long", "Short", "Byte", "Character", "Boolean", "java");

  private static MethodSpec equalsMethod(RecordShape shape, List<String> fields) {
    CodeBlock.Builder body = CodeBlock.builder()
        .beginControlFlow("if (object == this)")
        .addStatement("return true")
        .endControlFlow()
        .beginControlFlow("if (!(object instanceof $T other))", shape.type())
        .addStatement("return false")
        .endControlFlow();
    List<CodeBlock> each = new java.util.ArrayList<>();
    for (int i = 0; i < shape.components().size(); i++) {
      each.add(sameValue(shape.components().get(i), fields.get(i)));
    }
    CodeBlock comparisons = CodeBlock.join(each, "\n&& ");
    body.addStatement("return $L", comparisons.isEmpty() ? CodeBlock.of("true") : comparisons);
    return MethodSpec.methodBuilder("equals")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(Object.class, "object")
        .addCode(body.build())
        .build();
  }

  /** {@code this.x == other.x()}, {@code Double.compare(...) == 0} or {@code Objects.equals(...)}, as a record compares. */
  private static CodeBlock sameValue(RecordShape.Component c, String field) {
    TypeName t = c.type();
    if (t.equals(TypeName.DOUBLE) || t.equals(TypeName.FLOAT)) {
      return CodeBlock.of("$T.compare(this.$N, other.$N()) == 0", t.box(), field, c.name());
    }
    if (t.isPrimitive()) {
      return CodeBlock.of("this.$N == other.$N()", field, c.name());
    }
    return CodeBlock.of("$T.equals(this.$N, other.$N())", Objects.class, field, c.name());
  }

  private static MethodSpec hashCodeMethod(RecordShape shape, List<String> fields) {
    CodeBlock.Builder body = CodeBlock.builder().addStatement("int h = 0");
    for (int i = 0; i < shape.components().size(); i++) {
      RecordShape.Component c = shape.components().get(i);
      TypeName t = c.type();
      CodeBlock hash = t.isPrimitive()
          ? CodeBlock.of("$T.hashCode(this.$N)", t.box(), fields.get(i))
          : CodeBlock.of("$T.hashCode(this.$N)", Objects.class, fields.get(i));
      body.addStatement("h = 31 * h + $L", hash);
    }
    body.addStatement("return h");
    return MethodSpec.methodBuilder("hashCode")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class)
        .addCode(body.build())
        .build();
  }

  private static MethodSpec toStringMethod(RecordShape shape, List<String> fields) {
    // like a record's: the simple name, not the enclosing types
    CodeBlock.Builder text = CodeBlock.builder().add("$S", shape.type().simpleName() + "[");
    String separator = "";
    for (int i = 0; i < shape.components().size(); i++) {
      RecordShape.Component c = shape.components().get(i);
      text.add("\n+ $S + this.$N", separator + c.name() + "=", fields.get(i));
      separator = ", ";
    }
    text.add("\n+ $S", "]");
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $L", text.build())
        .build();
  }
}
