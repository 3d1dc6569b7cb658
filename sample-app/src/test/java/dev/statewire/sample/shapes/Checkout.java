package dev.statewire.sample.shapes;

import dev.statewire.annotations.Flip;
import dev.statewire.annotations.State;
import dev.statewire.annotations.Sync;

/** Conformance shapes S1 and S5: the addresses synced field by field, a buy/sell flip. */
@State
@Sync({"shipping.street", "billing.street"})
@Sync({"shipping.city", "billing.city"})
@Sync({"shipping.zip", "billing.zip"})
@Flip({"isBuy", "isSell"})
public record Checkout(
    Address shipping,
    Address billing,
    boolean sameAddress,
    boolean isBuy,
    boolean isSell,
    int quantity,
    double price,
    String note) {}
