package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares generated sources with the golden files in {@code src/test/resources/golden/}, and
 * compiles them with {@code -Xlint:all -Werror}: generated code has no warnings.
 *
 * <p>After an intended change to the generated code, rewrite the golden files with
 * <pre>
 *   mvn -pl processor test -Dtest=GoldenTest -Dgolden.update=true
 * </pre>
 * and review the diff: it shows exactly what changed for users.
 */
class GoldenTest {
  /** Per fixture, the generated files that are golden-tested. */
  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of("checkout", List.of("shop/CheckoutPaths", "shop/CheckoutSchema", "shop/CheckoutStore")),
        Arguments.of("orders", List.of("desk/DeskPaths", "desk/DeskSchema", "desk/DeskStore")),
        // abstract value types through Immutables (a style that renames the type, accessor
        // prefixes): the schema's codec builds values with Immutables' builders
        Arguments.of("values", List.of("travel/AbstractTripSchema", "travel/AbstractTripStore")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void generatedSourcesMatchGoldenFiles(String fixture, List<String> files) throws IOException {
    Compilation compilation = (fixture.equals("values") ? Fixtures.strictWithImmutables() : Fixtures.strict())
        .compile(Fixtures.sources(fixture));
    // the diagnostics themselves, before Compile-Testing's own report (which cannot describe
    // some of the files Immutables generates)
    assertEquals(List.of(), compilation.diagnostics().stream().map(d -> d.getKind() + ": " + d.getMessage(null)).toList());
    assertThat(compilation).succeededWithoutWarnings();
    for (String name : files) {
      String file = name + ".java";
      String actual = Fixtures.generated(compilation, file);
      Path golden = goldenDir().resolve(fixture).resolve(file);
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        continue;
      }
      if (!Files.exists(golden)) {
        throw new AssertionError("no golden file " + golden + "; run with -Dgolden.update=true to create it");
      }
      assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
          file + " differs from its golden file; if the change is intended, run with -Dgolden.update=true");
    }
  }

  private static Path goldenDir() {
    String configured = System.getProperty("golden.dir");
    return configured != null && !configured.isEmpty() ? Path.of(configured) : Path.of("src/test/resources/golden");
  }
}
