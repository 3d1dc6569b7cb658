package travel;

import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The immutable implementation of {@link Leg}, generated from its abstract accessors:
 * the schema builds {@code Leg} values with it, and so can you.
 *
 * <p>Like a record: {@code equals} compares every accessor (with any other
 * {@link Leg}), {@code hashCode} agrees with it, and {@code toString} lists the accessors.
 */
@Generated("dev.statewire.processor.StateProcessor")
public final class LegValue extends Leg {
  private final String name;

  private final String city;

  private final int day;

  /**
   * A {@link Leg} with these values, in accessor declaration order.
   */
  public LegValue(String name, String city, int day) {
    this.name = name;
    this.city = city;
    this.day = day;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String city() {
    return city;
  }

  @Override
  public int day() {
    return day;
  }

  @Override
  public boolean equals(Object object) {
    if (object == this) {
      return true;
    }
    if (!(object instanceof Leg other)) {
      return false;
    }
    return Objects.equals(this.name, other.name())
        && Objects.equals(this.city, other.city())
        && this.day == other.day();
  }

  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(this.name);
    h = 31 * h + Objects.hashCode(this.city);
    h = 31 * h + Integer.hashCode(this.day);
    return h;
  }
}
