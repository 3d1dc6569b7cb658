package dev.statewire.javafx;

import dev.statewire.annotations.Aggregate;
import dev.statewire.annotations.Flip;
import dev.statewire.annotations.State;
import dev.statewire.annotations.Sync;
import java.util.List;
import java.util.Map;

/**
 * The tests' state: billing follows shipping, isSell is the opposite of isBuy, allSelected
 * aggregates the lines' selected flags, and {@link Forms#create()} adds a listener that keeps
 * {@code total = quantity × price}.
 */
@State
public record Form(
    Address shipping,
    @Sync("shipping") Address billing,
    boolean isBuy,
    @Flip("isBuy") boolean isSell,
    int quantity,
    double price,
    double total,
    long version,
    String note,
    Map<String, Line> lines,
    @Aggregate("lines.*.selected") Boolean allSelected,
    List<String> tags) {

  /** An address; {@code floor} is a primitive below a node that may be null. */
  public record Address(String street, String city, int floor) {}

  /** A line of the form. */
  public record Line(String product, int qty, boolean selected) {}
}
