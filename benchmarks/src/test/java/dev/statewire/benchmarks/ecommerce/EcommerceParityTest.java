package dev.statewire.benchmarks.ecommerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.statewire.runtime.Change;
import dev.statewire.runtime.ChangeFlag;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Store;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the e-commerce benchmark honest: each trigger S01..S16, run once on a fresh store, must
 * apply exactly the changes of the test resource {@code ecommerce-expected.json} (order, paths,
 * values compared numerically, flags as sets), call the listeners and change the leaves as often
 * as the parity table of docs/ECOMMERCE.md says; and a repeat of S01 applies nothing.
 */
class EcommerceParityTest {
  private static JsonObject expected;
  private static List<String> leafPaths;

  static List<String> triggerNames() {
    return Ecommerce.triggers().stream().map(Trigger::name).collect(Collectors.toList());
  }

  @BeforeAll
  static void load() throws IOException {
    String file = "/ecommerce-expected.json";
    try (InputStream in = EcommerceParityTest.class.getResourceAsStream(file)) {
      if (in == null) {
        fail("expected results missing: " + file + " is not on the test class path"
            + " (benchmarks/src/test/resources)");
      }
      expected = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
    assertEquals("statewire-ecommerce-expected/v1", expected.get("format").getAsString(), "format of " + file);
    leafPaths = new ArrayList<>();
    collectLeaves("", Ecommerce.initialState(), leafPaths);
  }

  /** Leaf dot paths of a state value; a list (tags) counts as one leaf, as on the page. */
  private static void collectLeaves(String prefix, Object value, List<String> out) {
    if (value instanceof Record r) {
      for (RecordComponent rc : r.getClass().getRecordComponents()) {
        try {
          collectLeaves(join(prefix, rc.getName()), rc.getAccessor().invoke(r), out);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    } else if (value instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        collectLeaves(join(prefix, (String) e.getKey()), e.getValue(), out);
      }
    } else {
      out.add(prefix);
    }
  }

  private static String join(String prefix, String segment) {
    return prefix.isEmpty() ? segment : prefix + "." + segment;
  }

  private static JsonObject expectedFor(String name) {
    JsonObject triggers = expected.getAsJsonObject("triggers");
    if (!triggers.has(name)) {
      fail("ecommerce-expected.json has no trigger " + name);
    }
    return triggers.getAsJsonObject(name);
  }

  private static int index(String name) {
    return Integer.parseInt(name.substring(1)) - 1;
  }

  @Test
  void stateHasThePagesShape() {
    assertEquals(1987, leafPaths.size(), "leaves (a tags list counts as one)");
    assertEquals(16, triggerNames().size());
    assertEquals(16, expected.getAsJsonObject("triggers").size(), "triggers in the JSON file");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("triggerNames")
  void triggerOnAFreshStoreMatchesTheReference(String name) {
    int k = index(name);
    JsonObject exp = expectedFor(name);
    Trigger trigger = Ecommerce.trigger(name);

    // the input we drive is the input the reference was recorded with
    JsonArray input = exp.getAsJsonArray("input");
    assertEquals(Ecommerce.PARITY_INPUT[k], trigger.size(), name + ": input changes (ECOMMERCE.md)");
    assertEquals(input.size(), trigger.size(), name + ": input changes (JSON)");
    for (int i = 0; i < input.size(); i++) {
      JsonArray e = input.get(i).getAsJsonArray();
      assertEquals(e.get(0).getAsString(), trigger.paths().get(i), name + ": input[" + i + "] path");
      assertTrue(valueMatches(e.get(1), trigger.values().get(i)),
          name + ": input[" + i + "] value: JSON " + e.get(1) + ", ours " + trigger.values().get(i));
    }

    Ecommerce shop = new Ecommerce();
    Store store = shop.store();
    List<Object> before = leafValues(store);
    long callsBefore = shop.listenerCalls();
    Changes changes = trigger.bind(store).apply();
    List<Change> applied = changes.toList();
    long calls = shop.listenerCalls() - callsBefore;
    List<Object> after = leafValues(store);

    JsonArray expApplied = exp.getAsJsonArray("applied");
    String diff = firstDifference(expApplied, applied);
    if (diff != null) {
      fail(name + ": applied changes differ from ecommerce-expected.json (expected " + expApplied.size()
          + ", got " + applied.size() + "); " + diff);
    }
    assertEquals(Ecommerce.PARITY_APPLIED[k], applied.size(), name + ": applied changes (ECOMMERCE.md)");
    assertEquals(exp.get("listenerCalls").getAsInt(), calls, name + ": listener calls (JSON)");
    assertEquals(Ecommerce.PARITY_LISTENER_CALLS[k], calls, name + ": listener calls (ECOMMERCE.md)");
    int changedLeaves = 0;
    for (int i = 0; i < before.size(); i++) {
      if (!Objects.equals(before.get(i), after.get(i))) {
        changedLeaves++;
      }
    }
    assertEquals(Ecommerce.PARITY_CHANGED_LEAVES[k], changedLeaves, name + ": changed leaves (ECOMMERCE.md)");
  }

  @Test
  void repeatingS01OnTheSameStoreAppliesNothing() {
    Ecommerce shop = new Ecommerce();
    Trigger.Bound s01 = Ecommerce.trigger("S01").bind(shop.store());
    assertEquals(Ecommerce.PARITY_APPLIED[0], s01.apply().size(), "S01 on a fresh store");
    long calls = shop.listenerCalls();
    Changes again = s01.apply();
    assertEquals(0, again.size(), "S01 repeated applied " + again);
    assertEquals(calls, shop.listenerCalls(), "S01 repeated called listeners");
  }

  private static List<Object> leafValues(Store store) {
    List<Object> out = new ArrayList<>(leafPaths.size());
    for (String p : leafPaths) {
      out.add(store.get(store.resolve(p)));
    }
    return out;
  }

  /** A description of the first entry where the lists differ, or null when they are equal. */
  private static String firstDifference(JsonArray exp, List<Change> actual) {
    int n = Math.max(exp.size(), actual.size());
    for (int i = 0; i < n; i++) {
      String e = i < exp.size() ? describe(exp.get(i).getAsJsonArray()) : "<none>";
      String a = i < actual.size() ? describe(actual.get(i)) : "<none>";
      boolean same = i < exp.size() && i < actual.size() && entryMatches(exp.get(i).getAsJsonArray(), actual.get(i));
      if (!same) {
        return "first difference at applied[" + i + "]: expected " + e + " but was " + a;
      }
    }
    return null;
  }

  private static boolean entryMatches(JsonArray e, Change a) {
    return e.get(0).getAsString().equals(a.path())
        && valueMatches(e.get(1), a.value())
        && flags(e.get(2).getAsJsonArray()).equals(a.flags());
  }

  private static Set<ChangeFlag> flags(JsonArray names) {
    Set<ChangeFlag> out = EnumSet.noneOf(ChangeFlag.class);
    for (JsonElement f : names) {
      out.add(ChangeFlag.valueOf(f.getAsString()));
    }
    return out;
  }

  /** Numbers numerically (exactly), booleans and strings by value, null as null. */
  private static boolean valueMatches(JsonElement e, Object actual) {
    if (e.isJsonNull()) {
      return actual == null;
    }
    var p = e.getAsJsonPrimitive();
    if (p.isNumber()) {
      return actual instanceof Number x && !(actual instanceof Boolean) && p.getAsDouble() == x.doubleValue();
    }
    if (p.isBoolean()) {
      return Boolean.valueOf(p.getAsBoolean()).equals(actual);
    }
    return p.getAsString().equals(actual);
  }

  private static String describe(JsonArray e) {
    return "(" + e.get(0).getAsString() + ", " + e.get(1) + ", " + new TreeSet<>(flagNames(e.get(2).getAsJsonArray())) + ")";
  }

  private static List<String> flagNames(JsonArray a) {
    List<String> out = new ArrayList<>();
    a.forEach(x -> out.add(x.getAsString()));
    return out;
  }

  private static String describe(Change c) {
    Object v = c.value();
    String shown = v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    return "(" + c.path() + ", " + shown + ", "
        + new TreeSet<>(c.flags().stream().map(Enum::name).collect(Collectors.toList())) + ")";
  }
}
