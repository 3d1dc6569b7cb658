package dev.statewire.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.Batch;
import dev.statewire.runtime.Change;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.SerializedStore;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.ValueTypeException;
import dev.statewire.runtime.reliability.RShapes.Address;
import dev.statewire.runtime.reliability.RShapes.Checkout;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Threads: 8 threads write batches through one {@link SerializedStore} at once; the owner thread
 * records the order in which the batches ran, and replaying them in that order on a fresh store,
 * from one thread, must give the same applied changes batch by batch and the same final snapshot.
 *
 * <p>{@code -Dstatewire.stress.batchesPerThread=N} sets N (default 10,000; the documented long run
 * is 100,000).
 */
class ThreadStressTest {
  static final int THREADS = 8;
  static final int PER_THREAD = Integer.getInteger("statewire.stress.batchesPerThread", 10_000);

  private static final String[] PATHS = {"shipping.street", "shipping.city", "shipping.zip",
      "billing.zip", "isBuy", "isSell", "quantity", "price", "note", "sameAddress", "shipping"};

  static Schema schema() {
    return Scenario.named("S1").schema();
  }

  static Checkout initial() {
    Address a = new Address("1 Main St", "Prague", "11000");
    return new Checkout(a, a, true, true, false, 1, 10.0, null);
  }

  /** A listener that makes the batches interact: quantity changes write the note. */
  static void wire(Store s) {
    int quantity = s.resolve("quantity");
    s.listen(quantity, quantity, e -> e.emit("note", "q=" + e.changes().value(0)));
  }

  /** One batch, as data: path and value pairs. */
  record Work(int thread, int seq, List<Object[]> writes) {
    void addTo(Batch b) {
      for (Object[] w : writes) {
        b.set((String) w[0], w[1]);
      }
    }
  }

  static Work work(Random rnd, int thread, int seq) {
    List<Object[]> writes = new ArrayList<>();
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      String p = PATHS[rnd.nextInt(PATHS.length)];
      Object v = switch (p) {
        case "isBuy", "isSell", "sameAddress" -> rnd.nextBoolean();
        case "quantity" -> rnd.nextInt(5);
        case "price" -> rnd.nextInt(3) * 1.5;
        case "shipping" -> new Address("s" + rnd.nextInt(3), "c" + rnd.nextInt(3), "z" + thread);
        case "note" -> rnd.nextBoolean() ? null : "t" + thread;
        default -> "v" + rnd.nextInt(4);
      };
      writes.add(new Object[] {p, v});
    }
    return new Work(thread, seq, writes);
  }

  @Test
  void eightThreadsThroughOneSerializedStoreEqualASequentialReplay() throws Exception {
    long start = System.nanoTime();
    List<Work> order = new ArrayList<>(); // touched only on the owner thread
    List<List<Change>> results = new ArrayList<>(); // likewise
    Object finalSnapshot;
    try (SerializedStore shared = SerializedStore.create(schema(), initial())) {
      shared.call(s -> {
        wire(s);
        return null;
      });
      CountDownLatch go = new CountDownLatch(1);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Thread th = new Thread(() -> {
          Random rnd = new Random(1000L + thread);
          try {
            go.await();
            for (int i = 0; i < PER_THREAD; i++) {
              Work w = work(rnd, thread, i);
              shared.call(s -> {
                order.add(w);
                Batch b = s.batch();
                w.addTo(b);
                results.add(b.apply().toList());
                return null;
              });
              if (i % 97 == 0) {
                assertInstanceOf(Checkout.class, shared.snapshot());
              }
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          }
        }, "stress-" + t);
        threads.add(th);
        th.start();
      }
      go.countDown();
      for (Thread th : threads) {
        th.join();
      }
      if (failure.get() != null) {
        throw new AssertionError("a writer thread failed", failure.get());
      }
      finalSnapshot = shared.snapshot();
      assertEquals(THREADS * PER_THREAD, (int) shared.<Integer>call(s -> order.size()));
    }
    long concurrentMs = (System.nanoTime() - start) / 1_000_000;

    // replay sequentially, in the recorded order, on a fresh store
    Store replay = Store.create(schema(), initial());
    wire(replay);
    int[] perThread = new int[THREADS];
    for (int i = 0; i < order.size(); i++) {
      Work w = order.get(i);
      assertEquals(perThread[w.thread()]++, w.seq(), "each thread's batches ran in its own order");
      Batch b = replay.batch();
      w.addTo(b);
      List<Change> applied = b.apply().toList();
      assertEquals(results.get(i), applied, "batch " + i + " (thread " + w.thread() + " #" + w.seq() + ")");
    }
    assertEquals(finalSnapshot, replay.snapshot());
    System.out.printf("threads: %d threads x %d batches = %d batches through SerializedStore in %d ms;"
        + " sequential replay equal (applied lists and final snapshot)%n", THREADS, PER_THREAD, order.size(), concurrentMs);
  }

  @Test
  void exceptionsReachTheCallerAndTheStoreKeepsWorking() {
    try (SerializedStore shared = SerializedStore.create(schema(), initial())) {
      Object before = shared.snapshot();
      assertThrows(ValueTypeException.class, () -> shared.apply(b -> b.set("quantity", "many")));
      assertEquals(before, shared.snapshot());
      assertEquals(1, shared.apply(b -> b.set("quantity", 3)).stream().filter(c -> c.path().equals("quantity")).count());
      assertEquals(Integer.valueOf(3), shared.<Object>call(s -> s.get("quantity")));
      // a call from the owner thread (here: a subscriber) runs at once instead of deadlocking
      shared.call(s -> s.subscribe(c -> assertTrue(shared.isOwnerThread())));
      Boolean nested = shared.call(s -> shared.call(s2 -> s2 == s));
      assertTrue(nested);
      shared.apply(b -> b.set("quantity", 4));
      assertTrue(!shared.isOwnerThread());
    }
  }

  @Test
  void aClosedSerializedStoreRefusesCalls() {
    SerializedStore shared = SerializedStore.create(schema(), initial());
    shared.close();
    shared.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, shared::snapshot);
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }
}
