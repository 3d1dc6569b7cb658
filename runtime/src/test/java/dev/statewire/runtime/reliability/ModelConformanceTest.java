package dev.statewire.runtime.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.statewire.runtime.ChangeFlag;
import dev.statewire.runtime.reliability.Model.Ch;
import dev.statewire.runtime.reliability.Model.Input;
import dev.statewire.runtime.testkit.JsonValues;
import dev.statewire.runtime.testkit.TestSchemas;
import dev.statewire.runtime.testkit.VectorFolder;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reference model is checked first: every conformance vector file ({@link VectorFolder}: the
 * project's {@code conformance/vectors}, or the folder {@code -Dstatewire.conformance.dir} names)
 * runs through {@link Model} (a fresh model per batch record, one per sequence), and its applied
 * changes, listener calls and final state must be exactly the recorded ones. Only then is the
 * model a judge of the store in {@link DifferentialTest}.
 */
class ModelConformanceTest {

  /** A parsed vector file and how to build a model for it. */
  static final class Vectors {
    final String shape;
    final Class<? extends Record> type;
    final JsonObject root;
    final List<String[]> sync = new ArrayList<>();
    final List<String[]> flip = new ArrayList<>();
    final List<String[]> aggs = new ArrayList<>();
    final List<String[]> calls = new ArrayList<>();
    final List<String> log = new ArrayList<>();

    Vectors(JsonObject root) {
      this.root = root;
      this.shape = root.get("shape").getAsString();
      this.type = RShapes.BY_SHAPE.get(shape);
      if (type == null) {
        throw new AssertionError("unknown shape " + shape);
      }
      JsonObject w = root.getAsJsonObject("wiring");
      for (JsonElement p : arr(w, "sync")) {
        sync.add(new String[] {p.getAsJsonArray().get(0).getAsString(), p.getAsJsonArray().get(1).getAsString()});
      }
      for (JsonElement p : arr(w, "flip")) {
        flip.add(new String[] {p.getAsJsonArray().get(0).getAsString(), p.getAsJsonArray().get(1).getAsString()});
      }
      for (JsonElement a : arr(w, "aggregate")) {
        List<String> row = new ArrayList<>();
        row.add(a.getAsJsonObject().get("target").getAsString());
        a.getAsJsonObject().getAsJsonArray("sources").forEach(s -> row.add(s.getAsString()));
        aggs.add(row.toArray(new String[0]));
      }
    }

    static JsonArray arr(JsonObject o, String k) {
      return o.has(k) ? o.getAsJsonArray(k) : new JsonArray();
    }

    Model newModel() {
      Object initial = JsonValues.toJava(root.get("initialState"), type, "");
      Model m = new Model(type, initial, sync, flip, List.of(), List.of(), aggs);
      for (JsonElement l : arr(root.getAsJsonObject("wiring"), "listeners")) {
        JsonObject lo = l.getAsJsonObject();
        String id = lo.get("id").getAsString();
        String path = lo.get("path").getAsString();
        List<Object[]> returns = new ArrayList<>();
        for (JsonElement r : lo.getAsJsonArray("returns")) {
          String rp = r.getAsJsonArray().get(0).getAsString();
          returns.add(new Object[] {rp, JsonValues.toJava(r.getAsJsonArray().get(1), TestSchemas.genericTypeAt(type, rp), rp)});
        }
        m.listen(0, path, path, (received, scope) -> {
          log.add(id);
          return returns;
        });
      }
      return m;
    }
  }

  @Test
  void modelReproducesEveryConformanceVector() throws IOException {
    List<Path> files = VectorFolder.files();
    int batches = 0;
    int steps = 0;
    List<String> failures = new ArrayList<>();
    for (Path f : files) {
      JsonObject root;
      try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        root = JsonParser.parseReader(r).getAsJsonObject();
      }
      Vectors v = new Vectors(root);
      Model m0 = v.newModel();
      check(failures, v.shape + " stateAfterWiring", root.getAsJsonObject("stateAfterWiring"), m0);
      for (JsonElement rec : root.getAsJsonArray("batches")) {
        batches++;
        run(failures, v, v.newModel(), rec.getAsJsonObject());
      }
      for (JsonElement seq : Vectors.arr(root, "sequences")) {
        Model m = v.newModel();
        for (JsonElement rec : seq.getAsJsonObject().getAsJsonArray("steps")) {
          steps++;
          run(failures, v, m, rec.getAsJsonObject());
        }
      }
    }
    System.out.println("reference model vs conformance: " + files.size() + " files, " + batches
        + " batches, " + steps + " sequence steps, " + failures.size() + " failures");
    if (!failures.isEmpty()) {
      fail(failures.size() + " records differ:\n" + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }
  }

  private static void run(List<String> failures, Vectors v, Model m, JsonObject rec) {
    String id = rec.get("id").getAsString();
    List<Input> inputs = new ArrayList<>();
    for (JsonElement e : rec.getAsJsonArray("input")) {
      String path = e.getAsJsonArray().get(0).getAsString();
      inputs.add(new Input("set", path, null,
          JsonValues.toJava(e.getAsJsonArray().get(1), m.typeAt(path), path)));
    }
    v.log.clear();
    List<Ch> applied = m.batch(inputs, null);
    JsonArray expected = rec.getAsJsonArray("applied");
    List<String> problems = new ArrayList<>();
    if (expected.size() != applied.size()) {
      problems.add("applied size " + applied.size() + " != " + expected.size());
    }
    for (int i = 0; i < Math.min(expected.size(), applied.size()); i++) {
      JsonObject e = expected.get(i).getAsJsonObject();
      Ch a = applied.get(i);
      if (!e.get("path").getAsString().equals(a.path())) {
        problems.add("applied[" + i + "] path " + a.path() + " != " + e.get("path"));
        continue;
      }
      List<String> d = new ArrayList<>();
      JsonValues.diff(a.path(), e.get("value"), Model.toJava(m.typeAt(a.path()), a.value()), d);
      if (!d.isEmpty()) {
        problems.add("applied[" + i + "] " + d);
      }
      Set<ChangeFlag> flags = EnumSet.noneOf(ChangeFlag.class);
      e.getAsJsonArray("flags").forEach(x -> flags.add(ChangeFlag.valueOf(x.getAsString())));
      if (!flags.equals(a.flags())) {
        problems.add("applied[" + i + "] flags " + a.flags() + " != " + flags);
      }
    }
    if (rec.has("listenerCalls")) {
      List<String> calls = new ArrayList<>();
      rec.getAsJsonArray("listenerCalls").forEach(x -> calls.add(x.getAsString()));
      if (!calls.equals(v.log)) {
        problems.add("listener calls " + v.log + " != " + calls);
      }
    }
    if (!problems.isEmpty()) {
      failures.add(id + ": " + problems + "\n   input " + rec.getAsJsonArray("input") + "\n   model applied " + applied);
    }
    check(failures, id, rec.getAsJsonObject("finalState"), m);
  }

  private static void check(List<String> failures, String id, JsonObject expected, Model m) {
    List<String> d = new ArrayList<>();
    JsonValues.diff("", expected, m.snapshot(), d);
    if (!d.isEmpty()) {
      failures.add(id + " state: " + d);
    }
  }
}
