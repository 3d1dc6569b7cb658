package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.statewire.processor.behaviour.CheckoutPaths;
import dev.statewire.processor.behaviour.CheckoutSchema;
import dev.statewire.processor.behaviour.DeskPaths;
import dev.statewire.processor.behaviour.DeskSchema;
import dev.statewire.processor.model.TypeNames;
import dev.statewire.runtime.PathKind;
import dev.statewire.runtime.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generic type names that generated schemas give the runtime (issue 12, F3). */
class TypeNamesTest {
  private static final ClassName STRING = ClassName.get(String.class);

  @Test
  void qualifiedNamesAreCanonical() {
    ClassName map = ClassName.get("java.util", "Map");
    ClassName item = ClassName.get("shop", "Checkout", "Item");
    assertEquals("java.util.Map<java.lang.String,shop.Checkout.Item>", TypeNames.qualified(ParameterizedTypeName.get(map, STRING, item)));
    assertEquals("int", TypeNames.qualified(TypeName.INT));
    assertEquals("int[][]", TypeNames.qualified(ArrayTypeName.of(ArrayTypeName.of(TypeName.INT))));
    assertEquals("java.lang.String[]", TypeNames.qualified(ArrayTypeName.of(STRING)));
    ClassName optional = ClassName.get("java.util", "Optional");
    assertEquals("java.util.Optional<?>", TypeNames.qualified(ParameterizedTypeName.get(optional, WildcardTypeName.subtypeOf(Object.class))));
    assertEquals("java.util.Optional<? extends java.lang.Number>",
        TypeNames.qualified(ParameterizedTypeName.get(optional, WildcardTypeName.subtypeOf(Number.class))));
    assertEquals("java.util.Optional<? super java.lang.Integer>",
        TypeNames.qualified(ParameterizedTypeName.get(optional, WildcardTypeName.supertypeOf(Integer.class))));
    assertEquals("T", TypeNames.qualified(TypeVariableName.get("T")));
    ParameterizedTypeName inner = ParameterizedTypeName.get(ClassName.get("shop", "Outer"), STRING).nestedClass("Inner", List.of(TypeName.INT.box()));
    assertEquals("shop.Outer<java.lang.String>.Inner<java.lang.Integer>", TypeNames.qualified(inner));
    // annotations are not part of the type name
    TypeName annotated = STRING.annotated(com.palantir.javapoet.AnnotationSpec.builder(ClassName.get("shop", "Tag")).build());
    assertEquals("java.util.List<java.lang.String>", TypeNames.qualified(ParameterizedTypeName.get(ClassName.get(List.class), annotated)));
  }

  @Test
  void generatedSchemasCarryTheGenericTypeOfEveryPath() {
    Schema schema = CheckoutSchema.SCHEMA;
    assertEquals("dev.statewire.processor.behaviour.Checkout", schema.typeName(CheckoutPaths.ROOT_ID));
    assertEquals("dev.statewire.processor.behaviour.Checkout.Address", schema.typeName(CheckoutPaths.SHIPPING_ID));
    assertEquals("java.util.Map<java.lang.String,dev.statewire.processor.behaviour.Checkout.LineItem>",
        schema.typeName(CheckoutPaths.ITEMS_ID));
    assertEquals("dev.statewire.processor.behaviour.Checkout.LineItem", schema.typeName(CheckoutPaths.ITEMS_ANY_ID));
    assertEquals("boolean", schema.typeName(CheckoutPaths.ITEMS_ANY_SELECTED_ID));
    assertEquals("java.lang.Boolean", schema.typeName(CheckoutPaths.ALL_SELECTED_ID));
    assertEquals("java.util.List<java.lang.String>", DeskSchema.SCHEMA.typeName(DeskPaths.TAGS_ID));
    assertEquals("java.util.List<dev.statewire.processor.behaviour.Desk.Line>", DeskSchema.SCHEMA.typeName(DeskPaths.ORDERS_ANY_LINES_ID));
  }

  /** Within one schema a container's name is built from its entry template's, as the runtime derives it. */
  @Test
  void containerNamesAgreeWithTheirEntryTemplates() {
    for (Schema schema : List.of(CheckoutSchema.SCHEMA, DeskSchema.SCHEMA)) {
      for (int id = 0; id < schema.pathCount(); id++) {
        String entry = id + 1 < schema.pathCount() ? schema.typeName(id + 1) : null;
        if (schema.kind(id) == PathKind.MAP) {
          assertEquals("java.util.Map<java.lang.String," + entry + ">", schema.typeName(id), schema.path(id));
        } else if (schema.kind(id) == PathKind.LIST) {
          assertEquals("java.util.List<" + entry + ">", schema.typeName(id), schema.path(id));
        }
        assertTrue(!schema.typeName(id).contains(" "), schema.typeName(id));
      }
    }
  }

  @Test
  void typeAnnotationsAndNestedTypesInGeneratedTables() {
    Compilation compilation = Fixtures.strict().compile(Fixtures.source("shop.Cart",
        "package shop;\n"
            + "import java.lang.annotation.*;\n"
            + "import java.util.*;\n"
            + "@dev.statewire.annotations.State\n"
            + "public record Cart(Map<String, @Cart.Tag Item> items, List<@Cart.Tag String> notes, Optional<? extends Number> n) {\n"
            + "  @Target(ElementType.TYPE_USE) @Retention(RetentionPolicy.RUNTIME) public @interface Tag {}\n"
            + "  public record Item(@Tag String label) {}\n"
            + "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String schema = Fixtures.generated(compilation, "shop/CartSchema.java");
    for (String name : List.of("\"java.util.Map<java.lang.String,shop.Cart.Item>\", // 1 items", "\"shop.Cart.Item\", // 2 items.*",
        "\"java.lang.String\", // 3 items.*.label", "\"java.util.List<java.lang.String>\", // 4 notes",
        "\"java.util.Optional<? extends java.lang.Number>\", // 6 n")) {
      assertTrue(schema.contains(name), name + " in\n" + schema);
    }
  }
}
