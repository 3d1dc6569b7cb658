package dev.statewire.sample;

import dev.statewire.annotations.Flip;

/**
 * One line of an order ticket. {@code parked} (saved for later) is always the opposite of
 * {@code selected}, in every line, as lines come and go.
 */
public record LineItem(
    String product, int qty, double price, boolean selected, @Flip("selected") boolean parked) {}
