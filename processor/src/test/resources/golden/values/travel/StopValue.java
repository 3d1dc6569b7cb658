package travel;

import javax.annotation.processing.Generated;

/**
 * The immutable implementation of {@link Stop}, generated from its abstract accessors:
 * the schema builds {@code Stop} values with it, and so can you.
 *
 * <p>Like a record: {@code equals} compares every accessor (with any other
 * {@link Stop}), {@code hashCode} agrees with it, and {@code toString} lists the accessors.
 */
@Generated("dev.statewire.processor.StateProcessor")
public final class StopValue implements Stop {
  private final boolean visited;

  private final boolean pending;

  /**
   * A {@link Stop} with these values, in accessor declaration order.
   */
  public StopValue(boolean visited, boolean pending) {
    this.visited = visited;
    this.pending = pending;
  }

  @Override
  public boolean visited() {
    return visited;
  }

  @Override
  public boolean pending() {
    return pending;
  }

  @Override
  public boolean equals(Object object) {
    if (object == this) {
      return true;
    }
    if (!(object instanceof Stop other)) {
      return false;
    }
    return this.visited == other.visited()
        && this.pending == other.pending();
  }

  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Boolean.hashCode(this.visited);
    h = 31 * h + Boolean.hashCode(this.pending);
    return h;
  }

  @Override
  public String toString() {
    return "Stop["
        + "visited=" + this.visited
        + ", pending=" + this.pending
        + "]";
  }
}
