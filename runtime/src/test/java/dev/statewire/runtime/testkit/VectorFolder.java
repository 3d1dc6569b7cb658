package dev.statewire.runtime.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one place that decides which conformance vector files the tests run: every {@code *.json}
 * file of {@code conformance/vectors/} in this project, or of the folder named by the system
 * property {@value #PROPERTY} when it is set ({@code ./mvnw -B verify
 * -Dstatewire.conformance.dir=/some/folder}; a relative folder is taken from the project root).
 * Every conformance test (hand-built schemas, the map variant, generated stores, the reference
 * model) calls {@link #files()}, so the property replaces the folder for all of them.
 *
 * <p>A missing folder, or one without a {@code *.json} file, is a test failure, never a skip: a
 * build that ran no vector must not pass.
 */
public final class VectorFolder {
  /** The system property that replaces the project's vector folder. */
  public static final String PROPERTY = "statewire.conformance.dir";

  private VectorFolder() {}

  /** The vector files to run, sorted by name; fails when there is none. */
  public static List<Path> files() {
    Path dir = folder();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError("cannot list the conformance vectors folder " + dir + ": " + e, e);
    }
    if (files.isEmpty()) {
      throw new AssertionError("the conformance vectors folder " + dir + " holds no *.json file"
          + describeSource());
    }
    return files;
  }

  /** The folder the vectors are read from; fails when it does not exist. */
  public static Path folder() {
    String override = property(PROPERTY);
    Path root = projectRoot();
    Path dir =
        override != null
            ? root.resolve(override).toAbsolutePath().normalize()
            : root.resolve("conformance").resolve("vectors");
    if (!Files.isDirectory(dir)) {
      throw new AssertionError("the conformance vectors folder " + dir + " is missing"
          + describeSource());
    }
    return dir;
  }

  private static String describeSource() {
    String override = property(PROPERTY);
    return override != null
        ? " (named by -D" + PROPERTY + "=" + override + ")"
        : " (the project's own vectors; -D" + PROPERTY + "=<folder> names another folder)";
  }

  /** A system property, or null when unset, blank, or an unexpanded Maven {@code ${...}}. */
  static String property(String name) {
    String v = System.getProperty(name);
    return v == null || v.isBlank() || v.contains("${") ? null : v;
  }

  /** The project root: {@code -Dstatewire.projectRoot} (surefire sets it), else the nearest parent POM. */
  static Path projectRoot() {
    String prop = property("statewire.projectRoot");
    if (prop != null) {
      return Paths.get(prop).toAbsolutePath().normalize();
    }
    Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      Path pom = p.resolve("pom.xml");
      try {
        if (Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>")) {
          return p;
        }
      } catch (IOException e) {
        // an unreadable pom is not the parent: keep walking up
      }
    }
    throw new AssertionError("cannot find the project root above " + start
        + " (no pom.xml with <modules>); set -Dstatewire.projectRoot");
  }
}
