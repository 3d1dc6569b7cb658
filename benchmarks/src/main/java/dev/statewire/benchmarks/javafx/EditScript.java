package dev.statewire.benchmarks.javafx;

import dev.statewire.runtime.Batch;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Store;

/**
 * The 100-change edit of the JavaFX comparison, in two phases that alternate so that every run
 * writes new values: change {@code i} writes field {@code i % 6} of shipping street, shipping
 * city, shipping zip, isBuy, quantity, price. Strings come from precomputed tables (no allocation
 * while measuring). All isBuy writes of one phase carry the same value (statewire drops an input
 * equal to the pre-batch value, JavaFX applies sets in order, so alternating values of one path
 * within a batch would end differently by design, see PERFORMANCE.md).
 */
public final class EditScript {
  public static final int CHANGES = 100;
  private static final String[][] STREETS = strings("Street ");
  private static final String[][] CITIES = strings("City ");
  private static final String[][] ZIPS = strings("Zip ");

  private EditScript() {}

  private static String[][] strings(String prefix) {
    String[][] out = new String[2][CHANGES];
    for (int phase = 0; phase < 2; phase++) {
      for (int i = 0; i < CHANGES; i++) {
        out[phase][i] = prefix + phase + "-" + i;
      }
    }
    return out;
  }

  static int quantity(int phase, int i) {
    return 2 + i + 1000 * phase;
  }

  static double price(int phase, int i) {
    return 1.5 + i + 1000 * phase;
  }

  static boolean isBuy(int phase) {
    return phase == 0 ? false : true;
  }

  /** The 100 changes as one statewire batch. */
  public static Changes statewire(Store store, int phase) {
    Batch b = store.batch();
    for (int i = 0; i < CHANGES; i++) {
      switch (i % 6) {
        case 0 -> b.set(CheckoutModels.SHIPPING_STREET, STREETS[phase][i]);
        case 1 -> b.set(CheckoutModels.SHIPPING_CITY, CITIES[phase][i]);
        case 2 -> b.set(CheckoutModels.SHIPPING_ZIP, ZIPS[phase][i]);
        case 3 -> b.setBoolean(CheckoutModels.IS_BUY, isBuy(phase));
        case 4 -> b.setInt(CheckoutModels.QUANTITY, quantity(phase, i));
        default -> b.setDouble(CheckoutModels.PRICE, price(phase, i));
      }
    }
    return b.apply();
  }

  /** The same 100 changes as one batch of the hand-written form (the floor). */
  public static HandWrittenForm.View floor(HandWrittenForm form, int phase) {
    HandWrittenForm.Edit b = form.batch();
    for (int i = 0; i < CHANGES; i++) {
      switch (i % 6) {
        case 0 -> b.set(HandWrittenForm.SHIPPING_STREET, STREETS[phase][i]);
        case 1 -> b.set(HandWrittenForm.SHIPPING_CITY, CITIES[phase][i]);
        case 2 -> b.set(HandWrittenForm.SHIPPING_ZIP, ZIPS[phase][i]);
        case 3 -> b.setBoolean(HandWrittenForm.IS_BUY, isBuy(phase));
        case 4 -> b.setInt(HandWrittenForm.QUANTITY, quantity(phase, i));
        default -> b.setDouble(HandWrittenForm.PRICE, price(phase, i));
      }
    }
    return b.apply();
  }

  /** The same 100 changes as JavaFX property sets. */
  public static void javafx(CheckoutModels.Fx fx, int phase) {
    for (int i = 0; i < CHANGES; i++) {
      switch (i % 6) {
        case 0 -> fx.shippingStreet.set(STREETS[phase][i]);
        case 1 -> fx.shippingCity.set(CITIES[phase][i]);
        case 2 -> fx.shippingZip.set(ZIPS[phase][i]);
        case 3 -> fx.isBuy.set(isBuy(phase));
        case 4 -> fx.quantity.set(quantity(phase, i));
        default -> fx.price.set(price(phase, i));
      }
    }
  }

  /** The same 100 changes as property sets of the bound form, in one {@code fx.batch}. */
  public static void bound(CheckoutModels.Bound form, int phase) {
    form.fx.batch(() -> {
      for (int i = 0; i < CHANGES; i++) {
        switch (i % 6) {
          case 0 -> form.shippingStreet.set(STREETS[phase][i]);
          case 1 -> form.shippingCity.set(CITIES[phase][i]);
          case 2 -> form.shippingZip.set(ZIPS[phase][i]);
          case 3 -> form.isBuy.set(isBuy(phase));
          case 4 -> form.quantity.set(quantity(phase, i));
          default -> form.price.set(price(phase, i));
        }
      }
    });
  }

  /** A street of phase {@code phase} (for single edits). */
  public static String street(int phase) {
    return STREETS[phase][0];
  }
}
