package dev.statewire.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * One static path of a state tree.
 *
 * @param id the path ID: dense from 0 in depth-first declaration order, root = 0
 * @param name the last segment: the component name, {@code "*"} for an entry template, {@code ""}
 *     for the root
 * @param path the dot path from the root ({@code "items.*.selected"}, {@code ""} for the root)
 * @param parent the parent's ID, {@code -1} for the root
 * @param kind what the path holds
 * @param type the declared Java type ({@code int}, {@code Address}, {@code Map<String, Item>})
 * @param rawType the type for a class literal ({@code int}, {@code Address}, {@code Map})
 * @param template whether the path is an entry template or lies below one
 * @param ordinal the component index in the parent record, {@code -1} for the root and templates
 * @param children the IDs of the children, in order
 * @param size the number of paths in the subtree, this one included
 */
public record PathNode(
    int id,
    String name,
    String path,
    int parent,
    Kind kind,
    TypeName type,
    TypeName rawType,
    boolean template,
    int ordinal,
    List<Integer> children,
    int size) {

  /** The ID of the entry template of a container. */
  public int templateChild() {
    if (!kind.isContainer()) {
      throw new IllegalStateException(path + " is not a container");
    }
    return children.get(0);
  }

  /** Whether {@code other} lies in this path's subtree (strictly below it). */
  public boolean isAncestorOf(PathNode other) {
    return other.id > id && other.id < id + size;
  }

  /** The path for messages: {@code <root>} for the root. */
  public String display() {
    return path.isEmpty() ? "<root>" : path;
  }
}
