package dev.statewire.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.processor.behaviour.Trip.Leg;
import dev.statewire.processor.behaviour.Trip.Stop;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stores over abstract state types through Immutables: {@link Trip} (built as {@link
 * ImmutableTrip}, with a nested Immutables interface, a map of an Immutables abstract class, a
 * {@code @Sync}, a {@code @Flip} and an {@code @Aggregate}) and {@link AbstractBoard} (a style that
 * renames the generated class and strips accessor prefixes).
 */
class ImmutablesStateTest {
  private static final Leg BRNO = ImmutableLeg.builder().city("Brno").day(1).build();

  private static Trip initial() {
    return ImmutableTrip.builder().outbound(BRNO).inbound(BRNO).isBuy(true).isSell(false).note("").build();
  }

  private static Stop stop(boolean visited, String name) {
    return ImmutableStop.builder().visited(visited).pending(!visited).name(name).build();
  }

  @Test
  void snapshotIsImmutablesOwnValueAndEqualsWhatTheUserBuilt() {
    TripStore store = TripStore.create(initial());
    Trip snapshot = store.snapshot();
    assertInstanceOf(ImmutableTrip.class, snapshot);
    assertEquals(initial(), snapshot);
    assertEquals(initial().hashCode(), snapshot.hashCode());
    assertEquals("Brno", store.outbound().city());
  }

  @Test
  void nestedImmutablesTypeIsRebuiltWithItsBuilder() {
    TripStore store = TripStore.create(initial());
    store.outbound().setDay(3);
    Leg leg = store.snapshot().outbound();
    assertInstanceOf(ImmutableLeg.class, leg);
    assertEquals(ImmutableLeg.builder().city("Brno").day(3).build(), leg);
  }

  @Test
  void syncAndFlipOnAccessorsHold() {
    TripStore store = TripStore.create(initial());
    store.outbound().setCity("Linz");
    assertEquals("Linz", store.inbound().city(), "subtree sync");
    store.setIsBuy(false);
    assertTrue(store.isSell(), "flip");
    assertEquals(ImmutableLeg.builder().city("Linz").day(1).build(), store.snapshot().inbound());
  }

  @Test
  void aMapOfImmutablesValuesKeepsItsWiringAndAggregationInEveryEntry() {
    TripStore store = TripStore.create(initial());
    store.stops().put("s1", stop(false, "Vienna"));
    store.stops().put("s2", stop(true, "Graz"));
    assertNull(store.allVisited(), "the stops disagree");
    store.stops().get("s1").setVisited(true);
    assertFalse(store.stops().get("s1").pending(), "flip inside the entry");
    assertEquals(Boolean.TRUE, store.allVisited());
    store.setAllVisited(false);
    assertTrue(store.stops().get("s2").pending(), "fan-out, then flip in each entry");
    Map<String, Stop> stops = store.snapshot().stops();
    assertInstanceOf(ImmutableStop.class, stops.get("s2"));
    assertEquals(stop(false, "Graz"), stops.get("s2"));
    assertEquals("Graz", stops.get("s2").label(), "concrete methods of the abstract class still work");
  }

  @Test
  void typedBatchOverImmutablesTypes() {
    TripStore store = TripStore.create(initial());
    store.batch()
        .stops().put("s1", stop(false, "Vienna"))
        .entry("s1").setName("Wien").done()
        .inbound().setDay(4).done()
        .apply();
    assertEquals("Wien", store.stops().get("s1").name());
    assertEquals(4, store.outbound().day());
    assertEquals(ImmutableTrip.builder().from(initial())
        .outbound(ImmutableLeg.builder().city("Brno").day(4).build())
        .inbound(ImmutableLeg.builder().city("Brno").day(4).build())
        .putStops("s1", stop(false, "Wien"))
        .allVisited(false)
        .build(), store.snapshot());
  }

  @Test
  void nullInAnAttributeThatIsNotNullableIsRefusedByImmutablesWhenTheSnapshotIsBuilt() {
    TripStore store = TripStore.create(initial());
    store.setNote(null);
    NullPointerException e = assertThrows(NullPointerException.class, store::snapshot);
    assertTrue(String.valueOf(e.getMessage()).contains("note"), e.getMessage());
    store.setNote("back");
    assertEquals("back", store.snapshot().note(), "the store itself is intact");
  }

  @Test
  void styleNamesTheGeneratedClassAndStripsAccessorPrefixes() {
    Board initial = Board.builder().setTitle("Plan").setHeading("Plan").setOpen(true).setClosed(false).build();
    AbstractBoardStore store = AbstractBoardStore.create(initial);
    assertEquals("title", AbstractBoardPaths.TITLE.path());
    assertEquals("open", AbstractBoardPaths.OPEN.path());
    store.setTitle("Roadmap");
    assertEquals("Roadmap", store.heading(), "@Sync(\"title\") on getHeading()");
    store.setOpen(false);
    assertTrue(store.closed(), "@Flip(\"open\") on isClosed()");
    AbstractBoard snapshot = store.snapshot();
    assertInstanceOf(Board.class, snapshot);
    assertEquals(Board.builder().setTitle("Roadmap").setHeading("Roadmap").setOpen(false).setClosed(true).build(), snapshot);
  }
}
