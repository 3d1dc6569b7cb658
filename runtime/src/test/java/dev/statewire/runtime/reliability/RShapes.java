package dev.statewire.runtime.reliability;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * State types of the reliability tests: the conformance shapes S1–S4 (same components, in the
 * order of the vector files' {@code types}), the sample app's order ticket, and a market shape
 * with a {@code Map<String, Line>}, an enum, a {@code long}, boxed numbers and an opaque value.
 */
final class RShapes {
  private RShapes() {}

  // S1 checkout, S5 checkout-listeners
  record Address(String street, String city, String zip) {}

  record Checkout(Address shipping, Address billing, boolean sameAddress, boolean isBuy,
      boolean isSell, int quantity, double price, String note) {}

  // S2 flags
  record Group(boolean x, boolean y) {}

  record Flags(boolean a, boolean b, boolean c, boolean d, boolean e, boolean f, boolean g,
      boolean h, Group group) {}

  // S3 catalog
  record Item(boolean selected, int qty, String label) {}

  record Items(Item k1, Item k2, Item k3, Item k4, Item k5) {}

  record Catalog(Items items, Boolean allSelected) {}

  // S4 nested
  record C(int d, String e) {}

  record B(C c, int f) {}

  record A(B b, String g) {}

  record Nested(A a, A x) {}

  // the sample app's order ticket (billing synced with shipping as a whole record)
  record Ticket(Address shipping, Address billing, boolean isBuy, boolean isSell, int quantity,
      double price, Double total, String note) {}

  // a market: dynamic entries with wiring inside each entry, and every leaf kind
  enum Tier { LOW, HIGH }

  record Line(boolean on, boolean off, int qty, String label, Tier tier) {}

  record Market(Map<String, Line> items, Boolean allOn, Line featured, long total, Double ratio,
      Integer count, Tier tier, LocalDate due, String note, boolean open, Boolean flag) {}

  /** Shape name → state type; S5 reuses S1's type. */
  static final Map<String, Class<? extends Record>> BY_SHAPE = Map.of(
      "S1", Checkout.class, "S2", Flags.class, "S3", Catalog.class, "S4", Nested.class,
      "S5", Checkout.class);

  /** Static wiring of the market: a flip inside every line, allOn over every line's "on". */
  static final List<String[]> MARKET_TEMPLATE_FLIP = List.<String[]>of(new String[] {"items.*.on", "items.*.off"});

  static final List<String[]> MARKET_AGGS = List.<String[]>of(new String[] {"allOn", "items.*.on"});
}
