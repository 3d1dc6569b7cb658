package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every compile-time error and warning of the processor: a fixture, the message it gives, and the
 * line it lands on. The messages asserted here are what docs/COMPILE_ERRORS.md shows.
 */
class DiagnosticsTest {
  private static final String IMPORTS =
      "package shop;\n"
          + "import dev.statewire.annotations.*;\n"
          + "import java.util.*;\n";

  /** The table: tag, fixture body, expected message, the line it is reported on. */
  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("unknown-path",
            "@State public record Checkout(String shippingZip, @Sync(\"shipingZip\") String billingZip) {}",
            "[statewire:unknown-path] @Sync path \"shipingZip\": Checkout has no component \"shipingZip\"; did you mean \"shippingZip\"?",
            "@Sync(\"shipingZip\")"),
        Arguments.of("unknown-path (nested segment)",
            "@State @Sync({\"shipping.zip\", \"billing.zipp\"})\n"
                + "public record Checkout(Address shipping, Address billing) {}\n"
                + "record Address(String street, String zip) {}",
            "[statewire:unknown-path] @Sync path \"billing.zipp\": \"billing\" (Address) has no component \"zipp\"; did you mean \"billing.zip\"?",
            "billing.zipp"),
        Arguments.of("unknown-path (entry by key)",
            "@State public record Cart(Map<String, Item> items, @Aggregate(\"items.k1.selected\") Boolean first) {}\n"
                + "record Item(boolean selected) {}",
            "[statewire:unknown-path] @Aggregate path \"items.k1.selected\": \"items\" is a Map<String, Item> whose entries come and go at run time, so \"k1\" cannot name one of them;",
            "items.k1.selected"),
        Arguments.of("sync-type",
            "@State public record Order(int qty, @Sync(\"qty\") Integer shownQty) {}",
            "[statewire:sync-type] @Sync paths must have the same type, but \"shownQty\" is Integer and \"qty\" is int; int and Integer differ in null: a null Integer cannot be copied into int. Declare both as int, or both as Integer",
            "@Sync(\"qty\")"),
        Arguments.of("flip-type",
            "@State public record Ticket(String side, @Flip(\"side\") boolean isBuy) {}",
            "[statewire:flip-type] @Flip paths must be boolean or Boolean, but \"side\" is String",
            "@Flip(\"side\")"),
        Arguments.of("aggregate-type",
            "@State public record Cart(Map<String, Item> items, @Aggregate(\"items.*.qty\") Boolean allSelected) {}\n"
                + "record Item(boolean selected, int qty) {}",
            "[statewire:aggregate-type] @Aggregate target \"allSelected\" is Boolean, but source \"items.*.qty\" is int; the target must have the sources' type (primitive and boxed types match)",
            "items.*.qty"),
        Arguments.of("aggregate-type (primitive target)",
            "@State public record Cart(Map<String, Item> items, @Aggregate(\"items.*.selected\") boolean allSelected) {}\n"
                + "record Item(boolean selected) {}",
            "[statewire:aggregate-type] @Aggregate target \"allSelected\" is boolean, which cannot hold null; sources that disagree make the target null, so declare it as Boolean",
            "boolean allSelected"),
        Arguments.of("aggregate-type (Immutables target without @Nullable)",
            "@State @org.immutables.value.Value.Immutable public interface Cart {\n"
                + "  Map<String, Item> items();\n"
                + "  @Aggregate(\"items.*.selected\") Boolean allSelected();\n"
                + "}\n"
                + "record Item(boolean selected) {}",
            "[statewire:aggregate-type] @Aggregate target \"allSelected\" is an attribute of the Immutables type Cart that is not @Nullable; sources that disagree make the target null, which Immutables refuses, so annotate allSelected() with @Nullable",
            "@Aggregate(\"items.*.selected\") Boolean allSelected()"),
        Arguments.of("aggregate-cycle",
            "@State\n"
                + "@Aggregate(target = \"a\", sources = {\"b\", \"c\"})\n"
                + "@Aggregate(target = \"b\", sources = {\"a\"})\n"
                + "public record Totals(String a, String b, String c) {}",
            "[statewire:aggregate-cycle] @Aggregate target \"a\" is also its own source: \"a\" <- \"b\" <- \"a\"; a path may not be both a target and a source of one aggregation chain",
            "@Aggregate(target = \"a\""),
        Arguments.of("sync-ancestor",
            "@State @Sync({\"shipping\", \"shipping.zip\"})\n"
                + "public record Checkout(Address shipping) {}\n"
                + "record Address(String zip) {}",
            "[statewire:sync-ancestor] @Sync pairs \"shipping\" with \"shipping.zip\", which lies inside it; a group may not hold a path and its own ancestor or descendant (PIPELINE.md §4)",
            "@State @Sync"),
        Arguments.of("contradiction",
            "@State\n"
                + "@Sync({\"a\", \"b\"})\n"
                + "@Flip({\"b\", \"c\"})\n"
                + "@Sync({\"c\", \"a\"})\n"
                + "public record Flags(boolean a, boolean b, boolean c) {}",
            "[statewire:contradiction] @Sync and @Flip wiring contradict each other: \"b\" and \"c\" would have to be both equal and opposite, through the cycle \"a\" sync \"b\" (@Sync on Flags), \"c\" sync \"a\" (@Sync on Flags), \"b\" flip \"c\" (@Flip on Flags)",
            "@Flip({\"b\", \"c\"})"),
        Arguments.of("unsupported-type (class)",
            "@State public class Form { String name; int count; }",
            "[statewire:unsupported-type] @State type Form is not supported: it is a class with mutable fields (name, count); declare the state as a record, or as an Immutables value type (an interface or abstract class with @Value.Immutable and abstract accessor methods)",
            "public class Form"),
        Arguments.of("unsupported-type (abstract class with mutable fields)",
            "@State public abstract class Draft { String text; public abstract int size(); }",
            "[statewire:unsupported-type] @State type Draft is not supported: it is an abstract class with mutable fields (text); an abstract value type holds its state in abstract accessor methods only",
            "public abstract class Draft"),
        Arguments.of("unsupported-type (generic)",
            "@State public record Box<T>(T value) {}",
            "[statewire:unsupported-type] @State type Box is not supported: it is generic (T); a state type must not have type parameters",
            "public record Box"),
        Arguments.of("unsupported-type (interface)",
            "@State public interface Shape {}",
            "[statewire:unsupported-type] @State type Shape is not supported: it is an interface without accessors, so it has no paths; declare abstract accessor methods such as String name(), or declare the state as a record",
            "public interface Shape"),
        Arguments.of("unsupported-type (generic interface)",
            "@State public interface Holder<T> { T value(); }",
            "[statewire:unsupported-type] @State type Holder is not supported: it is generic (T); a state type must not have type parameters",
            "public interface Holder"),
        Arguments.of("unsupported-type (abstract method that is not an accessor)",
            "@State public interface Account { String name(); void rename(String name); }",
            "[statewire:unsupported-type] @State type Account is not supported: abstract method rename(String) is not an accessor; the state of an interface is given by abstract methods without parameters that return a value, such as String name()",
            "public interface Account"),
        Arguments.of("unsupported-type (nested abstract value type)",
            "@State public record Outer(Inner inner) {}\n"
                + "@State interface Inner { void reset(); }",
            "[statewire:unsupported-type] component \"inner\" of type Inner is not supported in a @State tree: Inner cannot be a value type: abstract method reset() is not an accessor;",
            "Inner inner"),
        Arguments.of("flip-type (on an accessor)",
            "@State @org.immutables.value.Value.Immutable public interface Ticket {\n"
                + "  String side();\n"
                + "  @Flip(\"side\") boolean isBuy();\n"
                + "}",
            "[statewire:flip-type] @Flip paths must be boolean or Boolean, but \"side\" is String",
            "@Flip(\"side\") boolean isBuy()"),
        Arguments.of("recursive-type",
            "@State public record Tree(Node root) {}\n"
                + "record Node(String label, Node next) {}",
            "[statewire:recursive-type] record Node contains itself through Node.next; a record that contains itself without a Map or List in between would be infinite;",
            "Node next"),
        Arguments.of("unknown-path (into an interface without @State)",
            "@State public record Order(Customer customer, @Sync(\"customer.name\") String name) {}\n"
                + "interface Customer { String name(); }",
            "[statewire:unknown-path] @Sync path \"customer.name\": \"customer\" (Customer) has no component \"name\"; it is held as one opaque value, since Customer is neither a record nor a @State type; to give its parts paths, make it a record or annotate it with @State (an interface or abstract class with accessors)",
            "@Sync(\"customer.name\")"),
        Arguments.of("recursive-type (abstract value type)",
            "@State @org.immutables.value.Value.Immutable public interface Tree { Node root(); }\n"
                + "@State @org.immutables.value.Value.Immutable interface Node { String label(); Node next(); }",
            "[statewire:recursive-type] value type Node contains itself through Node.next; a value type that contains itself without a Map or List in between would be infinite;",
            "Node next()"),
        Arguments.of("wildcard (not in an @Aggregate source)",
            "@State public record Cart(Map<String, Item> items, @Sync(\"items.*.selected\") Boolean all) {}\n"
                + "record Item(Boolean selected) {}",
            "[statewire:wildcard] @Sync path \"items.*.selected\" uses \"*\"; wildcards are allowed only in @Aggregate sources. Wiring that should hold inside each entry is declared on the entry's record type",
            "@Sync(\"items.*.selected\")"),
        Arguments.of("wildcard (on a record)",
            "@State public record Checkout(Address shipping, @Aggregate(\"shipping.*\") String any) {}\n"
                + "record Address(String zip) {}",
            "[statewire:wildcard] @Aggregate path \"shipping.*\": \"*\" stands for every entry of a Map or List, but \"shipping\" is a record (Address)",
            "shipping.*"),
        Arguments.of("name-clash",
            "@State public record Cart(int count) {}\n"
                + "class CartStore {}",
            "[statewire:name-clash] @State type shop.Cart needs the generated class shop.CartStore, but a type of that name already exists (declared in your sources, or generated for another @State type); rename that type or the @State type",
            "@State public record Cart"),
        Arguments.of("unsupported-type (enum)",
            "@State public enum Color { RED }",
            "[statewire:unsupported-type] @State type Color is not supported: it is an enum; declare the state as a record, or as an Immutables value type (an interface or abstract class with @Value.Immutable and abstract accessor methods)",
            "public enum Color"),
        Arguments.of("unsupported-type (annotation type)",
            "@State public @interface Marker {}",
            "[statewire:unsupported-type] @State type Marker is not supported: it is an annotation type; declare the state as a record,",
            "public @interface Marker"),
        Arguments.of("unsupported-type (concrete class without fields)",
            "@State public class Plain {}",
            "[statewire:unsupported-type] @State type Plain is not supported: it is a concrete class; declare the state as a record,",
            "public class Plain"),
        Arguments.of("unsupported-type (inner abstract class)",
            "public class Outer {\n  @State public abstract class Inner { public abstract String name(); }\n}",
            "[statewire:unsupported-type] @State type Outer.Inner is not supported: it is an inner class; declare it static so that the class Immutables generates can extend it",
            "public abstract class Inner"),
        Arguments.of("unsupported-type (abstract class without a no-argument constructor)",
            "@State public abstract class Named { Named(String s) {} public abstract String name(); }",
            "[statewire:unsupported-type] @State type Named is not supported: it has no constructor without parameters that the class Immutables generates could call",
            "public abstract class Named"),
        Arguments.of("unsupported-type (abstract type without @Value.Immutable)",
            "@State public interface Trip { String city(); int day(); }",
            "[statewire:unsupported-type] @State type Trip is not supported: it is an interface without @Value.Immutable; the values of an abstract state type are built by the class Immutables generates for it, so add the org.immutables:value annotation processor and annotate Trip with @Value.Immutable, or declare the state as a record",
            "public interface Trip"),
        Arguments.of("unsupported-type (sealed interface)",
            "@State @org.immutables.value.Value.Immutable public sealed interface Shape permits Circle { double size(); }\n"
                + "record Circle(double size) implements Shape {}",
            "[statewire:unsupported-type] @State type Shape is not supported: it is sealed; a state type has one shape, built by one class (the record, or the class Immutables generates for an interface or abstract class), so remove \"sealed\" and its permits clause, or declare each shape as a record of its own",
            "@State @org.immutables.value.Value.Immutable public sealed interface Shape"),
        Arguments.of("unsupported-type (generic Immutables interface)",
            "@State @org.immutables.value.Value.Immutable public interface Box<T> { T content(); }",
            "[statewire:unsupported-type] @State type Box is not supported: it is generic (T); a state type must not have type parameters",
            "public interface Box"),
        Arguments.of("unsupported-type (Immutables style: staged builder)",
            "@State @org.immutables.value.Value.Immutable @org.immutables.value.Value.Style(stagedBuilder = true)\n"
                + "public interface Leg { String city(); int day(); }",
            "[statewire:unsupported-type] @State type Leg is not supported: its Immutables style sets stagedBuilder = true (@Value.Style on Leg), and the generated store needs the plain builder; remove stagedBuilder",
            "Value.Style(stagedBuilder = true)"),
        Arguments.of("unsupported-type (Immutables without a builder)",
            "@State @org.immutables.value.Value.Immutable(builder = false)\n"
                + "public interface Leg { @org.immutables.value.Value.Parameter String city(); }",
            "[statewire:unsupported-type] @State type Leg is not supported: its @Value.Immutable has builder = false, and the generated store builds values with the builder; remove builder = false",
            "Value.Immutable(builder = false)"),
        Arguments.of("unsupported-type (Immutables @Value.Enclosing)",
            "@org.immutables.value.Value.Enclosing public class Outer {\n"
                + "  @State @org.immutables.value.Value.Immutable public interface Leg { String city(); }\n"
                + "}",
            "[statewire:unsupported-type] @State type Outer.Leg is not supported: it is generated inside the class Immutables makes for @Value.Enclosing Outer, which the generated store does not follow; remove @Value.Enclosing",
            "public interface Leg"),
        Arguments.of("unsupported-type (Immutables style on the package's other classes: packageGenerated)",
            "@State @org.immutables.value.Value.Immutable @org.immutables.value.Value.Style(packageGenerated = \"*.gen\")\n"
                + "public interface Leg { String city(); }",
            "[statewire:unsupported-type] @State type Leg is not supported: its Immutables style sets packageGenerated = \"*.gen\" (@Value.Style on Leg), and the generated store expects the implementation in the type's own package; remove packageGenerated",
            "packageGenerated"),
        Arguments.of("unsupported-type (Immutables style through a meta-annotation: private visibility)",
            "@State @org.immutables.value.Value.Immutable @Hidden\n"
                + "public interface Leg { String city(); }\n"
                + "@org.immutables.value.Value.Style(visibility = org.immutables.value.Value.Style.ImplementationVisibility.PRIVATE)\n"
                + "@interface Hidden {}",
            "[statewire:unsupported-type] @State type Leg is not supported: its Immutables style sets visibility = PRIVATE (@Value.Style on Leg, through @Hidden), which hides the implementation that the generated store builds values with; use the default visibility",
            "@Hidden"),
        Arguments.of("unsupported-type (Immutables default attribute)",
            "@State @org.immutables.value.Value.Immutable\n"
                + "public interface Leg { String city(); @org.immutables.value.Value.Default default int day() { return 1; } }",
            "[statewire:unsupported-type] @State type Leg is not supported: its attribute day() is @Value.Default; a store holds only abstract attributes, so make it abstract (and give the default in the initial value), or declare the state as a record",
            "@State @org.immutables.value.Value.Immutable"),
        Arguments.of("unsupported-type (two accessors of one attribute)",
            "@State @org.immutables.value.Value.Immutable\n"
                + "public interface Leg { String city(); String getCity(); }",
            "[statewire:unsupported-type] @State type Leg is not supported: accessors city() and getCity() are both the attribute \"city\" under its Immutables style; rename one of them",
            "@State @org.immutables.value.Value.Immutable"),
        Arguments.of("unsupported-type (private)",
            "public class Holder {\n  @State private record Secret(int a) {}\n}",
            "[statewire:unsupported-type] @State type Holder.Secret is not supported: Holder.Secret is private; the generated store in the same package must be able to use it",
            "private record Secret"),
        Arguments.of("unsupported-type (map key)",
            "@State public record Form(String name,\n    Map<Integer, int[]> byId) {}",
            "[statewire:unsupported-type] component \"byId\" of type Map<Integer, int[]> is not supported in a @State tree: map keys are path segments, so they must be String; use Map<String, int[]>",
            "Map<Integer, int[]> byId"),
        Arguments.of("unsupported-type (raw map)",
            "@State public record Form(String name,\n    @SuppressWarnings(\"rawtypes\") Map all) {}",
            "[statewire:unsupported-type] component \"all\" of type Map is not supported in a @State tree: a raw Map has no entry type; use Map<String, R>",
            "Map all"),
        Arguments.of("unsupported-type (raw list)",
            "@State public record Form(String name,\n    @SuppressWarnings(\"rawtypes\") List all) {}",
            "[statewire:unsupported-type] component \"all\" of type List is not supported in a @State tree: a raw List has no entry type; use List<R>",
            "List all"),
        Arguments.of("unsupported-type (wildcard entries)",
            "@State public record Form(String name,\n    List<? extends Number> all) {}",
            "[statewire:unsupported-type] component \"all\" of type List<? extends Number> is not supported in a @State tree: a wildcard entry type has no fixed shape; name the entry type exactly",
            "List<? extends Number> all"),
        Arguments.of("unsupported-type (generic record)",
            "@State public record Form(String name,\n    Box<String> box) {}\nrecord Box<T>(T value) {}",
            "[statewire:unsupported-type] component \"box\" of type Box<String> is not supported in a @State tree: record Box is generic; a record in a state tree must be concrete",
            "Box<String> box"),
        Arguments.of("unsupported-type (private record)",
            "@State public record Form(String name,\n    Form.Secret secret) {\n  private record Secret(int a) {}\n}",
            "[statewire:unsupported-type] component \"secret\" of type Form.Secret is not supported in a @State tree: record Form.Secret is private; the generated code must be able to construct it",
            "Form.Secret secret"),
        Arguments.of("contradiction (through a synced subtree)",
            "@State @Sync({\"a\", \"b\"})\n"
                + "@Flip({\"a.on\", \"b.on\"})\n"
                + "public record Pair(Flags a, Flags b) {}\n"
                + "record Flags(boolean off, Map<String, Flags2> more, boolean on) {}\n"
                + "record Flags2(boolean x) {}",
            "[statewire:contradiction] @Sync and @Flip wiring contradict each other: \"a.on\" and \"b.on\" would have to be both equal and opposite, through the cycle",
            "@Flip({"),
        Arguments.of("malformed-annotation",
            "@State @Sync(\"a\") public record Pair(String a, String b) {}",
            "[statewire:malformed-annotation] @Sync on a type needs at least two paths to pair: @Sync({\"a\", \"b\"})",
            "@State @Sync"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void error(String name, String body, String message, String line) {
    JavaFileObject file = fixture(body);
    Compilation compilation = Fixtures.javac().compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
    print(compilation);
  }

  /** The warnings: tag, fixture body, expected message, line. */
  static Stream<Arguments> warnings() {
    return Stream.of(
        Arguments.of("duplicate-pair",
            "@State @Sync({\"a\", \"b\"})\n"
                + "public record Names(String a, @Sync(\"a\") String b) {}",
            "[statewire:duplicate-pair] @Sync pair \"b\" and \"a\" is declared twice (first at @Sync on Names); an edge declared twice is one edge, so the second declaration has no effect",
            "@Sync(\"a\") String b"),
        Arguments.of("flip-group",
            "@State @Flip({\"x\", \"y\", \"z\"})\n"
                + "public record Sides(boolean x, boolean y, boolean z) {}",
            "[statewire:flip-group] @Flip group \"x\", \"y\", \"z\" has more than two paths: a write of true to one writes false to every other, and a write of false writes true to every other, so the others end up equal to each other (PIPELINE.md §4)",
            "@Flip({\"x\", \"y\", \"z\"})"),
        Arguments.of("flip-synced",
            "@State public record Ticket(boolean isBuy, @Flip(\"isBuy\") boolean isSell, @Sync(\"isSell\") boolean sellShown) {}",
            "[statewire:flip-synced] @Flip path \"isSell\" is also synced with \"sellShown\", but sync never sees flip output: when \"isSell\" is flipped, \"sellShown\" keeps the old value (PIPELINE.md §3, stages 3 and 4). Sync the peer of the flip instead, or flip each of them",
            "@Flip(\"isBuy\")"),
        Arguments.of("nested-sync",
            "@State public record Checkout(Address shipping, @Sync(\"shipping\") Address billing, @Sync(\"billing.zip\") String zipCopy) {}\n"
                + "record Address(String zip) {}",
            "[statewire:nested-sync] @Sync path \"billing.zip\" (synced with \"zipCopy\") lies inside \"billing\", which is itself synced with \"shipping\"; sync output is not synced again, so a write to \"zipCopy\" reaches \"billing.zip\" but not \"shipping.zip\", which keeps the old value (PIPELINE.md §4)",
            "@Sync(\"billing.zip\")"),
        Arguments.of("flip-synced (through a synced record)",
            "@State @Sync({\"a\", \"b\"})\n"
                + "public record Pair(Flags a, Flags b, @Flip(\"a.on\") boolean shown) {}\n"
                + "record Flags(boolean off, boolean on) {}",
            "[statewire:flip-synced] @Flip path \"a.on\" is also synced with \"b.on\", but sync never sees flip output: when \"a.on\" is flipped, \"b.on\" keeps the old value",
            "@Flip(\"a.on\")"),
        Arguments.of("mutable-value",
            "@State public record Order(String id,\n"
                + "    Date created) {}",
            "[statewire:mutable-value] @State component \"created\" is java.util.Date, a mutable type: the store holds it by reference, so mutating it changes the store without a batch or listener; use an immutable type such as java.time.Instant, or add @SuppressWarnings(\"statewire:mutable-value\") to accept it",
            "Date created"),
        Arguments.of("mutable-value (entries)",
            "@State public record Log(\n"
                + "    List<StringBuilder> lines) {}",
            "[statewire:mutable-value] @State component \"lines\" is java.util.List<java.lang.StringBuilder>, whose entries are java.lang.StringBuilder, a mutable type: the store holds each entry by reference, so mutating one changes the store without a batch or listener; use an immutable type such as String, or add @SuppressWarnings(\"statewire:mutable-value\") to accept it",
            "List<StringBuilder> lines"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("warnings")
  void warning(String tag, String body, String message, String line) {
    JavaFileObject file = fixture(body);
    Compilation compilation = Fixtures.javac().compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(message).inFile(file).onLineContaining(line);
    print(compilation);
  }

  /** {@code @SuppressWarnings("statewire:<tag>")} on the annotated element silences each warning. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("warnings")
  void suppressed(String name, String body, String message, String line) {
    String tag = name.replaceAll(" .*", "");
    String silenced = body.replace("@State", "@SuppressWarnings(\"statewire:" + tag + "\") @State");
    JavaFileObject file = fixture(silenced);
    Compilation compilation = Fixtures.javac().compile(file);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void suppressionOnAComponentLandsOnItsField() {
    JavaFileObject file = fixture("@State @Sync({\"a\", \"b\"})\n"
        + "public record Names(String a, @SuppressWarnings(\"statewire:duplicate-pair\") @Sync(\"a\") String b) {}");
    assertThat(Fixtures.javac().compile(file)).succeededWithoutWarnings();
  }

  @Test
  void everyErrorIsReportedNotJustTheFirst() {
    JavaFileObject file = fixture("@State public record Two(String a, @Sync(\"b\") String x, @Flip(\"a\") boolean y) {}");
    Compilation compilation = Fixtures.javac().compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[statewire:unknown-path]").inFile(file).onLineContaining("@Sync(\"b\")");
    assertThat(compilation).hadErrorContaining("[statewire:flip-type]").inFile(file).onLineContaining("@Sync(\"b\")");
  }

  /** The caret lands on the offending string: the value in an array, a named member, a repeated annotation. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("carets")
  void caretOnTheAnnotationValue(String name, String line, String value) {
    JavaFileObject file = fixture(line + "\n");
    Compilation compilation = Fixtures.javac().compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[statewire:unknown-path]").inFile(file).onLine(4).atColumn(line.indexOf(value) + 1);
  }

  static Stream<Arguments> carets() {
    return Stream.of(
        Arguments.of("second element of an array", "@State @Sync({\"a\", \"bb\"}) public record P(String a, String b) {}", "\"bb\""),
        Arguments.of("named member", "@State @Aggregate(target = \"t\", sources = {\"a\", \"zz\"}) public record P(String a, String t) {}",
            "\"zz\""),
        Arguments.of("named target", "@State @Aggregate(target = \"tt\", sources = {\"a\"}) public record P(String a, String t) {}",
            "\"tt\""),
        Arguments.of("second of two repeated annotations", "@State @Sync({\"a\", \"b\"}) @Sync({\"a\", \"cc\"}) public record P(String a, String b) {}",
            "\"cc\""),
        Arguments.of("on a component", "@State public record P(String a, @Sync(\"zz\") String b) {}", "\"zz\""),
        Arguments.of("in an array on a component", "@State public record P(String a, @Flip({\"zz\"}) boolean b) {}", "\"zz\""));
  }

  /** A source file {@code shop/<PublicType>.java} with the usual imports and {@code body}. */
  private static JavaFileObject fixture(String body) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("public (?:record|class|abstract class|interface|sealed interface|enum|@interface) (\\w+)").matcher(body);
    if (!m.find()) {
      throw new IllegalArgumentException("no public type in " + body);
    }
    return Fixtures.source("shop." + m.group(1), IMPORTS + body);
  }

  /** Prints the diagnostics as a user sees them (docs/COMPILE_ERRORS.md copies them). */
  private static void print(Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      if (d.getKind() != Diagnostic.Kind.NOTE) {
        System.out.println("DIAG " + d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(null));
      }
    }
  }
}
