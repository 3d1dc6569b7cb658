package dev.statewire.benchmarks.javafx;

import dev.statewire.benchmarks.javafx.Checkout.Address;
import dev.statewire.javafx.FxStore;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.StringProperty;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.Store;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;

/** The checkout form twice: as a statewire store and as JavaFX properties, wired the same way. */
public final class CheckoutModels {
  private CheckoutModels() {}

  /** The schema the annotation processor generated from {@link Checkout}. */
  static final Schema SCHEMA = CheckoutSchema.SCHEMA;
  public static final int SHIPPING_STREET = CheckoutPaths.SHIPPING_STREET_ID;
  public static final int SHIPPING_CITY = CheckoutPaths.SHIPPING_CITY_ID;
  public static final int SHIPPING_ZIP = CheckoutPaths.SHIPPING_ZIP_ID;
  public static final int BILLING_STREET = CheckoutPaths.BILLING_STREET_ID;
  public static final int BILLING_CITY = CheckoutPaths.BILLING_CITY_ID;
  public static final int BILLING_ZIP = CheckoutPaths.BILLING_ZIP_ID;
  public static final int IS_BUY = CheckoutPaths.IS_BUY_ID;
  public static final int IS_SELL = CheckoutPaths.IS_SELL_ID;
  public static final int QUANTITY = CheckoutPaths.QUANTITY_ID;
  public static final int PRICE = CheckoutPaths.PRICE_ID;
  public static final int TOTAL = CheckoutPaths.TOTAL_ID;

  /**
   * The statewire store: sync shipping.X – billing.X for street, city and zip, flip isBuy – isSell,
   * and one root listener that, when quantity or price changed, returns total = quantity × price
   * (values from this batch where they changed, else the current ones). Wiring is registered at
   * run time through the path-ID API, as the e-commerce suite does (S1's static {@code @Sync} and
   * {@code @Flip} would give the same groups).
   */
  public static Store statewire() {
    Store store = Store.create(SCHEMA, Checkout.initial());
    store.wiring().sync(SHIPPING_STREET, BILLING_STREET);
    store.wiring().sync(SHIPPING_CITY, BILLING_CITY);
    store.wiring().sync(SHIPPING_ZIP, BILLING_ZIP);
    store.wiring().flip(IS_BUY, IS_SELL);
    store.listenAll(
        event -> {
          Changes changes = event.changes();
          int quantityAt = -1;
          int priceAt = -1;
          for (int i = 0; i < changes.size(); i++) {
            int p = changes.pathId(i);
            if (p == QUANTITY) {
              quantityAt = i;
            } else if (p == PRICE) {
              priceAt = i;
            }
          }
          if (quantityAt < 0 && priceAt < 0) {
            return;
          }
          int quantity = quantityAt < 0 ? store.getInt(QUANTITY) : changes.intValue(quantityAt);
          double price = priceAt < 0 ? store.getDouble(PRICE) : changes.doubleValue(priceAt);
          event.emitDouble(TOTAL, quantity * price);
        });
    return store;
  }

  /**
   * The same form in JavaFX properties: {@code bindBidirectional} for each synced pair, two
   * listeners with a re-entrancy guard for the flip, and a {@code ChangeListener} on quantity and
   * price that sets the total.
   */
  public static final class Fx {
    public final SimpleStringProperty shippingStreet = new SimpleStringProperty();
    public final SimpleStringProperty shippingCity = new SimpleStringProperty();
    public final SimpleStringProperty shippingZip = new SimpleStringProperty();
    public final SimpleStringProperty billingStreet = new SimpleStringProperty();
    public final SimpleStringProperty billingCity = new SimpleStringProperty();
    public final SimpleStringProperty billingZip = new SimpleStringProperty();
    public final SimpleBooleanProperty sameAddress = new SimpleBooleanProperty();
    public final SimpleBooleanProperty isBuy = new SimpleBooleanProperty();
    public final SimpleBooleanProperty isSell = new SimpleBooleanProperty();
    public final SimpleIntegerProperty quantity = new SimpleIntegerProperty();
    public final SimpleDoubleProperty price = new SimpleDoubleProperty();
    public final SimpleStringProperty note = new SimpleStringProperty();
    public final SimpleDoubleProperty total = new SimpleDoubleProperty();
    private boolean flipping;

    public Fx() {
      Checkout c = Checkout.initial();
      shippingStreet.set(c.shipping().street());
      shippingCity.set(c.shipping().city());
      shippingZip.set(c.shipping().zip());
      billingStreet.set(c.billing().street());
      billingCity.set(c.billing().city());
      billingZip.set(c.billing().zip());
      sameAddress.set(c.sameAddress());
      isBuy.set(c.isBuy());
      isSell.set(c.isSell());
      quantity.set(c.quantity());
      price.set(c.price());
      note.set(c.note());
      total.set(c.total());
      billingStreet.bindBidirectional(shippingStreet);
      billingCity.bindBidirectional(shippingCity);
      billingZip.bindBidirectional(shippingZip);
      isBuy.addListener((obs, was, now) -> {
        if (!flipping) {
          flipping = true;
          try {
            isSell.set(!now);
          } finally {
            flipping = false;
          }
        }
      });
      isSell.addListener((obs, was, now) -> {
        if (!flipping) {
          flipping = true;
          try {
            isBuy.set(!now);
          } finally {
            flipping = false;
          }
        }
      });
      quantity.addListener((obs, was, now) -> total.set(quantity.get() * price.get()));
      price.addListener((obs, was, now) -> total.set(quantity.get() * price.get()));
    }

    /** The form's values as a {@link Checkout}. */
    public Checkout snapshot() {
      return new Checkout(
          new Address(shippingStreet.get(), shippingCity.get(), shippingZip.get()),
          new Address(billingStreet.get(), billingCity.get(), billingZip.get()),
          sameAddress.get(), isBuy.get(), isSell.get(), quantity.get(), price.get(), note.get(), total.get());
    }
  }

  /**
   * The same form bound through statewire-javafx: an {@link FxStore} over {@link #statewire()},
   * one property per field, as a JavaFX form would bind its controls. Setting a property writes
   * one batch; every property of a path the batch changed is updated once, after it commits.
   */
  public static final class Bound {
    public final FxStore fx = FxStore.of(statewire());
    public final StringProperty shippingStreet = fx.stringProperty(CheckoutPaths.SHIPPING_STREET);
    public final StringProperty shippingCity = fx.stringProperty(CheckoutPaths.SHIPPING_CITY);
    public final StringProperty shippingZip = fx.stringProperty(CheckoutPaths.SHIPPING_ZIP);
    public final StringProperty billingStreet = fx.stringProperty(CheckoutPaths.BILLING_STREET);
    public final StringProperty billingCity = fx.stringProperty(CheckoutPaths.BILLING_CITY);
    public final StringProperty billingZip = fx.stringProperty(CheckoutPaths.BILLING_ZIP);
    public final BooleanProperty isBuy = fx.booleanProperty(CheckoutPaths.IS_BUY);
    public final BooleanProperty isSell = fx.booleanProperty(CheckoutPaths.IS_SELL);
    public final IntegerProperty quantity = fx.intProperty(CheckoutPaths.QUANTITY);
    public final DoubleProperty price = fx.doubleProperty(CheckoutPaths.PRICE);
    public final DoubleProperty total = fx.doubleProperty(CheckoutPaths.TOTAL);

    /** The store behind the properties. */
    public Store store() {
      return fx.store();
    }
  }
}
