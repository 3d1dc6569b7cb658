package shop;

import dev.statewire.runtime.Path;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Path IDs and typed path handles of {@link Checkout}.
 *
 * <p>IDs are dense from 0 in depth-first declaration order; {@link #ROOT_ID} is the root. The entries of a map or list are described once, by an entry template named {@code *} ({@code items.*.selected}): template paths identify the wiring that holds in every entry and never hold values themselves. Handles on real entries come from the store.
 */
@Generated("dev.statewire.processor.StateProcessor")
public final class CheckoutPaths {
  /**
   * The ID of {@code <root>}: Checkout.
   */
  public static final int ROOT_ID = 0;

  /**
   * The typed handle of {@code <root>}.
   */
  public static final Path<Checkout> ROOT = Path.of(ROOT_ID, "", Checkout.class);

  /**
   * The ID of {@code shipping}: Address.
   */
  public static final int SHIPPING_ID = 1;

  /**
   * The typed handle of {@code shipping}.
   */
  public static final Path<Address> SHIPPING = Path.of(SHIPPING_ID, "shipping", Address.class);

  /**
   * The ID of {@code shipping.street}: String.
   */
  public static final int SHIPPING_STREET_ID = 2;

  /**
   * The typed handle of {@code shipping.street}.
   */
  public static final Path<String> SHIPPING_STREET = Path.of(SHIPPING_STREET_ID, "shipping.street", String.class);

  /**
   * The ID of {@code shipping.city}: String.
   */
  public static final int SHIPPING_CITY_ID = 3;

  /**
   * The typed handle of {@code shipping.city}.
   */
  public static final Path<String> SHIPPING_CITY = Path.of(SHIPPING_CITY_ID, "shipping.city", String.class);

  /**
   * The ID of {@code shipping.zip}: String.
   */
  public static final int SHIPPING_ZIP_ID = 4;

  /**
   * The typed handle of {@code shipping.zip}.
   */
  public static final Path<String> SHIPPING_ZIP = Path.of(SHIPPING_ZIP_ID, "shipping.zip", String.class);

  /**
   * The ID of {@code billing}: Address.
   */
  public static final int BILLING_ID = 5;

  /**
   * The typed handle of {@code billing}.
   */
  public static final Path<Address> BILLING = Path.of(BILLING_ID, "billing", Address.class);

  /**
   * The ID of {@code billing.street}: String.
   */
  public static final int BILLING_STREET_ID = 6;

  /**
   * The typed handle of {@code billing.street}.
   */
  public static final Path<String> BILLING_STREET = Path.of(BILLING_STREET_ID, "billing.street", String.class);

  /**
   * The ID of {@code billing.city}: String.
   */
  public static final int BILLING_CITY_ID = 7;

  /**
   * The typed handle of {@code billing.city}.
   */
  public static final Path<String> BILLING_CITY = Path.of(BILLING_CITY_ID, "billing.city", String.class);

  /**
   * The ID of {@code billing.zip}: String.
   */
  public static final int BILLING_ZIP_ID = 8;

  /**
   * The typed handle of {@code billing.zip}.
   */
  public static final Path<String> BILLING_ZIP = Path.of(BILLING_ZIP_ID, "billing.zip", String.class);

  /**
   * The ID of {@code isBuy}: boolean.
   */
  public static final int IS_BUY_ID = 9;

  /**
   * The typed handle of {@code isBuy}.
   */
  public static final Path<Boolean> IS_BUY = Path.of(IS_BUY_ID, "isBuy", Boolean.class);

  /**
   * The ID of {@code isSell}: boolean.
   */
  public static final int IS_SELL_ID = 10;

  /**
   * The typed handle of {@code isSell}.
   */
  public static final Path<Boolean> IS_SELL = Path.of(IS_SELL_ID, "isSell", Boolean.class);

  /**
   * The ID of {@code items}: Map&lt;String, LineItem&gt;.
   */
  public static final int ITEMS_ID = 11;

  /**
   * The typed handle of {@code items}.
   */
  public static final Path<Map<String, LineItem>> ITEMS = generic(ITEMS_ID, "items", Map.class);

  /**
   * The ID of {@code items.*}: LineItem (entry template).
   */
  public static final int ITEMS_ANY_ID = 12;

  /**
   * The typed handle of {@code items.*} (entry template).
   */
  public static final Path<LineItem> ITEMS_ANY = Path.of(ITEMS_ANY_ID, "items.*", LineItem.class);

  /**
   * The ID of {@code items.*.selected}: boolean (entry template).
   */
  public static final int ITEMS_ANY_SELECTED_ID = 13;

  /**
   * The typed handle of {@code items.*.selected} (entry template).
   */
  public static final Path<Boolean> ITEMS_ANY_SELECTED = Path.of(ITEMS_ANY_SELECTED_ID, "items.*.selected", Boolean.class);

  /**
   * The ID of {@code items.*.excluded}: boolean (entry template).
   */
  public static final int ITEMS_ANY_EXCLUDED_ID = 14;

  /**
   * The typed handle of {@code items.*.excluded} (entry template).
   */
  public static final Path<Boolean> ITEMS_ANY_EXCLUDED = Path.of(ITEMS_ANY_EXCLUDED_ID, "items.*.excluded", Boolean.class);

  /**
   * The ID of {@code items.*.qty}: int (entry template).
   */
  public static final int ITEMS_ANY_QTY_ID = 15;

  /**
   * The typed handle of {@code items.*.qty} (entry template).
   */
  public static final Path<Integer> ITEMS_ANY_QTY = Path.of(ITEMS_ANY_QTY_ID, "items.*.qty", Integer.class);

  /**
   * The ID of {@code items.*.label}: String (entry template).
   */
  public static final int ITEMS_ANY_LABEL_ID = 16;

  /**
   * The typed handle of {@code items.*.label} (entry template).
   */
  public static final Path<String> ITEMS_ANY_LABEL = Path.of(ITEMS_ANY_LABEL_ID, "items.*.label", String.class);

  /**
   * The ID of {@code allSelected}: Boolean.
   */
  public static final int ALL_SELECTED_ID = 17;

  /**
   * The typed handle of {@code allSelected}.
   */
  public static final Path<Boolean> ALL_SELECTED = Path.of(ALL_SELECTED_ID, "allSelected", Boolean.class);

  /**
   * The ID of {@code quantity}: int.
   */
  public static final int QUANTITY_ID = 18;

  /**
   * The typed handle of {@code quantity}.
   */
  public static final Path<Integer> QUANTITY = Path.of(QUANTITY_ID, "quantity", Integer.class);

  /**
   * The ID of {@code price}: double.
   */
  public static final int PRICE_ID = 19;

  /**
   * The typed handle of {@code price}.
   */
  public static final Path<Double> PRICE = Path.of(PRICE_ID, "price", Double.class);

  /**
   * The ID of {@code note}: String.
   */
  public static final int NOTE_ID = 20;

  /**
   * The typed handle of {@code note}.
   */
  public static final Path<String> NOTE = Path.of(NOTE_ID, "note", String.class);

  /**
   * Number of static paths, entry templates included.
   */
  public static final int COUNT = 21;

  private CheckoutPaths() {
  }

  /**
   * A handle on a path of a generic type: the class literal is raw, the handle is not.
   */
  @SuppressWarnings("unchecked")
  private static <T> Path<T> generic(int id, String path, Class<?> rawType) {
    return (Path<T>) Path.of(id, path, rawType);
  }
}
