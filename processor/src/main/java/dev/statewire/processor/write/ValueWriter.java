package dev.statewire.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.statewire.processor.model.RecordShape;
import dev.statewire.processor.model.StateModel;
import java.util.Objects;
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

  /** A writer; {@code generatedAnnotation} tells whether {@code @Generated} is available. */
  public ValueWriter(boolean generatedAnnotation) {
    this.generatedAnnotation = generatedAnnotation;
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
    for (RecordShape.Component c : shape.components()) {
      b.addField(c.type(), c.name(), Modifier.PRIVATE, Modifier.FINAL);
      ctor.addParameter(c.type(), c.name()).addStatement("this.$N = $N", c.name(), c.name());
    }
    b.addMethod(ctor.build());
    for (RecordShape.Component c : shape.components()) {
      b.addMethod(
          MethodSpec.methodBuilder(c.name())
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .returns(c.type())
              .addStatement("return $N", c.name())
              .build());
    }
    if (!shape.implementedObjectMethods().contains("equals")) {
      b.addMethod(equalsMethod(shape));
    }
    if (!shape.implementedObjectMethods().contains("hashCode")) {
      b.addMethod(hashCodeMethod(shape));
    }
    if (!shape.implementedObjectMethods().contains("toString")) {
      b.addMethod(toStringMethod(shape));
    }
    return JavaFile.builder(self.packageName(), b.build()).skipJavaLangImports(true).indent("  ").build();
  }

  private static MethodSpec equalsMethod(RecordShape shape) {
    CodeBlock.Builder body = CodeBlock.builder()
        .beginControlFlow("if (object == this)")
        .addStatement("return true")
        .endControlFlow()
        .beginControlFlow("if (!(object instanceof $T other))", shape.type())
        .addStatement("return false")
        .endControlFlow();
    CodeBlock comparisons = shape.components().stream()
        .map(ValueWriter::sameValue)
        .collect(CodeBlock.joining("\n&& "));
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
  private static CodeBlock sameValue(RecordShape.Component c) {
    TypeName t = c.type();
    if (t.equals(TypeName.DOUBLE) || t.equals(TypeName.FLOAT)) {
      return CodeBlock.of("$T.compare(this.$N, other.$N()) == 0", t.box(), c.name(), c.name());
    }
    if (t.isPrimitive()) {
      return CodeBlock.of("this.$N == other.$N()", c.name(), c.name());
    }
    return CodeBlock.of("$T.equals(this.$N, other.$N())", Objects.class, c.name(), c.name());
  }

  private static MethodSpec hashCodeMethod(RecordShape shape) {
    CodeBlock.Builder body = CodeBlock.builder().addStatement("int h = 0");
    for (RecordShape.Component c : shape.components()) {
      TypeName t = c.type();
      CodeBlock hash = t.isPrimitive()
          ? CodeBlock.of("$T.hashCode(this.$N)", t.box(), c.name())
          : CodeBlock.of("$T.hashCode(this.$N)", Objects.class, c.name());
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

  private static MethodSpec toStringMethod(RecordShape shape) {
    // like a record's: the simple name, not the enclosing types
    CodeBlock.Builder text = CodeBlock.builder().add("$S", shape.type().simpleName() + "[");
    String separator = "";
    for (RecordShape.Component c : shape.components()) {
      text.add("\n+ $S + this.$N", separator + c.name() + "=", c.name());
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
