package dev.statewire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random rounds against a simple model of observation: after every round, each observer has
 * been told exactly once if the value at its path (read with {@link Store#get(Path)}) differs from
 * the value after the previous round, with those two values, and not at all otherwise; an observer
 * whose entry left was told {@code removed} with the last value and is closed. Rounds mix inputs,
 * sync, flip, aggregation fan-out and read, a listener output, map puts and removals, and a
 * subscriber that sometimes corrects a value within the round.
 */
class ObserversPropertyTest {
  record Addr(String street, String city) {}

  record Line(boolean selected, int qty) {}

  record Ticket(Addr ship, Addr bill, boolean buy, boolean sell, Map<String, Line> lines, Boolean all, int count) {}

  private static final Schema SCHEMA = TestSchemas.of(Ticket.class)
      .sync("ship", "bill")
      .flip("buy", "sell")
      .aggregate("all", "lines.*.selected")
      .build();

  private static final String[] STREETS = {"Main", "Elm", "Oak"};
  private static final String[] KEYS = {"a", "b", "c", "d"};

  /** One observer and what the model expects of it. */
  private static final class Watch {
    final Path<?> path;
    Object last;
    final List<String> told = new ArrayList<>();
    Registration reg;
    boolean removed;

    Watch(Path<?> path, Object last) {
      this.path = path;
      this.last = last;
    }
  }

  @Test
  void observersSeeExactlyTheNetChangeOfEachRound() {
    long seed = Long.getLong("statewire.seed", 20261203L);
    for (int run = 0; run < 20; run++) {
      runRounds(new Random(seed + run), "seed " + (seed + run));
    }
  }

  private void runRounds(Random rnd, String where) {
    Map<String, Line> lines = new LinkedHashMap<>();
    lines.put("a", new Line(true, 1));
    Store store = Store.create(SCHEMA, new Ticket(new Addr("Main", "Oslo"), null, true, false, lines, null, 0));
    Path<String> street = store.path("ship.street", String.class);
    Path<Integer> count = store.path("count", Integer.class);
    int linesId = store.resolve("lines");
    // a listener keeps count = number of lines; a subscriber sometimes undoes "Oak"
    store.listen(store.path("lines", Map.class), e -> {
      Object m = e.valueAfter(linesId);
      e.emit(count, m instanceof Map<?, ?> map ? map.size() : 0);
    });
    boolean[] correct = new boolean[1];
    store.subscribe(c -> {
      if (correct[0] && "Oak".equals(store.get(street))) {
        store.set(street, "Elm");
      }
    });
    List<Watch> watches = new ArrayList<>();
    for (String p : new String[] {"ship", "ship.street", "bill.street", "bill", "buy", "sell", "all", "lines", "count", ""}) {
      watch(store, watches, store.path(p, Object.class));
    }
    for (int round = 0; round < 60; round++) {
      if (rnd.nextInt(4) == 0) { // observe a field of a present entry
        List<String> keys = store.keys(linesId);
        if (!keys.isEmpty()) {
          String k = keys.get(rnd.nextInt(keys.size()));
          watch(store, watches, store.path("lines." + k + (rnd.nextBoolean() ? ".selected" : ""), Object.class));
        }
      }
      correct[0] = rnd.nextBoolean();
      Batch b = store.batch();
      int writes = 1 + rnd.nextInt(3);
      for (int w = 0; w < writes; w++) {
        String k = KEYS[rnd.nextInt(KEYS.length)];
        switch (rnd.nextInt(7)) {
          case 0 -> b.set(street, STREETS[rnd.nextInt(STREETS.length)]);
          case 1 -> b.set(store.path("bill.city", String.class), rnd.nextBoolean() ? "Oslo" : "Rome");
          case 2 -> b.set(store.path("sell", Boolean.class), rnd.nextBoolean());
          case 3 -> b.set(store.path("all", Boolean.class), rnd.nextBoolean());
          case 4 -> b.put(linesId, k, new Line(rnd.nextBoolean(), rnd.nextInt(3)));
          case 5 -> {
            if (store.findEntry(linesId, k) >= 0) {
              b.remove(linesId, k);
            }
          }
          default -> {
            if (store.findEntry(linesId, k) >= 0) {
              b.set(store.path("lines." + k + ".selected", Boolean.class), rnd.nextBoolean());
            }
          }
        }
      }
      for (Watch w : watches) {
        w.told.clear();
      }
      b.apply();
      for (Watch w : watches) {
        check(store, w, where + ", round " + round);
      }
      watches.removeIf(w -> w.removed);
    }
  }

  private static void watch(Store store, List<Watch> watches, Path<?> path) {
    Watch w = new Watch(path, store.get(path.id()));
    if (w.last == Store.ABSENT) throw new AssertionError("absent at watch " + path + " keys " + store.keys(store.resolve("lines")) + " " + store.snapshot());
    w.reg = store.observe(path.id(), new Observer<Object>() {
      @Override
      public void changed(Object before, Object after) {
        w.told.add("changed " + before + " -> " + after);
      }

      @Override
      public void removed(Object before) {
        w.told.add("removed " + before);
      }
    });
    watches.add(w);
  }

  private static void check(Store store, Watch w, String where) {
    boolean gone = !isLive(store, w.path);
    if (gone) {
      assertEquals(List.of("removed " + w.last), w.told, where + ": " + w.path);
      assertTrue(!w.reg.isActive(), where + ": closed after the removal");
      w.removed = true;
      return;
    }
    Object now = store.get(w.path.id());
    List<String> expected = Objects.equals(now, w.last) ? List.of() : List.of("changed " + w.last + " -> " + now);
    assertEquals(expected, w.told, where + ": " + w.path);
    w.last = now;
  }

  /** Whether an entry path handle still names a present entry. */
  private static boolean isLive(Store store, Path<?> p) {
    try {
      store.get(p);
      return true;
    } catch (UnknownPathException e) {
      return false;
    }
  }
}
