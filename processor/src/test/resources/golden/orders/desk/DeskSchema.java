package desk;

import static dev.statewire.runtime.PathKind.*;

import dev.statewire.runtime.PathKind;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.ValueCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * The schema of {@link Desk}: one row per path ID of {@link DeskPaths}, the static wiring, and the codec that splits and builds its records.
 */
@Generated("dev.statewire.processor.StateProcessor")
public final class DeskSchema {
  /**
   * The last segment of each path.
   */
  private static final String[] NAMES = {
    "", // 0 <root>
    "title", // 1 title
    "primary", // 2 primary
    "title", // 3 primary.title
    "owner", // 4 primary.owner
    "locked", // 5 primary.locked
    "editable", // 6 primary.editable
    "backup", // 7 backup
    "title", // 8 backup.title
    "owner", // 9 backup.owner
    "locked", // 10 backup.locked
    "editable", // 11 backup.editable
    "orders", // 12 orders
    "*", // 13 orders.*
    "open", // 14 orders.*.open
    "closed", // 15 orders.*.closed
    "lines", // 16 orders.*.lines
    "*", // 17 orders.*.lines.*
    "selected", // 18 orders.*.lines.*.selected
    "qty", // 19 orders.*.lines.*.qty
    "allSelected", // 20 orders.*.allSelected
    "anyOpen", // 21 anyOpen
    "tags", // 22 tags
    "*", // 23 tags.*
    "limits", // 24 limits
    "*", // 25 limits.*
    "side", // 26 side
    "comment", // 27 comment
    "version", // 28 version
    "grade", // 29 grade
    "ratio", // 30 ratio
  };

  /**
   * The parent of each path; -1 for the root.
   */
  private static final int[] PARENTS = {
    -1, // 0 <root>
    0, // 1 title
    0, // 2 primary
    2, // 3 primary.title
    2, // 4 primary.owner
    2, // 5 primary.locked
    2, // 6 primary.editable
    0, // 7 backup
    7, // 8 backup.title
    7, // 9 backup.owner
    7, // 10 backup.locked
    7, // 11 backup.editable
    0, // 12 orders
    12, // 13 orders.*
    13, // 14 orders.*.open
    13, // 15 orders.*.closed
    13, // 16 orders.*.lines
    16, // 17 orders.*.lines.*
    17, // 18 orders.*.lines.*.selected
    17, // 19 orders.*.lines.*.qty
    13, // 20 orders.*.allSelected
    0, // 21 anyOpen
    0, // 22 tags
    22, // 23 tags.*
    0, // 24 limits
    24, // 25 limits.*
    0, // 26 side
    0, // 27 comment
    0, // 28 version
    0, // 29 grade
    0, // 30 ratio
  };

  /**
   * What each path holds.
   */
  private static final PathKind[] KINDS = {
    RECORD, // 0 <root>
    STRING, // 1 title
    RECORD, // 2 primary
    STRING, // 3 primary.title
    STRING, // 4 primary.owner
    BOOLEAN, // 5 primary.locked
    BOOLEAN, // 6 primary.editable
    RECORD, // 7 backup
    STRING, // 8 backup.title
    STRING, // 9 backup.owner
    BOOLEAN, // 10 backup.locked
    BOOLEAN, // 11 backup.editable
    MAP, // 12 orders
    RECORD, // 13 orders.*
    BOOLEAN, // 14 orders.*.open
    BOOLEAN, // 15 orders.*.closed
    LIST, // 16 orders.*.lines
    RECORD, // 17 orders.*.lines.*
    BOOLEAN, // 18 orders.*.lines.*.selected
    INT, // 19 orders.*.lines.*.qty
    BOOLEAN, // 20 orders.*.allSelected
    BOOLEAN, // 21 anyOpen
    LIST, // 22 tags
    STRING, // 23 tags.*
    MAP, // 24 limits
    INT, // 25 limits.*
    ENUM, // 26 side
    OBJECT, // 27 comment
    LONG, // 28 version
    CHAR, // 29 grade
    FLOAT, // 30 ratio
  };

  /**
   * The Java type of each path (primitive or boxed tells whether null is allowed).
   */
  private static final Class<?>[] TYPES = {
    Desk.class, // 0 <root>
    String.class, // 1 title
    Book.class, // 2 primary
    String.class, // 3 primary.title
    String.class, // 4 primary.owner
    boolean.class, // 5 primary.locked
    boolean.class, // 6 primary.editable
    Book.class, // 7 backup
    String.class, // 8 backup.title
    String.class, // 9 backup.owner
    boolean.class, // 10 backup.locked
    boolean.class, // 11 backup.editable
    Map.class, // 12 orders
    Order.class, // 13 orders.*
    boolean.class, // 14 orders.*.open
    boolean.class, // 15 orders.*.closed
    List.class, // 16 orders.*.lines
    Line.class, // 17 orders.*.lines.*
    boolean.class, // 18 orders.*.lines.*.selected
    int.class, // 19 orders.*.lines.*.qty
    Boolean.class, // 20 orders.*.allSelected
    Boolean.class, // 21 anyOpen
    List.class, // 22 tags
    String.class, // 23 tags.*
    Map.class, // 24 limits
    Integer.class, // 25 limits.*
    Side.class, // 26 side
    Optional.class, // 27 comment
    long.class, // 28 version
    char.class, // 29 grade
    float.class, // 30 ratio
  };

  /**
   * The generic type of each path, fully qualified: runtime wiring compares them.
   */
  private static final String[] TYPE_NAMES = {
    "desk.Desk", // 0 <root>
    "java.lang.String", // 1 title
    "desk.Book", // 2 primary
    "java.lang.String", // 3 primary.title
    "java.lang.String", // 4 primary.owner
    "boolean", // 5 primary.locked
    "boolean", // 6 primary.editable
    "desk.Book", // 7 backup
    "java.lang.String", // 8 backup.title
    "java.lang.String", // 9 backup.owner
    "boolean", // 10 backup.locked
    "boolean", // 11 backup.editable
    "java.util.Map<java.lang.String,desk.Order>", // 12 orders
    "desk.Order", // 13 orders.*
    "boolean", // 14 orders.*.open
    "boolean", // 15 orders.*.closed
    "java.util.List<desk.Line>", // 16 orders.*.lines
    "desk.Line", // 17 orders.*.lines.*
    "boolean", // 18 orders.*.lines.*.selected
    "int", // 19 orders.*.lines.*.qty
    "java.lang.Boolean", // 20 orders.*.allSelected
    "java.lang.Boolean", // 21 anyOpen
    "java.util.List<java.lang.String>", // 22 tags
    "java.lang.String", // 23 tags.*
    "java.util.Map<java.lang.String,java.lang.Integer>", // 24 limits
    "java.lang.Integer", // 25 limits.*
    "desk.Side", // 26 side
    "java.util.Optional<java.lang.String>", // 27 comment
    "long", // 28 version
    "char", // 29 grade
    "float", // 30 ratio
  };

  /**
   * Static sync pairs in declaration order (PIPELINE.md §4).
   */
  private static final int[][] SYNC_PAIRS = {
    {4, 9}, // primary.owner <-> backup.owner (@Sync on Desk)
    {1, 3}, // title <-> primary.title (@Sync on Desk)
  };

  /**
   * Static flip pairs in declaration order (PIPELINE.md §4).
   */
  private static final int[][] FLIP_PAIRS = {
    {5, 6}, // primary.locked <-> primary.editable (@Flip on Book)
    {10, 11}, // backup.locked <-> backup.editable (@Flip on Book)
    {15, 14}, // orders.*.closed <-> orders.*.open (@Flip on Order.closed)
  };

  /**
   * The sync groups (connected components of the sync pairs) in group order, each with its members in member order (docs/PIPELINE.md, "Matching a change against a group"); a group inside an entry template holds in every entry.
   */
  private static final int[][] SYNC_GROUPS = {
    {4, 9}, // primary.owner, backup.owner
    {1, 3}, // title, primary.title
  };

  /**
   * The flip groups, in the form of {@code SYNC_GROUPS}.
   */
  private static final int[][] FLIP_GROUPS = {
    {5, 6}, // primary.locked, primary.editable
    {10, 11}, // backup.locked, backup.editable
    {15, 14}, // orders.*.closed, orders.*.open
  };

  /**
   * Per flip group, each member's parity against the group's first member: 0 the same value, 1 the negation.
   */
  private static final int[][] FLIP_PARITIES = {
    {0, 1}, // primary.locked, primary.editable
    {0, 1}, // backup.locked, backup.editable
    {0, 1}, // orders.*.closed, orders.*.open
  };

  /**
   * Static aggregations, {@code {target, sources...}}, in declaration order; template IDs stand for every entry.
   */
  private static final int[][] AGGREGATIONS = {
    {21, 14}, // anyOpen <- orders.*.open (@Aggregate on Desk)
    {20, 18}, // orders.*.allSelected <- orders.*.lines.*.selected (@Aggregate on Order.allSelected)
  };

  /**
   * The schema, shared by every store of {@link Desk}.
   */
  public static final Schema SCHEMA = new Schema(Desk.class, NAMES, PARENTS, KINDS, TYPES, SYNC_PAIRS, FLIP_PAIRS, AGGREGATIONS, new Codec(), TYPE_NAMES,
      SYNC_GROUPS, FLIP_GROUPS, FLIP_PARITIES);

  private DeskSchema() {
  }

  /**
   * Splits and builds the values of the tree by path ID: accessors, and canonical constructors (the Immutables builder, for an abstract value type), no reflection.
   */
  private static final class Codec implements ValueCodec {
    @Override
    public Object component(int pathId, Object record, int ordinal) {
      return switch (pathId) {
        case 0 -> desk((Desk) record, ordinal);
        case 2, 7 -> book((Book) record, ordinal);
        case 13 -> order((Order) record, ordinal);
        case 17 -> line((Line) record, ordinal);
        default -> throw new IllegalArgumentException("not a record path: " + pathId);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object construct(int pathId, Object[] components) {
      return switch (pathId) {
        case 0 ->
            new Desk(
                (String) components[0],
                (Book) components[1],
                (Book) components[2],
                (Map<String, Order>) components[3],
                (Boolean) components[4],
                (List<String>) components[5],
                (Map<String, Integer>) components[6],
                (Side) components[7],
                (Optional<String>) components[8],
                (long) components[9],
                (char) components[10],
                (float) components[11]);
        case 2, 7 ->
            new Book(
                (String) components[0],
                (String) components[1],
                (boolean) components[2],
                (boolean) components[3]);
        case 13 ->
            new Order(
                (boolean) components[0],
                (boolean) components[1],
                (List<Line>) components[2],
                (Boolean) components[3]);
        case 17 ->
            new Line(
                (boolean) components[0],
                (int) components[1]);
        default -> throw new IllegalArgumentException("not a record path: " + pathId);
      };
    }

    /**
     * Component {@code ordinal} of {@code value}, boxed.
     */
    private static Object desk(Desk value, int ordinal) {
      return switch (ordinal) {
        case 0 -> value.title();
        case 1 -> value.primary();
        case 2 -> value.backup();
        case 3 -> value.orders();
        case 4 -> value.anyOpen();
        case 5 -> value.tags();
        case 6 -> value.limits();
        case 7 -> value.side();
        case 8 -> value.comment();
        case 9 -> value.version();
        case 10 -> value.grade();
        case 11 -> value.ratio();
        default -> throw new IndexOutOfBoundsException("Desk has 12 components, no component " + ordinal);
      };
    }

    /**
     * Component {@code ordinal} of {@code value}, boxed.
     */
    private static Object book(Book value, int ordinal) {
      return switch (ordinal) {
        case 0 -> value.title();
        case 1 -> value.owner();
        case 2 -> value.locked();
        case 3 -> value.editable();
        default -> throw new IndexOutOfBoundsException("Book has 4 components, no component " + ordinal);
      };
    }

    /**
     * Component {@code ordinal} of {@code value}, boxed.
     */
    private static Object order(Order value, int ordinal) {
      return switch (ordinal) {
        case 0 -> value.open();
        case 1 -> value.closed();
        case 2 -> value.lines();
        case 3 -> value.allSelected();
        default -> throw new IndexOutOfBoundsException("Order has 4 components, no component " + ordinal);
      };
    }

    /**
     * Component {@code ordinal} of {@code value}, boxed.
     */
    private static Object line(Line value, int ordinal) {
      return switch (ordinal) {
        case 0 -> value.selected();
        case 1 -> value.qty();
        default -> throw new IndexOutOfBoundsException("Line has 2 components, no component " + ordinal);
      };
    }
  }
}
