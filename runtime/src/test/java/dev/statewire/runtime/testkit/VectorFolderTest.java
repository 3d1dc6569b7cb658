package dev.statewire.runtime.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which vector files the conformance tests run, with and without the folder property. */
class VectorFolderTest {

  @Test
  void byDefaultTheProjectsOwnVectorsRun() {
    String before = System.getProperty(VectorFolder.PROPERTY);
    System.clearProperty(VectorFolder.PROPERTY);
    try {
      List<Path> files = VectorFolder.files();
      assertEquals(VectorFolder.projectRoot().resolve("conformance/vectors"), files.get(0).getParent());
      assertEquals(List.of("S1.json", "S2.json", "S3.json", "S4.json", "S5.json"),
          files.stream().map(p -> p.getFileName().toString()).toList());
    } finally {
      restore(before);
    }
  }

  @Test
  void thePropertyReplacesTheFolderAndOnlyItsJsonFilesRun(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("B.json"), "{}");
    Files.writeString(dir.resolve("A.json"), "{}");
    Files.writeString(dir.resolve("notes.txt"), "not a vector");
    List<Path> files = withProperty(dir.toString(), VectorFolder::files);
    assertEquals(List.of(dir.resolve("A.json"), dir.resolve("B.json")), files);
  }

  @Test
  void aMissingOrEmptyFolderFailsAndNamesIt(@TempDir Path dir) {
    AssertionError empty =
        assertThrows(AssertionError.class, () -> withProperty(dir.toString(), VectorFolder::files));
    assertTrue(empty.getMessage().contains(dir + " holds no *.json file"), empty.getMessage());
    Path missing = dir.resolve("nowhere");
    AssertionError gone =
        assertThrows(AssertionError.class, () -> withProperty(missing.toString(), VectorFolder::files));
    assertTrue(gone.getMessage().contains(missing + " is missing"), gone.getMessage());
    assertTrue(gone.getMessage().contains("-D" + VectorFolder.PROPERTY), gone.getMessage());
  }

  private static <T> T withProperty(String value, java.util.function.Supplier<T> body) {
    String before = System.getProperty(VectorFolder.PROPERTY);
    System.setProperty(VectorFolder.PROPERTY, value);
    try {
      return body.get();
    } finally {
      restore(before);
    }
  }

  private static void restore(String before) {
    if (before == null) {
      System.clearProperty(VectorFolder.PROPERTY);
    } else {
      System.setProperty(VectorFolder.PROPERTY, before);
    }
  }
}
