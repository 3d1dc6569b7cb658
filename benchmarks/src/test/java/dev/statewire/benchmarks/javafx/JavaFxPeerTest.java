package dev.statewire.benchmarks.javafx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.ListenerException;
import dev.statewire.runtime.Store;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two checkout models of the JavaFX comparison do the same thing (so the benchmark compares
 * like with like), and the behaviour differences PERFORMANCE.md lists are real.
 */
class JavaFxPeerTest {

  @Test
  void bothModelsEndInTheSameState() {
    Store store = CheckoutModels.statewire();
    CheckoutModels.Fx fx = new CheckoutModels.Fx();
    assertEquals(fx.snapshot(), store.snapshot(), "initial");

    store.set(CheckoutModels.SHIPPING_STREET, EditScript.street(1));
    fx.shippingStreet.set(EditScript.street(1));
    store.setBoolean(CheckoutModels.IS_BUY, false);
    fx.isBuy.set(false);
    store.setInt(CheckoutModels.QUANTITY, 7);
    fx.quantity.set(7);
    assertEquals(fx.snapshot(), store.snapshot(), "after single edits");
    assertEquals(70.0, fx.total.get());

    for (int phase : new int[] {0, 1, 0}) {
      int applied = EditScript.statewire(store, phase).size();
      EditScript.javafx(fx, phase);
      assertTrue(applied > 0);
      assertEquals(fx.snapshot(), store.snapshot(), "after the 100-change edit, phase " + phase);
    }
  }

  @Test
  void theBoundFormEndsInTheSameStateAndItsPropertiesShowIt() {
    CheckoutModels.Fx fx = new CheckoutModels.Fx();
    CheckoutModels.Bound bound = new CheckoutModels.Bound();
    List<String> billingStreets = new ArrayList<>();
    bound.billingStreet.addListener((o, was, now) -> billingStreets.add(now));

    bound.shippingStreet.set(EditScript.street(1));
    fx.shippingStreet.set(EditScript.street(1));
    bound.isBuy.set(false);
    fx.isBuy.set(false);
    bound.quantity.set(7);
    fx.quantity.set(7);
    assertEquals(fx.snapshot(), bound.store().snapshot(), "after single edits");
    assertEquals(EditScript.street(1), bound.billingStreet.get(), "the synced street's property");
    assertEquals(true, bound.isSell.get(), "the flipped property");
    assertEquals(70.0, bound.total.get(), "the listener's total");

    for (int phase : new int[] {0, 1, 0}) {
      EditScript.bound(bound, phase);
      EditScript.javafx(fx, phase);
      assertEquals(fx.snapshot(), bound.store().snapshot(), "after the 100-change edit, phase " + phase);
      assertEquals(fx.total.get(), bound.total.get());
      assertEquals(fx.billingZip.get(), bound.billingZip.get());
    }
    // the script's last street write is change 96 (every sixth change is a street)
    assertEquals(List.of("Street 1-0", "Street 0-96", "Street 1-96", "Street 0-96"), billingStreets,
        "the synced property changed once per edit, to the edit's last street, never in between");
  }

  @Test
  void statewireAbandonsTheBatchWhenAListenerThrows() {
    Store store = CheckoutModels.statewire();
    Object before = store.snapshot();
    store.listen(CheckoutModels.PRICE, CheckoutModels.PRICE, e -> {
      throw new IllegalStateException("boom");
    });
    assertThrows(ListenerException.class,
        () -> store.batch().setInt(CheckoutModels.QUANTITY, 5).setDouble(CheckoutModels.PRICE, 2.0).apply());
    assertEquals(before, store.snapshot(), "nothing applied");
  }

  @Test
  void javafxKeepsTheWriteAndReportsAListenerExceptionToTheUncaughtHandler() {
    CheckoutModels.Fx fx = new CheckoutModels.Fx();
    List<Throwable> reported = new ArrayList<>();
    Thread t = Thread.currentThread();
    Thread.UncaughtExceptionHandler old = t.getUncaughtExceptionHandler();
    t.setUncaughtExceptionHandler((thread, e) -> reported.add(e));
    try {
      fx.price.addListener((obs, was, now) -> {
        throw new IllegalStateException("boom");
      });
      fx.quantity.set(5);
      fx.price.set(2.0); // does not throw to the caller
    } finally {
      t.setUncaughtExceptionHandler(old);
    }
    assertEquals(1, reported.size(), "the exception went to the uncaught-exception handler");
    assertEquals(2.0, fx.price.get(), "the write stays");
    assertEquals(10.0, fx.total.get(), "the other listener on price still ran (5 × 2.0)");
  }

  @Test
  void javafxShowsEveryIntermediateStateStatewireOnlyTheResult() {
    CheckoutModels.Fx fx = new CheckoutModels.Fx();
    List<Double> fxTotals = new ArrayList<>();
    fx.total.addListener((obs, was, now) -> fxTotals.add(now.doubleValue()));
    EditScript.javafx(fx, 1);

    Store store = CheckoutModels.statewire();
    int[] batches = new int[1];
    store.subscribe(changes -> batches[0]++);
    EditScript.statewire(store, 1);

    assertEquals(1, batches[0], "statewire: one batch, subscribers notified once");
    assertTrue(fxTotals.size() > 30, "JavaFX: the total changed " + fxTotals.size() + " times during one edit");
  }
}
