package dev.statewire.processor.model;

import java.util.List;

/** Resolved static wiring, as the generated schema carries it. */
public final class Wire {
  private Wire() {}

  /**
   * A sync or flip pair of static path IDs (template IDs for wiring inside dynamic entries).
   *
   * @param a the first path
   * @param b the second path
   * @param origin where it was declared, for the generated comment
   */
  public record Pair(int a, int b, String origin) {}

  /**
   * An aggregation: the target and its sources (template IDs for wildcard sources).
   *
   * @param target the target path
   * @param sources the source paths, in declaration order
   * @param origin where it was declared
   */
  public record Aggregation(int target, List<Integer> sources, String origin) {}
}
