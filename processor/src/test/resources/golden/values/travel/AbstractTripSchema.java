package travel;

import static dev.statewire.runtime.PathKind.*;

import dev.statewire.runtime.PathKind;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.ValueCodec;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * The schema of {@link AbstractTrip}: one row per path ID of {@link AbstractTripPaths}, the static wiring, and the codec that splits and builds its records.
 */
@Generated("dev.statewire.processor.StateProcessor")
public final class AbstractTripSchema {
  /**
   * The last segment of each path.
   */
  private static final String[] NAMES = {
    "", // 0 <root>
    "outbound", // 1 outbound
    "name", // 2 outbound.name
    "city", // 3 outbound.city
    "day", // 4 outbound.day
    "inbound", // 5 inbound
    "name", // 6 inbound.name
    "city", // 7 inbound.city
    "day", // 8 inbound.day
    "stops", // 9 stops
    "*", // 10 stops.*
    "visited", // 11 stops.*.visited
    "pending", // 12 stops.*.pending
    "allVisited", // 13 allVisited
    "notes", // 14 notes
    "*", // 15 notes.*
    "price", // 16 price
  };

  /**
   * The parent of each path; -1 for the root.
   */
  private static final int[] PARENTS = {
    -1, // 0 <root>
    0, // 1 outbound
    1, // 2 outbound.name
    1, // 3 outbound.city
    1, // 4 outbound.day
    0, // 5 inbound
    5, // 6 inbound.name
    5, // 7 inbound.city
    5, // 8 inbound.day
    0, // 9 stops
    9, // 10 stops.*
    10, // 11 stops.*.visited
    10, // 12 stops.*.pending
    0, // 13 allVisited
    0, // 14 notes
    14, // 15 notes.*
    0, // 16 price
  };

  /**
   * What each path holds.
   */
  private static final PathKind[] KINDS = {
    RECORD, // 0 <root>
    RECORD, // 1 outbound
    STRING, // 2 outbound.name
    STRING, // 3 outbound.city
    INT, // 4 outbound.day
    RECORD, // 5 inbound
    STRING, // 6 inbound.name
    STRING, // 7 inbound.city
    INT, // 8 inbound.day
    MAP, // 9 stops
    RECORD, // 10 stops.*
    BOOLEAN, // 11 stops.*.visited
    BOOLEAN, // 12 stops.*.pending
    BOOLEAN, // 13 allVisited
    LIST, // 14 notes
    STRING, // 15 notes.*
    DOUBLE, // 16 price
  };

  /**
   * The Java type of each path (primitive or boxed tells whether null is allowed).
   */
  private static final Class<?>[] TYPES = {
    AbstractTrip.class, // 0 <root>
    Leg.class, // 1 outbound
    String.class, // 2 outbound.name
    String.class, // 3 outbound.city
    int.class, // 4 outbound.day
    Leg.class, // 5 inbound
    String.class, // 6 inbound.name
    String.class, // 7 inbound.city
    int.class, // 8 inbound.day
    Map.class, // 9 stops
    Stop.class, // 10 stops.*
    boolean.class, // 11 stops.*.visited
    boolean.class, // 12 stops.*.pending
    Boolean.class, // 13 allVisited
    List.class, // 14 notes
    String.class, // 15 notes.*
    double.class, // 16 price
  };

  /**
   * The generic type of each path, fully qualified: runtime wiring compares them.
   */
  private static final String[] TYPE_NAMES = {
    "travel.AbstractTrip", // 0 <root>
    "travel.Leg", // 1 outbound
    "java.lang.String", // 2 outbound.name
    "java.lang.String", // 3 outbound.city
    "int", // 4 outbound.day
    "travel.Leg", // 5 inbound
    "java.lang.String", // 6 inbound.name
    "java.lang.String", // 7 inbound.city
    "int", // 8 inbound.day
    "java.util.Map<java.lang.String,travel.Stop>", // 9 stops
    "travel.Stop", // 10 stops.*
    "boolean", // 11 stops.*.visited
    "boolean", // 12 stops.*.pending
    "java.lang.Boolean", // 13 allVisited
    "java.util.List<java.lang.String>", // 14 notes
    "java.lang.String", // 15 notes.*
    "double", // 16 price
  };

  /**
   * Static sync pairs in declaration order (PIPELINE.md §4).
   */
  private static final int[][] SYNC_PAIRS = {
    {3, 7}, // outbound.city <-> inbound.city (@Sync on AbstractTrip)
  };

  /**
   * Static flip pairs in declaration order (PIPELINE.md §4).
   */
  private static final int[][] FLIP_PAIRS = {
    {12, 11}, // stops.*.pending <-> stops.*.visited (@Flip on Stop.pending)
  };

  /**
   * The sync groups (connected components of the sync pairs) in group order, each with its members in member order (docs/PIPELINE.md, "Matching a change against a group"); a group inside an entry template holds in every entry.
   */
  private static final int[][] SYNC_GROUPS = {
    {3, 7}, // outbound.city, inbound.city
  };

  /**
   * The flip groups, in the form of {@code SYNC_GROUPS}.
   */
  private static final int[][] FLIP_GROUPS = {
    {12, 11}, // stops.*.pending, stops.*.visited
  };

  /**
   * Per flip group, each member's parity against the group's first member: 0 the same value, 1 the negation.
   */
  private static final int[][] FLIP_PARITIES = {
    {0, 1}, // stops.*.pending, stops.*.visited
  };

  /**
   * Static aggregations, {@code {target, sources...}}, in declaration order; template IDs stand for every entry.
   */
  private static final int[][] AGGREGATIONS = {
    {13, 11}, // allVisited <- stops.*.visited (@Aggregate on AbstractTrip.allVisited)
  };

  /**
   * The schema, shared by every store of {@link AbstractTrip}.
   */
  public static final Schema SCHEMA = new Schema(AbstractTrip.class, NAMES, PARENTS, KINDS, TYPES, SYNC_PAIRS, FLIP_PAIRS, AGGREGATIONS, new Codec(), TYPE_NAMES,
      SYNC_GROUPS, FLIP_GROUPS, FLIP_PARITIES);

  private AbstractTripSchema() {
  }

  /**
   * Splits and builds the values of the tree by path ID: accessors, and canonical constructors (the Immutables builder, for an abstract value type), no reflection.
   */
  private static final class Codec implements ValueCodec {
    @Override
    public Object component(int pathId, Object record, int ordinal) {
      return switch (pathId) {
        case 0 -> abstractTrip((AbstractTrip) record, ordinal);
        case 1, 5 -> leg((Leg) record, ordinal);
        case 10 -> stop((Stop) record, ordinal);
        default -> throw new IllegalArgumentException("not a record path: " + pathId);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object construct(int pathId, Object[] components) {
      return switch (pathId) {
        case 0 ->
            Trip.builder()
                .outbound((Leg) components[0])
                .inbound((Leg) components[1])
                .stops((Map<String, Stop>) components[2])
                .allVisited((Boolean) components[3])
                .notes((List<String>) components[4])
                .price((double) components[5])
                .build();
        case 1, 5 ->
            ImmutableLeg.builder()
                .name((String) components[0])
                .city((String) components[1])
                .day((int) components[2])
                .build();
        case 10 ->
            ImmutableStop.builder()
                .visited((boolean) components[0])
                .pending((boolean) components[1])
                .build();
        default -> throw new IllegalArgumentException("not a record path: " + pathId);
      };
    }

    /**
     * Component {@code ordinal} of {@code value}, boxed.
     */
    private static Object abstractTrip(AbstractTrip value, int ordinal) {
      return switch (ordinal) {
        case 0 -> value.outbound();
        case 1 -> value.inbound();
        case 2 -> value.stops();
        case 3 -> value.allVisited();
        case 4 -> value.notes();
        case 5 -> value.price();
        default -> throw new IndexOutOfBoundsException("AbstractTrip has 6 components, no component " + ordinal);
      };
    }

    /**
     * Component {@code ordinal} of {@code value}, boxed.
     */
    private static Object leg(Leg value, int ordinal) {
      return switch (ordinal) {
        case 0 -> value.name();
        case 1 -> value.city();
        case 2 -> value.day();
        default -> throw new IndexOutOfBoundsException("Leg has 3 components, no component " + ordinal);
      };
    }

    /**
     * Component {@code ordinal} of {@code value}, boxed.
     */
    private static Object stop(Stop value, int ordinal) {
      return switch (ordinal) {
        case 0 -> value.isVisited();
        case 1 -> value.isPending();
        default -> throw new IndexOutOfBoundsException("Stop has 2 components, no component " + ordinal);
      };
    }
  }
}
