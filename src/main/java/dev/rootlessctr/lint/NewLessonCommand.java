package dev.rootlessctr.lint;

import dev.rootlessctr.lesson.VisibleText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code rootless-ctr new-lesson DIR NAME}: writes {@code DIR/NN-NAME.md} from a commented
 * template, numbered after the last lesson in DIR. It never overwrites a file. Exit status 0 when
 * written, 1 when it could not be, 2 on a usage error.
 */
public final class NewLessonCommand {

  static final String USAGE =
      "usage: rootless-ctr new-lesson DIR NAME   (NAME: lowercase words joined by '-')";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern NUMBERED = Pattern.compile("(\\d+)[-_](.+)\\.md");
  private static final String TEMPLATE = "lesson-template.md";

  public int run(List<String> args, PrintWriter out, PrintWriter err) {
    if (args.size() == 1 && (args.get(0).equals("-h") || args.get(0).equals("--help"))) {
      out.println(USAGE);
      return 0;
    }
    if (args.size() != 2) {
      return usage(err, "new-lesson takes a course folder and a lesson name");
    }
    Path dir = Path.of(args.get(0));
    String name = args.get(1);
    if (!NAME.matcher(name).matches()) {
      return usage(
          err,
          "'"
              + VisibleText.of(name)
              + "' is not a lesson name; use lowercase words joined by '-', e.g. first-container");
    }
    try {
      Files.createDirectories(dir);
      int number = 1;
      try (Stream<Path> listing = Files.list(dir)) {
        for (Path entry : listing.toList()) {
          Matcher numbered = NUMBERED.matcher(entry.getFileName().toString());
          if (!numbered.matches()) {
            continue;
          }
          if (numbered.group(2).equalsIgnoreCase(name)) {
            return usage(
                err,
                "the course already has a lesson '"
                    + name
                    + "': "
                    + VisibleText.of(entry.toString()));
          }
          number = Math.max(number, parse(numbered.group(1)).orElse(0) + 1);
        }
      }
      Path file = dir.resolve(String.format("%02d-%s.md", number, name));
      Files.writeString(
          file,
          template(name),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      out.println("Wrote " + VisibleText.of(file.toString()) + ".");
      out.println(
          "Next: edit it, then check it with: rootless-ctr lint " + VisibleText.of(dir.toString()));
      return 0;
    } catch (FileAlreadyExistsException e) {
      err.println(
          "rootless-ctr new-lesson: "
              + VisibleText.of(e.getFile())
              + " already exists; nothing was written");
      return 1;
    } catch (IOException e) {
      err.println(
          "rootless-ctr new-lesson: could not write the lesson: "
              + VisibleText.of(String.valueOf(e.getMessage())));
      return 1;
    }
  }

  private static OptionalInt parse(String digits) {
    try {
      return OptionalInt.of(Integer.parseInt(digits));
    } catch (NumberFormatException e) {
      return OptionalInt.empty(); // more digits than an int: not a number anyone uses
    }
  }

  /** The template with the title made from the name: {@code first-container} → First container. */
  static String template(String name) throws IOException {
    String words = name.replace('-', ' ');
    String title = words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    try (InputStream in = NewLessonCommand.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IOException("the lesson template is missing from this build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@TITLE@", title);
    }
  }

  private static int usage(PrintWriter err, String message) {
    err.println("rootless-ctr new-lesson: " + message);
    err.println(USAGE);
    return 2;
  }
}
