package dev.rootlessctr.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The run as JUnit XML, in the Ant JUnit task's shape that CI servers read: one {@code testsuite}
 * per course, one {@code testcase} per step (class name {@code course.lesson}), {@code failure}
 * with the reasons and the last output, {@code skipped} with its reason for reading steps and steps
 * the host cannot do.
 */
final class JunitReport {

  private JunitReport() {}

  static void write(
      Path file,
      String course,
      List<StepResult> results,
      List<String> blockers,
      LocalDateTime started,
      String hostname)
      throws IOException {
    Document doc;
    try {
      doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IOException("no XML support in this Java runtime: " + e.getMessage(), e);
    }
    Tally tally = Tally.of(results);
    Element suites = doc.createElement("testsuites");
    doc.appendChild(suites);
    Element suite = doc.createElement("testsuite");
    suites.appendChild(suite);
    suite.setAttribute("name", course);
    suite.setAttribute("package", "rootless-ctr");
    suite.setAttribute("id", "0");
    suite.setAttribute("tests", String.valueOf(results.size()));
    suite.setAttribute("failures", String.valueOf(tally.failed()));
    suite.setAttribute("errors", "0");
    suite.setAttribute("skipped", String.valueOf(tally.skipped()));
    Duration total = results.stream().map(StepResult::time).reduce(Duration.ZERO, Duration::plus);
    suite.setAttribute("time", seconds(total));
    suite.setAttribute(
        "timestamp",
        started.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    suite.setAttribute("hostname", hostname.isBlank() ? "localhost" : hostname);
    Element properties = doc.createElement("properties");
    suite.appendChild(properties);
    for (int i = 0; i < blockers.size(); i++) {
      Element property = doc.createElement("property");
      property.setAttribute("name", "doctor.blocker." + (i + 1));
      property.setAttribute("value", xmlSafe(blockers.get(i)));
      properties.appendChild(property);
    }
    for (StepResult result : results) {
      Element testcase = doc.createElement("testcase");
      testcase.setAttribute("classname", course + "." + result.lesson());
      testcase.setAttribute("name", result.step() + " " + result.title());
      testcase.setAttribute("time", seconds(result.time()));
      if (result.verdict() == StepResult.Verdict.FAILED) {
        Element failure = doc.createElement("failure");
        failure.setAttribute("message", xmlSafe(String.join("; ", result.reasons())));
        failure.setAttribute("type", "check");
        failure.setTextContent(
            xmlSafe(String.join("\n", result.reasons()) + "\n\n" + result.output()));
        testcase.appendChild(failure);
      } else if (result.verdict() == StepResult.Verdict.SKIPPED) {
        Element skipped = doc.createElement("skipped");
        skipped.setAttribute("message", xmlSafe(String.join("; ", result.reasons())));
        testcase.appendChild(skipped);
      }
      suite.appendChild(testcase);
    }
    suite.appendChild(doc.createElement("system-out"));
    suite.appendChild(doc.createElement("system-err"));
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      var transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.transform(new DOMSource(doc), new StreamResult(out));
    } catch (TransformerException e) {
      throw new IOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String seconds(Duration time) {
    return String.format(Locale.ROOT, "%.3f", time.toMillis() / 1000.0);
  }

  /** XML 1.0 cannot carry most control characters, which a terminal's output may hold. */
  static String xmlSafe(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              boolean allowed =
                  c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || c >= 0x10000;
              safe.appendCodePoint(allowed ? c : '?');
            });
    return safe.toString();
  }
}
