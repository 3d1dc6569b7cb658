package dev.statewire.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paths of one {@code @State} root: every static path, entry templates included, in ID order,
 * and the shape of every record type in the tree.
 *
 * @param root the {@code @State} record
 * @param nodes the paths, indexed by ID
 * @param records the record types in order of first occurrence
 */
public record StateTree(ClassName root, List<PathNode> nodes, Map<ClassName, RecordShape> records) {

  /** The path with ID {@code id}. */
  public PathNode node(int id) {
    return nodes.get(id);
  }

  /** The child of {@code parent} named {@code name}. */
  public Optional<PathNode> child(int parent, String name) {
    for (int c : nodes.get(parent).children()) {
      if (nodes.get(c).name().equals(name)) {
        return Optional.of(nodes.get(c));
      }
    }
    return Optional.empty();
  }

  /** The record type at a {@link Kind#RECORD} path. */
  public RecordShape recordAt(int id) {
    TypeName t = nodes.get(id).type();
    RecordShape shape = records.get((ClassName) t);
    if (shape == null) {
      throw new IllegalArgumentException("no record at " + nodes.get(id).display());
    }
    return shape;
  }

  /** Every path of kind {@link Kind#RECORD} whose type is {@code type}, in ID order. */
  public List<PathNode> occurrences(ClassName type) {
    List<PathNode> out = new ArrayList<>();
    for (PathNode n : nodes) {
      if (n.kind() == Kind.RECORD && n.type().equals(type)) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * Whether two paths lie in the same dynamic scope: the same innermost entry template (or both
   * outside every template).
   */
  public int scopeOf(int id) {
    PathNode n = nodes.get(id);
    while (n.parent() >= 0) {
      if (n.name().equals("*")) {
        return n.id();
      }
      n = nodes.get(n.parent());
    }
    return 0;
  }
}
