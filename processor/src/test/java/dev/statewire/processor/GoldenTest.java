package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
  private static final List<String> ARTIFACTS = List.of("Paths", "Schema", "Store");

  @ParameterizedTest
  @ValueSource(strings = {"checkout/shop/Checkout", "orders/desk/Desk"})
  void generatedSourcesMatchGoldenFiles(String fixtureRoot) throws IOException {
    String fixture = fixtureRoot.substring(0, fixtureRoot.indexOf('/'));
    String relative = fixtureRoot.substring(fixture.length() + 1);
    Compilation compilation = Fixtures.strict().compile(Fixtures.sources(fixture));
    assertThat(compilation).succeededWithoutWarnings();
    for (String artifact : ARTIFACTS) {
      String file = relative + artifact + ".java";
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
