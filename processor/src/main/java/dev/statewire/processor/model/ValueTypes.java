package dev.statewire.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * The two kinds of value types a state tree is made of, read the same way: records, whose state
 * is their components, and <em>abstract value types</em> (an interface or abstract class annotated
 * {@code @State} and Immutables' {@code @Value.Immutable}), whose state is given by abstract
 * accessor methods (no parameters, a return value). The values of an abstract value type are
 * built with the class Immutables generates for it ({@link ImmutablesStyle}).
 */
final class ValueTypes {
  /** Methods of {@code Object} that are never accessors, even when an interface redeclares them. */
  private static final Set<String> OBJECT_METHODS = Set.of("hashCode", "toString", "getClass");

  private final Types types;

  ValueTypes(Types types) {
    this.types = types;
  }

  /**
   * One piece of state: a record component, or an abstract accessor.
   *
   * @param name the component or attribute name, which is also the path segment (an Immutables
   *     accessor {@code getName()} under the default style is the attribute {@code name})
   * @param method the accessor method's name
   * @param type its type, as seen from the value type (type arguments of supertypes substituted)
   * @param annotated where wiring annotations on it are read
   * @param declaration where messages about it land (a record component's field, or the method)
   */
  record Accessor(String name, String method, TypeMirror type, Element annotated, Element declaration) {}

  /** The abstract value type's Immutables naming, or null for a record or a type without {@code @Value.Immutable}. */
  static ImmutablesStyle style(TypeElement type) {
    return type.getKind() != ElementKind.RECORD && ImmutablesStyle.isImmutable(type) ? ImmutablesStyle.of(type) : null;
  }

  /** Whether {@code type} is an interface or an abstract class (not an annotation type). */
  static boolean isAbstract(TypeElement type) {
    return type.getKind() == ElementKind.INTERFACE
        || (type.getKind() == ElementKind.CLASS && type.getModifiers().contains(Modifier.ABSTRACT));
  }

  /** Whether {@code type} is an interface or abstract class with at least one abstract accessor. */
  boolean hasAccessors(TypeElement type) {
    return !accessors(type).isEmpty();
  }

  /** The state of a record or an abstract value type, in declaration order (supertypes first). */
  List<Accessor> accessors(TypeElement type) {
    List<Accessor> out = new ArrayList<>();
    if (type.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement c : type.getRecordComponents()) {
        out.add(new Accessor(c.getSimpleName().toString(), c.getSimpleName().toString(), c.asType(), c, fieldOf(c)));
      }
      return out;
    }
    DeclaredType self = (DeclaredType) type.asType();
    ImmutablesStyle style = style(type);
    for (ExecutableElement m : abstractMethods(type)) {
      if (isAccessor(m)) {
        TypeMirror returned = ((ExecutableType) types.asMemberOf(self, m)).getReturnType();
        String method = m.getSimpleName().toString();
        out.add(new Accessor(style == null ? method : style.attribute(method), method, returned, m, m));
      }
    }
    return out;
  }

  /**
   * Why {@code type} cannot be a value type of a state tree, or {@code null} if it can. The reason
   * completes "@State type X is not supported: ...".
   */
  String unsupportedReason(TypeElement type) {
    if (!type.getTypeParameters().isEmpty()) {
      return "it is generic ("
          + type.getTypeParameters().stream().map(Object::toString).collect(Collectors.joining(", "))
          + "); a state type must not have type parameters";
    }
    if (type.getKind() == ElementKind.RECORD) {
      return null;
    }
    if (type.getModifiers().contains(Modifier.SEALED)) {
      return "it is sealed; a state type has one shape, built by one class (the record, or the class Immutables"
          + " generates for an interface or abstract class), so remove \"sealed\" and its permits clause, or declare"
          + " each shape as a record of its own";
    }
    String alternatives = "declare the state as a record, or as an Immutables value type (an interface or abstract"
        + " class with @Value.Immutable and abstract accessor methods)";
    List<String> mutable =
        ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
            .filter(f -> !f.getModifiers().contains(Modifier.STATIC) && !f.getModifiers().contains(Modifier.FINAL))
            .map(f -> f.getSimpleName().toString())
            .collect(Collectors.toList());
    switch (type.getKind()) {
      case INTERFACE:
        break;
      case CLASS:
        if (!type.getModifiers().contains(Modifier.ABSTRACT)) {
          return mutable.isEmpty()
              ? "it is a concrete class; " + alternatives
              : "it is a class with mutable fields (" + String.join(", ", mutable) + "); " + alternatives;
        }
        if (!mutable.isEmpty()) {
          return "it is an abstract class with mutable fields (" + String.join(", ", mutable) + "); an abstract"
              + " value type holds its state in abstract accessor methods only";
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
          return "it is an inner class; declare it static so that the class Immutables generates can extend it";
        }
        boolean noArgConstructor =
            ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
        if (!noArgConstructor) {
          return "it has no constructor without parameters that the class Immutables generates could call";
        }
        break;
      default:
        return "it is " + article(type.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
            + "; " + alternatives;
    }
    String kind = type.getKind() == ElementKind.INTERFACE ? "an interface" : "an abstract class";
    List<String> notAccessors = new ArrayList<>();
    for (ExecutableElement m : abstractMethods(type)) {
      if (!isAccessor(m)) {
        notAccessors.add(signature(m));
      }
    }
    if (!notAccessors.isEmpty()) {
      return "abstract method" + (notAccessors.size() == 1 ? " " : "s ") + String.join(", ", notAccessors)
          + (notAccessors.size() == 1 ? " is not an accessor" : " are not accessors")
          + "; the state of " + kind + " is given by abstract methods without parameters that return a value,"
          + " such as String name()";
    }
    if (!hasAccessors(type)) {
      return "it is " + kind + " without accessors, so it has no paths; declare abstract accessor methods"
          + " such as String name(), or declare the state as a record";
    }
    if (!ImmutablesStyle.isImmutable(type)) {
      return "it is " + kind + " without @Value.Immutable; the values of an abstract state type are built by the"
          + " class Immutables generates for it, so add the org.immutables:value annotation processor and annotate "
          + type.getSimpleName() + " with @Value.Immutable, or declare the state as a record";
    }
    ImmutablesStyle style = ImmutablesStyle.of(type);
    if (style.unsupported() != null) {
      return style.unsupported();
    }
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (ImmutablesStyle.annotation(m, ImmutablesStyle.DEFAULT) != null) {
        return "its attribute " + m.getSimpleName() + "() is @Value.Default; a store holds only abstract attributes,"
            + " so make it abstract (and give the default in the initial value), or declare the state as a record";
      }
    }
    Map<String, String> byAttribute = new LinkedHashMap<>();
    for (Accessor a : accessors(type)) {
      String before = byAttribute.put(a.name(), a.method());
      if (before != null) {
        return "accessors " + before + "() and " + a.method() + "() are both the attribute \"" + a.name()
            + "\" under its Immutables style; rename one of them";
      }
    }
    return null;
  }

  private static boolean isAccessor(ExecutableElement m) {
    return m.getParameters().isEmpty()
        && m.getTypeParameters().isEmpty()
        && m.getReturnType().getKind() != TypeKind.VOID
        && !OBJECT_METHODS.contains(m.getSimpleName().toString());
  }

  /**
   * The abstract methods of {@code type}, declared or inherited, in declaration order with
   * supertypes first; a method implemented further down is not abstract.
   */
  private List<ExecutableElement> abstractMethods(TypeElement type) {
    Map<String, ExecutableElement> bySignature = new LinkedHashMap<>();
    collect(type, bySignature);
    List<ExecutableElement> out = new ArrayList<>();
    for (ExecutableElement m : bySignature.values()) {
      if (m.getModifiers().contains(Modifier.ABSTRACT) && !isObjectMethod(m)) {
        out.add(m);
      }
    }
    return out;
  }

  private void collect(TypeElement type, Map<String, ExecutableElement> bySignature) {
    if (type.getQualifiedName().contentEquals("java.lang.Object")) {
      return;
    }
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() == TypeKind.DECLARED) {
      collect((TypeElement) ((DeclaredType) superclass).asElement(), bySignature);
    }
    for (TypeMirror i : type.getInterfaces()) {
      if (i.getKind() == TypeKind.DECLARED) {
        collect((TypeElement) ((DeclaredType) i).asElement(), bySignature);
      }
    }
    boolean isInterface = type.getKind() == ElementKind.INTERFACE;
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (m.getModifiers().contains(Modifier.STATIC) || m.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      String key = signature(m);
      ExecutableElement before = bySignature.get(key);
      // a class's implementation wins over an abstract method that an interface declares again
      if (before != null && isInterface && !before.getModifiers().contains(Modifier.ABSTRACT)
          && before.getEnclosingElement().getKind() == ElementKind.CLASS) {
        continue;
      }
      bySignature.put(key, m);
    }
  }

  private static boolean isObjectMethod(ExecutableElement m) {
    String name = m.getSimpleName().toString();
    return (m.getParameters().isEmpty() && OBJECT_METHODS.contains(name))
        || (name.equals("equals") && m.getParameters().size() == 1);
  }

  /** {@code name(String, int)}. */
  private String signature(ExecutableElement m) {
    return m.getSimpleName() + m.getParameters().stream()
        .map(p -> types.erasure(p.asType()).toString().replaceAll("^.*\\.", ""))
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String article(String noun) {
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  /**
   * The private field of a record component: javac places messages on it (at the component's
   * declaration), not on the component itself.
   */
  static Element fieldOf(RecordComponentElement component) {
    for (VariableElement f : ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements())) {
      if (f.getSimpleName().contentEquals(component.getSimpleName())) {
        return f;
      }
    }
    return component;
  }
}
