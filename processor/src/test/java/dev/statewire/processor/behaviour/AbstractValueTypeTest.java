package dev.statewire.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.processor.behaviour.Trip.Leg;
import dev.statewire.processor.behaviour.Trip.Stop;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stores over abstract value types: {@link Trip} and its generated {@link TripValue}. */
class AbstractValueTypeTest {
  private static final Leg BRNO = new TripLegValue("Brno", 1);

  private static Trip initial() {
    return new TripValue(BRNO, BRNO, true, false, new LinkedHashMap<>(), null, "");
  }

  @Test
  void generatedValuesBehaveLikeRecords() {
    Leg a = new TripLegValue("Brno", 1);
    assertEquals(BRNO, a);
    assertEquals(BRNO.hashCode(), a.hashCode());
    assertNotEquals(BRNO, new TripLegValue("Brno", 2));
    assertEquals("Leg[city=Brno, day=1]", a.toString());
    Stop stop = new TripStopValue(true, false, "Vienna");
    assertEquals("Vienna (visited)", stop.label(), "concrete methods of the abstract class still work");
  }

  @Test
  void equalsAcceptsAnyImplementation() {
    Leg own = new Leg() {
      @Override
      public String city() {
        return "Brno";
      }

      @Override
      public int day() {
        return 1;
      }
    };
    assertEquals(BRNO, own);
  }

  @Test
  void snapshotIsBuiltWithTheGeneratedImplementationAndEqualsTheInitialValue() {
    TripStore store = TripStore.create(initial());
    Trip snapshot = store.snapshot();
    assertInstanceOf(TripValue.class, snapshot);
    assertEquals(initial(), snapshot);
    assertEquals("Brno", store.outbound().city());
  }

  @Test
  void aStoreAcceptsAUserImplementationOfANestedType() {
    TripStore store = TripStore.create(initial());
    store.setOutbound(new Leg() {
      @Override
      public String city() {
        return "Graz";
      }

      @Override
      public int day() {
        return 3;
      }
    });
    assertEquals(new TripLegValue("Graz", 3), store.inbound().snapshot(), "synced subtree, rebuilt as a TripLegValue");
  }

  @Test
  void wiringOnAccessorsHolds() {
    TripStore store = TripStore.create(initial());
    store.outbound().setCity("Linz");
    assertEquals("Linz", store.inbound().city(), "subtree sync");
    store.setIsBuy(false);
    assertTrue(store.isSell(), "flip");
  }

  @Test
  void wiringOnAnAbstractClassHoldsInEveryMapEntry() {
    TripStore store = TripStore.create(initial());
    store.stops().put("s1", new TripStopValue(false, true, "Vienna"));
    store.stops().put("s2", new TripStopValue(true, false, "Graz"));
    assertNull(store.allVisited());
    store.stops().get("s1").setVisited(true);
    assertFalse(store.stops().get("s1").pending());
    assertEquals(Boolean.TRUE, store.allVisited());
    store.setAllVisited(false);
    assertTrue(store.stops().get("s2").pending(), "fan-out, then flip in each entry");
    Map<String, Stop> stops = store.snapshot().stops();
    assertEquals(new TripStopValue(false, true, "Graz"), stops.get("s2"));
  }

  @Test
  void typedBatchOverAbstractTypes() {
    TripStore store = TripStore.create(initial());
    store.batch()
        .stops().put("s1", new TripStopValue(false, true, "Vienna"))
        .entry("s1").setName("Wien").done()
        .inbound().setDay(4).done()
        .apply();
    assertEquals("Wien", store.stops().get("s1").name());
    assertEquals(4, store.outbound().day());
  }
}
