package dev.statewire.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Test helpers: fixture sources from test resources, and javac with the processor. */
public final class Fixtures {
  private Fixtures() {}

  /** Every {@code .java} file under {@code fixtures/<name>/} in test resources, sorted by path. */
  static List<JavaFileObject> sources(String name) {
    URL url = Fixtures.class.getResource("/fixtures/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    try (Stream<Path> files = Files.walk(Path.of(url.toURI()))) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .sorted()
          .map(Fixtures::toObject)
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JavaFileObject toObject(Path p) {
    try {
      return JavaFileObjects.forResource(p.toUri().toURL());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A source file from a string: {@code qualifiedName} like {@code "shop.Checkout"}. */
  static JavaFileObject source(String qualifiedName, String code) {
    return JavaFileObjects.forSourceString(qualifiedName, code);
  }

  /**
   * javac with the statewire and Immutables processors, as a user's build runs them, and every
   * lint warning as an error.
   */
  static Compiler strict() {
    return javac().withOptions("-Xlint:all", "-Werror");
  }

  /**
   * {@link #strict()} for sources with Immutables types, without {@code -Xlint:processing}: the
   * Immutables processor leaves its own annotations unclaimed, which that lint reports whatever
   * else runs (statewire claims every annotation it reads).
   */
  static Compiler strictWithImmutables() {
    return javac().withOptions("-Xlint:all,-processing", "-Werror");
  }

  /**
   * javac with the statewire processor and the Immutables processor ({@code org.immutables:value}),
   * which builds the values of abstract {@code @State} types.
   */
  static Compiler javac() {
    return Compiler.javac().withProcessors(new StateProcessor(), new org.immutables.processor.ProxyProcessor());
  }

  /**
   * A class loader over the class files of a successful compilation (the fixture's types and the
   * generated ones), with the test class path (the runtime) as parent: tests run generated stores
   * through it.
   */
  public static ClassLoader classes(Compilation compilation) {
    java.util.Map<String, byte[]> bytes = new java.util.HashMap<>();
    for (JavaFileObject f : compilation.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        String name = f.toUri().getPath().replaceFirst("^/CLASS_OUTPUT/", "").replaceFirst("\\.class$", "").replace('/', '.');
        try (java.io.InputStream in = f.openInputStream()) {
          bytes.put(name, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return new ClassLoader(Fixtures.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = bytes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
      }
    };
  }

  /** The text of a generated source, e.g. {@code "shop/CheckoutStore.java"}. */
  static String generated(Compilation compilation, String path) {
    for (JavaFileObject f : compilation.generatedSourceFiles()) {
      if (f.toUri().getPath().endsWith("/" + path)) {
        try {
          return f.getCharContent(true).toString();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new AssertionError("not generated: " + path + "; generated: " + compilation.generatedSourceFiles());
  }
}
