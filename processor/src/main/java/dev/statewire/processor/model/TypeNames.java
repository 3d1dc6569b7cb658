package dev.statewire.processor.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.stream.Collectors;

/** Type names as users read them in messages: simple names, no packages. */
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
    return type.toString();
  }
}
