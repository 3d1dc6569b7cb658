package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rounds, separate compilation and registration. */
class ProcessorTest {

  /** Generates {@code shop.Later} in the first round, as another processor would. */
  static final class GeneratesLater extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer w = processingEnv.getFiler().createSourceFile("shop.Later").openWriter()) {
          w.write("package shop; public record Later(String value) {}");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
      return false;
    }
  }

  @Test
  void aStateTypeReferringToALaterGeneratedTypeIsDeferredNotFailed() {
    JavaFileObject root = Fixtures.source("shop.Holder",
        "package shop; @dev.statewire.annotations.State public record Holder(Later later, int n) {}");
    Compilation compilation =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(new GeneratesLater(), new StateProcessor())
            .compile(root);
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("shop/HolderStore");
  }

  @Test
  void aTypeThatNeverAppearsIsReportedInTheLastRound() {
    JavaFileObject root = Fixtures.source("shop.Holder",
        "package shop; @dev.statewire.annotations.State public record Holder(Missing missing) {}");
    Compilation compilation = Fixtures.javac().compile(root);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    assertThat(compilation)
        .hadErrorContaining("[statewire:unresolved-type] @State type shop.Holder refers to Missing, which could not be resolved")
        .inFile(root)
        .onLineContaining("record Holder");
  }

  /**
   * An exception inside the processor does not reach javac: it is reported on the @State type as
   * an internal error with the stack trace, and the other types are still processed.
   */
  @Test
  void anExceptionIsReportedAsAnInternalErrorAndOtherTypesGoOn() {
    JavaFileObject broken = Fixtures.source("shop.Broken",
        "package shop;\n@dev.statewire.annotations.State\npublic record Broken(String a) {}");
    JavaFileObject fine = Fixtures.source("shop.Fine",
        "package shop;\n@dev.statewire.annotations.State\npublic record Fine(String a) {}");
    List<String> seen = new java.util.ArrayList<>();
    StateProcessor failing = new StateProcessor(model -> {
      seen.add(model.root().simpleName());
      if (model.root().simpleName().equals("Broken")) {
        throw new IllegalStateException("writer exploded");
      }
    });
    Compilation compilation = com.google.testing.compile.Compiler.javac().withProcessors(failing).compile(broken, fine);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[statewire:internal-error] statewire failed on shop.Broken; please report this with the stack trace:")
        .inFile(broken)
        .onLineContaining("@dev.statewire.annotations.State");
    assertThat(compilation).hadErrorContaining("java.lang.IllegalStateException: writer exploded");
    assertThat(compilation).hadErrorContaining("at dev.statewire.processor.StateProcessor.processRoot");
    // (Compile-Testing hides generated files of a failed compilation; the hook shows that Fine was
    // processed after Broken failed, and the error count that it had no error)
    assertEquals(List.of("Broken", "Fine"), seen);
  }

  /**
   * Wiring on a record compiled separately (an incremental build, a library jar) still holds: the
   * wiring annotations are kept in class files, which is why they are not SOURCE-retained.
   */
  @Test
  void wiringOnASeparatelyCompiledRecordIsKept(@TempDir Path classes) throws IOException {
    JavaFileObject item = Fixtures.source("lib.Item",
        "package lib; import dev.statewire.annotations.Flip;\n"
            + "public record Item(boolean on, @Flip(\"on\") boolean off) {}");
    Compilation library = Compiler2.javac().compile(item);
    assertThat(library).succeeded();
    for (JavaFileObject f : library.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        Path out = classes.resolve(f.toUri().getPath().replaceFirst("^/CLASS_OUTPUT/", ""));
        Files.createDirectories(out.getParent());
        try (OutputStream os = Files.newOutputStream(out); var in = f.openInputStream()) {
          in.transferTo(os);
        }
      }
    }
    String classpath = System.getProperty("java.class.path");
    List<java.io.File> path = new java.util.ArrayList<>();
    path.add(classes.toFile());
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      path.add(new java.io.File(entry));
    }
    JavaFileObject root = JavaFileObjects.forSourceString("app.Panel",
        "package app; @dev.statewire.annotations.State public record Panel(lib.Item item) {}");
    Compilation app = Fixtures.javac().withClasspath(path).compile(root);
    assertThat(app).succeeded();
    String schema = Fixtures.generated(app, "app/PanelSchema.java");
    assertTrue(schema.contains("{3, 2}, // item.off <-> item.on (@Flip on Item.off)"), schema);
  }

  /** Plain javac without processors. */
  static final class Compiler2 {
    static com.google.testing.compile.Compiler javac() {
      return com.google.testing.compile.Compiler.javac();
    }
  }

  @Test
  void registeredForServiceLoaderAndGradle() throws IOException {
    try (var in = StateProcessor.class.getResourceAsStream("/META-INF/gradle/incremental.annotation.processors")) {
      assertTrue(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .contains("dev.statewire.processor.StateProcessor,isolating"));
    }
    try (var in = StateProcessor.class.getResourceAsStream("/META-INF/services/javax.annotation.processing.Processor")) {
      assertTrue(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .contains("dev.statewire.processor.StateProcessor"));
    }
  }
}
