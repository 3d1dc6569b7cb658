package dev.statewire.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Set;

/**
 * A value type of the state tree (a record, or an abstract value type) and the layout of its
 * subtree, which is the same wherever the type occurs (a component's ID is the value's ID plus a
 * fixed offset).
 *
 * @param type the record, interface or abstract class
 * @param form how it is declared, which says how its values are built
 * @param components the components (record components or abstract accessors) in declaration order
 * @param size the number of paths in the value's subtree, the value itself included
 * @param implementedObjectMethods for an abstract class: which of {@code equals}, {@code hashCode}
 *     and {@code toString} it implements itself, so that the generated implementation keeps them
 */
public record RecordShape(ClassName type, Form form, List<Component> components, int size, Set<String> implementedObjectMethods) {

  /** How a value type is declared. */
  public enum Form {
    /** A record: values are built with its canonical constructor. */
    RECORD,
    /** An interface with abstract accessors: values are built as the generated {@code XValue}. */
    INTERFACE,
    /** An abstract class with abstract accessors: values are built as the generated {@code XValue}. */
    ABSTRACT_CLASS
  }

  /**
   * One component of a value type.
   *
   * @param name the component (and accessor) name
   * @param type the declared type
   * @param kind what it holds
   * @param offset its path ID minus the record's path ID
   */
  public record Component(String name, TypeName type, Kind kind, int offset) {}

  /** A record's shape. */
  public RecordShape(ClassName type, List<Component> components, int size) {
    this(type, Form.RECORD, components, size, Set.of());
  }

  /** Whether it is an interface or abstract class, implemented by generated code. */
  public boolean isAbstract() {
    return form != Form.RECORD;
  }

  /**
   * The class whose constructor builds values: the record itself, or the generated immutable
   * implementation {@code <Type>Value} of an abstract value type, in the type's package
   * ({@code Trip.Leg} → {@code TripLegValue}).
   */
  public ClassName implementation() {
    return isAbstract() ? ClassName.get(type.packageName(), String.join("", type.simpleNames()) + "Value") : type;
  }

  /** The record's name for messages: simple names joined by dots. */
  public String display() {
    return String.join(".", type.simpleNames());
  }
}
