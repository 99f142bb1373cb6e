package dev.rootlessctr.tutor;

import dev.rootlessctr.lesson.Command;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.Expectation;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Finds the steps of a course whose commands a typed line matches. A learner with the playground
 * README open types {@code runc --root /tmp/runc run -b alpine-bundle c1}; the lesson says {@code
 * runc --root "$RUNC_ROOT" run -b busybox-bundle myctr}. Both are {@code runc run}, so the line
 * matches, and the differing words become {@link Bindings}.
 */
public final class LineMatcher {

  /** A step command, parsed once. */
  private record Known(Position position, int index, CommandShape shape) {}

  private final List<Known> known = new ArrayList<>();

  /** Each step's container-side lines, as words, for lines that run them from outside. */
  private final Map<Position, List<List<String>>> insideWords = new LinkedHashMap<>();

  private final Set<String> valued = new HashSet<>();
  private final Set<String> withSubcommands = new HashSet<>();
  private final Map<String, Set<String>> subcommands = new HashMap<>();
  private final Set<String> hostPrograms = new LinkedHashSet<>();
  private final Set<String> insidePrograms = new LinkedHashSet<>();
  private final String runcRoot;
  private final Map<String, Set<String>> stateDirOptions = new HashMap<>();

  /**
   * Every name the course's own commands use ({@code bg}, {@code deep-bundle}, {@code busybox}).
   */
  private final Set<String> courseNames = new HashSet<>();

  /** What the course's checks and cleanups name: {@code box} in {@code mkdir -p box} is a thing. */
  private final Set<String> thingsNamed = new HashSet<>();

  /**
   * @param fill turns a lesson command into what the learner would type ({@code {{home}}} and
   *     {@code $RUNC_ROOT} filled in)
   * @param runcRoot the course's runc state directory, to tell a learner's own {@code --root}
   */
  public LineMatcher(
      Course course, UnaryOperator<String> fill, Map<String, String> env, Path runcRoot) {
    this.runcRoot = runcRoot.toString();
    Map<Position, List<List<String>>> words = new LinkedHashMap<>();
    for (Lesson lesson : course.lessons()) {
      for (Step step : lesson.steps()) {
        Position position = new Position(lesson, step.number());
        List<List<String>> commands = new ArrayList<>();
        for (Command command : step.commands()) {
          List<List<String>> simple = ShellWords.commands(fill.apply(command.text()), env);
          // The first command of a lesson line is its work: read in `read -p ... && echo ...`.
          commands.add(simple.isEmpty() ? List.of() : simple.get(0));
        }
        words.put(position, commands);
        for (Command inside : step.inside()) {
          List<List<String>> simple = ShellWords.commands(fill.apply(inside.text()), Map.of());
          simple.forEach(w -> insidePrograms.add(CommandShape.programName(w.get(0))));
          if (!step.isReading() && simple.size() == 1) {
            insideWords.computeIfAbsent(position, p -> new ArrayList<>()).add(simple.get(0));
          }
        }
      }
    }
    thingsNamed.addAll(thingsNamed(course));
    words.values().forEach(list -> list.forEach(this::learnOptions));
    words.values().forEach(list -> list.forEach(this::learnSubcommand));
    words.forEach(
        (position, list) -> {
          for (int i = 0; i < list.size(); i++) {
            if (position.step().isReading()) {
              // An optional step's command (the alpine pull) teaches the tools' options, but it is
              // no step to do and its names are not the lesson's.
              list.stream()
                  .filter(w -> !w.isEmpty())
                  .forEach(w -> hostPrograms.add(CommandShape.programName(w.get(0))));
              break;
            }
            if (!list.get(i).isEmpty()) {
              CommandShape shape = CommandShape.of(list.get(i), valued, withSubcommands);
              known.add(new Known(position, i, shape));
              hostPrograms.add(shape.program());
              shape
                  .allOptions()
                  .forEach(
                      (name, value) -> {
                        if (value.equals(this.runcRoot)) {
                          stateDirOptions
                              .computeIfAbsent(shape.program(), p -> new LinkedHashSet<>())
                              .add(name);
                        }
                      });
              shape.positionals().forEach(this::learnName);
              shape.allOptions().values().stream()
                  .filter(v -> !v.equals(this.runcRoot))
                  .forEach(this::learnName);
              if (!shape.subcommand().isEmpty()) {
                subcommands
                    .computeIfAbsent(shape.program(), p -> new LinkedHashSet<>())
                    .add(shape.subcommand());
              }
            }
          }
        });
  }

  /**
   * The first path segment of everything the course's checks look at and its cleanups remove: the
   * names of things, which a command's first word after the program never is when it is a
   * subcommand ({@code runc spec}, {@code skopeo copy}).
   */
  private static Set<String> thingsNamed(Course course) {
    Set<String> names = new HashSet<>();
    for (Lesson lesson : course.lessons()) {
      lesson.cleanup().forEach(c -> names.add(firstSegment(c.target())));
      for (Step step : lesson.steps()) {
        List<Expectation> all = new ArrayList<>(step.expectations());
        all.addAll(step.whileRunning());
        for (Expectation e : all) {
          if (e instanceof Expectation.PathState path) {
            names.add(firstSegment(path.path()));
          } else if (e instanceof Expectation.JsonValue json) {
            names.add(firstSegment(json.file()));
          } else if (e instanceof Expectation.ProbeCall call) {
            call.args().forEach(a -> names.add(firstSegment(a)));
          }
        }
      }
    }
    return names;
  }

  private static String firstSegment(String path) {
    int slash = path.indexOf('/');
    return slash > 0 ? path.substring(0, slash) : path;
  }

  /** The word, and each part of it between {@code / : = @}, as a name the course uses. */
  private void learnName(String word) {
    courseNames.add(word);
    for (String part : word.split("[/:=@]")) {
      if (!part.isEmpty()) {
        courseNames.add(part);
      }
    }
  }

  /** An option takes a value when the course writes a plain word after it that is no subcommand. */
  private void learnOptions(List<String> words) {
    for (int i = 1; i + 1 < words.size(); i++) {
      String word = words.get(i);
      String next = words.get(i + 1);
      if (word.startsWith("-")
          && !word.contains("=")
          && !next.startsWith("-")
          && !CommandShape.looksLikeSubcommand(next)) {
        valued.add(word);
      }
    }
  }

  private void learnSubcommand(List<String> words) {
    if (words.isEmpty()) {
      return;
    }
    CommandShape flat = CommandShape.of(words, valued, Set.of());
    String program = flat.program();
    boolean first =
        !flat.positionals().isEmpty()
            && CommandShape.looksLikeSubcommand(flat.positionals().get(0))
            && !thingsNamed.contains(flat.positionals().get(0));
    if (first) {
      withSubcommands.add(program);
    }
  }

  /** The programs the course runs on the host ({@code skopeo}, {@code runc}, ...). */
  public Set<String> hostPrograms() {
    return Set.copyOf(hostPrograms);
  }

  /** The programs the course types inside the container ({@code id}, {@code touch}, ...). */
  public Set<String> insidePrograms() {
    return Set.copyOf(insidePrograms);
  }

  /**
   * The options through which the course gives {@code program} its runc state directory ({@code
   * --root}).
   */
  public Set<String> stateDirOptions(String program) {
    return stateDirOptions.getOrDefault(program, Set.of());
  }

  /** The course's runc state directory. */
  public Path runcRoot() {
    return Path.of(runcRoot);
  }

  /** The course commands of {@code program}, each with where it stands. */
  List<Map.Entry<Position, CommandShape>> commandsOf(String program) {
    return known.stream()
        .filter(k -> k.shape().program().equals(program))
        .map(k -> Map.entry(k.position(), k.shape()))
        .toList();
  }

  /** The subcommands the course uses with {@code program}. */
  public Set<String> subcommands(String program) {
    return subcommands.getOrDefault(program, Set.of());
  }

  /** {@code words} read the way the course's commands are read. */
  public CommandShape shape(List<String> words) {
    return CommandShape.of(words, valued, withSubcommands);
  }

  /** The course's commands that run {@code program} (and {@code subcommand}, unless empty). */
  public List<Position> stepsUsing(String program, String subcommand) {
    return known.stream()
        .filter(k -> k.shape().program().equals(program))
        .filter(k -> subcommand.isEmpty() || k.shape().subcommand().equals(subcommand))
        .map(Known::position)
        .distinct()
        .toList();
  }

  /** The lesson's shape of the command at {@code position}, index {@code index}. */
  public Optional<CommandShape> shapeOf(Position position, int index) {
    return known.stream()
        .filter(k -> k.position().equals(position) && k.index() == index)
        .map(Known::shape)
        .findFirst();
  }

  /** Every step command the line matches, in course order, each with the names the line implies. */
  public List<Match> match(String line, Map<String, String> env, Path cwd) {
    return match(line, env, cwd, Bindings.none());
  }

  /**
   * As {@link #match(String, Map, Path)}, read against the names the learner gave before ({@code
   * given}). A match that takes one of the learner's words for a different lesson name than the
   * word already stands for is dropped when the same command matches some step without such a
   * clash: {@code runc delete bg} deletes the lifecycle lesson's {@code bg}, not the network
   * lesson's {@code net} renamed {@code bg}, and {@code runc delete c1} after {@code c1} was given
   * for {@code bg} does not delete {@code net} either.
   */
  public List<Match> match(String line, Map<String, String> env, Path cwd, Bindings given) {
    return match(line, env, cwd, given, Optional.empty());
  }

  /**
   * As {@link #match(String, Map, Path, Bindings)}, from {@code current}: in the lesson the learner
   * is at, a word they gave before for another lesson's thing may name this lesson's thing (the
   * container {@code mine} again, once the last one is gone).
   */
  public List<Match> match(
      String line, Map<String, String> env, Path cwd, Bindings given, Optional<Position> current) {
    List<Match> matches = new ArrayList<>();
    for (List<String> words : ShellWords.commands(line, env)) {
      CommandShape typed = shape(words);
      List<Match> candidates = new ArrayList<>();
      for (Known k : known) {
        if (sameCommand(k.shape(), typed)) {
          Bindings b = bindings(k.shape(), typed, cwd);
          boolean strong = !k.shape().subcommand().isEmpty() || typed.equals(k.shape());
          candidates.add(new Match(k.position(), k.index(), b, strong));
        } else if (k.index() == 0 && runsInside(k, words)) {
          // runc exec NAME ip a: the step's container line, typed into its container from outside
          // (a detached container has no prompt to type at).
          candidates.add(
              new Match(k.position(), 0, bindings(k.shape(), typed, cwd).rootOnly(), true));
        }
      }
      java.util.function.Predicate<Match> clash =
          m ->
              clashes(
                  m.bindings(),
                  current
                          .filter(c -> c.lesson().id().equals(m.position().lesson().id()))
                          .isPresent()
                      ? Bindings.none()
                      : given);
      boolean anyClean = candidates.stream().anyMatch(clash.negate());
      candidates.stream().filter(m -> !anyClean || !clash.test(m)).forEach(matches::add);
    }
    return matches;
  }

  /**
   * Whether {@code b} renames a lesson name to a word that already names something else: a name the
   * course itself uses, or a word the learner gave before for another lesson name.
   */
  private boolean clashes(Bindings b, Bindings given) {
    for (Map.Entry<String, String> name : b.names().entrySet()) {
      String lessonWord = name.getKey();
      String theirs = name.getValue();
      if (courseNames.contains(theirs)) {
        return true;
      }
      boolean takenBefore =
          given.names().entrySet().stream()
              .anyMatch(e -> e.getValue().equals(theirs) && !e.getKey().equals(lessonWord));
      if (takenBefore) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code words} run one of the step's container-side lines through the program that
   * starts its container: the same program and a different subcommand, ending with that line.
   */
  private boolean runsInside(Known k, List<String> words) {
    List<List<String>> lines = insideWords.getOrDefault(k.position(), List.of());
    if (lines.isEmpty()
        || words.isEmpty()
        || !CommandShape.programName(words.get(0)).equals(k.shape().program())) {
      return false;
    }
    for (List<String> inside : lines) {
      int from = words.size() - inside.size();
      if (from > 1 && words.subList(from, words.size()).equals(inside)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameCommand(CommandShape lesson, CommandShape typed) {
    return lesson.program().equals(typed.program())
        && lesson.subcommand().equals(typed.subcommand());
  }

  private Bindings bindings(CommandShape lesson, CommandShape typed, Path cwd) {
    Map<String, String> names = new LinkedHashMap<>();
    Set<String> kept = new HashSet<>();
    Optional<Path> root = Optional.empty();
    Map<String, String> typedOptions = typed.allOptions();
    for (Map.Entry<String, String> option : lesson.allOptions().entrySet()) {
      String theirs = typedOptions.get(option.getKey());
      if (theirs == null || option.getValue().isEmpty() || theirs.isEmpty()) {
        continue;
      }
      if (option.getValue().equals(runcRoot)) {
        Path learners = cwd.resolve(theirs).normalize();
        if (!learners.toString().equals(runcRoot)) {
          root = Optional.of(learners);
        }
        continue;
      }
      align(option.getValue(), theirs, names, kept);
    }
    int n = Math.min(lesson.positionals().size(), typed.positionals().size());
    for (int i = 0; i < n; i++) {
      align(lesson.positionals().get(i), typed.positionals().get(i), names, kept);
    }
    return new Bindings(names, root, kept);
  }

  /** One pair of aligned words: a name the learner gave, or the lesson's word typed as it is. */
  private static void align(
      String lessonWord, String theirs, Map<String, String> names, Set<String> kept) {
    if (lessonWord.equals(theirs)) {
      kept.add(lessonWord);
      for (String part : lessonWord.split("[/:=@]")) {
        if (!part.isEmpty()) {
          kept.add(part);
        }
      }
      return;
    }
    Bindings.core(lessonWord, theirs).ifPresent(e -> names.put(e.getKey(), e.getValue()));
  }
}
