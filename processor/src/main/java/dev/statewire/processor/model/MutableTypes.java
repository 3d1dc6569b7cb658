package dev.statewire.processor.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The value types that statewire knows to be mutable (issue 12, F9): a store holds a value of one
 * by reference, so whoever else holds it can change the store behind its back. Arrays, {@code
 * java.util.Date} and {@code Calendar} (and their subclasses), {@code StringBuilder} and {@code
 * StringBuffer}, everything in {@code java.util.concurrent.atomic}, and every collection or map type
 * but the interfaces {@code Collection}, {@code List}, {@code Set}, {@code SortedSet}, {@code
 * NavigableSet}, {@code Map}, {@code SortedMap} and {@code NavigableMap}, which the store copies
 * into unmodifiable collections. A type whose simple name starts with {@code Immutable} (Guava's
 * {@code ImmutableList}, ...) is taken at its word.
 */
final class MutableTypes {
  private static final Set<String> COPIED_INTERFACES = Set.of(
      "java.util.Collection", "java.util.List", "java.util.Set", "java.util.SortedSet", "java.util.NavigableSet",
      "java.util.Map", "java.util.SortedMap", "java.util.NavigableMap");

  private final Types types;

  MutableTypes(Types types) {
    this.types = types;
  }

  /** What to use instead of {@code type} if it is mutable ("an immutable type such as ..."), or {@code null}. */
  String advice(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      return "an immutable type such as java.util.List";
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    String name = element.getQualifiedName().toString();
    if (COPIED_INTERFACES.contains(name) || element.getSimpleName().toString().startsWith("Immutable")) {
      return null;
    }
    if (name.equals("java.lang.StringBuilder") || name.equals("java.lang.StringBuffer")) {
      return "an immutable type such as String";
    }
    if (name.startsWith("java.util.concurrent.atomic.")) {
      return "the plain value it holds (int, long, boolean or the referenced value)";
    }
    Set<String> supertypes = supertypes(type);
    if (supertypes.contains("java.util.Date")) {
      return "an immutable type such as java.time.Instant";
    }
    if (supertypes.contains("java.util.Calendar")) {
      return "an immutable type such as java.time.ZonedDateTime";
    }
    if (supertypes.contains("java.util.Map")) {
      return "the interface java.util.Map (or SortedMap, NavigableMap), whose values the store copies";
    }
    if (supertypes.contains("java.util.Collection")) {
      return "an interface such as java.util.List, java.util.Set or java.util.Collection, whose values the store"
          + " copies";
    }
    return null;
  }

  /** The qualified names of {@code type} and all its supertypes. */
  private Set<String> supertypes(TypeMirror type) {
    Set<String> out = new HashSet<>();
    Deque<TypeMirror> todo = new ArrayDeque<>();
    todo.add(type);
    while (!todo.isEmpty()) {
      TypeMirror t = todo.poll();
      if (t.getKind() == TypeKind.DECLARED
          && out.add(((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().toString())) {
        todo.addAll(types.directSupertypes(t));
      }
    }
    return out;
  }
}
