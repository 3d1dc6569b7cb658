package dev.statewire.benchmarks.ecommerce;

import dev.statewire.benchmarks.ecommerce.Shop.Catalog;
import dev.statewire.benchmarks.ecommerce.Shop.Dashboard;
import dev.statewire.benchmarks.ecommerce.Shop.Department;
import dev.statewire.benchmarks.ecommerce.Shop.Dimensions;
import dev.statewire.benchmarks.ecommerce.Shop.Inventory;
import dev.statewire.benchmarks.ecommerce.Shop.Item;
import dev.statewire.benchmarks.ecommerce.Shop.Metadata;
import dev.statewire.benchmarks.ecommerce.Shop.Order;
import dev.statewire.benchmarks.ecommerce.Shop.Price;
import dev.statewire.benchmarks.ecommerce.Shop.Product;
import dev.statewire.benchmarks.ecommerce.Shop.Settings;
import dev.statewire.benchmarks.ecommerce.Shop.Shipping;
import dev.statewire.benchmarks.ecommerce.Shop.Variant;
import dev.statewire.runtime.Listener;
import dev.statewire.runtime.ListenerEvent;
import dev.statewire.runtime.PathKind;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One store of the e-commerce benchmark (ECOMMERCE.md), built exactly as that page says: the
 * catalog state, then at run time on concrete entries the 75 sync pairs (26 groups), the 38 flip
 * pairs and the 85 listeners, in the page's order. Counts listener calls.
 */
public final class Ecommerce {
  /** The schema the annotation processor generated from {@link Shop}; shared by every store. */
  public static final Schema SCHEMA = ShopSchema.SCHEMA;

  static final String[] COLORS = {"red", "blue", "green", "black"};
  static final String[] SIZES = {"XS", "S", "M", "L"};
  static final String[] CARRIERS = {"UPS", "FedEx", "DHL", "USPS"};
  static final String[] WAREHOUSES = {"WH-EAST", "WH-WEST", "WH-CENTRAL", "WH-SOUTH"};
  static final String[] SEASONS = {"spring", "summer", "fall", "winter"};
  static final String[] ORIGINS = {"US", "CN", "DE", "JP"};
  static final String[] DEPT_NAMES = {"Electronics", "Clothing", "Home & Garden"};

  public static final int DEPTS = 3;
  public static final int PRODUCTS = 5;
  public static final int VARIANTS = 4;
  public static final int ORDERS = 10;
  public static final int ITEMS = 3;

  /** Registered sync pairs, flip pairs and listeners (for the record and the checks). */
  public static final int SYNC_PAIRS = 75;
  public static final int FLIP_PAIRS = 38;
  public static final int LISTENERS = 85;

  private final Store store;
  private final long[] listenerCalls = new long[1];
  private final List<Listener> listenerObjects = new ArrayList<>();
  private int syncPairs;
  private int flipPairs;
  private int listeners;

  /** A fresh store: the initial state, then sync, flip and listener registrations. */
  public Ecommerce() {
    store = Store.create(SCHEMA, initialState());
    wire();
  }

  /** The store. */
  public Store store() {
    return store;
  }

  /** Listener calls so far (every call of any of the 85 listeners). */
  public long listenerCalls() {
    return listenerCalls[0];
  }

  /** The 85 listener objects (the memory report counts them apart from the store). */
  public List<Listener> listenerObjects() {
    return List.copyOf(listenerObjects);
  }

  // ---- paths ---------------------------------------------------------------------------------

  /** {@code D(d)}. */
  public static String dept(int d) {
    return "catalog.departments.dept_" + d;
  }

  /** {@code P(d,p)}. */
  public static String product(int d, int p) {
    return dept(d) + ".products.p_" + p;
  }

  /** {@code V(d,p,v)}. */
  public static String variant(int d, int p, int v) {
    return product(d, p) + ".variants.v_" + v;
  }

  /** {@code orders.o_i}. */
  public static String order(int i) {
    return "orders.o_" + i;
  }

  private int id(String path) {
    return store.resolve(path);
  }

  // ---- the initial state ---------------------------------------------------------------------

  /** The catalog state of ECOMMERCE.md; numbers computed left to right as written there. */
  public static Shop initialState() {
    Map<String, Department> departments = new LinkedHashMap<>();
    for (int d = 0; d < DEPTS; d++) {
      Map<String, Product> products = new LinkedHashMap<>();
      for (int p = 0; p < PRODUCTS; p++) {
        Map<String, Variant> variants = new LinkedHashMap<>();
        for (int v = 0; v < VARIANTS; v++) {
          Metadata metadata =
              new Metadata(
                  "2025-01-01T00:00:00Z",
                  "2025-06-15T12:00:00Z",
                  List.of("bestseller", "dept-" + d, "cat-" + (p % 3)),
                  ORIGINS[v],
                  SEASONS[v]);
          Price price =
              new Price(
                  29.99 + 20 * d + 5 * p,
                  24.99 + 15 * d + 4 * p + v,
                  19.99 + 10 * d + 3 * p + v,
                  "USD",
                  0.08,
                  0.3 + 0.05 * v);
          Inventory inventory =
              new Inventory(100 + 50 * d + 10 * p + 5 * v, d + p + v, WAREHOUSES[(p + v) % 4], 20 + 5 * v, false);
          Shipping shipping =
              new Shipping(
                  0.5 + 0.3 * d + 0.1 * p + 0.05 * v,
                  new Dimensions(10 + p, 8 + v, 4 + d),
                  (d + p + v) % 3 == 0,
                  2 + ((d + p) % 5),
                  CARRIERS[(d + p + v) % 4]);
          variants.put(
              "v_" + v,
              new Variant(
                  "SKU-D" + d + "-P" + p + "-V" + v,
                  COLORS[v],
                  SIZES[v],
                  true,
                  false,
                  metadata,
                  price,
                  inventory,
                  shipping));
        }
        products.put(
            "p_" + p,
            new Product(
                "Dept" + d + " Product " + p,
                "SKU-D" + d + "-P" + p,
                "active",
                "Brand " + ((5 * d + p) % 5),
                "Product " + p + " in department " + d,
                variants));
      }
      String name = DEPT_NAMES[d];
      departments.put(
          "dept_" + d,
          new Department(name, name.toLowerCase(Locale.ROOT).replaceAll(" +", "-"), true, false, 5, products));
    }
    Map<String, Order> orders = new LinkedHashMap<>();
    for (int i = 0; i < ORDERS; i++) {
      Map<String, Item> items = new LinkedHashMap<>();
      double orderTotal = 0;
      for (int j = 0; j < ITEMS; j++) {
        double total = (1 + j) * (49.99 + 10 * j);
        orderTotal += total;
        items.put("item_" + j, new Item("p_" + j, "v_" + (j % 4), 1 + j, 49.99 + 10 * j, total));
      }
      orders.put("o_" + i, new Order("pending", "cust_" + i, false, false, false, items, orderTotal));
    }
    return new Shop(
        new Catalog(departments),
        orders,
        new Settings("USD", true, 99.99),
        new Dashboard(125000, 10, 12500, 0));
  }

  // ---- wiring --------------------------------------------------------------------------------

  private void sync(String a, String b) {
    store.wiring().sync(id(a), id(b));
    syncPairs++;
  }

  private void flip(String a, String b) {
    store.wiring().flip(id(a), id(b));
    flipPairs++;
  }

  private void wire() {
    // sync, 75 pairs -> 26 groups
    for (int d = 0; d < DEPTS; d++) {
      for (int p = 0; p < PRODUCTS; p++) {
        sync("settings.currency", variant(d, p, 0) + ".price.currency");
      }
    }
    for (int d = 0; d < DEPTS; d++) {
      for (int p = 0; p < PRODUCTS; p++) {
        for (int v = 1; v < VARIANTS; v++) {
          sync(variant(d, p, 0) + ".price.base", variant(d, p, v) + ".price.base");
        }
      }
    }
    for (int p = 0; p < PRODUCTS; p++) {
      sync(variant(0, p, 0) + ".price.taxRate", variant(1, p, 0) + ".price.taxRate");
      sync(variant(1, p, 0) + ".price.taxRate", variant(2, p, 0) + ".price.taxRate");
      sync(variant(0, p, 0) + ".inventory.warehouse", variant(2, p, 0) + ".inventory.warehouse");
    }
    // flip, 38 pairs
    for (int i = 0; i < 5; i++) {
      flip(order(i) + ".isPaid", order(i) + ".needsRefund");
    }
    for (int d = 0; d < DEPTS; d++) {
      for (int p = 0; p < PRODUCTS; p++) {
        flip(variant(d, p, 0) + ".isActive", variant(d, p, 0) + ".isDiscontinued");
      }
    }
    for (int d = 0; d < DEPTS; d++) {
      for (int p = 0; p < PRODUCTS; p++) {
        flip(variant(d, p, 1) + ".inventory.isLowStock", variant(d, p, 1) + ".shipping.freeShipping");
      }
    }
    for (int d = 0; d < DEPTS; d++) {
      flip(dept(d) + ".isActive", dept(d) + ".isDiscontinued");
    }
    // listeners, 85, numbered by registration order
    int lid = 0;
    for (int d = 0; d < DEPTS; d++) {
      for (int p = 0; p < PRODUCTS; p++) {
        for (int v = 0; v < VARIANTS; v++, lid++) {
          String at = variant(d, p, v);
          listen(at, new FixedOutputs(listenerCalls)
              .addDouble(id(at + ".price.sale"), 10 + (lid * 7.3 % 50))
              .addDouble(id(at + ".price.margin"), 0.1 + (lid * 0.037 % 0.3)));
        }
      }
    }
    for (; lid < 70; lid++) {
      String at = order(lid - 60);
      listen(at, new FixedOutputs(listenerCalls).addDouble(id(at + ".total"), (lid * 73.7) % 1000));
    }
    for (; lid < 75; lid++) {
      String at = order(2 * (lid - 70));
      listen(at, new FixedOutputs(listenerCalls).addDouble(id(at + ".total"), (lid * 73.7) % 1000));
    }
    for (; lid < 85; lid++) {
      int k = lid - 75;
      listen("catalog", new FixedOutputs(listenerCalls)
          .addRef(id(variant(k % 3, k % 5, 3) + ".metadata.season"), "listener-" + k)
          .addInt(id(dept(k % 3) + ".productCount"), 100 + k));
    }
    if (syncPairs != SYNC_PAIRS || flipPairs != FLIP_PAIRS || listeners != LISTENERS) {
      throw new IllegalStateException(
          "wired " + syncPairs + " sync pairs, " + flipPairs + " flip pairs, " + listeners
              + " listeners; ECOMMERCE.md has 75, 38, 85");
    }
  }

  private void listen(String path, FixedOutputs outputs) {
    int at = id(path);
    store.listen(at, at, outputs);
    listenerObjects.add(outputs);
    listeners++;
  }

  /**
   * A listener that ignores what it receives and returns fixed changes, unboxed where the value is
   * primitive (the page's listeners do exactly that). Counts its calls.
   */
  private static final class FixedOutputs implements Listener {
    private final long[] calls;
    private int[] ids = new int[0];
    private PathKind[] kinds = new PathKind[0];
    private long[] bits = new long[0];
    private Object[] refs = new Object[0];

    FixedOutputs(long[] calls) {
      this.calls = calls;
    }

    private FixedOutputs add(int id, PathKind kind, long b, Object ref) {
      int n = ids.length;
      ids = java.util.Arrays.copyOf(ids, n + 1);
      kinds = java.util.Arrays.copyOf(kinds, n + 1);
      bits = java.util.Arrays.copyOf(bits, n + 1);
      refs = java.util.Arrays.copyOf(refs, n + 1);
      ids[n] = id;
      kinds[n] = kind;
      bits[n] = b;
      refs[n] = ref;
      return this;
    }

    FixedOutputs addDouble(int id, double v) {
      return add(id, PathKind.DOUBLE, Double.doubleToLongBits(v), null);
    }

    FixedOutputs addInt(int id, int v) {
      return add(id, PathKind.INT, v, null);
    }

    FixedOutputs addRef(int id, Object v) {
      return add(id, PathKind.OBJECT, 0, v);
    }

    @Override
    public void onChanges(ListenerEvent event) {
      calls[0]++;
      for (int i = 0; i < ids.length; i++) {
        switch (kinds[i]) {
          case DOUBLE -> event.emitDouble(ids[i], Double.longBitsToDouble(bits[i]));
          case INT -> event.emitInt(ids[i], (int) bits[i]);
          default -> event.emit(ids[i], refs[i]);
        }
      }
    }
  }

  // ---- triggers ------------------------------------------------------------------------------

  /** The 16 triggers of ECOMMERCE.md, S01..S16, as (dot path, value) lists in input order. */
  public static List<Trigger> triggers() {
    List<Trigger> all = new ArrayList<>();
    Trigger t;

    t = new Trigger("S01");
    t.add(variant(0, 0, 0) + ".price.base", 59.99);
    all.add(t);

    t = new Trigger("S02");
    t.add(variant(0, 2, 1) + ".price.base", 79.99);
    t.add(variant(0, 2, 1) + ".price.sale", 69.99);
    t.add(variant(0, 2, 1) + ".inventory.inStock", 200);
    all.add(t);

    t = new Trigger("S03");
    t.add("settings.currency", "EUR");
    all.add(t);

    t = new Trigger("S04");
    t.add(order(0) + ".isPaid", true);
    all.add(t);

    t = new Trigger("S05");
    for (int d = 0; d < DEPTS; d++) {
      for (int p = 0; p < PRODUCTS; p++) {
        for (int v = 0; v < VARIANTS; v++) {
          t.add(variant(d, p, v) + ".inventory.inStock", 500);
        }
      }
    }
    all.add(t);

    t = new Trigger("S06");
    for (int i = 0; i < 10; i++) {
      t.add(variant((i / 5) % 3, i % 5, 0) + ".isActive", false);
    }
    all.add(t);

    t = new Trigger("S07");
    t.add(order(0) + ".status", "confirmed");
    t.add(order(0) + ".isPaid", true);
    t.add(order(0) + ".isShipped", true);
    t.add(order(0) + ".items.item_0.quantity", 3);
    t.add(order(0) + ".total", 299.97);
    all.add(t);

    t = new Trigger("S08");
    for (int i = 0; i < ORDERS; i++) {
      t.add(order(i) + ".total", (double) (100 + 50 * i));
    }
    all.add(t);

    t = new Trigger("S09");
    for (int d = 0; d < DEPTS; d++) {
      for (int p = 0; p <= 1; p++) {
        t.add(product(d, p) + ".status", "archived");
      }
    }
    all.add(t);

    t = new Trigger("S10");
    String v123 = variant(1, 2, 3);
    t.add(v123 + ".metadata.updatedAt", "2026-02-16T18:00:00Z");
    t.add(v123 + ".metadata.origin", "UK");
    t.add(v123 + ".metadata.season", "winter");
    t.add(v123 + ".price.base", 89.99);
    t.add(v123 + ".price.sale", 74.99);
    t.add(v123 + ".inventory.inStock", 300);
    t.add(v123 + ".shipping.estimatedDays", 2);
    all.add(t);

    t = new Trigger("S11");
    for (int d = 0; d < DEPTS; d++) {
      for (int p = 0; p < PRODUCTS; p++) {
        for (int v = 0; v < VARIANTS; v++) {
          t.add(variant(d, p, v) + ".price.base", 99.99 + d + p + v);
        }
      }
    }
    all.add(t);

    t = new Trigger("S12");
    for (int d = 0; d < DEPTS; d++) {
      t.add(dept(d) + ".isActive", false);
    }
    all.add(t);

    t = new Trigger("S13");
    for (int d = 0; d < DEPTS; d++) {
      for (int p = 0; p < PRODUCTS; p++) {
        t.add(variant(d, p, 0) + ".shipping.weight", 2.5 + d + 0.3 * p);
      }
    }
    all.add(t);

    t = new Trigger("S14");
    for (int i = 0; i < 5; i++) {
      t.add(order(i) + ".status", "confirmed");
      t.add(order(i) + ".isPaid", true);
    }
    all.add(t);

    t = new Trigger("S15");
    for (int d = 0; d <= 1; d++) {
      for (int p = 0; p < PRODUCTS; p++) {
        for (int v = 0; v < VARIANTS; v++) {
          t.add(variant(d, p, v) + ".price.sale", 19.99 + 10 * d + p + v);
        }
      }
    }
    all.add(t);

    t = new Trigger("S16");
    for (int d = 0; d < DEPTS; d++) {
      for (int p = 0; p < PRODUCTS; p++) {
        t.add(product(d, p) + ".status", "active");
        for (int v = 0; v < VARIANTS; v++) {
          t.add(variant(d, p, v) + ".price.base", 49.99 + 20 * d + 5 * p + 2 * v);
          t.add(variant(d, p, v) + ".inventory.inStock", 200 + 50 * d + 10 * p);
        }
      }
    }
    all.add(t);
    return all;
  }

  /** Trigger {@code name} (S01..S16). */
  public static Trigger trigger(String name) {
    for (Trigger t : triggers()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no trigger " + name + "; S01..S16");
  }

  /** The parity table of ECOMMERCE.md, per trigger S01..S16 (index 0 = S01). */
  public static final int[] PARITY_APPLIED = {32, 34, 66, 3, 200, 60, 7, 25, 26, 37, 380, 26, 65, 18, 140, 440};
  public static final int[] PARITY_CHANGED_LEAVES = {25, 26, 59, 2, 193, 53, 5, 10, 19, 29, 193, 19, 58, 15, 93, 253};
  public static final int[] PARITY_LISTENER_CALLS = {14, 14, 25, 2, 70, 20, 2, 15, 10, 14, 70, 10, 25, 8, 50, 70};
  public static final int[] PARITY_INPUT = {1, 3, 1, 1, 60, 10, 5, 10, 6, 7, 60, 3, 15, 10, 40, 135};
}
