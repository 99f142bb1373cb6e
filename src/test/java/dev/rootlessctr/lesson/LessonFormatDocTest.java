package dev.rootlessctr.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.TestPaths;
import dev.rootlessctr.probe.Probe;
import dev.rootlessctr.probe.Probes;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** lessons/README.md is what lesson authors read: it must name every probe and every value. */
class LessonFormatDocTest {

  @Test
  void everyProbeAndValueIsDocumented() throws Exception {
    String doc = Files.readString(TestPaths.project().resolve("lessons/README.md"));
    List<String> missing = new ArrayList<>();
    for (Probe probe : Probes.standard().values()) {
      String usage = "`" + probe.usage().replace("|", "\\|") + "`";
      int row = doc.indexOf("| " + usage + " |");
      if (row < 0) {
        missing.add("row for " + usage);
        continue;
      }
      String line = doc.substring(row, doc.indexOf('\n', row));
      for (String value : probe.valueNames()) {
        if (!line.contains("`" + value + "`") && !documentedAsPattern(line, value)) {
          missing.add(probe.name() + "." + value);
        }
      }
    }
    assertTrue(missing.isEmpty(), "lessons/README.md lacks: " + missing);
  }

  /** Authors read the needs vocabulary and the limits there; they must be the ones enforced. */
  @Test
  void theNeedsVocabularyAndTheLimitsAreTheEnforcedOnes() throws Exception {
    String doc = Files.readString(TestPaths.project().resolve("lessons/README.md"));
    String needsRow =
        doc.lines().filter(l -> l.startsWith("| `<!-- needs:")).findFirst().orElseThrow();
    List<String> documented = new ArrayList<>();
    java.util.regex.Matcher tag =
        java.util.regex.Pattern.compile("`([a-z0-9-]+)`")
            .matcher(needsRow.substring(needsRow.indexOf("fixed list")));
    while (tag.find()) {
      documented.add(tag.group(1));
    }
    assertEquals(
        java.util.Arrays.stream(Requirement.values()).map(Requirement::tag).toList(), documented);
    assertTrue(doc.contains("at most 1 MiB") && LessonSource.MAX_BYTES == 1 << 20, "file size");
    assertTrue(
        doc.contains("at most 65,536 characters") && LessonSource.MAX_LINE == 65_536,
        "line length");
    assertTrue(doc.contains("at most " + DocumentCheck.MAX_DEPTH + " levels deep"), "depth");
    assertTrue(doc.contains("at most 2,000 `*`") && LessonSource.MAX_MARKERS == 2000, "markers");
  }

  /** The namespaces row documents net, hostNet and netShared once, as a pattern for each kind. */
  private static boolean documentedAsPattern(String line, String value) {
    String kind =
        value
            .replaceFirst("^host", "")
            .replaceFirst("Shared$", "")
            .toLowerCase(java.util.Locale.ROOT);
    return !kind.equals(value.toLowerCase(java.util.Locale.ROOT))
        && line.contains("`" + kind + "`")
        && line.contains("(`hostNet`)")
        && line.contains("(`netShared`)");
  }
}
