package dev.statewire.runtime.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.statewire.runtime.Batch;
import dev.statewire.runtime.Change;
import dev.statewire.runtime.ChangeFlag;
import dev.statewire.runtime.Changes;
import dev.statewire.runtime.Listener;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.testkit.JsonValues;
import dev.statewire.runtime.testkit.TestSchemas;
import dev.statewire.runtime.testkit.VectorFolder;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every conformance vector file that {@link VectorFolder} names (the project's {@code
 * conformance/vectors}) as {@code conformance/README.md} says: a fresh store per batch record, one
 * store per sequence, each record its own dynamic test. Applied changes are compared entry by entry
 * (path, value, flag set), the listeners called (S5) in order, subscriber notification, and the
 * final state leaf by leaf, both in {@link Store#snapshot()} and through {@link Store#get(String)}.
 *
 * <p>Failures are also written to {@code target/ConformanceTest-failures.txt} for reading in bulk.
 */
class ConformanceTest {
  static final String FORMAT = "statewire-conformance/v1";

  private final Counts scheduled = new Counts();
  private final Counts ran = new Counts();
  private final List<String> loadFailures = new ArrayList<>();
  private int failedRecords;

  static final class Counts {
    int files;
    int batches;
    int steps;
  }

  @TestFactory
  Stream<DynamicNode> conformanceVectors() throws IOException {
    List<Path> files = VectorFolder.files();
    failureLog.reset();
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path file : files) {
      VectorFile vf;
      try {
        JsonObject root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          root = JsonParser.parseReader(r).getAsJsonObject();
        }
        String format = root.has("format") ? root.get("format").getAsString() : null;
        if (!FORMAT.equals(format)) {
          throw new AssertionError("format is " + format + ", expected " + FORMAT);
        }
        String shape = root.has("shape") ? root.get("shape").getAsString() : null;
        if (shape != null && !runs(shape)) {
          continue;
        }
        Variant variant = shape == null ? null : variantFor(shape);
        if (variant == null) {
          throw new AssertionError(
              "unknown shape \"" + shape + "\" (known: " + new TreeSet<>(Shapes.BY_SHAPE.keySet())
                  + ")");
        }
        vf = VectorFile.load(file, root, variant);
      } catch (Exception | AssertionError e) {
        String name = file.getFileName().toString();
        loadFailures.add(name + ": " + e.getMessage());
        nodes.add(dynamicTest(name, () -> {
          throw new AssertionError("cannot use vector file " + file + ": " + e.getMessage(), e);
        }));
        continue;
      }
      scheduled.files++;
      scheduled.batches += vf.batches.size();
      for (JsonObject seq : vf.sequences) {
        scheduled.steps += seq.getAsJsonArray("steps").size();
      }
      nodes.add(fileNode(vf));
    }
    nodes.add(dynamicTest("summary", this::summary));
    return nodes.stream();
  }

  /** Whether this test runs the files of {@code shape} (every shape here). */
  boolean runs(String shape) {
    return true;
  }

  /** How to run {@code shape}, or {@code null} if it is unknown (the file then fails). */
  Variant variantFor(String shape) {
    Class<? extends Record> type = Shapes.BY_SHAPE.get(shape);
    return type == null ? null : new StaticVariant(type);
  }

  /** The prefix of the printed counts. */
  String label() {
    return "conformance";
  }

  /** A shape's Java state type and how the file's wiring is registered. */
  interface Variant {
    Class<? extends Record> rootType();

    /** Adds the part of the file's wiring that is static schema wiring in this variant. */
    void staticWiring(JsonObject wiring, TestSchemas.Builder schema);

    /**
     * The schema of the shape: by default the reflective one with this variant's static wiring;
     * a variant may supply another (e.g. a generated schema), which must describe the same paths.
     */
    default Schema schema(JsonObject wiring, TestSchemas.Builder reflective) {
      staticWiring(wiring, reflective);
      return reflective.build();
    }

    /** Registers the part that is runtime wiring in this variant, right after Store.create. */
    default void runtimeWiring(JsonObject wiring, Store store) {}
  }

  /** The README's way: all of the file's wiring as static schema wiring, in the order given. */
  record StaticVariant(Class<? extends Record> rootType) implements Variant {
    @Override
    public void staticWiring(JsonObject wiring, TestSchemas.Builder b) {
      for (JsonElement p : array(wiring, "sync")) {
        JsonArray pair = p.getAsJsonArray();
        b.sync(pair.get(0).getAsString(), pair.get(1).getAsString());
      }
      for (JsonElement p : array(wiring, "flip")) {
        JsonArray pair = p.getAsJsonArray();
        b.flip(pair.get(0).getAsString(), pair.get(1).getAsString());
      }
      for (JsonElement a : array(wiring, "aggregate")) {
        JsonObject agg = a.getAsJsonObject();
        List<String> sources = new ArrayList<>();
        for (JsonElement src : agg.getAsJsonArray("sources")) {
          sources.add(src.getAsString());
        }
        b.aggregate(agg.get("target").getAsString(), sources.toArray(new String[0]));
      }
    }
  }

  static JsonArray array(JsonObject o, String key) {
    return o.has(key) && o.get(key).isJsonArray() ? o.getAsJsonArray(key) : new JsonArray();
  }

  private void summary() {
    String line =
        label() + ": " + ran.files + " files, " + ran.batches + " batches, " + ran.steps
            + " sequence steps";
    System.out.println(line);
    System.out.println(
        label() + ": " + failedRecords + " failed records"
            + (loadFailures.isEmpty() ? "" : ", unusable files: " + loadFailures));
    assertEquals(scheduled.files, ran.files, "files run");
    assertEquals(scheduled.batches, ran.batches, "batches run");
    assertEquals(scheduled.steps, ran.steps, "sequence steps run");
    if (!loadFailures.isEmpty()) {
      fail("unusable vector files: " + loadFailures);
    }
  }

  private DynamicNode fileNode(VectorFile vf) {
    List<DynamicNode> children = new ArrayList<>();
    children.add(dynamicTest(vf.shape + " stateAfterWiring", () -> {
      ran.files++;
      Harness h;
      try {
        h = newHarness(vf);
      } catch (RuntimeException e) {
        failRecord(vf.shape + " stateAfterWiring", "building the store threw " + e, e);
        return;
      }
      List<String> problems = new ArrayList<>();
      h.checkState(vf.stateAfterWiring, "stateAfterWiring", problems);
      if (!problems.isEmpty()) {
        failRecord(vf.shape + " stateAfterWiring", "state after building the store differs:\n  "
            + String.join("\n  ", problems), null);
      }
    }));
    List<DynamicNode> batchTests = new ArrayList<>();
    for (JsonObject rec : vf.batches) {
      String id = rec.get("id").getAsString();
      batchTests.add(dynamicTest(id, () -> {
        ran.batches++;
        Harness h;
        try {
          h = newHarness(vf);
        } catch (RuntimeException e) {
          failRecord(id, "building the store threw " + e, e);
          return;
        }
        h.run(rec, id, "");
      }));
    }
    children.add(dynamicContainer(vf.shape + " batches", batchTests));
    for (JsonObject seq : vf.sequences) {
      String seqId = seq.get("id").getAsString();
      SequenceRun run = new SequenceRun(vf);
      List<DynamicNode> steps = new ArrayList<>();
      JsonArray arr = seq.getAsJsonArray("steps");
      for (int i = 0; i < arr.size(); i++) {
        JsonObject rec = arr.get(i).getAsJsonObject();
        String id = rec.get("id").getAsString();
        int stepNo = i;
        steps.add(dynamicTest(id, () -> {
          ran.steps++;
          run.step(rec, id, stepNo);
        }));
      }
      children.add(dynamicContainer(seqId, steps));
    }
    return dynamicContainer(vf.shape + " " + vf.name + " (" + vf.file.getFileName() + ")", children);
  }

  private void failRecord(String id, String message, Throwable cause) {
    failedRecords++;
    failureLog.append(id, message + (cause == null ? "" : "\n  cause: " + stackTop(cause)));
    fail(id + ": " + message, cause);
  }

  private static String stackTop(Throwable t) {
    StringBuilder sb = new StringBuilder(t.toString());
    StackTraceElement[] st = t.getStackTrace();
    for (int i = 0; i < Math.min(6, st.length); i++) {
      sb.append("\n      at ").append(st[i]);
    }
    if (t.getCause() != null && t.getCause() != t) {
      sb.append("\n    caused by ").append(stackTop(t.getCause()));
    }
    return sb.toString();
  }

  /** One store per sequence, its steps run in order; a failed step is noted in later ones. */
  private final class SequenceRun {
    private final VectorFile vf;
    private Harness harness;
    private RuntimeException creationFailure;
    private String firstFailure;

    SequenceRun(VectorFile vf) {
      this.vf = vf;
    }

    void step(JsonObject rec, String id, int stepNo) {
      if (stepNo == 0) {
        try {
          harness = newHarness(vf);
        } catch (RuntimeException e) {
          creationFailure = e;
        }
      }
      if (creationFailure != null) {
        throw new AssertionError("building the store failed: " + creationFailure, creationFailure);
      }
      String note = firstFailure == null ? "" : "(an earlier step failed: " + firstFailure + ")\n";
      try {
        harness.run(rec, id, note);
      } catch (RuntimeException | AssertionError e) {
        if (firstFailure == null) {
          firstFailure = id;
        }
        throw e;
      }
    }
  }

  /** A parsed vector file with its state type, schema and initial value. */
  static final class VectorFile {
    Path file;
    String shape;
    String name;
    Variant variant;
    Class<? extends Record> rootType;
    JsonObject wiring;
    Schema schema;
    Object initial;
    JsonObject stateAfterWiring;
    List<ListenerSpec> listeners = new ArrayList<>();
    List<JsonObject> batches = new ArrayList<>();
    List<JsonObject> sequences = new ArrayList<>();

    static VectorFile load(Path file, JsonObject root, Variant variant) {
      VectorFile vf = new VectorFile();
      vf.file = file;
      vf.shape = root.get("shape").getAsString();
      vf.name = root.has("name") ? root.get("name").getAsString() : "";
      vf.variant = variant;
      vf.rootType = variant.rootType();
      List<String> typeProblems = new ArrayList<>();
      checkTypes(root.getAsJsonObject("types"), vf.rootType, "", typeProblems);
      if (!typeProblems.isEmpty()) {
        throw new AssertionError(
            "types of shape " + vf.shape + " do not fit " + vf.rootType.getSimpleName() + ": "
                + typeProblems);
      }

      JsonObject wiring = root.getAsJsonObject("wiring");
      vf.wiring = wiring;
      vf.schema = variant.schema(wiring, TestSchemas.of(vf.rootType));
      for (JsonElement l : array(wiring, "listeners")) {
        JsonObject lo = l.getAsJsonObject();
        ListenerSpec spec = new ListenerSpec();
        spec.id = lo.get("id").getAsString();
        spec.path = lo.get("path").getAsString();
        if (!spec.path.isEmpty()) {
          vf.typeAt(spec.path); // fails early on an unknown path
        }
        for (JsonElement ret : lo.getAsJsonArray("returns")) {
          JsonArray pr = ret.getAsJsonArray();
          String path = pr.get(0).getAsString();
          spec.returnPaths.add(path);
          spec.returnValues.add(JsonValues.toJava(pr.get(1), vf.typeAt(path), path));
        }
        vf.listeners.add(spec);
      }
      vf.initial = JsonValues.toJava(root.get("initialState"), vf.rootType, "");
      vf.stateAfterWiring = root.getAsJsonObject("stateAfterWiring");
      for (JsonElement e : root.getAsJsonArray("batches")) {
        vf.batches.add(e.getAsJsonObject());
      }
      for (JsonElement e : array(root, "sequences")) {
        vf.sequences.add(e.getAsJsonObject());
      }
      return vf;
    }

    /** The Java type at a concrete dot path (map keys and list indexes included). */
    Type typeAt(String path) {
      return TestSchemas.genericTypeAt(rootType, path);
    }
  }

  /** A store built from {@code initialState} with the file's wiring and its listeners. */
  Harness newHarness(VectorFile vf) {
    Store store = Store.create(vf.schema, vf.initial);
    vf.variant.runtimeWiring(vf.wiring, store);
    Harness h = new Harness(vf, store);
    for (ListenerSpec spec : vf.listeners) {
      int[] targets = new int[spec.returnPaths.size()];
      for (int i = 0; i < targets.length; i++) {
        targets[i] = store.resolve(spec.returnPaths.get(i));
      }
      Listener l = event -> {
        h.listenerCalls.add(spec.id);
        for (int i = 0; i < targets.length; i++) {
          event.emit(targets[i], spec.returnValues.get(i));
        }
      };
      if (spec.path.isEmpty()) {
        store.listenAll(l);
      } else {
        int id = store.resolve(spec.path);
        store.listen(id, id, l);
      }
    }
    store.subscribe(changes -> h.notifications.add(changes.toList()));
    return h;
  }

  static final class ListenerSpec {
    String id;
    String path;
    final List<String> returnPaths = new ArrayList<>();
    final List<Object> returnValues = new ArrayList<>();
  }

  /** One store with its listener-call log and subscriber log. */
  final class Harness {
    final VectorFile vf;
    final Store store;
    final List<String> listenerCalls = new ArrayList<>();
    final List<List<Change>> notifications = new ArrayList<>();

    Harness(VectorFile vf, Store store) {
      this.vf = vf;
      this.store = store;
    }

    void run(JsonObject rec, String id, String note) {
      listenerCalls.clear();
      notifications.clear();
      JsonArray input = rec.getAsJsonArray("input");
      JsonArray expected = rec.getAsJsonArray("applied");
      List<Change> applied;
      try {
        Batch batch = store.batch();
        for (JsonElement e : input) {
          JsonArray change = e.getAsJsonArray();
          String path = change.get(0).getAsString();
          batch.set(path, JsonValues.toJava(change.get(1), vf.typeAt(path), path));
        }
        Changes changes = batch.apply();
        applied = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
          applied.add(new Change(changes.pathId(i), changes.path(i), changes.value(i),
              changes.flags(i), changes.tag(i)));
        }
        List<Change> copied = changes.toList();
        if (!sameChanges(applied, copied)) {
          failRecord(id, note + "Changes.toList() " + format(copied) + " differs from the view "
              + format(applied), null);
        }
      } catch (RuntimeException e) {
        failRecord(id, note + "the batch threw " + e
            + "\n  input:    " + input
            + "\n  expected applied:\n" + formatExpected(expected), e);
        return;
      }

      List<String> problems = new ArrayList<>();
      String appliedProblem = compareApplied(expected, applied);
      if (appliedProblem != null) {
        problems.add(appliedProblem);
      }
      if (expected.isEmpty()) {
        if (!notifications.isEmpty()) {
          problems.add("nothing was to be applied, but subscribers were notified with "
              + notifications.stream().map(ConformanceTest::format).toList());
        }
      } else if (notifications.size() != 1) {
        problems.add("subscribers notified " + notifications.size() + " times, expected once");
      } else if (!sameChanges(notifications.get(0), applied)) {
        problems.add("subscribers got " + format(notifications.get(0))
            + " but the batch returned " + format(applied));
      }
      if (rec.has("listenerCalls") || !vf.listeners.isEmpty()) {
        List<String> expectedCalls = new ArrayList<>();
        if (rec.has("listenerCalls")) {
          for (JsonElement c : rec.getAsJsonArray("listenerCalls")) {
            expectedCalls.add(c.getAsString());
          }
        } else {
          problems.add("the file declares listeners but the record has no listenerCalls");
        }
        if (!expectedCalls.equals(listenerCalls)) {
          problems.add("listener calls: expected " + expectedCalls + ", got " + listenerCalls);
        }
      }
      checkState(rec.getAsJsonObject("finalState"), "finalState", problems);
      if (!problems.isEmpty()) {
        failRecord(id, note + String.join("\n", problems)
            + "\n  input:    " + input
            + "\n  expected applied:\n" + formatExpected(expected)
            + "  actual applied:\n" + formatActual(applied), null);
      }
    }

    void checkState(JsonObject expectedState, String label, List<String> problems) {
      List<String> diffs = new ArrayList<>();
      JsonValues.diff("", expectedState, store.snapshot(), diffs);
      if (!diffs.isEmpty()) {
        problems.add("snapshot differs from " + label + ":\n    " + String.join("\n    ", diffs));
      }
      List<String> leafDiffs = new ArrayList<>();
      for (Map.Entry<String, JsonElement> leaf : JsonValues.leaves(expectedState).entrySet()) {
        Object actual;
        try {
          actual = store.get(leaf.getKey());
        } catch (RuntimeException e) {
          leafDiffs.add(leaf.getKey() + ": store.get threw " + e);
          continue;
        }
        JsonValues.diff(leaf.getKey(), leaf.getValue(), actual, leafDiffs);
      }
      if (!leafDiffs.isEmpty()) {
        problems.add("store.get(path) differs from " + label + ":\n    "
            + String.join("\n    ", leafDiffs));
      }
    }
  }

  /** null when equal, else a description of the first difference. */
  static String compareApplied(JsonArray expected, List<Change> actual) {
    int n = Math.min(expected.size(), actual.size());
    for (int i = 0; i < n; i++) {
      JsonObject e = expected.get(i).getAsJsonObject();
      Change a = actual.get(i);
      String path = e.get("path").getAsString();
      if (!path.equals(a.path())) {
        return "applied[" + i + "]: expected path " + path + ", got " + a.path();
      }
      List<String> diffs = new ArrayList<>();
      JsonValues.diff(path, e.get("value"), a.value(), diffs);
      if (!diffs.isEmpty()) {
        return "applied[" + i + "] value: " + String.join("; ", diffs);
      }
      Set<ChangeFlag> flags = EnumSet.noneOf(ChangeFlag.class);
      for (JsonElement f : e.getAsJsonArray("flags")) {
        flags.add(ChangeFlag.valueOf(f.getAsString()));
      }
      if (!flags.equals(a.flags())) {
        return "applied[" + i + "] " + path + ": expected flags " + sorted(flags) + ", got "
            + sorted(a.flags());
      }
    }
    if (expected.size() != actual.size()) {
      return "applied: expected " + expected.size() + " changes, got " + actual.size();
    }
    return null;
  }

  private static boolean sameChanges(List<Change> a, List<Change> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Change x = a.get(i);
      Change y = b.get(i);
      if (x.pathId() != y.pathId() || !x.path().equals(y.path())
          || !java.util.Objects.equals(x.value(), y.value()) || !x.flags().equals(y.flags())) {
        return false;
      }
    }
    return true;
  }

  private static String sorted(Set<ChangeFlag> flags) {
    return flags.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "[", "]"));
  }

  static String formatExpected(JsonArray expected) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < expected.size(); i++) {
      JsonObject e = expected.get(i).getAsJsonObject();
      Set<String> flags = new TreeSet<>();
      e.getAsJsonArray("flags").forEach(f -> flags.add(f.getAsString()));
      sb.append(String.format("    %2d %s = %s %s%n", i, e.get("path").getAsString(), e.get("value"),
          flags.isEmpty() ? "" : flags.toString().replace(" ", "")));
    }
    return sb.length() == 0 ? "    (none)\n" : sb.toString();
  }

  static String formatActual(List<Change> actual) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < actual.size(); i++) {
      Change c = actual.get(i);
      sb.append(String.format("    %2d %s = %s %s%n", i, c.path(), JsonValues.toJson(c.value()),
          c.flags().isEmpty() ? "" : sorted(c.flags())));
    }
    return sb.length() == 0 ? "    (none)\n" : sb.toString();
  }

  static String format(List<Change> changes) {
    return changes.stream()
        .map(c -> c.path() + "=" + JsonValues.toJson(c.value())
            + (c.flags().isEmpty() ? "" : sorted(c.flags())))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * Checks a file's {@code types} against a record: the same component names, and each leaf type
   * name mapped as the README says.
   */
  static void checkTypes(JsonObject types, Class<?> record, String path, List<String> problems) {
    Set<String> names = new LinkedHashSet<>(types.keySet());
    for (RecordComponent rc : record.getRecordComponents()) {
      String sub = path.isEmpty() ? rc.getName() : path + "." + rc.getName();
      if (!names.remove(rc.getName())) {
        problems.add(sub + " is in " + record.getSimpleName() + " but not in the file");
        continue;
      }
      JsonElement t = types.get(rc.getName());
      Class<?> javaType = rc.getType();
      if (t.isJsonObject() && javaType == Map.class) {
        Type valueType = ((ParameterizedType) rc.getGenericType()).getActualTypeArguments()[1];
        for (Map.Entry<String, JsonElement> entry : t.getAsJsonObject().entrySet()) {
          if (!entry.getValue().isJsonObject() || !(valueType instanceof Class<?> vc) || !vc.isRecord()) {
            problems.add(sub + "." + entry.getKey() + " does not fit " + valueType);
          } else {
            checkTypes(entry.getValue().getAsJsonObject(), vc, sub + "." + entry.getKey(), problems);
          }
        }
        continue;
      }
      if (t.isJsonObject()) {
        if (!javaType.isRecord()) {
          problems.add(sub + " is an object in the file but " + javaType.getSimpleName() + " here");
        } else {
          checkTypes(t.getAsJsonObject(), javaType, sub, problems);
        }
        continue;
      }
      String name = t.getAsString();
      Class<?> want =
          switch (name) {
            case "boolean" -> boolean.class;
            case "boolean?" -> Boolean.class;
            case "int" -> int.class;
            case "int?" -> Integer.class;
            case "double" -> double.class;
            case "double?" -> Double.class;
            case "string", "string?" -> String.class;
            default -> null;
          };
      if (want == null) {
        problems.add(sub + " has unknown type name " + name);
      } else if (want != javaType) {
        problems.add(sub + " is " + name + " in the file but " + javaType.getSimpleName() + " here");
      }
    }
    for (String extra : names) {
      problems.add((path.isEmpty() ? extra : path + "." + extra) + " is in the file but not in "
          + record.getSimpleName());
    }
  }

  private final FailureLog failureLog =
      new FailureLog(Paths.get("target", getClass().getSimpleName() + "-failures.txt"));

  /** Appends failures to target/ConformanceTest-failures.txt (when run from a module folder). */
  static final class FailureLog {
    private final Path file;

    FailureLog(Path file) {
      this.file = file;
    }

    void reset() {
      try {
        if (Files.isDirectory(file.getParent())) {
          Files.writeString(file, "");
        }
      } catch (IOException e) {
        // diagnostics only
      }
    }

    void append(String id, String message) {
      try {
        if (Files.isDirectory(file.getParent())) {
          Files.writeString(file, "=== " + id + "\n" + message + "\n", StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        }
      } catch (IOException e) {
        // diagnostics only
      }
    }
  }
}
