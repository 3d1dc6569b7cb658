package dev.statewire.processor.behaviour;

import dev.statewire.annotations.Aggregate;
import dev.statewire.annotations.Flip;
import dev.statewire.annotations.State;
import dev.statewire.annotations.Sync;
import java.util.Map;

/**
 * An abstract value type (DESIGN.md §1: "plain records (or abstract value types)"): the state is
 * given by accessors, the processor generates {@link TripValue}. Nested value types are abstract
 * too: an interface and an abstract class.
 */
@State
public interface Trip {
  Leg outbound();

  @Sync("outbound")
  Leg inbound();

  boolean isBuy();

  @Flip("isBuy")
  boolean isSell();

  Map<String, Stop> stops();

  @Aggregate("stops.*.visited")
  Boolean allVisited();

  String note();

  /** A leg of a trip. */
  @State
  interface Leg {
    String city();

    int day();
  }

  /** A stop: an abstract class whose {@code pending} is always the opposite of {@code visited}. */
  @State
  abstract class Stop {
    public abstract boolean visited();

    @Flip("visited")
    public abstract boolean pending();

    public abstract String name();

    /** Not state: a concrete method. */
    public String label() {
      return name() + (visited() ? " (visited)" : "");
    }
  }
}
