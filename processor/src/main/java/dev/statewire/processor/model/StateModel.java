package dev.statewire.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * The validated model of one {@code @State} root: what the writers generate from. It holds no
 * {@code javax.lang.model} objects.
 *
 * @param tree the paths and record shapes
 * @param syncPairs static sync pairs in declaration order (PIPELINE.md §4)
 * @param flipPairs static flip pairs in declaration order
 * @param aggregations static aggregations in declaration order
 */
public record StateModel(
    StateTree tree, List<Wire.Pair> syncPairs, List<Wire.Pair> flipPairs, List<Wire.Aggregation> aggregations) {

  /** The {@code @State} record. */
  public ClassName root() {
    return tree.root();
  }

  /** The generated class named {@code <Root><suffix>} in the root's package. */
  public ClassName generated(String suffix) {
    return ClassName.get(root().packageName(), String.join("", root().simpleNames()) + suffix);
  }
}
