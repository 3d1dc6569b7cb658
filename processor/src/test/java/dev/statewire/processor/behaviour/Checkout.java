package dev.statewire.processor.behaviour;

import dev.statewire.annotations.Aggregate;
import dev.statewire.annotations.Flip;
import dev.statewire.annotations.State;
import dev.statewire.annotations.Sync;
import java.util.Map;

/** The shape of DESIGN.md §1, for behaviour tests through the generated store. */
@State
public record Checkout(
    Address shipping,
    @Sync("shipping") Address billing,
    boolean isBuy,
    @Flip("isBuy") boolean isSell,
    Map<String, LineItem> items,
    @Aggregate("items.*.selected") Boolean allSelected,
    int quantity,
    double price,
    String note) {

  /** A record of an address. */
  public record Address(String street, String city, String zip) {}

  /** A line item whose {@code excluded} is always the opposite of {@code selected}. */
  public record LineItem(boolean selected, @Flip("selected") boolean excluded, int qty, String label) {}
}
