package dev.statewire.sample;

import dev.statewire.runtime.Changes;
import dev.statewire.runtime.ListenerEvent;
import dev.statewire.runtime.PathKind;
import dev.statewire.runtime.Registration;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.StateException;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.ValueCodec;

/**
 * An order ticket on a store whose schema is written by hand through the runtime API (the
 * annotation processor generates this schema from annotated records).
 */
public final class OrderTicketApp {

  /** A postal address. */
  public record Address(String street, String city, String zip) {}

  /** The order ticket: billing follows shipping, sell is the opposite of buy, total is derived. */
  public record Ticket(
      Address shipping,
      Address billing,
      boolean isBuy,
      boolean isSell,
      int quantity,
      double price,
      Double total,
      String note) {}

  static final int SHIPPING = 1;
  static final int SHIPPING_ZIP = 4;
  static final int BILLING = 5;
  static final int BILLING_ZIP = 8;
  static final int IS_BUY = 9;
  static final int IS_SELL = 10;
  static final int QUANTITY = 11;
  static final int PRICE = 12;
  static final int TOTAL = 13;

  static final Schema SCHEMA =
      new Schema(
          Ticket.class,
          new String[] {
            "", "shipping", "street", "city", "zip", "billing", "street", "city", "zip",
            "isBuy", "isSell", "quantity", "price", "total", "note"
          },
          new int[] {-1, 0, 1, 1, 1, 0, 5, 5, 5, 0, 0, 0, 0, 0, 0},
          new PathKind[] {
            PathKind.RECORD, PathKind.RECORD, PathKind.STRING, PathKind.STRING, PathKind.STRING,
            PathKind.RECORD, PathKind.STRING, PathKind.STRING, PathKind.STRING,
            PathKind.BOOLEAN, PathKind.BOOLEAN, PathKind.INT, PathKind.DOUBLE, PathKind.DOUBLE,
            PathKind.STRING
          },
          new Class<?>[] {
            Ticket.class, Address.class, String.class, String.class, String.class,
            Address.class, String.class, String.class, String.class,
            boolean.class, boolean.class, int.class, double.class, Double.class, String.class
          },
          new int[][] {{SHIPPING, BILLING}},
          new int[][] {{IS_BUY, IS_SELL}},
          new int[0][],
          new Codec());

  /** Splits and builds the two record types with plain accessor calls. */
  static final class Codec implements ValueCodec {
    @Override
    public Object component(int pathId, Object record, int ordinal) {
      if (pathId == 0) {
        Ticket t = (Ticket) record;
        switch (ordinal) {
          case 0: return t.shipping();
          case 1: return t.billing();
          case 2: return t.isBuy();
          case 3: return t.isSell();
          case 4: return t.quantity();
          case 5: return t.price();
          case 6: return t.total();
          default: return t.note();
        }
      }
      Address a = (Address) record;
      switch (ordinal) {
        case 0: return a.street();
        case 1: return a.city();
        default: return a.zip();
      }
    }

    @Override
    public Object construct(int pathId, Object[] c) {
      if (pathId == 0) {
        return new Ticket((Address) c[0], (Address) c[1], (Boolean) c[2], (Boolean) c[3],
            (Integer) c[4], (Double) c[5], (Double) c[6], (String) c[7]);
      }
      return new Address((String) c[0], (String) c[1], (String) c[2]);
    }
  }

  private OrderTicketApp() {}

  public static void main(String[] args) {
    Address home = new Address("1 Main St", "Prague", "11000");
    Store store =
        Store.create(SCHEMA, new Ticket(home, home, true, false, 1, 10.0, 10.0, null));
    System.out.println("statewire sample: an order ticket");
    System.out.println("initial   " + store.snapshot());

    // a root listener recomputes the total whenever quantity or price changes
    Registration totals = store.listenAll(OrderTicketApp::recomputeTotal);

    step("set shipping.zip = 60200 (billing follows)", store.set(SHIPPING_ZIP, "60200"), store);
    step("set isSell = true (isBuy flips)", store.setBoolean(IS_SELL, true), store);
    step("batch quantity = 3, price = 9.5 (listener sets total)",
        store.batch().setInt(QUANTITY, 3).setDouble(PRICE, 9.5).apply(), store);
    step("write a whole new shipping address",
        store.set(SHIPPING, new Address("2 Oak Ave", "Brno", "60200")), store);
    try {
      store.set("quantity", "three");
    } catch (StateException e) {
      System.out.println("bad write rejected: " + e.getMessage());
    }
    totals.close();
    step("quantity = 4 after the listener is closed", store.setInt(QUANTITY, 4), store);
  }

  private static void recomputeTotal(ListenerEvent e) {
    Ticket before = (Ticket) e.preBatchValue(0);
    int quantity = before.quantity();
    double price = before.price();
    boolean relevant = false;
    for (int i = 0; i < e.changes().size(); i++) {
      if (e.changes().pathId(i) == QUANTITY) {
        quantity = (Integer) e.changes().value(i);
        relevant = true;
      } else if (e.changes().pathId(i) == PRICE) {
        price = (Double) e.changes().value(i);
        relevant = true;
      }
    }
    if (relevant) {
      e.emit(TOTAL, quantity * price);
    }
  }

  private static void step(String what, Changes applied, Store store) {
    System.out.println();
    System.out.println("> " + what);
    for (int i = 0; i < applied.size(); i++) {
      System.out.printf("    %-20s = %-12s %s%n", applied.path(i), applied.value(i),
          applied.flags(i).isEmpty() ? "(input)" : applied.flags(i));
    }
    System.out.println("  state   " + store.snapshot());
  }
}
