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
 * {@code @State}), whose state is given by abstract accessor methods (no parameters, a return
 * value), Immutables-style. The processor generates an immutable {@code XValue} implementation of
 * an abstract value type.
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
   * @param name the component or accessor name, which is also the path segment
   * @param type its type, as seen from the value type (type arguments of supertypes substituted)
   * @param annotated where wiring annotations on it are read
   * @param declaration where messages about it land (a record component's field, or the method)
   */
  record Accessor(String name, TypeMirror type, Element annotated, Element declaration) {}

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
        out.add(new Accessor(c.getSimpleName().toString(), c.asType(), c, fieldOf(c)));
      }
      return out;
    }
    DeclaredType self = (DeclaredType) type.asType();
    for (ExecutableElement m : abstractMethods(type)) {
      if (isAccessor(m)) {
        TypeMirror returned = ((ExecutableType) types.asMemberOf(self, m)).getReturnType();
        out.add(new Accessor(m.getSimpleName().toString(), returned, m, m));
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
    String alternatives = "declare the state as a record, or as an interface or abstract class with abstract"
        + " accessor methods";
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
          return "it is an inner class; declare it static so that the generated implementation can extend it";
        }
        boolean noArgConstructor =
            ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
        if (!noArgConstructor) {
          return "it has no constructor without parameters that the generated implementation could call";
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

  /**
   * The concrete {@code equals}, {@code hashCode} and {@code toString} that {@code type} or a
   * superclass (other than {@code Object}) declares; the generated implementation keeps those.
   */
  static Set<String> implementedObjectMethods(TypeElement type) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (TypeElement t = type; t != null && !t.getQualifiedName().contentEquals("java.lang.Object"); ) {
      for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (!m.getModifiers().contains(Modifier.ABSTRACT) && !m.getModifiers().contains(Modifier.STATIC)
            && isObjectMethod(m) && !m.getSimpleName().contentEquals("getClass")) {
          out.add(m.getSimpleName().toString());
        }
      }
      TypeMirror s = t.getSuperclass();
      t = s.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) s).asElement() : null;
    }
    return Set.copyOf(out);
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
