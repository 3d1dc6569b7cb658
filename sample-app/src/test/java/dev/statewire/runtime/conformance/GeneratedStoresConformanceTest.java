package dev.statewire.runtime.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.statewire.runtime.Schema;
import dev.statewire.runtime.testkit.TestSchemas;
import dev.statewire.sample.shapes.Catalog;
import dev.statewire.sample.shapes.CatalogSchema;
import dev.statewire.sample.shapes.Checkout;
import dev.statewire.sample.shapes.CheckoutSchema;
import dev.statewire.sample.shapes.Flags;
import dev.statewire.sample.shapes.FlagsSchema;
import dev.statewire.sample.shapes.Nested;
import dev.statewire.sample.shapes.NestedSchema;

/**
 * Every shared conformance vector again, through the schemas the annotation processor generated
 * from the {@code @State} records in {@code dev.statewire.sample.shapes}: the wiring comes from
 * the annotations, not from the file. Each generated schema is first checked to describe exactly
 * the paths and the wiring (in order) that the file's {@code wiring} gives; the checks of the
 * batches are those of {@link ConformanceTest}.
 */
class GeneratedStoresConformanceTest extends ConformanceTest {

  @Override
  Variant variantFor(String shape) {
    switch (shape) {
      case "S1":
      case "S5":
        return new Generated(Checkout.class, CheckoutSchema.SCHEMA);
      case "S2":
        return new Generated(Flags.class, FlagsSchema.SCHEMA);
      case "S3":
        return new Generated(Catalog.class, CatalogSchema.SCHEMA);
      case "S4":
        return new Generated(Nested.class, NestedSchema.SCHEMA);
      default:
        return null;
    }
  }

  @Override
  String label() {
    return "conformance (generated stores)";
  }

  /** A shape whose schema is generated; its static wiring comes from annotations. */
  record Generated(Class<? extends Record> rootType, Schema generated) implements Variant {
    @Override
    public void staticWiring(JsonObject wiring, TestSchemas.Builder schema) {
      new StaticVariant(rootType).staticWiring(wiring, schema);
    }

    @Override
    public Schema schema(JsonObject wiring, TestSchemas.Builder reflective) {
      staticWiring(wiring, reflective);
      assertSameSchema(reflective.build(), generated);
      return generated;
    }
  }

  /** The generated schema has the same path table and the same wiring, in the same order. */
  static void assertSameSchema(Schema expected, Schema actual) {
    String name = actual.rootType().getSimpleName();
    assertEquals(expected.pathCount(), actual.pathCount(), name + ": path count");
    for (int id = 0; id < expected.pathCount(); id++) {
      assertEquals(expected.path(id), actual.path(id), name + ": path of ID " + id);
      assertEquals(expected.parent(id), actual.parent(id), name + ": parent of " + expected.path(id));
      assertEquals(expected.kind(id), actual.kind(id), name + ": kind of " + expected.path(id));
      assertEquals(expected.type(id), actual.type(id), name + ": type of " + expected.path(id));
    }
    assertArrayEquals(expected.syncPairs(), actual.syncPairs(), name + ": sync pairs in order");
    assertArrayEquals(expected.flipPairs(), actual.flipPairs(), name + ": flip pairs in order");
    assertArrayEquals(expected.aggregations(), actual.aggregations(), name + ": aggregations");
  }
}
