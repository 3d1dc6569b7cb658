package travel;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The immutable implementation of {@link Trip}, generated from its abstract accessors:
 * the schema builds {@code Trip} values with it, and so can you.
 *
 * <p>Like a record: {@code equals} compares every accessor (with any other
 * {@link Trip}), {@code hashCode} agrees with it, and {@code toString} lists the accessors.
 */
@Generated("dev.statewire.processor.StateProcessor")
public final class TripValue implements Trip {
  private final Leg outbound;

  private final Leg inbound;

  private final Map<String, Stop> stops;

  private final Boolean allVisited;

  private final List<String> notes;

  private final double price;

  /**
   * A {@link Trip} with these values, in accessor declaration order.
   */
  public TripValue(Leg outbound, Leg inbound, Map<String, Stop> stops, Boolean allVisited,
      List<String> notes, double price) {
    this.outbound = outbound;
    this.inbound = inbound;
    this.stops = stops;
    this.allVisited = allVisited;
    this.notes = notes;
    this.price = price;
  }

  @Override
  public Leg outbound() {
    return outbound;
  }

  @Override
  public Leg inbound() {
    return inbound;
  }

  @Override
  public Map<String, Stop> stops() {
    return stops;
  }

  @Override
  public Boolean allVisited() {
    return allVisited;
  }

  @Override
  public List<String> notes() {
    return notes;
  }

  @Override
  public double price() {
    return price;
  }

  @Override
  public boolean equals(Object object) {
    if (object == this) {
      return true;
    }
    if (!(object instanceof Trip other)) {
      return false;
    }
    return Objects.equals(this.outbound, other.outbound())
        && Objects.equals(this.inbound, other.inbound())
        && Objects.equals(this.stops, other.stops())
        && Objects.equals(this.allVisited, other.allVisited())
        && Objects.equals(this.notes, other.notes())
        && Double.compare(this.price, other.price()) == 0;
  }

  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(this.outbound);
    h = 31 * h + Objects.hashCode(this.inbound);
    h = 31 * h + Objects.hashCode(this.stops);
    h = 31 * h + Objects.hashCode(this.allVisited);
    h = 31 * h + Objects.hashCode(this.notes);
    h = 31 * h + Double.hashCode(this.price);
    return h;
  }

  @Override
  public String toString() {
    return "Trip["
        + "outbound=" + this.outbound
        + ", inbound=" + this.inbound
        + ", stops=" + this.stops
        + ", allVisited=" + this.allVisited
        + ", notes=" + this.notes
        + ", price=" + this.price
        + "]";
  }
}
