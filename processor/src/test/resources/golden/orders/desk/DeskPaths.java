package desk;

import dev.statewire.runtime.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Path IDs and typed path handles of {@link Desk}.
 *
 * <p>IDs are dense from 0 in depth-first declaration order; {@link #ROOT_ID} is the root. The entries of a map or list are described once, by an entry template named {@code *} ({@code items.*.selected}): template paths identify the wiring that holds in every entry and never hold values themselves. Handles on real entries come from the store.
 */
@Generated("dev.statewire.processor.StateProcessor")
public final class DeskPaths {
  /**
   * The ID of {@code <root>}: Desk.
   */
  public static final int ROOT_ID = 0;

  /**
   * The typed handle of {@code <root>}.
   */
  public static final Path<Desk> ROOT = Path.of(ROOT_ID, "", Desk.class);

  /**
   * The ID of {@code title}: String.
   */
  public static final int TITLE_ID = 1;

  /**
   * The typed handle of {@code title}.
   */
  public static final Path<String> TITLE = Path.of(TITLE_ID, "title", String.class);

  /**
   * The ID of {@code primary}: Book.
   */
  public static final int PRIMARY_ID = 2;

  /**
   * The typed handle of {@code primary}.
   */
  public static final Path<Book> PRIMARY = Path.of(PRIMARY_ID, "primary", Book.class);

  /**
   * The ID of {@code primary.title}: String.
   */
  public static final int PRIMARY_TITLE_ID = 3;

  /**
   * The typed handle of {@code primary.title}.
   */
  public static final Path<String> PRIMARY_TITLE = Path.of(PRIMARY_TITLE_ID, "primary.title", String.class);

  /**
   * The ID of {@code primary.owner}: String.
   */
  public static final int PRIMARY_OWNER_ID = 4;

  /**
   * The typed handle of {@code primary.owner}.
   */
  public static final Path<String> PRIMARY_OWNER = Path.of(PRIMARY_OWNER_ID, "primary.owner", String.class);

  /**
   * The ID of {@code primary.locked}: boolean.
   */
  public static final int PRIMARY_LOCKED_ID = 5;

  /**
   * The typed handle of {@code primary.locked}.
   */
  public static final Path<Boolean> PRIMARY_LOCKED = Path.of(PRIMARY_LOCKED_ID, "primary.locked", Boolean.class);

  /**
   * The ID of {@code primary.editable}: boolean.
   */
  public static final int PRIMARY_EDITABLE_ID = 6;

  /**
   * The typed handle of {@code primary.editable}.
   */
  public static final Path<Boolean> PRIMARY_EDITABLE = Path.of(PRIMARY_EDITABLE_ID, "primary.editable", Boolean.class);

  /**
   * The ID of {@code backup}: Book.
   */
  public static final int BACKUP_ID = 7;

  /**
   * The typed handle of {@code backup}.
   */
  public static final Path<Book> BACKUP = Path.of(BACKUP_ID, "backup", Book.class);

  /**
   * The ID of {@code backup.title}: String.
   */
  public static final int BACKUP_TITLE_ID = 8;

  /**
   * The typed handle of {@code backup.title}.
   */
  public static final Path<String> BACKUP_TITLE = Path.of(BACKUP_TITLE_ID, "backup.title", String.class);

  /**
   * The ID of {@code backup.owner}: String.
   */
  public static final int BACKUP_OWNER_ID = 9;

  /**
   * The typed handle of {@code backup.owner}.
   */
  public static final Path<String> BACKUP_OWNER = Path.of(BACKUP_OWNER_ID, "backup.owner", String.class);

  /**
   * The ID of {@code backup.locked}: boolean.
   */
  public static final int BACKUP_LOCKED_ID = 10;

  /**
   * The typed handle of {@code backup.locked}.
   */
  public static final Path<Boolean> BACKUP_LOCKED = Path.of(BACKUP_LOCKED_ID, "backup.locked", Boolean.class);

  /**
   * The ID of {@code backup.editable}: boolean.
   */
  public static final int BACKUP_EDITABLE_ID = 11;

  /**
   * The typed handle of {@code backup.editable}.
   */
  public static final Path<Boolean> BACKUP_EDITABLE = Path.of(BACKUP_EDITABLE_ID, "backup.editable", Boolean.class);

  /**
   * The ID of {@code orders}: Map&lt;String, Order&gt;.
   */
  public static final int ORDERS_ID = 12;

  /**
   * The typed handle of {@code orders}.
   */
  public static final Path<Map<String, Order>> ORDERS = generic(ORDERS_ID, "orders", Map.class);

  /**
   * The ID of {@code orders.*}: Order (entry template).
   */
  public static final int ORDERS_ANY_ID = 13;

  /**
   * The typed handle of {@code orders.*} (entry template).
   */
  public static final Path<Order> ORDERS_ANY = Path.of(ORDERS_ANY_ID, "orders.*", Order.class);

  /**
   * The ID of {@code orders.*.open}: boolean (entry template).
   */
  public static final int ORDERS_ANY_OPEN_ID = 14;

  /**
   * The typed handle of {@code orders.*.open} (entry template).
   */
  public static final Path<Boolean> ORDERS_ANY_OPEN = Path.of(ORDERS_ANY_OPEN_ID, "orders.*.open", Boolean.class);

  /**
   * The ID of {@code orders.*.closed}: boolean (entry template).
   */
  public static final int ORDERS_ANY_CLOSED_ID = 15;

  /**
   * The typed handle of {@code orders.*.closed} (entry template).
   */
  public static final Path<Boolean> ORDERS_ANY_CLOSED = Path.of(ORDERS_ANY_CLOSED_ID, "orders.*.closed", Boolean.class);

  /**
   * The ID of {@code orders.*.lines}: List&lt;Line&gt; (entry template).
   */
  public static final int ORDERS_ANY_LINES_ID = 16;

  /**
   * The typed handle of {@code orders.*.lines} (entry template).
   */
  public static final Path<List<Line>> ORDERS_ANY_LINES = generic(ORDERS_ANY_LINES_ID, "orders.*.lines", List.class);

  /**
   * The ID of {@code orders.*.lines.*}: Line (entry template).
   */
  public static final int ORDERS_ANY_LINES_ANY_ID = 17;

  /**
   * The typed handle of {@code orders.*.lines.*} (entry template).
   */
  public static final Path<Line> ORDERS_ANY_LINES_ANY = Path.of(ORDERS_ANY_LINES_ANY_ID, "orders.*.lines.*", Line.class);

  /**
   * The ID of {@code orders.*.lines.*.selected}: boolean (entry template).
   */
  public static final int ORDERS_ANY_LINES_ANY_SELECTED_ID = 18;

  /**
   * The typed handle of {@code orders.*.lines.*.selected} (entry template).
   */
  public static final Path<Boolean> ORDERS_ANY_LINES_ANY_SELECTED = Path.of(ORDERS_ANY_LINES_ANY_SELECTED_ID, "orders.*.lines.*.selected", Boolean.class);

  /**
   * The ID of {@code orders.*.lines.*.qty}: int (entry template).
   */
  public static final int ORDERS_ANY_LINES_ANY_QTY_ID = 19;

  /**
   * The typed handle of {@code orders.*.lines.*.qty} (entry template).
   */
  public static final Path<Integer> ORDERS_ANY_LINES_ANY_QTY = Path.of(ORDERS_ANY_LINES_ANY_QTY_ID, "orders.*.lines.*.qty", Integer.class);

  /**
   * The ID of {@code orders.*.allSelected}: Boolean (entry template).
   */
  public static final int ORDERS_ANY_ALL_SELECTED_ID = 20;

  /**
   * The typed handle of {@code orders.*.allSelected} (entry template).
   */
  public static final Path<Boolean> ORDERS_ANY_ALL_SELECTED = Path.of(ORDERS_ANY_ALL_SELECTED_ID, "orders.*.allSelected", Boolean.class);

  /**
   * The ID of {@code anyOpen}: Boolean.
   */
  public static final int ANY_OPEN_ID = 21;

  /**
   * The typed handle of {@code anyOpen}.
   */
  public static final Path<Boolean> ANY_OPEN = Path.of(ANY_OPEN_ID, "anyOpen", Boolean.class);

  /**
   * The ID of {@code tags}: List&lt;String&gt;.
   */
  public static final int TAGS_ID = 22;

  /**
   * The typed handle of {@code tags}.
   */
  public static final Path<List<String>> TAGS = generic(TAGS_ID, "tags", List.class);

  /**
   * The ID of {@code tags.*}: String (entry template).
   */
  public static final int TAGS_ANY_ID = 23;

  /**
   * The typed handle of {@code tags.*} (entry template).
   */
  public static final Path<String> TAGS_ANY = Path.of(TAGS_ANY_ID, "tags.*", String.class);

  /**
   * The ID of {@code limits}: Map&lt;String, Integer&gt;.
   */
  public static final int LIMITS_ID = 24;

  /**
   * The typed handle of {@code limits}.
   */
  public static final Path<Map<String, Integer>> LIMITS = generic(LIMITS_ID, "limits", Map.class);

  /**
   * The ID of {@code limits.*}: Integer (entry template).
   */
  public static final int LIMITS_ANY_ID = 25;

  /**
   * The typed handle of {@code limits.*} (entry template).
   */
  public static final Path<Integer> LIMITS_ANY = Path.of(LIMITS_ANY_ID, "limits.*", Integer.class);

  /**
   * The ID of {@code side}: Side.
   */
  public static final int SIDE_ID = 26;

  /**
   * The typed handle of {@code side}.
   */
  public static final Path<Side> SIDE = Path.of(SIDE_ID, "side", Side.class);

  /**
   * The ID of {@code comment}: Optional&lt;String&gt;.
   */
  public static final int COMMENT_ID = 27;

  /**
   * The typed handle of {@code comment}.
   */
  public static final Path<Optional<String>> COMMENT = generic(COMMENT_ID, "comment", Optional.class);

  /**
   * The ID of {@code version}: long.
   */
  public static final int VERSION_ID = 28;

  /**
   * The typed handle of {@code version}.
   */
  public static final Path<Long> VERSION = Path.of(VERSION_ID, "version", Long.class);

  /**
   * The ID of {@code grade}: char.
   */
  public static final int GRADE_ID = 29;

  /**
   * The typed handle of {@code grade}.
   */
  public static final Path<Character> GRADE = Path.of(GRADE_ID, "grade", Character.class);

  /**
   * The ID of {@code ratio}: float.
   */
  public static final int RATIO_ID = 30;

  /**
   * The typed handle of {@code ratio}.
   */
  public static final Path<Float> RATIO = Path.of(RATIO_ID, "ratio", Float.class);

  /**
   * Number of static paths, entry templates included.
   */
  public static final int COUNT = 31;

  private DeskPaths() {
  }

  /**
   * A handle on a path of a generic type: the class literal is raw, the handle is not.
   */
  @SuppressWarnings("unchecked")
  private static <T> Path<T> generic(int id, String path, Class<?> rawType) {
    return (Path<T>) Path.of(id, path, rawType);
  }
}
