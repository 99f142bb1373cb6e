package dev.rootlessctr.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rootlessctr.TestPaths;
import dev.rootlessctr.probe.Probes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input corpus: each {@code malformed/NAME.md} sits next to {@code NAME.err}, the exact
 * lines {@code rootless-ctr lint NAME.md} prints ({@code file:line:column: message}) and then
 * {@code exit N}. Some entries are hostile but valid (a BOM, CRLF) and expect exit 0. {@code
 * -Dgolden.update=true} rewrites the .err files; review the diff before committing.
 */
class MalformedLessonCorpusTest {

  static Stream<Path> corpus() throws IOException {
    return Files.list(TestPaths.resources().resolve("malformed"))
        .filter(p -> p.toString().endsWith(".md"))
        .sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void lintReportsTheGoldenProblemsAndExitStatus(Path file) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        new LintCommand(file.getParent(), Probes.standard())
            .run(List.of(file.toString()), new PrintWriter(out, true), new PrintWriter(err, true));
    String actual = out.toString().replace(file.getParent() + "/", "") + "exit " + status + "\n";
    Path golden = Path.of(file.toString().replaceFirst("\\.md$", ".err"));
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(
        Files.readString(golden, StandardCharsets.UTF_8), actual, "lint " + file.getFileName());
  }
}
