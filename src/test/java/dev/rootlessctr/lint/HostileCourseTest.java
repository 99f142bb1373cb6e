package dev.rootlessctr.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlessctr.TestPaths;
import dev.rootlessctr.probe.Probes;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile courses too big or too odd to commit: generated here. Each is linted on a thread with a
 * small stack, so a recursion that depends on the input shows up as a failure, not as luck.
 */
class HostileCourseTest {

  private static final String STEP =
      "## Step\n\n```sh\ntrue\n```\n\n### Check\n\n- exit status: `0`\n";

  @TempDir Path dir;

  record Result(int status, String out, String err) {}

  private Result lint(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicReference<Object> result = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result.set(
                    new LintCommand(dir, Probes.standard())
                        .run(
                            List.of(args), new PrintWriter(out, true), new PrintWriter(err, true)));
              } catch (Throwable t) {
                result.set(t);
              }
            },
            "lint",
            256 * 1024);
    thread.start();
    thread.join(60_000);
    assertFalse(thread.isAlive(), "lint finished within a minute");
    if (result.get() instanceof Throwable t) {
      throw new AssertionError("lint threw " + t, t);
    }
    return new Result(
        (Integer) result.get(), out.toString().replace(dir + "/", ""), err.toString());
  }

  static Stream<Arguments> deepNesting() {
    int n = 20_000;
    return Stream.of(
        Arguments.of(
            "list",
            "- ".repeat(n) + "x\n",
            "01-deep.md:3:33: the markdown nests more than 32 levels deep"),
        Arguments.of(
            "ordered list",
            "1. ".repeat(n) + "x\n",
            "01-deep.md:3:49: the markdown nests more than 32 levels deep"),
        Arguments.of(
            "blockquote",
            "> ".repeat(n) + "x\n",
            "01-deep.md:3:65: the markdown nests more than 32 levels deep"),
        Arguments.of(
            "blockquote without spaces",
            ">".repeat(n) + " y\n",
            "01-deep.md:3:33: the markdown nests more than 32 levels deep"),
        Arguments.of(
            "emphasis",
            "*a ".repeat(n) + "b" + "*".repeat(n) + "\n",
            "01-deep.md:3:1: this paragraph has more than 2000"),
        Arguments.of(
            "strong",
            "**".repeat(n) + "b" + "**".repeat(n) + "\n",
            "01-deep.md:3:1: this paragraph has more than 2000"),
        Arguments.of(
            "images",
            "![".repeat(n) + "x" + "](u)".repeat(n) + "\n",
            "01-deep.md:3:1: this paragraph has more than 2000"),
        Arguments.of(
            "emphasis over lines",
            "*a\n".repeat(n) + "b" + "*".repeat(n) + "\n",
            "01-deep.md:3:1: this paragraph has more than 2000"));
  }

  @ParameterizedTest(name = "20,000-deep {0}")
  @MethodSource("deepNesting")
  void deepNestingIsRejectedWithItsLineNotAStackOverflow(String kind, String body, String expected)
      throws Exception {
    Files.writeString(dir.resolve("01-deep.md"), "# Deep\n\n" + body + "\n" + STEP);
    Result result = lint(dir.toString());
    assertEquals(1, result.status(), result.err());
    assertTrue(result.out().startsWith(expected), result.out());
  }

  @Test
  void aFiveMegabyteLessonIsRejectedBySize() throws Exception {
    StringBuilder big = new StringBuilder("# Big\n\n" + STEP);
    while (big.length() < 5_000_000) {
      big.append("\nA paragraph of ordinary text that goes on and on.\n");
    }
    Files.writeString(dir.resolve("01-big.md"), big);
    Result result = lint(dir.toString());
    assertEquals(1, result.status());
    assertTrue(
        result
            .out()
            .matches(
                "01-big\\.md:1:1: the file is \\d+ bytes; a lesson may be at most 1048576 bytes"
                    + " \\(1 MiB\\)\\. Split it into several lessons\\.\n"),
        result.out());
  }

  @Test
  void aFiveMegabyteLineIsRejectedBySize() throws Exception {
    Files.writeString(
        dir.resolve("01-line.md"), "# Line\n\n" + "x".repeat(5 * 1024 * 1024) + "\n\n" + STEP);
    Result result = lint(dir.toString());
    assertEquals(1, result.status());
    assertTrue(result.out().startsWith("01-line.md:1:1: the file is 5242"), result.out());
  }

  @Test
  void aLineOverSixtyFourKibibytesIsRejectedWithItsLine() throws Exception {
    Files.writeString(
        dir.resolve("01-line.md"), "# Line\n\n" + "x".repeat(100_000) + "\n\n" + STEP);
    Result result = lint(dir.toString());
    assertEquals(
        "01-line.md:3:65537: the line is 100000 characters long; a lesson line may be at most"
            + " 65536\n",
        result.out());
  }

  /** A sparse file claims gigabytes without using them: reading it whole would need the heap. */
  @Test
  void aHugeSparseFileIsNeverReadWhole() throws Exception {
    try (RandomAccessFile file = new RandomAccessFile(dir.resolve("01-huge.md").toFile(), "rw")) {
      file.setLength(3L << 30);
    }
    Result result = lint(dir.toString());
    assertEquals(
        "01-huge.md:1:1: the file is 3221225472 bytes; a lesson may be at most 1048576 bytes (1"
            + " MiB). Split it into several lessons.\n",
        result.out());
  }

  @Test
  void aDeviceNamedLikeALessonIsNotReadForever() throws Exception {
    Files.createSymbolicLink(dir.resolve("01-zero.md"), Path.of("/dev/zero"));
    Result result = lint(dir.toString());
    assertEquals("01-zero.md:1:1: not a regular file; a lesson is a text file\n", result.out());
  }

  @Test
  void danglingLinksAndDirectoriesNamedLikeLessonsAreReported() throws Exception {
    Files.writeString(dir.resolve("01-good.md"), "# Good\n\n" + STEP);
    Files.createSymbolicLink(dir.resolve("02-gone.md"), Path.of("nowhere.md"));
    Files.createDirectory(dir.resolve("03-folder.md"));
    Result result = lint(dir.toString());
    assertEquals(
        "02-gone.md:1:1: a symbolic link to nowhere.md, which does not exist\n"
            + "03-folder.md:1:1: a directory named like a lesson; a lesson is a file, NN-name.md\n",
        result.out());
    assertEquals(1, result.status());
  }

  @Test
  void lessonIdsAreUniqueWithinACourse() throws Exception {
    Files.writeString(dir.resolve("01-pull.md"), "# Pull\n\n" + STEP);
    Files.writeString(dir.resolve("07-Pull.md"), "# Pull again\n\n" + STEP);
    Result result = lint(dir.toString());
    assertEquals(
        "07-Pull.md:1:1: the lesson id 'Pull' is already taken by 01-pull.md; ids (the file name"
            + " after its number) must differ within a course\n",
        result.out());
  }

  @Test
  void controlCharactersInFileNamesAreEscaped() throws Exception {
    Files.writeString(dir.resolve("01-\u001b[31mred.md"), "# Red\n\n" + STEP);
    Files.writeString(dir.resolve("02-two words.md"), "# Two\n\n" + STEP);
    Result result = lint(dir.toString());
    assertEquals(
        "01-\\x1b[31mred.md:1:1: the file name has a control character; rename the file\n"
            + "02-two words.md:1:1: the lesson id 'two words' (the file name after its number) must"
            + " start with a letter or digit, hold only letters, digits, '.', '_' and '-', and not"
            + " be a bare number\n",
        result.out());
    assertFalse(result.out().contains("\u001b"));
  }

  @Test
  void jsonOutputListsEveryProblemForEditors() throws Exception {
    Files.copy(
        TestPaths.resources().resolve("malformed/many-problems.md"), dir.resolve("01-many.md"));
    Result result = lint("--json", dir.toString());
    assertEquals(1, result.status());
    JsonNode problems = new ObjectMapper().readTree(result.out());
    assertEquals(6, problems.size());
    JsonNode first = problems.get(0);
    assertEquals(
        "01-many.md", first.get("file").asText(), "the path as given, here relative to the course");
    assertEquals(3, first.get("line").asInt());
    assertEquals(1, first.get("column").asInt());
    assertTrue(first.get("message").asText().startsWith("unknown requirement 'warpdrive'"));
  }

  @Test
  void theBundledCourseLintsCleanAndTheExitStatusSaysSo() throws Exception {
    Result result = lint(TestPaths.project().resolve("lessons/rootless").toString());
    assertEquals(new Result(0, "", ""), result);
    result = lint("--json", TestPaths.project().resolve("lessons/rootless").toString());
    assertEquals("[ ]\n", result.out());
  }

  @Test
  void usageErrorsExitTwo() throws Exception {
    assertEquals(2, lint("--frobnicate").status());
    assertEquals(2, lint("a", "b").status());
    Result missing = lint(dir.resolve("missing").toString());
    assertEquals(2, missing.status());
    assertTrue(
        missing
            .err()
            .startsWith("rootless-ctr lint: " + dir.resolve("missing") + " does not exist\n"),
        missing.err());
    Result empty = lint(dir.toString());
    assertEquals(2, empty.status());
    assertTrue(empty.err().contains("holds no lesson files"), empty.err());
  }
}
