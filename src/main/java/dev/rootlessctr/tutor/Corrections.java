package dev.rootlessctr.tutor;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line the learner most likely meant after a usage error, made from the course's own use of the
 * same tool: the playground's {@code runc --root /tmp/runc -b alpine-bundle myctr} lacks the {@code
 * run} that every course command passing {@code -b} and a name has.
 */
final class Corrections {

  private final LineMatcher matcher;
  private final UnaryOperator<String> fill;
  private final HostFacts host;

  Corrections(LineMatcher matcher, UnaryOperator<String> fill, HostFacts host) {
    this.host = host;
    this.matcher = matcher;
    this.fill = fill;
  }

  Optional<String> correct(
      String line, List<String> words, UsageError error, Optional<Position> current) {
    CommandShape typed = matcher.shape(words);
    List<Map.Entry<Position, CommandShape>> uses = matcher.commandsOf(typed.program());
    if (uses.isEmpty()) {
      return Optional.empty();
    }
    boolean knownSubcommand = matcher.subcommands(typed.program()).contains(typed.subcommand());
    return switch (error.kind()) {
      case UNKNOWN_COMMAND -> {
        // The course's own subcommands first, then all the tool lists in its --help.
        java.util.Set<String> known =
            new java.util.LinkedHashSet<>(matcher.subcommands(typed.program()));
        Optional<String> fromCourse = Spelling.closestSubcommand(error.word(), known);
        yield fromCourse
            .or(() -> Spelling.closestSubcommand(error.word(), host.subcommands(typed.program())))
            .map(s -> replaceWord(line, error.word(), s));
      }
      case UNKNOWN_FLAG ->
          knownSubcommand
              ? courseForm(uses, typed.subcommand(), current)
              : missingSubcommand(line, typed, error.word(), uses, current);
      case OTHER -> courseForm(uses, typed.subcommand(), current);
    };
  }

  /** A flag of a subcommand given before any subcommand: put the subcommand in front of it. */
  private Optional<String> missingSubcommand(
      String line,
      CommandShape typed,
      String flag,
      List<Map.Entry<Position, CommandShape>> uses,
      Optional<Position> current) {
    int after = typed.positionals().size() + (typed.subcommand().isEmpty() ? 0 : 1);
    Optional<CommandShape> best =
        uses.stream()
            .filter(u -> u.getValue().options().containsKey(flag))
            // The words after the flag tell the subcommand best (run takes a bundle and a name,
            // spec
            // only a bundle); the step the learner is at breaks a tie.
            .sorted(
                Comparator.comparing(
                        (Map.Entry<Position, CommandShape> u) ->
                            Math.abs(u.getValue().positionals().size() - after))
                    .thenComparing(u -> current.filter(u.getKey()::equals).isEmpty()))
            .map(Map.Entry::getValue)
            .findFirst();
    if (best.isEmpty()) {
      return Optional.empty();
    }
    Matcher at = Pattern.compile("(^|\\s)(" + Pattern.quote(flag) + ")(?=\\s|=|$)").matcher(line);
    if (!at.find()) {
      return Optional.empty();
    }
    String sub = best.get().subcommand();
    return Optional.of(
        (line.substring(0, at.start(2)) + sub + " " + line.substring(at.start(2))).strip());
  }

  /** How the course writes this program and subcommand, the current step's way first. */
  private Optional<String> courseForm(
      List<Map.Entry<Position, CommandShape>> uses, String subcommand, Optional<Position> current) {
    return uses.stream()
        .filter(u -> u.getValue().subcommand().equals(subcommand))
        .sorted(Comparator.comparing(u -> current.filter(u.getKey()::equals).isEmpty()))
        .findFirst()
        .flatMap(
            u ->
                u.getKey().step().commands().stream()
                    .filter(
                        c ->
                            CommandShape.programName(c.text().strip().split("\\s+")[0])
                                .equals(u.getValue().program()))
                    .findFirst())
        .map(c -> fill.apply(c.text()));
  }

  private static String replaceWord(String line, String from, String to) {
    return line.replaceFirst(
            "(?<=^|\\s)" + Pattern.quote(from) + "(?=\\s|$)", Matcher.quoteReplacement(to))
        .strip();
  }
}
