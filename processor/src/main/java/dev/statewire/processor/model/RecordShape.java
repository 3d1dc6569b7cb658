package dev.statewire.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * A value type of the state tree (a record, or an abstract value type) and the layout of its
 * subtree, which is the same wherever the type occurs (a component's ID is the value's ID plus a
 * fixed offset).
 *
 * @param type the record, interface or abstract class
 * @param form how it is declared, which says how its values are built
 * @param components the components (record components or abstract accessors) in declaration order
 * @param size the number of paths in the value's subtree, the value itself included
 * @param implementation the class whose values the store builds: the record itself, or the class
 *     Immutables generates for an abstract value type ({@code ImmutableTrip}, or as its
 *     {@code @Value.Style} names it)
 * @param builder for an abstract value type, the static method of {@code implementation} that
 *     returns a builder; null for a record
 * @param build for an abstract value type, the builder's method that builds the value; null for a
 *     record
 */
public record RecordShape(
    ClassName type, Form form, List<Component> components, int size, ClassName implementation, String builder,
    String build) {

  /** How a value type is declared. */
  public enum Form {
    /** A record: values are built with its canonical constructor. */
    RECORD,
    /** An interface with abstract accessors: values are built with the Immutables builder. */
    INTERFACE,
    /** An abstract class with abstract accessors: values are built with the Immutables builder. */
    ABSTRACT_CLASS
  }

  /**
   * One component of a value type.
   *
   * @param name the component (or attribute) name, which is the path segment
   * @param type the declared type
   * @param kind what it holds
   * @param offset its path ID minus the record's path ID
   * @param accessor the method that reads it ({@code name} for a record, {@code getName} for an
   *     Immutables accessor with a {@code get*} style)
   * @param setter the builder method that sets it, for an abstract value type; null for a record
   * @param nullable whether the value can be built with null in it: always for a record (a null
   *     primitive never reaches the constructor), for an Immutables attribute only when it is
   *     {@code @Nullable} (Immutables refuses null otherwise)
   */
  public record Component(
      String name, TypeName type, Kind kind, int offset, String accessor, String setter, boolean nullable) {
    /** A record component: read by the accessor of its own name. */
    public Component(String name, TypeName type, Kind kind, int offset) {
      this(name, type, kind, offset, name, null, true);
    }
  }

  /** A record's shape. */
  public RecordShape(ClassName type, List<Component> components, int size) {
    this(type, Form.RECORD, components, size, type, null, null);
  }

  /** Whether it is an interface or abstract class, whose values Immutables' class builds. */
  public boolean isAbstract() {
    return form != Form.RECORD;
  }

  /** The record's name for messages: simple names joined by dots. */
  public String display() {
    return String.join(".", type.simpleNames());
  }
}
