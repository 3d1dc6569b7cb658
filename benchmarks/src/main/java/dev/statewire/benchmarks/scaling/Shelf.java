package dev.statewire.benchmarks.scaling;

import dev.statewire.annotations.Aggregate;
import dev.statewire.annotations.State;
import java.util.Map;

/**
 * The state of {@link ClearMapBench}: a map of slots with a "select all" over them, and the same
 * map without it ({@code plain}), so one store measures both.
 */
@State
public record Shelf(
    Map<String, Slot> items,
    @Aggregate("items.*.on") Boolean allOn,
    Map<String, Slot> plain) {

  /** One entry. */
  public record Slot(boolean on, int qty) {}
}
