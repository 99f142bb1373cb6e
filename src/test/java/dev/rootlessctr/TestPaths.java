package dev.rootlessctr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where test data lives, and golden-file comparison ({@code -Dgolden.update=true} rewrites). */
public final class TestPaths {

  private TestPaths() {}

  public static Path project() {
    return Path.of(System.getProperty("rootlessctr.projectDir", ".")).toAbsolutePath();
  }

  public static Path resources() {
    return project().resolve("src/test/resources");
  }

  public static Path fixtureCourse() {
    return resources().resolve("courses/fixture");
  }

  /** Returns the golden text for {@code name}, writing {@code actual} first when updating. */
  public static String golden(String name, String actual) throws IOException {
    Path file = resources().resolve("golden").resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    if (!Files.exists(file)) {
      throw new AssertionError(
          "no golden file " + file + "; run with -Dgolden.update=true, review it, commit it");
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
