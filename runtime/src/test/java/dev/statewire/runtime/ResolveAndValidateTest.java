package dev.statewire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.statewire.runtime.testkit.TestSchemas;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dot paths through lists, maps and leaves, and the value checks of nested writes: each refusal
 * names the path and says what was expected, and the store is unchanged.
 */
class ResolveAndValidateTest {
  record Line(boolean on, int qty) {}

  record Inner(Map<String, Line> m, LocalDate day) {}

  record Form(String name, int n, List<Line> lines, Map<String, Line> items, Inner inner) {}

  static final Schema SCHEMA = TestSchemas.schema(Form.class);

  private static Store store() {
    Map<String, Line> items = new LinkedHashMap<>();
    items.put("k1", new Line(true, 1));
    return Store.create(SCHEMA, new Form("x", 1, List.of(new Line(true, 7), new Line(false, 8)), items,
        new Inner(Map.of(), LocalDate.of(2024, 1, 2))));
  }

  private static String unknown(Store s, String path) {
    return assertThrows(UnknownPathException.class, () -> s.resolve(path)).getMessage();
  }

  @Test
  void listSegmentsAreIndexes() {
    Store s = store();
    assertEquals(s.entry(s.resolve("lines"), 1), s.resolve("lines.1"));
    assertEquals(8, s.get("lines.1.qty"));
    assertEquals("unknown path \"lines.2\": no segment \"2\" under \"lines\"; the list has 2 entries", unknown(s, "lines.2"));
    assertEquals("unknown path \"lines.x.qty\": no segment \"x\" under \"lines\"; the list has 2 entries",
        unknown(s, "lines.x.qty"));
    assertEquals("unknown path \"lines.-1\": no segment \"-1\" under \"lines\"; the list has 2 entries",
        unknown(s, "lines.-1"));
  }

  @Test
  void unknownSegmentsSayWhatIsThere() {
    Store s = store();
    assertEquals("unknown path \"items.k2\": no segment \"k2\" under \"items\"; the map has keys [k1]", unknown(s, "items.k2"));
    assertEquals("unknown path \"name.x\": no segment \"x\" under \"name\"; it is a leaf of kind STRING", unknown(s, "name.x"));
    assertEquals("unknown path \"inner.z\": no segment \"z\" under \"inner\"; its components are: m, day", unknown(s, "inner.z"));
    assertEquals("unknown path \"inner.m.a\": no segment \"a\" under \"inner.m\"; the map has keys []", unknown(s, "inner.m.a"));
    assertEquals("unknown path \"lines.*\": a wildcard \"*\" cannot be written or read; name a concrete entry",
        unknown(s, "lines.*"));
    assertEquals("path", assertThrows(NullPointerException.class, () -> s.resolve(null)).getMessage());
  }

  @Test
  void aNullListHasNoSegments() {
    Store s = store();
    s.set("lines", null);
    assertEquals("unknown path \"lines.0\": no segment \"0\" under \"lines\"; the list has 0 entries", unknown(s, "lines.0"));
  }

  private static String refused(Store s, String path, Object value) {
    Object before = s.snapshot();
    Store.Stats stats = s.stats();
    String m = assertThrows(ValueTypeException.class, () -> s.set(path, value)).getMessage();
    assertEquals(before, s.snapshot());
    assertEquals(stats, s.stats());
    return m;
  }

  @Test
  void nestedValuesAreCheckedWhereTheyLie() {
    Store s = store();
    assertEquals("cannot write <absent> to \"name\"; remove the entry instead", refused(s, "name", Store.ABSENT));
    assertEquals("cannot write \"no\" to \"lines\": expected java.util.List, got java.lang.String", refused(s, "lines", "no"));
    List<Object> lines = new ArrayList<>();
    lines.add(new Line(true, 1));
    lines.add("second");
    assertEquals("cannot write \"second\" to \"lines.1\": expected " + Line.class.getName() + ", got java.lang.String",
        refused(s, "lines", lines));
    assertEquals("cannot write 5 to \"items\": expected java.util.Map, got java.lang.Integer", refused(s, "items", 5));
    Map<Object, Object> intKeys = new HashMap<>();
    intKeys.put(1, new Line(true, 1));
    assertEquals("bad key 1 in map for \"items\": a key must be non-empty, contain no '.' and not be"
        + " \"*\" (which stands for every entry in wiring paths)", refused(s, "items", intKeys));
    Map<String, Object> badEntry = new LinkedHashMap<>();
    badEntry.put("a", new Line(true, 1));
    badEntry.put("b", 3);
    assertEquals("cannot write 3 to \"inner.m.b\": expected " + Line.class.getName() + ", got java.lang.Integer",
        refused(s, "inner", new Inner(castMap(badEntry), LocalDate.of(2024, 1, 1))));
    assertEquals("cannot write 2024-01-01 to \"inner\": expected " + Inner.class.getName() + ", got java.time.LocalDate",
        refused(s, "inner", LocalDate.of(2024, 1, 1)));
    assertEquals("cannot write \"x\" to \"inner.day\": expected java.time.LocalDate, got java.lang.String",
        refused(s, "inner.day", "x"));
  }

  @Test
  void validNestedValuesAreAccepted() {
    Store s = store();
    s.set("lines", List.of(new Line(false, 3)));
    s.set("inner", new Inner(Map.of("q", new Line(true, 9)), null));
    assertEquals(1, s.size(s.resolve("lines")));
    assertEquals(9, s.get("inner.m.q.qty"));
    assertEquals(null, s.get("inner.day"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Line> castMap(Map<String, Object> m) {
    return (Map<String, Line>) (Map<?, ?>) m;
  }
}
