package dev.statewire.benchmarks.javafx;

import dev.statewire.annotations.State;

/**
 * The checkout form of conformance shape S1 plus the {@code total} that a listener keeps equal to
 * {@code quantity × price}: shipping and billing addresses synced field by field, an
 * {@code isBuy}/{@code isSell} flip pair.
 */
@State
public record Checkout(
    Address shipping,
    Address billing,
    boolean sameAddress,
    boolean isBuy,
    boolean isSell,
    int quantity,
    double price,
    String note,
    double total) {

  /** An address. */
  public record Address(String street, String city, String zip) {}

  /** S1's initial state, with the total it implies. */
  public static Checkout initial() {
    Address a = new Address("1 Main St", "Prague", "11000");
    return new Checkout(a, a, true, true, false, 1, 10.0, null, 10.0);
  }
}
