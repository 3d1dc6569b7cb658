package dev.statewire.benchmarks.javafx;

import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Store;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * statewire against the peer a Java user would pick instead, JavaFX properties (issue 6 §3), in
 * the same JVM and run: the checkout form of conformance shape S1 ({@link CheckoutModels}). Single
 * edits (a synced street, the flipped isBuy, the quantity that drives the total) and one edit of
 * 100 changes ({@link EditScript}; statewire: one batch, JavaFX: 100 property sets). Three columns:
 * the bare store ({@code statewire*}), plain JavaFX properties ({@code javafx*}), and the store
 * bound through statewire-javafx ({@code bound*}: property sets, one {@code fx.batch} for the 100
 * changes; issue 15). Every call writes values that differ from the current ones (two
 * alternating phases). A fourth column, {@code floor*}, runs the same edits through {@link
 * HandWrittenForm}: the spec's stages written by hand for this form only, the least the store's
 * work can cost. {@code statewireNoop} and {@code floorNoop} write the price it already holds, a
 * batch of one that applies nothing (the shape of the e-commerce triggers S01, S03 and S04).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class JavaFxPeerBench {
  /** The price both forms start with. */
  private static final double PRICE = Checkout.initial().price();

  Store store;
  HandWrittenForm floor;
  CheckoutModels.Fx fx;
  CheckoutModels.Bound bound;
  int phase;
  int quantity = 1;
  boolean isBuy = true;

  @Setup(Level.Trial)
  public void setUp() {
    store = CheckoutModels.statewire();
    floor = new HandWrittenForm();
    fx = new CheckoutModels.Fx();
    bound = new CheckoutModels.Bound();
  }

  private int nextPhase() {
    phase ^= 1;
    return phase;
  }

  @Benchmark
  public Changes statewireStreet() {
    return store.set(CheckoutModels.SHIPPING_STREET, EditScript.street(nextPhase()));
  }

  @Benchmark
  public Object javafxStreet() {
    fx.shippingStreet.set(EditScript.street(nextPhase()));
    return fx.billingStreet.get();
  }

  @Benchmark
  public Changes statewireFlip() {
    isBuy = !isBuy;
    return store.setBoolean(CheckoutModels.IS_BUY, isBuy);
  }

  @Benchmark
  public boolean javafxFlip() {
    isBuy = !isBuy;
    fx.isBuy.set(isBuy);
    return fx.isSell.get();
  }

  @Benchmark
  public Changes statewireQuantity() {
    quantity = 3 - quantity;
    return store.setInt(CheckoutModels.QUANTITY, quantity);
  }

  @Benchmark
  public double javafxQuantity() {
    quantity = 3 - quantity;
    fx.quantity.set(quantity);
    return fx.total.get();
  }

  /**
   * {@link #statewireStreet} for a caller that ignores the result, as most setters' callers do:
   * the result view is then never made (issue 16 asks for 0 B/op here).
   */
  @Benchmark
  public void statewireStreetIgnored() {
    store.set(CheckoutModels.SHIPPING_STREET, EditScript.street(nextPhase()));
  }

  /** {@link #statewireFlip}, the result ignored (see {@link #statewireStreetIgnored}). */
  @Benchmark
  public void statewireFlipIgnored() {
    isBuy = !isBuy;
    store.setBoolean(CheckoutModels.IS_BUY, isBuy);
  }

  /** {@link #statewireQuantity}, the result ignored (see {@link #statewireStreetIgnored}). */
  @Benchmark
  public void statewireQuantityIgnored() {
    quantity = 3 - quantity;
    store.setInt(CheckoutModels.QUANTITY, quantity);
  }

  @Benchmark
  public Changes statewire100() {
    return EditScript.statewire(store, nextPhase());
  }

  @Benchmark
  public double javafx100() {
    EditScript.javafx(fx, nextPhase());
    return fx.total.get();
  }

  @Benchmark
  public HandWrittenForm.View floorStreet() {
    return floor.set(HandWrittenForm.SHIPPING_STREET, EditScript.street(nextPhase()));
  }

  @Benchmark
  public HandWrittenForm.View floorFlip() {
    isBuy = !isBuy;
    return floor.setBoolean(HandWrittenForm.IS_BUY, isBuy);
  }

  @Benchmark
  public HandWrittenForm.View floorQuantity() {
    quantity = 3 - quantity;
    return floor.setInt(HandWrittenForm.QUANTITY, quantity);
  }

  @Benchmark
  public HandWrittenForm.View floor100() {
    return EditScript.floor(floor, nextPhase());
  }

  @Benchmark
  public Changes statewireNoop() {
    // each benchmark has its own trial state: nothing else writes the price of this store
    return store.batch().setDouble(CheckoutModels.PRICE, PRICE).apply();
  }

  @Benchmark
  public HandWrittenForm.View floorNoop() {
    return floor.batch().setDouble(HandWrittenForm.PRICE, PRICE).apply();
  }

  @Benchmark
  public Object boundStreet() {
    bound.shippingStreet.set(EditScript.street(nextPhase()));
    return bound.billingStreet.get();
  }

  @Benchmark
  public boolean boundFlip() {
    isBuy = !isBuy;
    bound.isBuy.set(isBuy);
    return bound.isSell.get();
  }

  @Benchmark
  public double boundQuantity() {
    quantity = 3 - quantity;
    bound.quantity.set(quantity);
    return bound.total.get();
  }

  @Benchmark
  public double bound100() {
    EditScript.bound(bound, nextPhase());
    return bound.total.get();
  }
}
