package dev.statewire.javafx;

import static dev.statewire.javafx.FormPaths.LINES;
import static dev.statewire.javafx.FormPaths.LINES_ANY_QTY;
import static dev.statewire.javafx.FormPaths.LINES_ID;
import static dev.statewire.javafx.FormPaths.NOTE;
import static dev.statewire.javafx.FormPaths.QUANTITY;
import static dev.statewire.javafx.FormPaths.SHIPPING_CITY;
import static dev.statewire.javafx.FormPaths.TAGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.Store;
import java.lang.ref.WeakReference;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableMap;
import org.junit.jupiter.api.Test;

/** What the FxStore holds, and what {@link FxStore#close()} lets go. */
class LifetimeTest {
  private final Store store = Forms.create();
  private final FxStore fx = FxStore.of(store);

  /** Binds {@code control} to the FxStore's property, keeping no reference to that property. */
  private WeakReference<StringProperty> bindControl(SimpleStringProperty control) {
    StringProperty city = fx.stringProperty(SHIPPING_CITY);
    control.bindBidirectional(city);
    return new WeakReference<>(city);
  }

  /** Runs the collector until an object that nothing holds is gone (so it did run). */
  private static void collectGarbage() {
    WeakReference<Object> canary = new WeakReference<>(new Object());
    for (int i = 0; i < 20 && canary.get() != null; i++) {
      System.gc();
    }
    assertNull(canary.get(), "the collector did not run");
    System.gc();
  }

  @Test
  void aBoundControlKeepsWorkingAfterGarbageCollection() {
    // the control holds its own property; JavaFX's bidirectional binding holds both weakly
    SimpleStringProperty control = new SimpleStringProperty();
    WeakReference<StringProperty> city = bindControl(control);
    assertEquals("Prague", control.get());

    collectGarbage();

    assertNotNull(city.get(), "the FxStore holds its properties");
    store.set(SHIPPING_CITY, "Brno");
    assertEquals("Brno", control.get());
    control.set("Linz");
    assertEquals("Linz", store.get(SHIPPING_CITY));
  }

  @Test
  void closeRemovesEveryObservationOfTheStore() {
    int before = store.stats().observers();
    fx.stringProperty(SHIPPING_CITY);
    fx.property(SHIPPING_CITY); // same path: same observation
    fx.map(LINES);
    fx.list(TAGS);
    fx.intProperty(store.pathIn(store.entry(LINES_ID, "k1"), LINES_ANY_QTY));
    assertEquals(before + 4, store.stats().observers());

    fx.close();

    assertEquals(before, store.stats().observers());
    assertTrue(fx.isClosed());
    assertEquals(0, fx.pathCount());
  }

  @Test
  void afterClosePropertiesKeepTheirLastValueAndNoLongerWrite() {
    StringProperty city = fx.stringProperty(SHIPPING_CITY);
    ObservableMap<String, Form.Line> lines = fx.map(LINES);
    Recorder<String> events = Recorder.on(city);

    fx.close();
    store.set(SHIPPING_CITY, "Brno");
    store.remove(LINES_ID, "k1");

    assertEquals("Prague", city.get());
    assertEquals(List.of(), events.values);
    assertEquals(2, lines.size());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> city.set("Linz"));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> fx.stringProperty(NOTE));
    assertThrows(IllegalStateException.class, () -> fx.batch(() -> { }));
    assertEquals("Brno", store.get(SHIPPING_CITY));
    fx.close(); // closing again does nothing
  }

  @Test
  void closeUnbindsBoundProperties() {
    SimpleStringProperty source = new SimpleStringProperty("Olomouc");
    StringProperty city = fx.stringProperty(SHIPPING_CITY);
    city.bind(source);

    fx.close();

    assertFalse(city.isBound());
    source.set("Zlin"); // the source no longer writes (and nothing is thrown)
    assertEquals("Olomouc", store.get(SHIPPING_CITY));
  }

  @Test
  void closeAfterAnEntryWasRemovedClosesTheRest() {
    IntegerProperty qty = fx.intProperty(store.pathIn(store.entry(LINES_ID, "k1"), LINES_ANY_QTY));
    fx.intProperty(QUANTITY);
    store.remove(LINES_ID, "k1"); // the store closed the entry's observation

    fx.close();

    assertEquals(0, store.stats().observers());
    assertEquals(0, qty.get());
  }
}
