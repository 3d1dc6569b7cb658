package dev.statewire.runtime.conformance;

import java.util.Map;

/**
 * The Java state types of the conformance shapes (conformance/README.md, "What each shape
 * exercises"). Component order follows the {@code types} object of each file; the test checks
 * every file's {@code types} against these records before it runs a batch.
 */
final class Shapes {
  private Shapes() {}

  // S1 checkout, S5 checkout-listeners
  record Address(String street, String city, String zip) {}

  record Checkout(
      Address shipping,
      Address billing,
      boolean sameAddress,
      boolean isBuy,
      boolean isSell,
      int quantity,
      double price,
      String note) {}

  // S2 flags
  record Group(boolean x, boolean y) {}

  record Flags(
      boolean a, boolean b, boolean c, boolean d, boolean e, boolean f, boolean g, boolean h,
      Group group) {}

  // S3 catalog: items.k1..k5 as record components (the README allows either form)
  record Item(boolean selected, int qty, String label) {}

  record Items(Item k1, Item k2, Item k3, Item k4, Item k5) {}

  record Catalog(Items items, Boolean allSelected) {}

  /** S3 with its items as a dynamic container, for {@code ConformanceMapVariantTest}. */
  record CatalogMap(Map<String, Item> items, Boolean allSelected) {}

  // S4 nested
  record C(int d, String e) {}

  record B(C c, int f) {}

  record A(B b, String g) {}

  record Nested(A a, A x) {}

  /** The state type of each shape name. */
  static final Map<String, Class<? extends Record>> BY_SHAPE =
      Map.of(
          "S1", Checkout.class,
          "S2", Flags.class,
          "S3", Catalog.class,
          "S4", Nested.class,
          "S5", Checkout.class);
}
