package dev.statewire.processor.behaviour;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.statewire.annotations.Aggregate;
import dev.statewire.annotations.Flip;
import dev.statewire.annotations.State;
import dev.statewire.annotations.Sync;
import java.util.Map;
import org.immutables.value.Value;

/**
 * An abstract state type through Immutables: the state is given by accessors, and the store
 * builds its values with {@link ImmutableTrip}, the class Immutables generates. Nested value types
 * are Immutables types too: an interface and an abstract class. The Jackson annotations let
 * Jackson write and read the values through Immutables' own Jackson support.
 */
@State
@Value.Immutable
@JsonSerialize(as = ImmutableTrip.class)
@JsonDeserialize(as = ImmutableTrip.class)
public interface Trip {
  Leg outbound();

  @Sync("outbound")
  Leg inbound();

  boolean isBuy();

  @Flip("isBuy")
  boolean isSell();

  Map<String, Stop> stops();

  /** Null while the stops disagree, so it is {@link Nullable} (Immutables refuses null otherwise). */
  @Aggregate("stops.*.visited")
  @Nullable
  Boolean allVisited();

  String note();

  /** A leg of a trip. */
  @State
  @Value.Immutable
  @JsonSerialize(as = ImmutableLeg.class)
  @JsonDeserialize(as = ImmutableLeg.class)
  interface Leg {
    String city();

    int day();
  }

  /** A stop: an abstract class whose {@code pending} is always the opposite of {@code visited}. */
  @State
  @Value.Immutable
  @JsonSerialize(as = ImmutableStop.class)
  @JsonDeserialize(as = ImmutableStop.class)
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
