package dev.statewire.javafx;

import static dev.statewire.javafx.FormPaths.BILLING_CITY;
import static dev.statewire.javafx.FormPaths.QUANTITY;
import static dev.statewire.javafx.FormPaths.SHIPPING_CITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.Store;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

/** An FxStore is confined to the thread that made it. */
class ThreadTest {
  private final Store store = Forms.create();
  private final FxStore fx = FxStore.of(store);
  private final String me = Thread.currentThread().getName();

  /** Runs {@code call} on a new thread named {@code name} and returns what it threw. */
  private static Throwable thrownOn(String name, Runnable call) throws InterruptedException {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        call.run();
      } catch (Throwable e) {
        thrown.set(e);
      }
    }, name);
    t.start();
    t.join();
    return thrown.get();
  }

  private void assertNamesBothThreads(Throwable e, String other) {
    assertInstanceOf(IllegalStateException.class, e);
    String m = e.getMessage();
    assertTrue(m.contains("\"" + other + "\""), m);
    assertTrue(m.contains("\"" + me + "\""), m);
    assertTrue(m.contains("Platform.runLater"), m);
  }

  @Test
  void everyCallFromAnotherThreadFailsAndNamesBothThreads() throws InterruptedException {
    StringProperty city = fx.stringProperty(SHIPPING_CITY);

    assertNamesBothThreads(thrownOn("worker-set", () -> city.set("Brno")), "worker-set");
    assertNamesBothThreads(thrownOn("worker-get", () -> fx.intProperty(QUANTITY)), "worker-get");
    assertNamesBothThreads(thrownOn("worker-batch", () -> fx.batch(() -> { })), "worker-batch");
    assertNamesBothThreads(thrownOn("worker-close", fx::close), "worker-close");

    assertEquals("Prague", store.get(SHIPPING_CITY));
    assertFalse(fx.isClosed());
    assertEquals(1, fx.pathCount());
  }

  @Test
  void aStoreWriteFromAnotherThreadIsReportedThereAndLeavesTheProperties() throws InterruptedException {
    StringProperty city = fx.stringProperty(SHIPPING_CITY);
    StringProperty billing = fx.stringProperty(BILLING_CITY);
    List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    Thread writer = new Thread(() -> store.set(SHIPPING_CITY, "Brno"), "store-writer");
    writer.setUncaughtExceptionHandler((t, e) -> uncaught.add(e));

    writer.start();
    writer.join();

    // the write committed; each observation refused to run on that thread
    assertEquals("Brno", store.get(SHIPPING_CITY));
    assertEquals(2, uncaught.size(), uncaught::toString);
    for (Throwable e : uncaught) {
      assertNamesBothThreads(e, "store-writer");
    }
    assertEquals("Prague", city.get());
    assertEquals("Prague", billing.get());

    // the next write from the FxStore's thread brings the properties up to date
    store.set(SHIPPING_CITY, "Linz");
    assertEquals("Linz", city.get());
    assertEquals("Linz", billing.get());
    assertNotNull(fx.thread());
  }
}
