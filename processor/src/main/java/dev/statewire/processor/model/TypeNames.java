package dev.statewire.processor.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.stream.Collectors;

/**
 * Type names as strings: as users read them in messages (simple names), and in the one qualified
 * form that generated schemas give the runtime.
 */
public final class TypeNames {
  private TypeNames() {}

  /** {@code Map<String, LineItem>}, {@code int}, {@code Checkout.Address}. */
  public static String display(TypeName type) {
    if (type instanceof ClassName c) {
      return String.join(".", c.simpleNames());
    }
    if (type instanceof ParameterizedTypeName p) {
      return display(p.rawType())
          + p.typeArguments().stream().map(TypeNames::display).collect(Collectors.joining(", ", "<", ">"));
    }
    if (type instanceof ArrayTypeName a) {
      return display(a.componentType()) + "[]";
    }
    if (type instanceof WildcardTypeName w) {
      if (!w.lowerBounds().isEmpty()) {
        return "? super " + display(w.lowerBounds().get(0));
      }
      TypeName upper = w.upperBounds().get(0);
      return upper.withoutAnnotations().equals(ClassName.OBJECT) ? "?" : "? extends " + display(upper);
    }
    return type.toString();
  }

  /**
   * The generic type as one canonical string: fully qualified, nested classes joined with {@code
   * .}, type arguments joined with {@code ,} and no spaces, no type annotations, e.g. {@code
   * java.util.Map<java.lang.String,shop.Checkout.Item>}, {@code int}, {@code java.lang.String[]},
   * {@code java.util.Optional<? extends java.lang.Number>}. Equal types give equal strings.
   */
  public static String qualified(TypeName type) {
    if (type instanceof ClassName c) {
      return c.canonicalName();
    }
    if (type instanceof ParameterizedTypeName p) {
      String raw = p.enclosingType() != null
          ? qualified(p.enclosingType()) + "." + p.rawType().simpleName()
          : p.rawType().canonicalName();
      return raw + p.typeArguments().stream().map(TypeNames::qualified).collect(Collectors.joining(",", "<", ">"));
    }
    if (type instanceof ArrayTypeName a) {
      return qualified(a.componentType()) + "[]";
    }
    if (type instanceof WildcardTypeName w) {
      if (!w.lowerBounds().isEmpty()) {
        return "? super " + qualified(w.lowerBounds().get(0));
      }
      TypeName upper = w.upperBounds().get(0);
      return upper.withoutAnnotations().equals(ClassName.OBJECT) ? "?" : "? extends " + qualified(upper);
    }
    if (type instanceof TypeVariableName v) {
      return v.name();
    }
    return type.withoutAnnotations().toString();
  }
}
