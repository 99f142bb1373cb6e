package dev.rootlessctr.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code config-diff A B [POINTER...]}: how two bundles' config.json differ, as JSON pointers, so
 * an explanation can say from the real files what one tool wrote and the other did not. Passes when
 * both files parse as JSON objects and every POINTER named differs between them.
 */
final class ConfigDiffProbe implements Probe {

  // A hand-edited or hostile file may differ everywhere; a value is quoted in one explanation.
  private static final int LISTED = 24;
  private static final int SHORT = 60;

  @Override
  public String name() {
    return "config-diff";
  }

  @Override
  public String usage() {
    return "config-diff BUNDLE-A BUNDLE-B [/POINTER...]";
  }

  @Override
  public List<String> valueNames() {
    return List.of(
        "first",
        "second",
        "differ",
        "differCount",
        "onlyFirst",
        "onlyFirstCount",
        "onlySecond",
        "onlySecondCount",
        "sameCount",
        "named");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 2, Integer.MAX_VALUE);
    List<String> pointers = args.subList(2, args.size());
    for (String pointer : pointers) {
      if (!pointer.startsWith("/")) {
        throw new IllegalArgumentException(
            "probe config-diff: '" + pointer + "' is not a JSON pointer (it starts with /)");
      }
    }
    String expected =
        args.get(0)
            + " and "
            + args.get(1)
            + " hold runtime specs (JSON objects)"
            + (pointers.isEmpty() ? "" : " that differ at " + String.join(", ", pointers));
    BundleConfig first;
    BundleConfig second;
    try {
      first = BundleConfig.read(context, args.get(0));
      second = BundleConfig.read(context, args.get(1));
    } catch (Unmet unmet) {
      return ProbeResult.fail(expected, unmet.getMessage());
    }
    JsonPointerDiff diff = JsonPointerDiff.between(first.json(), second.json());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("first", first.shown());
    values.put("second", second.shown());
    values.put("differ", listed(diff.differ()));
    values.put("differCount", Integer.toString(diff.differ().size()));
    values.put("onlyFirst", listed(diff.onlyFirst()));
    values.put("onlyFirstCount", Integer.toString(diff.onlyFirst().size()));
    values.put("onlySecond", listed(diff.onlySecond()));
    values.put("onlySecondCount", Integer.toString(diff.onlySecond().size()));
    values.put("sameCount", Integer.toString(diff.same()));
    List<String> named = new ArrayList<>();
    List<String> alike = new ArrayList<>();
    for (String pointer : pointers) {
      JsonNode a = first.json().at(pointer);
      JsonNode b = second.json().at(pointer);
      named.add(printable(pointer) + ": " + shortly(a) + " vs " + shortly(b));
      if (!JsonPointerDiff.differsAt(first.json(), second.json(), pointer)) {
        alike.add(printable(pointer));
      }
    }
    values.put("named", String.join("; ", named));
    String actual = summary(first, second, diff);
    if (!alike.isEmpty()) {
      return new ProbeResult(
          false,
          expected,
          actual + "; but both have the same value at " + String.join(", ", alike),
          values);
    }
    return ProbeResult.pass(expected, actual, values);
  }

  private static String summary(BundleConfig first, BundleConfig second, JsonPointerDiff diff) {
    if (diff.differ().isEmpty() && diff.onlyFirst().isEmpty() && diff.onlySecond().isEmpty()) {
      return first.shown() + " and " + second.shown() + " are the same";
    }
    return diff.differ().size()
        + " value(s) differ ("
        + listed(diff.differ())
        + "), "
        + diff.onlyFirst().size()
        + " only in "
        + first.shown()
        + (diff.onlyFirst().isEmpty() ? "" : " (" + listed(diff.onlyFirst()) + ")")
        + ", "
        + diff.onlySecond().size()
        + " only in "
        + second.shown()
        + (diff.onlySecond().isEmpty() ? "" : " (" + listed(diff.onlySecond()) + ")")
        + "; "
        + diff.same()
        + " value(s) are the same";
  }

  private static String listed(List<String> pointers) {
    if (pointers.isEmpty()) {
      return "none";
    }
    List<String> shown = pointers.stream().limit(LISTED).map(ConfigDiffProbe::printable).toList();
    String more = pointers.size() > LISTED ? ", and " + (pointers.size() - LISTED) + " more" : "";
    return String.join(", ", shown) + more;
  }

  private static String shortly(JsonNode node) {
    if (node.isMissingNode()) {
      return "(absent)";
    }
    return printable(node.toString());
  }

  /**
   * Keys and values come from files anyone can write: control characters (an escape sequence would
   * reach the terminal) are shown as \\uXXXX, and a long one is cut.
   */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)
                  || Character.getType(c) == Character.FORMAT
                  || Character.getType(c) == Character.UNASSIGNED) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    if (out.codePointCount(0, out.length()) <= SHORT) {
      return out.toString();
    }
    return out.substring(0, out.offsetByCodePoints(0, SHORT - 1)) + "…";
  }
}
