package dev.statewire.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.Change;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.SerializedStore;
import dev.statewire.runtime.testkit.TestSchemas;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** {@link SerializedStore}'s contract beyond the stress test: threads, errors, futures, closing. */
class SerializedStoreTest {
  record Counter(int n, String label) {}

  static final Schema SCHEMA = TestSchemas.schema(Counter.class);

  @Test
  void runsOnANamedDaemonThread() {
    try (SerializedStore s = SerializedStore.create(SCHEMA, new Counter(0, "a"))) {
      assertEquals("statewire-Counter", s.call(st -> Thread.currentThread().getName()));
      assertTrue(s.<Boolean>call(st -> Thread.currentThread().isDaemon()));
      assertEquals("SerializedStore[Store[Counter] on thread \"statewire-Counter\"]", s.toString());
    }
    try (SerializedStore s = SerializedStore.create(SCHEMA, new Counter(0, "a"), "my-owner")) {
      assertEquals("my-owner", s.call(st -> Thread.currentThread().getName()));
      assertTrue(s.<Boolean>call(st -> s.isOwnerThread()));
      assertFalse(s.isOwnerThread());
    }
  }

  @Test
  void nullArgumentsAreRefused() {
    assertEquals("schema", assertThrows(NullPointerException.class,
        () -> SerializedStore.create(null, new Counter(0, "a"))).getMessage());
    assertEquals("initial", assertThrows(NullPointerException.class,
        () -> SerializedStore.create(SCHEMA, null, "t")).getMessage());
    assertEquals("threadName", assertThrows(NullPointerException.class,
        () -> SerializedStore.create(SCHEMA, new Counter(0, "a"), null)).getMessage());
    try (SerializedStore s = SerializedStore.create(SCHEMA, new Counter(0, "a"))) {
      assertEquals("task", assertThrows(NullPointerException.class, () -> s.call(null)).getMessage());
      assertEquals("task", assertThrows(NullPointerException.class, () -> s.submit(null)).getMessage());
      assertEquals("writes", assertThrows(NullPointerException.class, () -> s.apply(null)).getMessage());
    }
  }

  @Test
  void aFailedCreationStopsItsThread() throws InterruptedException {
    String name = "owner-of-a-failed-creation";
    assertThrows(RuntimeException.class, () -> SerializedStore.create(SCHEMA, "not a Counter", name));
    for (int i = 0; i < 100 && ownerAlive(name); i++) {
      Thread.sleep(20);
    }
    assertFalse(ownerAlive(name), "the owner thread of a failed creation must end");
  }

  private static boolean ownerAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }

  @Test
  void errorsAndRuntimeExceptionsReachTheCallerUnchanged() {
    try (SerializedStore s = SerializedStore.create(SCHEMA, new Counter(0, "a"))) {
      AssertionError boom = new AssertionError("boom");
      assertSame(boom, assertThrows(AssertionError.class, () -> s.call(st -> {
        throw boom;
      })));
      IllegalArgumentException bad = new IllegalArgumentException("bad");
      assertSame(bad, assertThrows(IllegalArgumentException.class, () -> s.call(st -> {
        throw bad;
      })));
      assertEquals(Integer.valueOf(0), s.<Object>call(st -> st.get("n")), "the store keeps working");
    }
  }

  @Test
  void submitReturnsAFutureOfTheResultOrTheFailure() throws Exception {
    try (SerializedStore s = SerializedStore.create(SCHEMA, new Counter(0, "a"))) {
      CompletableFuture<List<Change>> f = s.submit(st -> st.set("n", 4).toList());
      assertEquals(1, f.get().size());
      assertEquals("n", f.get().get(0).path());
      CompletableFuture<Object> g = s.submit(st -> st.set("n", "four"));
      ExecutionException e = assertThrows(ExecutionException.class, g::get);
      assertInstanceOf(dev.statewire.runtime.ValueTypeException.class, e.getCause());
      assertEquals(new Counter(4, "a"), s.snapshot());
    }
  }

  @Test
  void closingFromTheOwnerThreadDoesNotWaitForItself() {
    SerializedStore s = SerializedStore.create(SCHEMA, new Counter(0, "a"));
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> s.call(st -> {
      s.close();
      return null;
    }));
    assertThrows(IllegalStateException.class, () -> s.submit(st -> 1));
  }
}
