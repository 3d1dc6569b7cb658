package shop;

import static dev.statewire.runtime.PathKind.*;

import dev.statewire.runtime.PathKind;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.ValueCodec;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * The schema of {@link Checkout}: one row per path ID of {@link CheckoutPaths}, the static wiring, and the codec that splits and builds its records.
 */
@Generated("dev.statewire.processor.StateProcessor")
public final class CheckoutSchema {
  /**
   * The last segment of each path.
   */
  private static final String[] NAMES = {
    "", // 0 <root>
    "shipping", // 1 shipping
    "street", // 2 shipping.street
    "city", // 3 shipping.city
    "zip", // 4 shipping.zip
    "billing", // 5 billing
    "street", // 6 billing.street
    "city", // 7 billing.city
    "zip", // 8 billing.zip
    "isBuy", // 9 isBuy
    "isSell", // 10 isSell
    "items", // 11 items
    "*", // 12 items.*
    "selected", // 13 items.*.selected
    "excluded", // 14 items.*.excluded
    "qty", // 15 items.*.qty
    "label", // 16 items.*.label
    "allSelected", // 17 allSelected
    "quantity", // 18 quantity
    "price", // 19 price
    "note", // 20 note
  };

  /**
   * The parent of each path; -1 for the root.
   */
  private static final int[] PARENTS = {
    -1, // 0 <root>
    0, // 1 shipping
    1, // 2 shipping.street
    1, // 3 shipping.city
    1, // 4 shipping.zip
    0, // 5 billing
    5, // 6 billing.street
    5, // 7 billing.city
    5, // 8 billing.zip
    0, // 9 isBuy
    0, // 10 isSell
    0, // 11 items
    11, // 12 items.*
    12, // 13 items.*.selected
    12, // 14 items.*.excluded
    12, // 15 items.*.qty
    12, // 16 items.*.label
    0, // 17 allSelected
    0, // 18 quantity
    0, // 19 price
    0, // 20 note
  };

  /**
   * What each path holds.
   */
  private static final PathKind[] KINDS = {
    RECORD, // 0 <root>
    RECORD, // 1 shipping
    STRING, // 2 shipping.street
    STRING, // 3 shipping.city
    STRING, // 4 shipping.zip
    RECORD, // 5 billing
    STRING, // 6 billing.street
    STRING, // 7 billing.city
    STRING, // 8 billing.zip
    BOOLEAN, // 9 isBuy
    BOOLEAN, // 10 isSell
    MAP, // 11 items
    RECORD, // 12 items.*
    BOOLEAN, // 13 items.*.selected
    BOOLEAN, // 14 items.*.excluded
    INT, // 15 items.*.qty
    STRING, // 16 items.*.label
    BOOLEAN, // 17 allSelected
    INT, // 18 quantity
    DOUBLE, // 19 price
    STRING, // 20 note
  };

  /**
   * The Java type of each path (primitive or boxed tells whether null is allowed).
   */
  private static final Class<?>[] TYPES = {
    Checkout.class, // 0 <root>
    Address.class, // 1 shipping
    String.class, // 2 shipping.street
    String.class, // 3 shipping.city
    String.class, // 4 shipping.zip
    Address.class, // 5 billing
    String.class, // 6 billing.street
    String.class, // 7 billing.city
    String.class, // 8 billing.zip
    boolean.class, // 9 isBuy
    boolean.class, // 10 isSell
    Map.class, // 11 items
    LineItem.class, // 12 items.*
    boolean.class, // 13 items.*.selected
    boolean.class, // 14 items.*.excluded
    int.class, // 15 items.*.qty
    String.class, // 16 items.*.label
    Boolean.class, // 17 allSelected
    int.class, // 18 quantity
    double.class, // 19 price
    String.class, // 20 note
  };

  /**
   * The generic type of each path, fully qualified: runtime wiring compares them.
   */
  private static final String[] TYPE_NAMES = {
    "shop.Checkout", // 0 <root>
    "shop.Address", // 1 shipping
    "java.lang.String", // 2 shipping.street
    "java.lang.String", // 3 shipping.city
    "java.lang.String", // 4 shipping.zip
    "shop.Address", // 5 billing
    "java.lang.String", // 6 billing.street
    "java.lang.String", // 7 billing.city
    "java.lang.String", // 8 billing.zip
    "boolean", // 9 isBuy
    "boolean", // 10 isSell
    "java.util.Map<java.lang.String,shop.LineItem>", // 11 items
    "shop.LineItem", // 12 items.*
    "boolean", // 13 items.*.selected
    "boolean", // 14 items.*.excluded
    "int", // 15 items.*.qty
    "java.lang.String", // 16 items.*.label
    "java.lang.Boolean", // 17 allSelected
    "int", // 18 quantity
    "double", // 19 price
    "java.lang.String", // 20 note
  };

  /**
   * Static sync pairs in declaration order (PIPELINE.md §4).
   */
  private static final int[][] SYNC_PAIRS = {
    {5, 1}, // billing <-> shipping (@Sync on Checkout.billing)
  };

  /**
   * Static flip pairs in declaration order (PIPELINE.md §4).
   */
  private static final int[][] FLIP_PAIRS = {
    {10, 9}, // isSell <-> isBuy (@Flip on Checkout.isSell)
    {14, 13}, // items.*.excluded <-> items.*.selected (@Flip on LineItem.excluded)
  };

  /**
   * The sync groups (connected components of the sync pairs) in group order, each with its members in member order (docs/PIPELINE.md, "Matching a change against a group"); a group inside an entry template holds in every entry.
   */
  private static final int[][] SYNC_GROUPS = {
    {5, 1}, // billing, shipping
  };

  /**
   * The flip groups, in the form of {@code SYNC_GROUPS}.
   */
  private static final int[][] FLIP_GROUPS = {
    {10, 9}, // isSell, isBuy
    {14, 13}, // items.*.excluded, items.*.selected
  };

  /**
   * Per flip group, each member's parity against the group's first member: 0 the same value, 1 the negation.
   */
  private static final int[][] FLIP_PARITIES = {
    {0, 1}, // isSell, isBuy
    {0, 1}, // items.*.excluded, items.*.selected
  };

  /**
   * Static aggregations, {@code {target, sources...}}, in declaration order; template IDs stand for every entry.
   */
  private static final int[][] AGGREGATIONS = {
    {17, 13}, // allSelected <- items.*.selected (@Aggregate on Checkout.allSelected)
  };

  /**
   * The schema, shared by every store of {@link Checkout}.
   */
  public static final Schema SCHEMA = new Schema(Checkout.class, NAMES, PARENTS, KINDS, TYPES, SYNC_PAIRS, FLIP_PAIRS, AGGREGATIONS, new Codec(), TYPE_NAMES,
      SYNC_GROUPS, FLIP_GROUPS, FLIP_PARITIES);

  private CheckoutSchema() {
  }

  /**
   * Splits and builds the values of the tree by path ID: accessors, and canonical constructors (the Immutables builder, for an abstract value type), no reflection.
   */
  private static final class Codec implements ValueCodec {
    @Override
    public Object component(int pathId, Object record, int ordinal) {
      return switch (pathId) {
        case 0 -> checkout((Checkout) record, ordinal);
        case 1, 5 -> address((Address) record, ordinal);
        case 12 -> lineItem((LineItem) record, ordinal);
        default -> throw new IllegalArgumentException("not a record path: " + pathId);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object construct(int pathId, Object[] components) {
      return switch (pathId) {
        case 0 ->
            new Checkout(
                (Address) components[0],
                (Address) components[1],
                (boolean) components[2],
                (boolean) components[3],
                (Map<String, LineItem>) components[4],
                (Boolean) components[5],
                (int) components[6],
                (double) components[7],
                (String) components[8]);
        case 1, 5 ->
            new Address(
                (String) components[0],
                (String) components[1],
                (String) components[2]);
        case 12 ->
            new LineItem(
                (boolean) components[0],
                (boolean) components[1],
                (int) components[2],
                (String) components[3]);
        default -> throw new IllegalArgumentException("not a record path: " + pathId);
      };
    }

    /**
     * Component {@code ordinal} of {@code value}, boxed.
     */
    private static Object checkout(Checkout value, int ordinal) {
      return switch (ordinal) {
        case 0 -> value.shipping();
        case 1 -> value.billing();
        case 2 -> value.isBuy();
        case 3 -> value.isSell();
        case 4 -> value.items();
        case 5 -> value.allSelected();
        case 6 -> value.quantity();
        case 7 -> value.price();
        case 8 -> value.note();
        default -> throw new IndexOutOfBoundsException("Checkout has 9 components, no component " + ordinal);
      };
    }

    /**
     * Component {@code ordinal} of {@code value}, boxed.
     */
    private static Object address(Address value, int ordinal) {
      return switch (ordinal) {
        case 0 -> value.street();
        case 1 -> value.city();
        case 2 -> value.zip();
        default -> throw new IndexOutOfBoundsException("Address has 3 components, no component " + ordinal);
      };
    }

    /**
     * Component {@code ordinal} of {@code value}, boxed.
     */
    private static Object lineItem(LineItem value, int ordinal) {
      return switch (ordinal) {
        case 0 -> value.selected();
        case 1 -> value.excluded();
        case 2 -> value.qty();
        case 3 -> value.label();
        default -> throw new IndexOutOfBoundsException("LineItem has 4 components, no component " + ordinal);
      };
    }
  }
}
