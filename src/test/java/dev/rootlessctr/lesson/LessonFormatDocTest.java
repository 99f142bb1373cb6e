package dev.rootlessctr.lesson;

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

  /** The namespaces row documents net, hostNet and netShared once, as a pattern for each kind. */
  private static boolean documentedAsPattern(String line, String value) {
    String kind = value.replaceFirst("^host", "").replaceFirst("Shared$", "").toLowerCase(java.util.Locale.ROOT);
    return !kind.equals(value.toLowerCase(java.util.Locale.ROOT)) && line.contains("`" + kind + "`") && line.contains("(`hostNet`)") && line.contains("(`netShared`)");
  }
}
