package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
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
