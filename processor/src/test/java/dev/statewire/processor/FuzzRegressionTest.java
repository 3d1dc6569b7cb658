package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Minimal regression tests for the processor bugs that the fuzz test ({@code
 * dev.statewire.processor.fuzz.ProcessorFuzzTest}) found; docs/RELIABILITY.md, "Processor
 * fuzzing", lists them with their seeds.
 */
class FuzzRegressionTest {

  /**
   * P1: a {@code $} in a component or record name reached JavaPoet as part of a format string
   * ("{@code return$}" in a Javadoc), and the processor failed with an internal error
   * ("index 1 for '$}' not in range").
   */
  @Test
  void p1_dollarSignsInNamesAreNotFormatDirectives() {
    Compilation c = Fixtures.strict().compile(
        Fixtures.source("fz.Or$der", "package fz;\nimport dev.statewire.annotations.*;\nimport java.util.*;\n"
            + "@State public record Or$der(Map<String, Item> y, String $x) {}\n"),
        Fixtures.source("fz.Item", "package fz;\nimport java.util.*;\npublic record Item(Map<String, Row> return$) {}\n"),
        Fixtures.source("fz.Row", "package fz;\npublic record Row(String level) {}\n"));
    assertThat(c).succeededWithoutWarnings();
  }
}
