package dev.rootlessctr.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small TAP version 13 reader for tests: version line, plan, test points with their directives
 * and YAML blocks. It rejects what a TAP consumer would reject (a wrong count, an unterminated YAML
 * block, numbers out of order).
 */
public record TapStream(int planned, List<Point> points) {

  /** One test point. */
  public record Point(
      boolean ok, int number, String description, String directive, List<String> yaml) {}

  private static final Pattern PLAN = Pattern.compile("^1\\.\\.(\\d+)$");
  private static final Pattern POINT =
      Pattern.compile("^(ok|not ok) (\\d+)(?: - ((?:[^#\\\\]|\\\\.)*?))?\\s*(?:# (.*))?$");

  public static TapStream parse(String text) {
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || !lines.get(0).equals("TAP version 13")) {
      throw new AssertionError("TAP output must start with 'TAP version 13':\n" + text);
    }
    int planned = -1;
    List<Point> points = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher plan = PLAN.matcher(line);
      Matcher point = POINT.matcher(line);
      if (plan.matches()) {
        if (planned >= 0) {
          throw new AssertionError("a second plan at line " + (i + 1));
        }
        planned = Integer.parseInt(plan.group(1));
      } else if (point.matches()) {
        List<String> yaml = new ArrayList<>();
        if (i + 1 < lines.size() && lines.get(i + 1).equals("  ---")) {
          int end = i + 2;
          while (end < lines.size() && !lines.get(end).equals("  ...")) {
            if (!lines.get(end).startsWith("  ")) {
              throw new AssertionError(
                  "YAML block line not indented at line " + (end + 1) + ": " + lines.get(end));
            }
            yaml.add(lines.get(end).substring(2));
            end++;
          }
          if (end == lines.size()) {
            throw new AssertionError(
                "YAML block after test " + point.group(2) + " never ends with '  ...'");
          }
          i = end;
        }
        int number = Integer.parseInt(point.group(2));
        if (number != points.size() + 1) {
          throw new AssertionError("test " + number + " out of order at line " + (i + 1));
        }
        points.add(
            new Point(point.group(1).equals("ok"), number, point.group(3), point.group(4), yaml));
      } else if (!line.startsWith("#") && !line.isBlank() && !line.startsWith("    ")) {
        throw new AssertionError("not a TAP line: " + line);
      }
    }
    if (planned != points.size()) {
      throw new AssertionError("plan says " + planned + " tests, the stream has " + points.size());
    }
    return new TapStream(planned, List.copyOf(points));
  }
}
