package dev.statewire.javafx;

import static dev.statewire.javafx.FormPaths.BILLING_CITY;
import static dev.statewire.javafx.FormPaths.IS_SELL;
import static dev.statewire.javafx.FormPaths.NOTE;
import static dev.statewire.javafx.FormPaths.PRICE;
import static dev.statewire.javafx.FormPaths.QUANTITY;
import static dev.statewire.javafx.FormPaths.SHIPPING_CITY;
import static dev.statewire.javafx.FormPaths.TOTAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.ListenerException;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.ValueTypeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

/** {@link FxStore#batch}: one store batch, one notification per property, all or nothing. */
class BatchTest {
  private final Store store = Forms.create();
  private final FxStore fx = FxStore.of(store);
  private final Forms.Errors errors = new Forms.Errors();
  private final AtomicInteger batches = new AtomicInteger();

  BatchTest() {
    fx.setErrorHandler(errors);
    store.subscribe(changes -> batches.incrementAndGet());
  }

  @Test
  void writesInsideABatchApplyAsOneStoreBatchAndEachPropertyFiresOnce() {
    IntegerProperty quantity = fx.intProperty(QUANTITY);
    DoubleProperty price = fx.doubleProperty(PRICE);
    DoubleProperty total = fx.doubleProperty(TOTAL);
    StringProperty city = fx.stringProperty(SHIPPING_CITY);
    StringProperty billing = fx.stringProperty(BILLING_CITY);
    Recorder<Number> totalEvents = Recorder.on(total);
    Recorder<Number> quantityEvents = Recorder.on(quantity);
    Recorder<String> billingEvents = Recorder.on(billing);

    fx.batch(() -> {
      quantity.set(3);
      price.set(4.5);
      quantity.set(5); // the later write of a path wins, as in a store batch
      city.set("Brno");
    });

    assertEquals(1, batches.get());
    assertEquals(22.5, total.get());
    assertEquals(List.of(22.5), totalEvents.values, "one event, with the committed total");
    assertEquals(List.of(5), quantityEvents.values);
    assertEquals(List.of("Brno"), billingEvents.values);
    assertTrue(errors.seen.isEmpty());
  }

  @Test
  void insideTheEditAPropertyReadsTheCommittedValue() {
    IntegerProperty quantity = fx.intProperty(QUANTITY);
    List<Integer> seen = new ArrayList<>();

    fx.batch(() -> {
      quantity.set(3);
      seen.add(quantity.get());
      seen.add(store.get(QUANTITY));
    });

    assertEquals(List.of(2, 2), seen);
    assertEquals(3, quantity.get());
  }

  @Test
  void aNestedBatchJoinsTheOuterOne() {
    IntegerProperty quantity = fx.intProperty(QUANTITY);
    StringProperty city = fx.stringProperty(SHIPPING_CITY);

    fx.batch(() -> {
      quantity.set(4);
      fx.batch(() -> city.set("Brno"));
      assertEquals("Prague", city.get(), "the inner batch has not applied yet");
    });

    assertEquals(1, batches.get());
    assertEquals("Brno", store.get(BILLING_CITY));
    assertEquals(40.0, store.get(TOTAL));
  }

  @Test
  void aNestedEditThatThrowsLosesOnlyItsOwnWrites() {
    IntegerProperty quantity = fx.intProperty(QUANTITY);
    StringProperty city = fx.stringProperty(SHIPPING_CITY);

    fx.batch(() -> {
      quantity.set(4);
      assertThrows(IllegalStateException.class, () -> fx.batch(() -> {
        city.set("Brno");
        throw new IllegalStateException("inner edit fails");
      }));
    });

    assertEquals(4, store.get(QUANTITY));
    assertEquals("Prague", store.get(SHIPPING_CITY));
  }

  @Test
  void aRefusedBatchChangesNothingAndGoesToTheHandler() {
    IntegerProperty quantity = fx.intProperty(QUANTITY);
    StringProperty note = fx.stringProperty(NOTE);
    Recorder<Number> quantityEvents = Recorder.on(quantity);

    fx.batch(() -> {
      quantity.set(9);
      note.set(Forms.REFUSED_NOTE);
    });

    assertEquals(2, quantity.get());
    assertEquals(2, store.get(QUANTITY));
    assertEquals("first", note.get());
    assertEquals(List.of(), quantityEvents.values);
    assertEquals(0, batches.get());
    assertEquals(1, errors.seen.size());
    assertInstanceOf(ListenerException.class, errors.seen.get(0));
  }

  @Test
  void aWriteOfTheWrongTypeRefusesTheWholeBatch() {
    fx.batch(() -> {
      fx.intProperty(QUANTITY).set(9);
      fx.property(IS_SELL).set(null); // a boolean
    });

    assertEquals(2, store.get(QUANTITY));
    assertEquals(1, errors.seen.size());
    assertInstanceOf(ValueTypeException.class, errors.seen.get(0));
  }

  @Test
  void anEditThatThrowsWritesNothingAndTheExceptionGoesToTheCaller() {
    IntegerProperty quantity = fx.intProperty(QUANTITY);
    IllegalArgumentException thrown = new IllegalArgumentException("edit fails");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fx.batch(() -> {
      quantity.set(9);
      throw thrown;
    }));

    assertSame(thrown, e);
    assertEquals(2, store.get(QUANTITY));
    assertEquals(0, batches.get());
    assertTrue(errors.seen.isEmpty());
    quantity.set(3); // no batch is left open
    assertEquals(1, batches.get());
  }

  @Test
  void anEmptyBatchWritesNothing() {
    fx.batch(() -> { });
    assertEquals(0, batches.get());
  }
}
