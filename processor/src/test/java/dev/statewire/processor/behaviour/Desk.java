package dev.statewire.processor.behaviour;

import dev.statewire.annotations.Aggregate;
import dev.statewire.annotations.State;
import java.util.List;
import java.util.Map;

/** Orders are map entries, each with an aggregation over its own list of lines. */
@State
@Aggregate(target = "anyOpen", sources = {"orders.*.open"})
public record Desk(Map<String, Order> orders, Boolean anyOpen, List<String> tags, Map<String, Integer> limits) {

  /** An order: {@code allSelected} aggregates the order's own lines. */
  public record Order(boolean open, List<Line> lines, @Aggregate("lines.*.selected") Boolean allSelected) {}

  /** A line of an order. */
  public record Line(boolean selected, int qty) {}
}
