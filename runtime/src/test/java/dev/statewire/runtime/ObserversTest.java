package dev.statewire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-path observation ({@link Store#observe}, {@link Observers}): once per round after commit,
 * with the values before and after; every stage's change counts (input, sync, flip, aggregation,
 * listener output); node paths; entries that leave; writes from observers; the round with
 * subscribers; errors; closing; {@link Store#pathIn}.
 */
class ObserversTest {
  record Addr(String street, String city) {}

  record Line(boolean selected, int qty) {}

  record Ticket(
      Addr ship, Addr bill, boolean buy, boolean sell, Map<String, Line> lines, Boolean all, double total,
      String note) {}

  private static final TestSchemas.Builder TABLES = TestSchemas.of(Ticket.class)
      .sync("ship", "bill")
      .flip("buy", "sell")
      .aggregate("all", "lines.*.selected");
  private static final Schema SCHEMA = TABLES.build();

  private final List<String> log = new ArrayList<>();
  private final List<Throwable> uncaught = new ArrayList<>();
  private Thread.UncaughtExceptionHandler savedHandler;
  private Store store;

  @BeforeEach
  void setUp() {
    savedHandler = Thread.currentThread().getUncaughtExceptionHandler();
    Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    Map<String, Line> lines = new LinkedHashMap<>();
    lines.put("k1", new Line(true, 1));
    lines.put("k2", new Line(true, 2));
    store = Store.create(SCHEMA, new Ticket(new Addr("Main", "Oslo"), null, true, false, lines, null, 0, "n"));
  }

  @AfterEach
  void restoreHandler() {
    Thread.currentThread().setUncaughtExceptionHandler(savedHandler);
  }

  private Path<String> str(String path) {
    return store.path(path, String.class);
  }

  private Path<Boolean> bool(String path) {
    return store.path(path, Boolean.class);
  }

  /** A template path, as generated code declares it. */
  private static <T> Path<T> template(String path, Class<T> type) {
    return Path.of(TABLES.id(path), path, type);
  }

  private <T> Registration record(String name, Path<T> path) {
    return store.observe(path, (before, after) -> log.add(name + ": " + before + " -> " + after));
  }

  @Test
  void anObserverIsToldOnceAfterTheBatchWithTheValuesBeforeAndAfter() {
    record("street", str("ship.street"));
    store.batch().set(str("ship.street"), "Elm").set(str("ship.street"), "Oak").apply();
    assertEquals(List.of("street: Main -> Oak"), log);
  }

  @Test
  void aBatchThatDoesNotTouchThePathDoesNotTellItsObserver() {
    record("street", str("ship.street"));
    store.set(str("note"), "other");
    store.set(str("ship.street"), "Main"); // a no-op: the value is already Main
    assertEquals(List.of(), log);
  }

  @Test
  void syncFlipAggregationAndListenerOutputsAllCount() {
    record("bill.street", str("bill.street"));
    record("sell", bool("sell"));
    record("all", bool("all"));
    Path<Double> total = store.path("total", Double.class);
    record("total", total);
    store.listen(store.path("lines", Map.class), e -> e.emit(total, 99.0));
    store.set(str("ship.street"), "Elm");
    store.set(bool("buy"), false);
    store.set(bool("lines.k1.selected"), false);
    assertEquals(
        List.of("bill.street: Main -> Elm", "sell: false -> true", "total: 0.0 -> 99.0", "all: true -> null"),
        log,
        "told in the order the round first changed them: the aggregation read comes after the listener");
  }

  @Test
  void aNodeObserverIsToldOnceWithTheWholeRecordWhenAnythingBelowItChanged() {
    record("ship", store.path("ship", Addr.class));
    store.batch().set(str("ship.street"), "Elm").set(str("ship.city"), "Rome").apply();
    assertEquals(List.of("ship: Addr[street=Main, city=Oslo] -> Addr[street=Elm, city=Rome]"), log);
  }

  @Test
  void aMapObserverSeesAnEntryAddedAndAFieldBelowItChange() {
    List<Map<?, ?>> afters = new ArrayList<>();
    store.observe(store.path("lines", Map.class), (before, after) -> afters.add(after));
    int lines = store.resolve("lines");
    store.put(lines, "k3", new Line(false, 3));
    store.set(store.path("lines.k1.qty", Integer.class), 7);
    assertEquals(List.of(List.of("k1", "k2", "k3"), List.of("k1", "k2", "k3")),
        afters.stream().map(m -> List.copyOf(m.keySet())).toList());
    assertEquals(new Line(true, 7), afters.get(1).get("k1"));
  }

  @Test
  void anObservedEntryThatIsRemovedIsToldOnceAndItsRegistrationCloses() {
    List<String> removed = new ArrayList<>();
    Path<Integer> qty = store.path("lines.k1.qty", Integer.class);
    int oldId = qty.id();
    Registration r = store.observe(qty, new Observer<Integer>() {
      @Override
      public void changed(Integer before, Integer after) {
        log.add("changed " + before + " -> " + after);
      }

      @Override
      public void removed(Integer before) {
        removed.add("removed, was " + before);
      }
    });
    assertEquals(1, store.stats().observers());
    store.batch().set(qty, 5).remove(store.resolve("lines"), "k1").apply();
    assertEquals(List.of("removed, was 1"), removed);
    assertEquals(List.of(), log);
    assertFalse(r.isActive());
    assertEquals(0, store.stats().observers());
    // the freed IDs go to a new entry: the closed registration is not told of it
    store.put(store.resolve("lines"), "k9", new Line(false, 9));
    store.set(store.path("lines.k9.qty", Integer.class), 10);
    assertEquals(oldId, store.resolve("lines.k9.qty"), "the test needs the IDs reused");
    assertEquals(List.of("removed, was 1"), removed);
    assertEquals(List.of(), log);
  }

  @Test
  void aRemovedEntrysDefaultRemovalNoticeIsAChangeToNull() {
    record("k2", store.path("lines.k2", Line.class));
    store.remove(store.resolve("lines"), "k2");
    assertEquals(List.of("k2: Line[selected=true, qty=2] -> null"), log);
  }

  @Test
  void anObserversWriteRunsAsTheNextBatchAfterEveryObserverWasTold() {
    Path<String> note = str("note");
    store.observe(str("ship.street"), (before, after) -> {
      Changes c = store.set(note, "street is " + after);
      log.add("street told; its write applied " + c.size() + " now");
    });
    record("note", note);
    record("city", str("ship.city"));
    store.batch().set(str("ship.street"), "Elm").set(str("ship.city"), "Rome").apply();
    assertEquals(
        List.of("street told; its write applied 0 now", "city: Oslo -> Rome", "note: n -> street is Elm"), log);
    assertEquals("street is Elm", store.get(note));
  }

  @Test
  void anObserverSeesTheRoundsNetChangeNotTheBatchesInBetween() {
    Path<String> street = str("ship.street");
    store.subscribe(c -> {
      if ("Elm".equals(store.get(street))) {
        store.set(street, "Oak"); // runs after this round of subscribers, before the observers
      }
    });
    record("street", street);
    store.set(street, "Elm");
    assertEquals(List.of("street: Main -> Oak"), log);
  }

  @Test
  void aRoundThatEndsWhereItStartedTellsNoOne() {
    Path<String> street = str("ship.street");
    store.subscribe(c -> {
      if ("Elm".equals(store.get(street))) {
        store.set(street, "Main");
      }
    });
    record("street", street);
    store.set(street, "Elm");
    assertEquals(List.of(), log);
  }

  @Test
  void anObserverThatThrowsIsReportedAndTheOthersAreStillTold() {
    RuntimeException boom = new RuntimeException("boom");
    store.observe(str("ship.street"), (b, a) -> {
      throw boom;
    });
    record("street", str("ship.street"));
    Changes c = store.set(str("ship.street"), "Elm");
    assertEquals(List.of("street: Main -> Elm"), log);
    assertEquals(List.of(boom), uncaught);
    assertEquals("Elm", store.get(str("ship.street")), "the batch stays committed");
    assertEquals(2, c.size(), "street and its synced copy");
  }

  @Test
  void anAbandonedBatchTellsNoOne() {
    record("street", str("ship.street"));
    store.listen(str("ship.street"), e -> {
      throw new IllegalStateException("no");
    });
    assertThrows(ListenerException.class, () -> store.set(str("ship.street"), "Elm"));
    assertEquals(List.of(), log);
    store.set(str("note"), "x");
    assertEquals(List.of(), log, "nor does the next batch, since the value is as before");
  }

  @Test
  void aClosedObserverIsNotToldAndClosingTwiceIsRefused() {
    Registration r = record("street", str("ship.street"));
    r.close();
    store.set(str("ship.street"), "Elm");
    assertEquals(List.of(), log);
    assertEquals(0, store.stats().observers());
    assertEquals("observer registration was closed already",
        assertThrows(IllegalStateException.class, r::close).getMessage());
  }

  @Test
  void anObserverClosedByAnEarlierOneInTheSameRoundIsNotTold() {
    Registration[] second = new Registration[1];
    store.observe(str("ship.street"), (b, a) -> second[0].close());
    second[0] = record("street", str("ship.street"));
    store.set(str("ship.street"), "Elm");
    assertEquals(List.of(), log);
  }

  @Test
  void observersOfOnePathShareTheirValuesAndAreToldInRegistrationOrder() {
    record("1", str("ship.street"));
    record("2", str("ship.street"));
    store.set(str("ship.street"), "Elm");
    assertEquals(List.of("1: Main -> Elm", "2: Main -> Elm"), log);
  }

  @Test
  void theIntFormSeesAbsentAsTheStoreDoes() {
    int k3qty = store.resolve("lines");
    store.put(k3qty, "k3", new Line(false, 3));
    List<Object> befores = new ArrayList<>();
    store.observe(store.resolve("lines.k3"), new Observer<Object>() {
      @Override
      public void changed(Object before, Object after) {
        befores.add(after);
      }

      @Override
      public void removed(Object before) {
        befores.add(before);
      }
    });
    store.remove(k3qty, "k3");
    assertEquals(List.of(new Line(false, 3)), befores);
    Path<String> note = str("note");
    List<Object> seen = new ArrayList<>();
    store.observe(note.id(), (b, a) -> seen.add(a));
    store.set(note, null);
    assertEquals(1, seen.size());
    assertSame(null, seen.get(0));
  }

  @Test
  void aTemplatePathCannotBeObserved() {
    UnknownPathException e = assertThrows(UnknownPathException.class,
        () -> store.observe(template("lines.*.qty", Integer.class), (b, a) -> {}));
    assertEquals("\"lines.*.qty\" is a wildcard (entry template) path; write a concrete entry such as"
        + " \"lines.<key>.qty\"", e.getMessage());
  }

  @Test
  void observingFromAListenerIsRefusedAndAbandonsTheBatch() {
    store.listen(str("note"), e -> store.observe(str("ship.street"), (b, a) -> {}));
    ListenerException e = assertThrows(ListenerException.class, () -> store.set(str("note"), "x"));
    assertTrue(e.getCause().getMessage().startsWith("cannot observe a path while a batch runs"), e.getCause().getMessage());
    assertEquals("n", store.get(str("note")));
  }

  @Test
  void anObserverAddedByAnObserverIsToldFromTheNextRoundOn() {
    store.observe(str("note"), (b, a) -> record("street", str("ship.street")));
    store.batch().set(str("note"), "x").set(str("ship.street"), "Elm").apply();
    assertEquals(List.of(), log);
    store.set(str("ship.street"), "Oak");
    assertEquals(List.of("street: Elm -> Oak"), log);
  }

  @Test
  void aRuntimeAggregationTellsTheObserversOfItsTargetWhenItIsRegistered() {
    record("note", str("note"));
    store.wiring().aggregate(str("note"), str("ship.city"), str("bill.city"));
    assertEquals(List.of("note: n -> Oslo"), log);
  }

  @Test
  void pathInGivesATemplatesPathInsideAnEntry() {
    int k2 = store.resolve("lines.k2");
    Path<Boolean> selected = store.pathIn(k2, template("lines.*.selected", Boolean.class));
    assertEquals("lines.k2.selected", selected.toString());
    assertEquals(store.resolve("lines.k2.selected"), selected.id());
    assertEquals(true, store.get(selected));
    Path<Line> self = store.pathIn(k2, template("lines.*", Line.class));
    assertEquals(k2, self.id());
  }

  @Test
  void pathInRefusesAStaticPathAndATemplateOutsideTheEntry() {
    UnknownPathException notEntry = assertThrows(UnknownPathException.class,
        () -> store.pathIn(store.resolve("ship"), template("lines.*.qty", Integer.class)));
    assertEquals("\"ship\" is not in a map or list entry; pathIn takes an entry's path ID, such as the ID of"
        + " \"lines.<key>.qty\"'s entry", notEntry.getMessage());
    UnknownPathException outside = assertThrows(UnknownPathException.class,
        () -> store.pathIn(store.resolve("lines.k1.qty"), template("lines.*.selected", Boolean.class)));
    assertEquals("template \"lines.*.selected\" is not a path inside \"lines.k1.qty\" (template"
        + " \"lines.*.qty\"); give a template that starts with \"lines.*.qty\" and has no further '*'",
        outside.getMessage());
  }

  // ---- what the JavaFX binding needed of the store ----

  @Test
  void aTypedReadOfAnAbsentPathIsNull() {
    Path<Integer> qty = store.path("lines.k1.qty", Integer.class);
    store.set(store.path("ship", Addr.class), null);
    assertEquals(null, store.get(str("ship.street")), "below a null record: absent");
    assertEquals(1, store.get(qty));
  }

  @Test
  void isLiveTellsWhetherAHandleStillNamesAPath() {
    Path<Integer> qty = store.path("lines.k1.qty", Integer.class);
    assertTrue(store.isLive(str("note")));
    assertTrue(store.isLive(qty));
    assertFalse(store.isLive(template("lines.*.qty", Integer.class)), "a template is no concrete path");
    Store other = Store.create(SCHEMA, store.snapshot());
    assertFalse(other.isLive(qty), "another store's entry handle");
    store.remove(store.resolve("lines"), "k1");
    assertFalse(store.isLive(qty));
    store.put(store.resolve("lines"), "k1", new Line(true, 1));
    assertFalse(store.isLive(qty), "a new entry under the same key is not the removed one");
  }
}
