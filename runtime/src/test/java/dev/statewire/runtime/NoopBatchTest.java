package dev.statewire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Batches that apply nothing. The engine decides "every write equals the current value" before it
 * takes the writer slot; these tests pin down that such a batch is indistinguishable from one that
 * ran the whole pipeline: nothing applied, no listener or subscriber called, earlier views stale,
 * housekeeping of removed entries unchanged, and the second-writer check still in force.
 */
class NoopBatchTest {
  record Addr(String zip, String city) {}

  record Line(boolean on, int qty) {}

  record Form(String name, int n, Addr addr, Map<String, Line> items) {}

  static final Schema SCHEMA = TestSchemas.schema(Form.class);

  private static Store store() {
    Map<String, Line> items = new LinkedHashMap<>();
    items.put("k1", new Line(true, 1));
    items.put("k2", new Line(false, 2));
    return Store.create(SCHEMA, new Form("x", 1, new Addr("z", "c"), items));
  }

  @Test
  void writesOfTheCurrentValuesApplyNothingAndCallNobody() {
    Store s = store();
    List<String> calls = new ArrayList<>();
    s.listen(s.resolve("n"), 0, e -> calls.add("listener"));
    s.listen(s.resolve("addr.zip"), 0, e -> calls.add("listener zip"));
    s.subscribe(c -> calls.add("subscriber " + c));
    Object before = s.snapshot();

    assertTrue(s.set("n", 1).isEmpty());
    assertTrue(s.set("addr", new Addr("z", "c")).isEmpty(), "a parent-object write equal to the subtree");
    assertTrue(s.batch().set("name", "x").setInt(s.resolve("n"), 1).set("items.k2.qty", 2).apply().isEmpty());
    assertTrue(s.batch().apply().isEmpty(), "an empty batch");

    assertEquals(List.of(), calls);
    assertEquals(before, s.snapshot());
  }

  @Test
  void oneRealWriteAmongNoOpsRunsThePipeline() {
    Store s = store();
    List<String> calls = new ArrayList<>();
    s.listen(s.resolve("n"), 0, e -> calls.add("listener " + e.changes()));
    Changes c = s.batch().set("name", "x").setInt(s.resolve("n"), 2).apply();
    assertEquals("[n=2]", c.toString());
    assertEquals(List.of("listener [n=2]"), calls);
  }

  @Test
  void aNoOpBatchMakesEarlierViewsStale() {
    Store s = store();
    Changes first = s.set("n", 2);
    assertEquals("[n=2]", first.toString());
    s.set("n", 2);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> first.value(0));
    assertTrue(e.getMessage().contains("earlier batch"), e.getMessage());
  }

  @Test
  void aNoOpBatchAfterARemovalReleasesTheRemovedEntryLikeAnyBatch() {
    Store noop = store();
    Store real = store();
    for (Store s : List.of(noop, real)) {
      s.remove(s.resolve("items"), "k1");
    }
    noop.set("n", 1); // the current value
    real.set("n", 5);
    assertEquals(real.stats(), noop.stats());
    for (Store s : List.of(noop, real)) {
      s.put(s.resolve("items"), "k9", new Line(true, 9));
    }
    assertEquals(real.findEntry(real.resolve("items"), "k9"), noop.findEntry(noop.resolve("items"), "k9"),
        "the new entry reuses the released block in both stores");
    assertEquals(real.stats(), noop.stats());
  }

  @Test
  void aNoOpBatchSweepsAnEntryReservedByAnAbandonedBatch() {
    Store s = store();
    Store.Stats fresh = s.stats();
    s.batch().put(s.resolve("items"), "k7", new Line(true, 7)); // built, never applied
    assertEquals(fresh.pathIds() + 3, s.stats().pathIds(), "the put reserved k7's block");
    assertTrue(s.set("n", 1).isEmpty());
    assertEquals(fresh.pathIds(), s.stats().pathIds(), "the batch released the unused block");
    assertEquals(-1, s.findEntry(s.resolve("items"), "k7"));
  }

  @Test
  void aNoOpWriteFromASecondThreadDuringABatchIsStillRefused() throws Exception {
    Store s = store();
    CountDownLatch inListener = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    s.listen(s.resolve("n"), 0, e -> {
      inListener.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    });
    AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    Thread a = new Thread(() -> {
      try {
        s.set("n", 3);
      } catch (Throwable x) {
        writerFailure.set(x);
      }
    }, "writer-A");
    a.start();
    try {
      assertTrue(inListener.await(10, TimeUnit.SECONDS));
      ConcurrentWriteException e = assertThrows(ConcurrentWriteException.class, () -> s.set("name", "x"),
          "\"name\" already holds \"x\", but the write must still be refused while writer-A runs");
      assertTrue(e.getMessage().contains("writer-A"), e.getMessage());
    } finally {
      release.countDown();
      a.join(10_000);
    }
    assertEquals(null, writerFailure.get());
    assertEquals(3, s.get("n"));
  }
}
