package dev.statewire.javafx;

import static dev.statewire.javafx.FormPaths.ALL_SELECTED;
import static dev.statewire.javafx.FormPaths.BILLING_CITY;
import static dev.statewire.javafx.FormPaths.BILLING_FLOOR;
import static dev.statewire.javafx.FormPaths.IS_BUY;
import static dev.statewire.javafx.FormPaths.IS_SELL;
import static dev.statewire.javafx.FormPaths.LINES_ANY_SELECTED;
import static dev.statewire.javafx.FormPaths.LINES_ID;
import static dev.statewire.javafx.FormPaths.NOTE;
import static dev.statewire.javafx.FormPaths.PRICE;
import static dev.statewire.javafx.FormPaths.QUANTITY;
import static dev.statewire.javafx.FormPaths.SHIPPING;
import static dev.statewire.javafx.FormPaths.SHIPPING_CITY;
import static dev.statewire.javafx.FormPaths.SHIPPING_FLOOR;
import static dev.statewire.javafx.FormPaths.TOTAL;
import static dev.statewire.javafx.FormPaths.VERSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.ListenerException;
import dev.statewire.runtime.Path;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.UnknownPathException;
import dev.statewire.runtime.ValueTypeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

/** Properties: reads, writes through the pipeline, refused writes, identity, bindings. */
class PropertyTest {
  private final Store store = Forms.create();
  private final FxStore fx = FxStore.of(store);
  private final Forms.Errors errors = new Forms.Errors();

  PropertyTest() {
    fx.setErrorHandler(errors);
  }

  @Test
  void propertiesShowTheStoresValues() {
    assertEquals("Prague", fx.stringProperty(SHIPPING_CITY).get());
    assertEquals(3, fx.intProperty(SHIPPING_FLOOR).get());
    assertTrue(fx.booleanProperty(IS_BUY).get());
    assertFalse(fx.booleanProperty(IS_SELL).get());
    assertEquals(2, fx.intProperty(QUANTITY).get());
    assertEquals(10.0, fx.doubleProperty(PRICE).get());
    assertEquals(7L, fx.longProperty(VERSION).get());
    assertEquals(Integer.valueOf(2), fx.property(QUANTITY).get());
    assertEquals(new Form.Address("1 Main St", "Prague", 3), fx.property(SHIPPING).get());
    assertSame(fx, fx.stringProperty(SHIPPING_CITY).getBean());
    assertEquals("shipping.city", fx.stringProperty(SHIPPING_CITY).getName());
  }

  @Test
  void setWritesTheStoreAndTheSyncPartnerChangesOnceInTheSameBatch() {
    StringProperty shipping = fx.stringProperty(SHIPPING_CITY);
    StringProperty billing = fx.stringProperty(BILLING_CITY);
    Recorder<String> shippingEvents = Recorder.on(shipping);
    Recorder<String> billingEvents = Recorder.on(billing);
    AtomicInteger batches = new AtomicInteger();
    store.subscribe(changes -> batches.incrementAndGet());

    shipping.set("Brno");

    assertEquals(1, batches.get());
    assertEquals("Brno", store.get(SHIPPING_CITY));
    assertEquals("Brno", store.get(BILLING_CITY));
    assertEquals(List.of("Brno"), shippingEvents.values);
    assertEquals(List.of("Brno"), billingEvents.values);
    assertEquals("Brno", billing.get());
    assertTrue(errors.seen.isEmpty());
  }

  @Test
  void aSyncPartnerIsAlreadyCommittedWhenTheFirstListenerHears() {
    StringProperty shipping = fx.stringProperty(SHIPPING_CITY);
    StringProperty billing = fx.stringProperty(BILLING_CITY);
    List<String> seen = new ArrayList<>();
    shipping.addListener((o, was, now) -> seen.add(now + "/" + billing.get() + "/" + store.get(BILLING_CITY)));

    shipping.set("Brno");

    // the store has committed the whole batch before any property fires
    assertEquals(1, seen.size());
    assertTrue(seen.get(0).startsWith("Brno/"), seen::toString);
    assertTrue(seen.get(0).endsWith("/Brno"), seen::toString);
  }

  @Test
  void flipUpdatesThePartnerOnce() {
    BooleanProperty buy = fx.booleanProperty(IS_BUY);
    BooleanProperty sell = fx.booleanProperty(IS_SELL);
    Recorder<Boolean> buyEvents = Recorder.on(buy);
    Recorder<Boolean> sellEvents = Recorder.on(sell);

    sell.set(true);

    assertFalse(buy.get());
    assertTrue(sell.get());
    assertEquals(false, store.get(IS_BUY));
    assertEquals(List.of(false), buyEvents.values);
    assertEquals(List.of(true), sellEvents.values);
  }

  @Test
  void aListenerDerivedPathChangesOnceWithTheCommittedValue() {
    IntegerProperty quantity = fx.intProperty(QUANTITY);
    DoubleProperty total = fx.doubleProperty(TOTAL);
    Recorder<Number> totalEvents = Recorder.on(total);

    quantity.set(3);

    assertEquals(30.0, total.get());
    assertEquals(List.of(30.0), totalEvents.values);
    assertEquals(30.0, store.get(TOTAL));
  }

  @Test
  void anAggregationTargetAndItsSourcesFollowEachOther() {
    Path<Boolean> k1 = store.pathIn(store.entry(LINES_ID, "k1"), LINES_ANY_SELECTED);
    Path<Boolean> k2 = store.pathIn(store.entry(LINES_ID, "k2"), LINES_ANY_SELECTED);
    BooleanProperty all = fx.booleanProperty(ALL_SELECTED);
    ObjectProperty<Boolean> allOrNull = fx.property(ALL_SELECTED);
    BooleanProperty first = fx.booleanProperty(k1);
    BooleanProperty second = fx.booleanProperty(k2);
    Recorder<Boolean> secondEvents = Recorder.on(second);

    first.set(false); // the sources disagree: the target is null
    assertNull(allOrNull.get());
    assertFalse(all.get(), "a boolean property shows false for null");

    all.set(true); // fans out to every source
    assertTrue(first.get());
    assertTrue(second.get());
    assertEquals(Boolean.TRUE, allOrNull.get());
    assertEquals(List.of(), secondEvents.values, "k2 was true all along");
    assertTrue(errors.seen.isEmpty());
  }

  @Test
  void primitivePropertiesShowTheirDefaultWhileThePathIsAbsent() {
    IntegerProperty floor = fx.intProperty(SHIPPING_FLOOR);
    ObjectProperty<Integer> floorOrNull = fx.property(SHIPPING_FLOOR);
    StringProperty city = fx.stringProperty(SHIPPING_CITY);
    Recorder<Number> floorEvents = Recorder.on(floor);

    store.set(SHIPPING, null); // shipping.floor and shipping.city are absent now

    assertEquals(0, floor.get());
    assertNull(floorOrNull.get());
    assertNull(city.get());
    assertEquals(List.of(0), floorEvents.values);

    // the values appear again with the node
    store.set(SHIPPING, new Form.Address("2 Side St", "Linz", 0));
    assertEquals(0, floor.get());
    assertEquals(Integer.valueOf(0), floorOrNull.get());
    assertEquals("Linz", city.get());
    assertEquals(List.of(0), floorEvents.values, "absent and 0 both show 0: no event");
  }

  @Test
  void aDirectStoreWriteUpdatesTheProperties() {
    StringProperty billing = fx.stringProperty(BILLING_CITY);
    Recorder<String> events = Recorder.on(billing);

    store.set(SHIPPING_CITY, "Graz");

    assertEquals("Graz", billing.get());
    assertEquals(List.of("Graz"), events.values);
  }

  @Test
  void aWriteOfTheWrongTypeLeavesStoreAndPropertyAndGoesToTheHandler() {
    ObjectProperty<Integer> quantity = fx.property(QUANTITY);
    Recorder<Integer> events = Recorder.on(quantity);

    quantity.set(null); // quantity is an int

    assertEquals(Integer.valueOf(2), quantity.get());
    assertEquals(2, store.get(QUANTITY));
    assertEquals(List.of(), events.values);
    assertEquals(1, errors.seen.size());
    assertInstanceOf(ValueTypeException.class, errors.seen.get(0));
  }

  @Test
  void aWriteThatAListenerRefusesLeavesStoreAndPropertyAndGoesToTheHandler() {
    StringProperty note = fx.stringProperty(NOTE);
    Recorder<String> events = Recorder.on(note);

    note.set(Forms.REFUSED_NOTE);

    assertEquals("first", note.get());
    assertEquals("first", store.get(NOTE));
    assertEquals(List.of(), events.values);
    assertEquals(1, errors.seen.size());
    assertInstanceOf(ListenerException.class, errors.seen.get(0));

    note.set("second"); // the store and the property go on as before
    assertEquals("second", note.get());
    assertEquals(List.of("second"), events.values);
  }

  @Test
  void theDefaultHandlerIsTheThreadsUncaughtExceptionHandler() {
    FxStore plain = FxStore.of(store);
    Thread me = Thread.currentThread();
    Thread.UncaughtExceptionHandler before = me.getUncaughtExceptionHandler();
    List<Throwable> uncaught = new ArrayList<>();
    me.setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    try {
      plain.stringProperty(NOTE).set(Forms.REFUSED_NOTE);
    } finally {
      me.setUncaughtExceptionHandler(before == me.getThreadGroup() ? null : before);
    }
    assertEquals(1, uncaught.size());
    assertInstanceOf(ListenerException.class, uncaught.get(0));
    assertEquals("first", store.get(NOTE));

    plain.setErrorHandler(errors);
    plain.setErrorHandler(null); // back to the default
    assertSame(FxStore.of(store).getErrorHandler(), plain.getErrorHandler());
  }

  @Test
  void thePropertyOfAPathIsTheSameObjectEachTime() {
    StringProperty city = fx.stringProperty(SHIPPING_CITY);
    assertSame(city, fx.stringProperty(SHIPPING_CITY));
    assertSame(city, fx.stringProperty(store.path("shipping.city", String.class)));
    assertSame(fx.property(SHIPPING_CITY), fx.property(SHIPPING_CITY));
    assertSame(fx.intProperty(QUANTITY), fx.intProperty(QUANTITY));
    Path<Boolean> k1 = store.pathIn(store.entry(LINES_ID, "k1"), LINES_ANY_SELECTED);
    assertSame(fx.booleanProperty(k1), fx.booleanProperty(store.pathIn(store.entry(LINES_ID, "k1"), LINES_ANY_SELECTED)));
    assertEquals(1 + 1 + 1, fx.pathCount(), "one observation per path, whatever the kinds of view");
  }

  @Test
  void aTemplatePathOrAnotherStoresEntryIsRefused() {
    assertThrows(UnknownPathException.class, () -> fx.booleanProperty(LINES_ANY_SELECTED));
    Store other = Forms.create();
    Path<Boolean> foreign = other.pathIn(other.entry(LINES_ID, "k1"), LINES_ANY_SELECTED);
    assertThrows(IllegalArgumentException.class, () -> fx.booleanProperty(foreign));
    assertEquals(0, fx.pathCount());
  }

  @Test
  void bindBidirectionalWithAControlsPropertyWritesTheStore() {
    SimpleStringProperty text = new SimpleStringProperty("typed before binding");
    StringProperty city = fx.stringProperty(SHIPPING_CITY);

    text.bindBidirectional(city); // the control takes the store's value
    assertEquals("Prague", text.get());
    assertEquals("Prague", store.get(SHIPPING_CITY));

    text.set("Brno"); // the user types
    assertEquals("Brno", store.get(SHIPPING_CITY));
    assertEquals("Brno", store.get(BILLING_CITY));
    assertEquals("Brno", city.get());

    store.set(BILLING_CITY, "Wien"); // the store changes (through the sync partner)
    assertEquals("Wien", text.get());
    assertTrue(errors.seen.isEmpty());
  }

  @Test
  void bindBidirectionalOfNumbers() {
    SimpleIntegerProperty spinner = new SimpleIntegerProperty(99);
    spinner.bindBidirectional(fx.intProperty(QUANTITY));
    assertEquals(2, spinner.get());

    spinner.set(5);
    assertEquals(5, store.get(QUANTITY));
    assertEquals(50.0, fx.doubleProperty(TOTAL).get());

    store.set(QUANTITY, 6);
    assertEquals(6, spinner.get());
  }

  @Test
  void bindMakesTheStoreFollowTheSource() {
    SimpleStringProperty source = new SimpleStringProperty("Olomouc");
    StringProperty city = fx.stringProperty(SHIPPING_CITY);

    city.bind(source);
    assertTrue(city.isBound());
    assertEquals("Olomouc", store.get(BILLING_CITY));

    source.set("Zlin");
    assertEquals("Zlin", store.get(SHIPPING_CITY));
    assertEquals("Zlin", city.get());
    RuntimeException e = assertThrows(RuntimeException.class, () -> city.set("Opava"));
    assertTrue(e.getMessage().contains("bound"), e.getMessage());

    city.unbind();
    assertFalse(city.isBound());
    source.set("Kolin");
    assertEquals("Zlin", store.get(SHIPPING_CITY));
    city.set("Opava");
    assertEquals("Opava", store.get(SHIPPING_CITY));
  }

  @Test
  void aNumberBindWritesTheSourcesValue() {
    SimpleIntegerProperty source = new SimpleIntegerProperty(4);
    fx.doubleProperty(PRICE).bind(source.multiply(2.5));
    assertEquals(10.0, store.get(PRICE));
    source.set(8);
    assertEquals(20.0, store.get(PRICE));
    assertEquals(40.0, fx.doubleProperty(TOTAL).get());
  }

  @Test
  void aRefusedWriteThroughABidirectionalBindingLeavesTheStore() {
    SimpleStringProperty text = new SimpleStringProperty();
    StringProperty note = fx.stringProperty(NOTE);
    text.bindBidirectional(note);

    text.set(Forms.REFUSED_NOTE);

    assertEquals("first", store.get(NOTE));
    assertEquals("first", note.get());
    assertEquals(1, errors.seen.size());
    // JavaFX's binding ignores the property while it writes it: the control keeps what was typed
    // until the path next changes (docs/JAVAFX.md, Errors)
    assertEquals(Forms.REFUSED_NOTE, text.get());
    store.set(NOTE, "later");
    assertEquals("later", text.get());
  }

  @Test
  void toStringNamesThePathAndValue() {
    assertEquals("StringProperty [path: shipping.city, value: Prague]",
        fx.stringProperty(SHIPPING_CITY).toString());
    assertEquals("IntegerProperty [path: quantity, value: 2]", fx.intProperty(QUANTITY).toString());
    assertTrue(fx.toString().contains("2 paths"), fx.toString());
  }

  @Test
  void billingFloorFollowsShippingFloorAsAnInt() {
    IntegerProperty shipping = fx.intProperty(SHIPPING_FLOOR);
    IntegerProperty billing = fx.intProperty(BILLING_FLOOR);
    Recorder<Number> events = Recorder.on(billing);
    shipping.set(9);
    assertEquals(9, billing.get());
    assertEquals(List.of(9), events.values);
  }

  @Test
  void aListenerThatWritesAnotherPropertyRunsAfterTheRoundAndBothShowTheResult() {
    StringProperty city = fx.stringProperty(SHIPPING_CITY);
    StringProperty note = fx.stringProperty(NOTE);
    Recorder<String> noteEvents = Recorder.on(note);
    city.addListener((o, was, now) -> note.set("moved to " + now));

    city.set("Brno");

    assertEquals("moved to Brno", store.get(NOTE));
    assertEquals("moved to Brno", note.get());
    assertEquals(List.of("moved to Brno"), noteEvents.values);
    assertTrue(errors.seen.isEmpty());
  }

  @Test
  void aWriteFromAPropertyListenerThatTheStoreRefusesGoesToTheUncaughtHandler() {
    // the store defers a write made while it notifies; when it refuses the deferred batch, it
    // reports the exception itself, to the thread's uncaught exception handler (docs/JAVAFX.md)
    StringProperty city = fx.stringProperty(SHIPPING_CITY);
    StringProperty note = fx.stringProperty(NOTE);
    city.addListener((o, was, now) -> note.set(Forms.REFUSED_NOTE));
    Thread me = Thread.currentThread();
    Thread.UncaughtExceptionHandler before = me.getUncaughtExceptionHandler();
    List<Throwable> uncaught = new ArrayList<>();
    me.setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    try {
      city.set("Brno");
    } finally {
      me.setUncaughtExceptionHandler(before == me.getThreadGroup() ? null : before);
    }
    assertEquals("Brno", store.get(SHIPPING_CITY));
    assertEquals("first", note.get());
    assertEquals(List.of(), errors.seen);
    assertEquals(1, uncaught.size());
    assertInstanceOf(ListenerException.class, uncaught.get(0));
  }

  @Test
  void longAndObjectPropertiesWriteTheStore() {
    fx.longProperty(VERSION).set(8L);
    assertEquals(8L, store.get(VERSION));
    assertEquals(8L, fx.longProperty(VERSION).get());

    Form.Address next = new Form.Address("2 Side St", "Linz", 1);
    fx.property(SHIPPING).set(next); // a whole record: billing follows field by field
    assertEquals(next, store.get(FormPaths.BILLING));
    assertEquals("Linz", fx.stringProperty(BILLING_CITY).get());
  }

  @Test
  void argumentsAreChecked() {
    assertThrows(NullPointerException.class, () -> FxStore.of(null));
    assertThrows(NullPointerException.class, () -> fx.stringProperty(null));
    assertThrows(NullPointerException.class, () -> fx.batch(null));
    assertThrows(NullPointerException.class, () -> fx.stringProperty(NOTE).bind(null));
  }
}
