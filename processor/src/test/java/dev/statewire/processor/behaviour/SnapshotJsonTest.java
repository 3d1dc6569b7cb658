package dev.statewire.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statewire.processor.behaviour.Checkout.Address;
import dev.statewire.processor.behaviour.Checkout.LineItem;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Persisting and restoring a store: its snapshot goes to JSON with Jackson and comes back as an
 * equal value, from which a new store starts in the same state. For a record state (Jackson reads
 * records through their canonical constructors) and for an Immutables state (through Immutables'
 * own Jackson support, {@code @JsonSerialize}/{@code @JsonDeserialize(as = ImmutableTrip.class)}).
 */
class SnapshotJsonTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void recordStateRoundTrip() throws Exception {
    Address home = new Address("Main 1", "Brno", "60200");
    CheckoutStore store = CheckoutStore.create(new Checkout(home, home, true, false, Map.of(), null, 1, 9.5, "gift"));
    store.items().put("a", new LineItem(true, false, 2, "tea"));
    store.items().put("b", new LineItem(false, true, 1, "cup"));
    store.shipping().setCity("Graz");

    String text = json.writeValueAsString(store.snapshot());
    Checkout restored = json.readValue(text, Checkout.class);
    assertEquals(store.snapshot(), restored);
    assertTrue(text.contains("\"city\":\"Graz\""), text);

    CheckoutStore again = CheckoutStore.create(restored);
    assertEquals(store.snapshot(), again.snapshot());
    again.items().get("b").setSelected(true);
    assertEquals(Boolean.TRUE, again.allSelected(), "the restored store is wired as the first");
  }

  @Test
  void immutablesStateRoundTrip() throws Exception {
    Trip.Leg brno = ImmutableLeg.builder().city("Brno").day(1).build();
    TripStore store = TripStore.create(
        ImmutableTrip.builder().outbound(brno).inbound(brno).isBuy(true).isSell(false).note("spring").build());
    store.stops().put("v", ImmutableStop.builder().visited(false).pending(true).name("Vienna").build());
    store.outbound().setCity("Linz");

    String text = json.writeValueAsString(store.snapshot());
    Trip restored = json.readValue(text, Trip.class);
    assertInstanceOf(ImmutableTrip.class, restored);
    assertInstanceOf(ImmutableStop.class, restored.stops().get("v"));
    assertEquals(store.snapshot(), restored);

    TripStore again = TripStore.create(restored);
    assertEquals(store.snapshot(), again.snapshot());
    again.stops().get("v").setVisited(true);
    assertEquals(Boolean.TRUE, again.allVisited(), "the restored store is wired as the first");
    assertEquals(false, again.stops().get("v").pending());
  }
}
