package dev.statewire.runtime;

import static dev.statewire.runtime.internal.ChangeBuffer.NULL;
import static dev.statewire.runtime.internal.ChangeBuffer.VALUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.runtime.internal.ChangeBuffer;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link WriteCheck}: the checks of a value before it enters a batch, their messages (path,
 * expected and actual type; deep checks name the nested path), map keys, and {@code add} /
 * {@code addBits} putting a checked write into a buffer (fast path for static leaves, full check
 * for everything else, wildcard paths refused).
 *
 * <p>Static IDs of {@link Root}: 0 root, 1 n, 2 boxed, 3 s, 4 side, 5 item, 6 item.name,
 * 7 item.qty, 8 item.extra, 9 item.extra.*, 10 items, 11 items.*, 12 items.*.name,
 * 13 items.*.qty, 14 items.*.extra, 15 items.*.extra.*, 16 nums, 17 nums.*.
 */
class WriteCheckTest {
  enum Side { BUY, SELL }

  record Item(String name, int qty, Map<String, Integer> extra) {}

  record Root(int n, Integer boxed, String s, Side side, Item item, Map<String, Item> items,
      List<Integer> nums) {}

  private static final String ITEM = Item.class.getName();

  private final Store store = Store.create(TestSchemas.schema(Root.class),
      new Root(1, 2, "s", Side.BUY, new Item("i", 1, Map.of()), Map.of("k", new Item("k", 2, Map.of())),
          List.of(1)));
  private final PathSpace paths = store.engine().paths;

  private String problem(int p, Object v) {
    return WriteCheck.problem(paths, p, v);
  }

  /** A map whose value type the compiler does not check (what a caller with raw types can pass). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <V> Map<String, V> raw(String key, Object value) {
    Map m = new HashMap();
    m.put(key, value);
    return m;
  }

  @Test
  void aValueOfTheRightTypePasses() {
    assertNull(problem(1, 5));
    assertNull(problem(2, null)); // a boxed path holds null
    assertNull(problem(4, Side.SELL));
    assertNull(problem(5, new Item("x", 0, Map.of("a", 1))));
    assertNull(problem(16, List.of(1, 2)));
  }

  @Test
  void aWrongTypeNamesThePathTheExpectedAndTheActualType() {
    assertEquals("cannot write \"x\" to \"n\": expected int, got java.lang.String", problem(1, "x"));
    assertEquals("cannot write 5 to \"n\": expected int, got java.lang.Long", problem(1, 5L));
    assertEquals("cannot write 3 to \"s\": expected java.lang.String, got java.lang.Integer", problem(3, 3));
    assertEquals("cannot write \"x\" to \"items\": expected java.util.Map, got java.lang.String",
        problem(10, "x"));
  }

  @Test
  void nullIntoAPrimitiveAndAbsentAreRefused() {
    assertEquals("cannot write null to \"n\": expected int (primitive), got null", problem(1, null));
    assertEquals("cannot write <absent> to \"s\"; remove the entry instead", problem(3, Store.ABSENT));
  }

  @Test
  void aBadMapKeyIsRefusedWithTheRule() {
    for (String key : new String[] {"*", "", "a.b"}) {
      String p = problem(8, Map.of(key, 1));
      assertEquals("bad key \"" + key + "\" in map for \"item.extra\": a key " + WriteCheck.KEY_RULE, p);
    }
    assertTrue(WriteCheck.isValidKey("a-b c"));
    assertFalse(WriteCheck.isValidKey("*"));
    assertFalse(WriteCheck.isValidKey(""));
    assertFalse(WriteCheck.isValidKey("x."));
  }

  @Test
  void aNestedBadValueNamesTheNestedPath() {
    assertEquals("cannot write \"v\" to \"item.extra.k\": expected java.lang.Integer, got java.lang.String",
        problem(5, new Item("i", 1, WriteCheckTest.<Integer>raw("k", "v"))));
    assertEquals("cannot write \"x\" to \"items.q\": expected " + ITEM + ", got java.lang.String",
        problem(10, raw("q", "x")));
    List<Object> nums = new ArrayList<>(List.of(1, 2));
    nums.add("three");
    assertEquals("cannot write \"three\" to \"nums.2\": expected java.lang.Integer, got java.lang.String",
        problem(16, nums));
    assertEquals("bad key \"a.b\" in map for \"items.q.extra\": a key " + WriteCheck.KEY_RULE,
        problem(10, Map.of("q", new Item("q", 0, Map.of("a.b", 1)))));
    // problemAt checks a template against a value and names the path it is given
    assertEquals("cannot write \"x\" to \"items.z\": expected " + ITEM + ", got java.lang.String",
        WriteCheck.problemAt(paths.st, 11, "x", "items.z"));
  }

  @Test
  void addPutsPrimitivesAsBitsAndReferencesAsReferences() {
    ChangeBuffer b = new ChangeBuffer(store.engine());
    WriteCheck.add(paths, b, 1, 7, ChangeFlag.SYNC.bit(), "tag");
    WriteCheck.add(paths, b, 3, "t", 0, null);
    WriteCheck.add(paths, b, 2, null, 0, null);
    int k = store.entry(10, "k");
    WriteCheck.add(paths, b, k + 2, 9, 0, null); // items.k.qty: an entry path, the full check
    assertEquals(4, b.size());
    assertEquals(VALUE, b.state(0));
    assertEquals(7L, b.bits[0]);
    assertNull(b.ref(0));
    assertEquals(ChangeFlag.SYNC.bit(), b.flags(0));
    assertEquals("tag", b.tag(0));
    assertEquals("t", b.ref(1));
    assertEquals(NULL, b.state(2));
    assertEquals(k + 2, b.path[3]);
    assertEquals(9L, b.bits[3]);
  }

  @Test
  void addRefusesABadValueAWildcardPathAndAnUnknownIdWithoutAddingIt() {
    ChangeBuffer b = new ChangeBuffer(store.engine());
    ValueTypeException bad = assertThrows(ValueTypeException.class, () -> WriteCheck.add(paths, b, 1, "x", 0, null));
    assertEquals("cannot write \"x\" to \"n\": expected int, got java.lang.String", bad.getMessage());
    UnknownPathException wild = assertThrows(UnknownPathException.class,
        () -> WriteCheck.add(paths, b, 12, "x", 0, null)); // items.*.name
    assertTrue(wild.getMessage().startsWith("\"items.*.name\" is a wildcard (entry template) path"),
        wild.getMessage());
    assertThrows(UnknownPathException.class, () -> WriteCheck.add(paths, b, 999, 1, 0, null));
    assertThrows(UnknownPathException.class, () -> WriteCheck.add(paths, b, -1, 1, 0, null));
    assertEquals(0, b.size());
  }

  @Test
  void addBitsChecksTheKindAndRefusesWildcards() {
    ChangeBuffer b = new ChangeBuffer(store.engine());
    WriteCheck.addBits(paths, b, 1, PathKind.INT, 5, 0, null);
    WriteCheck.addBits(paths, b, 2, PathKind.INT, 6, 0, null); // Integer takes int bits too
    int k = store.entry(10, "k");
    WriteCheck.addBits(paths, b, k + 2, PathKind.INT, 8, 0, null);
    assertEquals(3, b.size());
    assertEquals(8L, b.bits[2]);
    ValueTypeException e = assertThrows(ValueTypeException.class,
        () -> WriteCheck.addBits(paths, b, 3, PathKind.INT, 5, 0, null));
    assertEquals("cannot write a int to \"s\": expected java.lang.String", e.getMessage());
    assertThrows(ValueTypeException.class, () -> WriteCheck.addBits(paths, b, 1, PathKind.LONG, 5, 0, null));
    assertThrows(UnknownPathException.class, () -> WriteCheck.addBits(paths, b, 13, PathKind.INT, 5, 0, null));
    assertEquals(3, b.size());
  }

  @Test
  void aRecordOfExactlyThePathsClassIsStillCheckedDeeply() {
    ChangeBuffer b = new ChangeBuffer(store.engine());
    ValueTypeException e = assertThrows(ValueTypeException.class,
        () -> WriteCheck.add(paths, b, 5, new Item("x", 0, Map.of("a.b", 1)), 0, null));
    assertEquals("bad key \"a.b\" in map for \"item.extra\": a key " + WriteCheck.KEY_RULE, e.getMessage());
    assertEquals(0, b.size());
  }

  @Test
  void addBitsTakesTheFirstEntryIdAndRefusesANegativeId() {
    Store s = Store.create(TestSchemas.schema(Root.class),
        new Root(1, 2, "s", Side.BUY, new Item("i", 1, Map.of()), Map.of(), List.of(4)));
    PathSpace ps = s.engine().paths;
    int first = s.entry(16, 0); // nums.0, an int entry
    assertEquals(ps.staticCount, first);
    ChangeBuffer b = new ChangeBuffer(s.engine());
    WriteCheck.addBits(ps, b, first, PathKind.INT, 5, 0, null);
    assertEquals(first, b.path[0]);
    assertEquals(5L, b.bits[0]);
    assertThrows(UnknownPathException.class, () -> WriteCheck.addBits(ps, b, -1, PathKind.INT, 5, 0, null));
    assertEquals(1, b.size());
  }
}
