package dev.statewire.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.statewire.runtime.Changes;
import dev.statewire.runtime.ConcurrentWriteException;
import dev.statewire.runtime.ListenerException;
import dev.statewire.runtime.Path;
import dev.statewire.runtime.Registration;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.StateException;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.UnknownPathException;
import dev.statewire.runtime.ValueTypeException;
import dev.statewire.runtime.WiringException;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad input and injected faults, as a table: each row sets up a store, does one bad thing, and
 * requires the exception type, a message that names the path and the expected/actual value or
 * type, and a store exactly as before (snapshot and every {@code stats()} size). The rows are
 * listed in docs/RELIABILITY.md; the test prints them as a markdown table.
 */
class BadInputTest {
  record Item(boolean on, int qty) {}

  record Addr(String zip) {}

  record Form(String name, int count, double price, long total, boolean a, boolean b, Boolean agg,
      Addr addr, Map<String, Item> items) {}

  static Schema schema() {
    return TestSchemas.of(Form.class).flip("a", "b").aggregate("agg", "items.*.on").build();
  }

  static Store store() {
    Map<String, Item> items = new LinkedHashMap<>();
    items.put("k1", new Item(true, 1));
    items.put("k2", new Item(true, 2));
    return Store.create(schema(), new Form("x", 1, 1.5, 10L, true, false, null, new Addr("z"), items));
  }

  /** What must hold after the bad action. */
  enum After { UNCHANGED, CONSISTENT }

  /**
   * One row: a setup (returns the store, may register listeners), the bad action, the expected
   * exception (and cause), fragments its message must contain, and what must hold after.
   */
  record Case(String name, Consumer<Store> setup, Consumer<Store> action, Class<? extends Throwable> type,
      Class<? extends Throwable> cause, List<String> message, After after) {}

  private static Case c(String name, Consumer<Store> action, Class<? extends Throwable> type, String... message) {
    return new Case(name, s -> {}, action, type, null, List.of(message), After.UNCHANGED);
  }

  private static Case c(String name, Consumer<Store> setup, Consumer<Store> action, Class<? extends Throwable> type,
      Class<? extends Throwable> cause, String... message) {
    return new Case(name, setup, action, type, cause, List.of(message), After.UNCHANGED);
  }

  static List<Case> cases() {
    List<Case> t = new ArrayList<>();
    // ---- paths ----
    t.add(c("unknown path string", s -> s.set("nmae", "y"), UnknownPathException.class, "\"nmae\"", "name, count"));
    t.add(c("root path \"\" with a non-record value", s -> s.set("", "y"), ValueTypeException.class,
        "\"\"", "Form", "java.lang.String"));
    t.add(c("malformed path \"a..b\"", s -> s.set("a..b", true), UnknownPathException.class, "\"a..b\"", "empty segment"));
    t.add(c("malformed path \".a\"", s -> s.set(".a", true), UnknownPathException.class, "\".a\"", "empty segment"));
    t.add(c("malformed path \"a.\"", s -> s.set("a.", true), UnknownPathException.class, "\"a.\"", "empty segment"));
    t.add(c("path of 10,000 segments", s -> s.set("addr.".repeat(9_999) + "zip", "q"), UnknownPathException.class,
        "addr.addr", "chars)"));
    t.add(c("non-ASCII path", s -> s.set("nämé", "y"), UnknownPathException.class, "\"nämé\""));
    t.add(c("wildcard in a concrete write", s -> s.set("items.*.on", false), UnknownPathException.class, "wildcard"));
    t.add(c("entry-template path ID", s -> s.set(s.schema().find("items.*.on"), false), UnknownPathException.class,
        "\"items.*.on\"", "wildcard"));
    t.add(c("path ID out of range", s -> s.set(999, 1), UnknownPathException.class, "999"));
    t.add(c("negative path ID", s -> s.set(-1, 1), UnknownPathException.class, "-1"));
    // ---- values ----
    t.add(c("wrong value type (untyped API)", s -> s.set("count", "many"), ValueTypeException.class,
        "\"count\"", "expected int", "java.lang.String"));
    t.add(c("Long into an int path", s -> s.set("count", 2L), ValueTypeException.class, "\"count\"", "int",
        "java.lang.Long"));
    t.add(c("null into a primitive", s -> s.set("count", null), ValueTypeException.class, "\"count\"", "primitive",
        "null"));
    t.add(c("typed setter on the wrong kind", s -> s.setBoolean(s.resolve("name"), true), ValueTypeException.class,
        "\"name\"", "java.lang.String"));
    t.add(c("wrong entry type inside a parent write", s -> s.set("items", Map.of("k1", "not an item")),
        ValueTypeException.class, "\"items.k1\"", "Item", "java.lang.String"));
    t.add(c("map key with '.' in a parent write", s -> s.set("items", Map.of("k.2", new Item(false, 0))),
        ValueTypeException.class, "\"k.2\"", "\"items\""));
    t.add(c("empty map key in put", s -> s.put(s.resolve("items"), "", new Item(false, 0)),
        IllegalArgumentException.class, "\"items\"", "non-empty"));
    t.add(c("missing dynamic entry (dot path)", s -> s.set("items.k9.qty", 3), UnknownPathException.class,
        "\"k9\"", "[k1, k2]"));
    t.add(c("missing dynamic entry (remove)", s -> s.remove(s.resolve("items"), "k9"), UnknownPathException.class,
        "\"k9\"", "\"items\""));
    int[] staleId = new int[1];
    t.add(new Case("removed dynamic entry (stale path ID, B4)", s -> {
      staleId[0] = s.resolve("items.k2.qty");
      s.remove(s.resolve("items"), "k2");
    }, s -> s.set(staleId[0], 5), UnknownPathException.class, null, List.of("removed entry"), After.UNCHANGED));
    t.add(new Case("entry path handle of another store", s -> {}, s -> {
      Store other = store();
      Path<Integer> foreign = other.path("items.k1.qty", Integer.class);
      s.set(foreign, 5);
    }, IllegalArgumentException.class, null, List.of("items.k1.qty", "another store"), After.UNCHANGED));
    t.add(c("setLong into an int path",
        s -> s.setLong(s.resolve("count"), Long.MIN_VALUE), ValueTypeException.class, "\"count\"", "long", "int"));
    // ---- wiring ----
    t.add(c("flip on a non-boolean", s -> s.wiring().flip(s.resolve("a"), s.resolve("name")), WiringException.class,
        "\"name\"", "java.lang.String", "boolean"));
    t.add(c("sync of different types", s -> s.wiring().sync(s.resolve("count"), s.resolve("name")),
        WiringException.class, "\"count\"", "\"name\"", "int", "java.lang.String"));
    t.add(c("aggregation on a primitive target", s -> s.wiring().aggregate(s.resolve("a"), s.resolve("b")),
        WiringException.class, "\"a\"", "boolean", "null"));
    t.add(c("aggregation source of another type", s -> s.wiring().aggregate(s.resolve("agg"), s.resolve("name")),
        WiringException.class, "\"agg\"", "\"name\""));
    t.add(c("circular aggregation", s -> {
      s.wiring().aggregate(s.resolve("addr.zip"), s.resolve("name"));
    }, s -> s.wiring().aggregate(s.resolve("name"), s.resolve("addr.zip")), WiringException.class, null,
        "circular", "\"name\""));
    t.add(c("listener scope that is not an ancestor", s -> s.listen(s.resolve("a"), s.resolve("b"), e -> {}),
        WiringException.class, "\"b\"", "\"a\""));
    Registration[] closed = new Registration[1];
    t.add(new Case("registration closed twice", s -> {
      closed[0] = s.wiring().sync(s.resolve("name"), s.resolve("addr.zip"));
      closed[0].close();
    }, s -> closed[0].close(), IllegalStateException.class, null, List.of("closed already", "name"), After.UNCHANGED));
    t.add(new Case("listener registration closed twice", s -> {
      closed[0] = s.listen(s.resolve("a"), s.resolve("a"), e -> {});
      closed[0].close();
    }, s -> closed[0].close(), IllegalStateException.class, null, List.of("closed already", "\"a\""), After.UNCHANGED));
    // ---- listeners (faults) ----
    for (String position : List.of("first", "middle", "last")) {
      t.add(new Case("listener throws (" + position + " of a cascade of three)", s -> {
        s.listen(s.resolve("items.k1.qty"), s.resolve("items.k1.qty"), e -> {
          e.emit("name", "deep");
          if (position.equals("first")) {
            throw new IllegalArgumentException("injected " + position);
          }
        });
        s.listen(s.resolve("items.k1"), s.resolve("items.k1"), e -> {
          if (position.equals("middle")) {
            throw new IllegalArgumentException("injected " + position);
          }
        });
        s.listenAll(e -> {
          if (position.equals("last")) {
            throw new IllegalArgumentException("injected " + position);
          }
        });
      }, s -> s.batch().set("items.k1.qty", 5).set("a", false).set("agg", false).apply(),
          ListenerException.class, IllegalArgumentException.class,
          List.of("listener on", "injected " + position), After.UNCHANGED));
    }
    t.add(c("listener throws in a batch that put a new entry (B5)",
        s -> s.listenAll(e -> {
          throw new IllegalArgumentException("injected");
        }),
        s -> s.batch().put(s.resolve("items"), "k7", new Item(true, 7)).set("count", 3).apply(),
        ListenerException.class, IllegalArgumentException.class, "listener on \"<root>\"", "injected"));
    t.add(c("listener returns a wrongly typed change",
        s -> s.listen(s.resolve("count"), s.resolve("count"), e -> e.emit("count", "many")),
        s -> s.set("count", 2), ListenerException.class, ValueTypeException.class, "\"count\"", "java.lang.String"));
    t.add(c("listener returns a change to an unknown path",
        s -> s.listen(s.resolve("count"), s.resolve("count"), e -> e.emit("items.k9.qty", 1)),
        s -> s.set("count", 2), ListenerException.class, UnknownPathException.class, "\"count\"", "k9"));
    t.add(c("listener writes re-entrantly",
        s -> s.listen(s.resolve("count"), s.resolve("count"), e -> s.set("name", "direct")),
        s -> s.set("count", 2), ListenerException.class, IllegalStateException.class, "\"count\"", "emit"));
    t.add(c("listener registers wiring during the batch",
        s -> s.listen(s.resolve("count"), s.resolve("count"), e -> s.wiring().sync(s.resolve("name"), s.resolve("addr.zip"))),
        s -> s.set("count", 2), ListenerException.class, IllegalStateException.class, "\"count\"", "while a batch runs"));
    t.add(c("emit outside a listener", s -> {
      AtomicReference<dev.statewire.runtime.ListenerEvent> kept = new AtomicReference<>();
      Store other = store();
      other.listen(other.resolve("count"), other.resolve("count"), kept::set);
      other.set("count", 3);
      kept.get().emit("name", "late");
    }, IllegalStateException.class, "while the listener runs"));
    t.add(c("stale Changes view", s -> {
      Store other = store();
      Changes c = other.set("count", 3);
      other.set("count", 4);
      c.path(0);
    }, IllegalStateException.class, "earlier batch", "toList()"));
    t.add(c("batch applied twice", s -> {
      Store other = store();
      dev.statewire.runtime.Batch b = other.batch().set("count", 3);
      b.apply();
      b.apply();
    }, IllegalStateException.class, "applied already"));
    t.add(new Case("subscribers that never settle", s -> {
      int count = s.resolve("count");
      s.subscribe(c -> s.setInt(count, s.getInt(count) + 1));
    }, s -> s.setInt(s.resolve("count"), 5), StateException.class, null, List.of("1000", "[count]"), After.CONSISTENT));
    return t;
  }

  @TestFactory
  Stream<DynamicTest> everyBadInputIsRefusedAndChangesNothing() {
    List<Case> table = cases();
    List<String> rows = new ArrayList<>();
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < table.size(); i++) {
      Case k = table.get(i);
      int no = i + 1;
      tests.add(dynamicTest(no + ". " + k.name(), () -> rows.add(run(no, k))));
    }
    tests.add(dynamicTest("table", () -> {
      // the rows that failed are reported by their own tests; this prints the ones that passed
      System.out.println("bad input and faults: " + table.size() + " cases, " + rows.size() + " pass");
      rows.forEach(System.out::println);
    }));
    return tests.stream();
  }

  private static String run(int no, Case k) {
    Store s = store();
    k.setup().accept(s);
    Object before = s.snapshot();
    Store.Stats stats = s.stats();
    Throwable thrown = null;
    try {
      k.action().accept(s);
    } catch (Throwable e) {
      thrown = e;
    }
    if (thrown == null) {
      fail(k.name() + ": nothing was thrown");
    }
    assertInstanceOf(k.type(), thrown, k.name() + ": " + thrown);
    String message = thrown.getMessage() + (thrown.getCause() == null ? "" : " / cause: " + thrown.getCause().getMessage());
    if (k.cause() != null) {
      assertInstanceOf(k.cause(), thrown.getCause(), k.name() + ": cause of " + thrown);
    }
    for (String f : k.message()) {
      assertTrue(message.contains(f), k.name() + ": message lacks [" + f + "]: " + message);
    }
    assertTrue(message.length() < 1_000, k.name() + ": message of " + message.length() + " chars");
    if (k.after() == After.UNCHANGED) {
      assertEquals(before, s.snapshot(), k.name() + ": snapshot changed");
      assertEquals(stats, s.stats(), k.name() + ": table sizes changed");
    } else {
      // the batches that ran are applied whole; the store still works
      assertEquals(Store.ABSENT != s.get("count"), true);
      assertEquals(s.get("count"), s.snapshot() instanceof Form f ? f.count() : null);
    }
    return "| " + no + " | " + k.name() + " | `" + thrown.getClass().getSimpleName() + "`"
        + (k.cause() == null ? "" : " (cause `" + thrown.getCause().getClass().getSimpleName() + "`)") + " | "
        + message.replace("|", "\\|").replace("\n", " ") + " | " + (k.after() == After.UNCHANGED ? "unchanged" : "consistent") + " |";
  }

  /** A write from a second thread while a batch runs is refused; the running batch completes. */
  @org.junit.jupiter.api.Test
  void writeFromASecondThreadDuringABatch() throws Exception {
    Store s = store();
    CountDownLatch inListener = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    s.listen(s.resolve("count"), s.resolve("count"), e -> {
      inListener.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    });
    AtomicReference<Throwable> first = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        s.set("count", 9);
      } catch (Throwable x) {
        first.set(x);
      }
    }, "writer-A");
    t.start();
    assertTrue(inListener.await(10, TimeUnit.SECONDS));
    Object during = s.snapshot();
    ConcurrentWriteException e = null;
    try {
      s.set("name", "from B");
    } catch (ConcurrentWriteException x) {
      e = x;
    }
    release.countDown();
    t.join(10_000);
    if (e == null) {
      fail("the second thread's write was not refused");
    }
    assertTrue(e.getMessage().contains("writer-A") && e.getMessage().contains(Thread.currentThread().getName()), e.getMessage());
    assertEquals(null, first.get());
    assertEquals(9, s.get("count"));
    assertEquals("x", s.get("name"));
    assertEquals(1, ((Form) during).count(), "snapshot taken during the batch is the pre-batch state");
  }

  /**
   * Registering an edge that already exists is not an error (PIPELINE.md §4: adding an existing
   * edge does nothing): no alignment batch, no new edge; closing either registration removes the
   * one edge, and closing the other afterwards is allowed (its edge is already gone).
   */
  @org.junit.jupiter.api.Test
  void registeringAnExistingEdgeAddsNothing() {
    Store s = store();
    List<Object> notified = new ArrayList<>();
    s.subscribe(c -> notified.add(c.toList()));
    Registration first = s.wiring().sync(s.resolve("name"), s.resolve("addr.zip"));
    assertEquals(1, notified.size(), "the first registration aligns");
    Object before = s.snapshot();
    Store.Stats stats = s.stats();
    Registration second = s.wiring().sync(s.resolve("addr.zip"), s.resolve("name"));
    assertEquals(1, notified.size(), "no alignment for an existing edge");
    assertEquals(before, s.snapshot());
    assertEquals(stats, s.stats());
    second.close();
    assertEquals(stats.syncEdges() - 1, s.stats().syncEdges(), "closing either removes the edge");
    first.close();
    assertEquals(stats.syncEdges() - 1, s.stats().syncEdges());
    Registration flip = s.wiring().flip(s.resolve("a"), s.resolve("b"));
    assertEquals(stats.flipEdges(), s.stats().flipEdges(), "a runtime copy of a static edge adds nothing");
    flip.close();
    assertEquals(stats.flipEdges(), s.stats().flipEdges(), "and closing it leaves the static edge");
  }

  /** NaN, −0.0 and extreme numbers are stored and compared exactly (PIPELINE.md §1). */
  @org.junit.jupiter.api.Test
  void extremeNumbersRoundTripExactly() {
    Store s = store();
    int price = s.resolve("price");
    for (double d : new double[] {Double.NaN, -0.0, 0.0, Double.MAX_VALUE, Double.MIN_VALUE,
        Double.NEGATIVE_INFINITY, 1e308, -4.9e-324}) {
      s.setDouble(price, d);
      assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(s.getDouble(price)), "double " + d);
      assertEquals(0, s.setDouble(price, d).size(), "writing " + d + " again is a no-op");
    }
    s.setDouble(price, 0.0);
    assertEquals(1, s.setDouble(price, -0.0).size(), "-0.0 differs from 0.0");
    s.setDouble(price, Double.NaN);
    assertEquals(0, s.set("price", Double.NaN).size(), "NaN equals NaN");
    for (long l : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L}) {
      s.set("total", l);
      assertEquals(l, s.getLong(s.resolve("total")));
    }
    for (int n : new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      s.setInt(s.resolve("count"), n);
      assertEquals(n, s.get("count"));
    }
    s.set("total", Long.MIN_VALUE);
    assertEquals(Long.MIN_VALUE, ((Form) s.snapshot()).total());
    assertEquals(Integer.MAX_VALUE, ((Form) s.snapshot()).count());
  }
}
