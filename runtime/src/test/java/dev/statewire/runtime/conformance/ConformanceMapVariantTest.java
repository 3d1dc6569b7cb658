package dev.statewire.runtime.conformance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.statewire.runtime.Store;
import dev.statewire.runtime.testkit.TestSchemas;
import java.util.ArrayList;
import java.util.List;

/**
 * The S3 vectors again, with {@code items} as a {@code Map<String, Item>} instead of five record
 * components: the README allows either ("the paths are the same either way"), and this form runs
 * the same records through dynamic container entries. The aggregation becomes the wildcard
 * {@code allSelected <- items.*.selected} (checked to stand for exactly the file's sources, in
 * order), and the sync pairs between entries are registered at run time right after the store is
 * created, in the file's order. Everything else, including the checks, is {@link ConformanceTest}.
 */
class ConformanceMapVariantTest extends ConformanceTest {

  @Override
  boolean runs(String shape) {
    return "S3".equals(shape);
  }

  @Override
  Variant variantFor(String shape) {
    return "S3".equals(shape) ? new MapVariant() : null;
  }

  @Override
  String label() {
    return "conformance (S3 with items as Map<String, Item>)";
  }

  /** S3 over {@link Shapes.CatalogMap}. */
  static final class MapVariant implements Variant {
    private final List<String> sourceKeys = new ArrayList<>();

    @Override
    public Class<? extends Record> rootType() {
      return Shapes.CatalogMap.class;
    }

    @Override
    public void staticWiring(JsonObject wiring, TestSchemas.Builder b) {
      if (!array(wiring, "flip").isEmpty()) {
        throw new AssertionError("the Map variant of S3 expects no flip wiring");
      }
      for (JsonElement a : array(wiring, "aggregate")) {
        JsonObject agg = a.getAsJsonObject();
        String rest = null;
        for (JsonElement src : agg.getAsJsonArray("sources")) {
          String[] seg = src.getAsString().split("\\.", 3);
          if (seg.length != 3 || !seg[0].equals("items") || (rest != null && !rest.equals(seg[2]))) {
            throw new AssertionError("the Map variant cannot express source " + src);
          }
          rest = seg[2];
          sourceKeys.add(seg[1]);
        }
        b.aggregate(agg.get("target").getAsString(), "items.*." + rest);
      }
    }

    @Override
    public void runtimeWiring(JsonObject wiring, Store store) {
      List<String> keys = store.keys(store.resolve("items"));
      if (!keys.equals(sourceKeys)) {
        throw new AssertionError(
            "items.* stands for " + keys + ", but the file's sources are " + sourceKeys);
      }
      for (JsonElement p : array(wiring, "sync")) {
        JsonArray pair = p.getAsJsonArray();
        store.wiring().sync(
            store.resolve(pair.get(0).getAsString()), store.resolve(pair.get(1).getAsString()));
      }
    }
  }
}
