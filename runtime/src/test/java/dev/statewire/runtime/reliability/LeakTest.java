package dev.statewire.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.Registration;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.reliability.RShapes.Line;
import dev.statewire.runtime.reliability.RShapes.Market;
import dev.statewire.runtime.reliability.RShapes.Tier;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bounded growth: many cycles of add entry → wire → batch → unwire → remove entry, and of
 * register → close for listeners and subscribers, must leave every table of {@code stats()} (path
 * IDs in use, slot capacity, free IDs, edges, aggregations, listeners, subscribers, reference
 * slots) exactly where it was after warm-up.
 *
 * <p>{@code -Dstatewire.leak.cycles=N} (default 100,000; the documented long run is 1,000,000).
 */
class LeakTest {
  static final int CYCLES = Integer.getInteger("statewire.leak.cycles", 100_000);
  static final int WARMUP = 100;

  static Store market() {
    Map<String, Line> items = new LinkedHashMap<>();
    items.put("a", new Line(true, false, 1, "a", Tier.LOW));
    return Store.create(Scenario.named("Market").schema(), new Market(items, null,
        new Line(false, true, 0, "f", Tier.HIGH), 0L, 1.0, 0, Tier.LOW, LocalDate.of(2024, 1, 1), "n", true, true));
  }

  @Test
  void entryWiringCyclesKeepEveryTableBounded() {
    Store store = market();
    int items = store.resolve("items");
    int featuredQty = store.resolve("featured.qty");
    int open = store.resolve("open");
    int count = store.resolve("count");
    Store.Stats base = null;
    long start = System.nanoTime();
    for (int i = 0; i < CYCLES; i++) {
      String key = "k" + (i % 3);
      store.put(items, key, new Line(i % 2 == 0, i % 2 != 0, i, "l" + (i % 5), Tier.values()[i % 2]));
      int e = store.entry(items, key);
      int qty = store.resolve("items." + key + ".qty");
      int on = store.resolve("items." + key + ".on");
      Registration sync = store.wiring().sync(featuredQty, qty);
      Registration flip = store.wiring().flip(open, on);
      Registration agg = store.wiring().aggregate(count, qty);
      Registration listener = store.listen(qty, e, ev -> ev.emit("note", "n" + ev.changes().size()));
      store.batch().setInt(qty, i + 1).set("open", i % 3 == 0).apply();
      if (i % 2 == 0) {
        listener.close();
        agg.close();
        flip.close();
        sync.close();
        store.remove(items, key);
      } else {
        // removing the entry takes its registrations with it
        store.remove(items, key);
        assertFalse(sync.isActive() || flip.isActive() || agg.isActive() || listener.isActive());
      }
      if (i == WARMUP) {
        base = store.stats();
      } else if (i > WARMUP && i % 10_000 == 0) {
        assertEquals(base, store.stats(), "tables grew by cycle " + i);
      }
    }
    Store.Stats end = store.stats();
    assertEquals(base, end, "tables must not grow: " + base + " vs " + end);
    assertTrue(end.pathCapacity() < 200, "slot capacity " + end.pathCapacity());
    System.out.printf("leaks: %d cycles of put entry -> sync/flip/aggregate/listen -> batch -> unwire -> remove"
        + " in %d ms; stats after warm-up and at the end: %s%n", CYCLES, (System.nanoTime() - start) / 1_000_000, end);
  }

  @Test
  void listenerAndSubscriberCyclesKeepTheTablesBounded() {
    Store store = market();
    int total = store.resolve("total");
    Store.Stats base = store.stats();
    for (int i = 0; i < CYCLES; i++) {
      Registration l = i % 2 == 0 ? store.listenAll(e -> {}) : store.listen(total, 0, e -> {});
      Registration s = store.subscribe(c -> {});
      store.setLong(total, i);
      s.close();
      l.close();
    }
    assertEquals(base, store.stats());
    System.out.printf("leaks: %d cycles of register listener + subscriber -> batch -> close; stats unchanged: %s%n",
        CYCLES, store.stats());
  }
}
