package dev.statewire.sample;

import dev.statewire.annotations.Aggregate;
import dev.statewire.annotations.Flip;
import dev.statewire.annotations.State;
import dev.statewire.annotations.Sync;
import java.util.Map;

/**
 * An order ticket: billing follows shipping, sell is the opposite of buy, and "select all"
 * reflects the lines' {@code selected} flags (true or false when they agree, else null) and sets
 * them all when written. {@code total} is kept by a listener (see {@link OrderTicketApp}).
 */
@State
public record OrderTicket(
    Address shipping,
    @Sync("shipping") Address billing,
    boolean isBuy,
    @Flip("isBuy") boolean isSell,
    Map<String, LineItem> lines,
    @Aggregate("lines.*.selected") Boolean allSelected,
    double total,
    String note) {}
