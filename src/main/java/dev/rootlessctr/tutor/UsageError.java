package dev.rootlessctr.tutor;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tool's own report that it was called wrongly, as the two command-line libraries behind the
 * course's tools print it: urfave/cli (runc, oci-image-tool: {@code Incorrect Usage. flag provided
 * but not defined: -b}, {@code No help topic for 'frob'}) and cobra (skopeo: {@code unknown flag:
 * --frob}, {@code Unrecognized command `skopeo cpy`}).
 *
 * @param errorLine the line that says what is wrong, as the tool printed it
 * @param kind what is wrong
 * @param word the flag or subcommand it names
 * @param outputLines how many lines the tool printed in all (its usage text included)
 */
public record UsageError(String errorLine, Kind kind, String word, int outputLines) {

  /** What a usage error is about. */
  public enum Kind {
    UNKNOWN_FLAG,
    UNKNOWN_COMMAND,
    OTHER
  }

  private static final Pattern FLAG =
      Pattern.compile(
          "(?:flag provided but not defined: |unknown (?:shorthand )?flag: )'?(-{1,2}[\\w-]+)");
  private static final Pattern COMMAND =
      Pattern.compile("(?:No help topic for '([^']+)'|Unrecognized command `\\S+ ([^`]+)`)");
  private static final Pattern USAGE =
      Pattern.compile("Incorrect Usage|^Usage:|^USAGE:", Pattern.MULTILINE);

  /** The usage error in {@code output}, if the tool reported one. */
  public static Optional<UsageError> in(String output) {
    String[] lines = output.strip().split("\n");
    for (String raw : lines) {
      String line = cleanLine(raw);
      Matcher flag = FLAG.matcher(line);
      if (flag.find()) {
        return Optional.of(new UsageError(line, Kind.UNKNOWN_FLAG, flag.group(1), lines.length));
      }
      Matcher command = COMMAND.matcher(line);
      if (command.find()) {
        String word = command.group(1) != null ? command.group(1) : command.group(2);
        return Optional.of(new UsageError(line, Kind.UNKNOWN_COMMAND, word, lines.length));
      }
    }
    if (lines.length > 0 && USAGE.matcher(lines[0]).find()) {
      return Optional.of(new UsageError(cleanLine(lines[0]), Kind.OTHER, "", lines.length));
    }
    return Optional.empty();
  }

  /**
   * logrus's {@code time=... level=fatal msg="..."} wrapping, reduced to the message's first line.
   */
  private static String cleanLine(String raw) {
    String line = raw.strip();
    int msg = line.indexOf("msg=\"");
    if (msg >= 0) {
      line = line.substring(msg + 5);
      int nl = line.indexOf("\\n");
      line = nl >= 0 ? line.substring(0, nl) : line.replaceAll("\"$", "");
    }
    return line;
  }
}
