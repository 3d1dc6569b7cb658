package dev.statewire.benchmarks.ecommerce;

import dev.statewire.annotations.State;
import java.util.List;
import java.util.Map;

/**
 * The e-commerce catalog state of {@code docs/ECOMMERCE.md}: 1,987 leaves (a {@code
 * tags} list counts as one) behind keyed maps for departments, products, variants, orders and
 * items. Counts are {@code int}s, money, weights and rates {@code double}s.
 */
@State
public record Shop(Catalog catalog, Map<String, Order> orders, Settings settings, Dashboard dashboard) {

  /** {@code catalog}: the departments. */
  public record Catalog(Map<String, Department> departments) {}

  /** {@code D(d)}. */
  public record Department(
      String name,
      String slug,
      boolean isActive,
      boolean isDiscontinued,
      int productCount,
      Map<String, Product> products) {}

  /** {@code P(d,p)}. */
  public record Product(
      String name,
      String sku,
      String status,
      String brand,
      String description,
      Map<String, Variant> variants) {}

  /** {@code V(d,p,v)}. */
  public record Variant(
      String sku,
      String color,
      String size,
      boolean isActive,
      boolean isDiscontinued,
      Metadata metadata,
      Price price,
      Inventory inventory,
      Shipping shipping) {}

  /** {@code V.metadata}. */
  public record Metadata(
      String createdAt, String updatedAt, List<String> tags, String origin, String season) {}

  /** {@code V.price}. */
  public record Price(
      double base, double sale, double wholesale, String currency, double taxRate, double margin) {}

  /** {@code V.inventory}. */
  public record Inventory(
      int inStock, int reserved, String warehouse, int reorderPoint, boolean isLowStock) {}

  /** {@code V.shipping}. */
  public record Shipping(
      double weight,
      Dimensions dimensions,
      boolean freeShipping,
      int estimatedDays,
      String carrier) {}

  /** {@code V.shipping.dimensions}. */
  public record Dimensions(int l, int w, int h) {}

  /** {@code orders.o_i}. */
  public record Order(
      String status,
      String customerId,
      boolean isPaid,
      boolean isShipped,
      boolean needsRefund,
      Map<String, Item> items,
      double total) {}

  /** {@code orders.o_i.items.item_j}. */
  public record Item(String productId, String variantId, int quantity, double unitPrice, double total) {}

  /** {@code settings}. */
  public record Settings(String currency, boolean taxEnabled, double freeShippingThreshold) {}

  /** {@code dashboard}. */
  public record Dashboard(double totalRevenue, int totalOrders, double avgOrderValue, int lowStockCount) {}
}
