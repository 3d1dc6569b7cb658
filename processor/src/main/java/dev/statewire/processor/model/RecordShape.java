package dev.statewire.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * A record type of the state tree and the layout of its subtree, which is the same wherever the
 * record occurs (a component's ID is the record's ID plus a fixed offset).
 *
 * @param type the record class
 * @param components the components in declaration order
 * @param size the number of paths in the record's subtree, the record itself included
 */
public record RecordShape(ClassName type, List<Component> components, int size) {

  /**
   * One component of a record.
   *
   * @param name the component (and accessor) name
   * @param type the declared type
   * @param kind what it holds
   * @param offset its path ID minus the record's path ID
   */
  public record Component(String name, TypeName type, Kind kind, int offset) {}

  /** The record's name for messages: simple names joined by dots. */
  public String display() {
    return String.join(".", type.simpleNames());
  }
}
