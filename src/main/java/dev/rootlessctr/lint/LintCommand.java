package dev.rootlessctr.lint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.CourseLoader;
import dev.rootlessctr.lesson.CourseShelf;
import dev.rootlessctr.lesson.LessonError;
import dev.rootlessctr.lesson.LessonException;
import dev.rootlessctr.lesson.LessonParser;
import dev.rootlessctr.lesson.ProbeCatalog;
import dev.rootlessctr.lesson.VisibleText;
import dev.rootlessctr.probe.Probe;
import dev.rootlessctr.probe.Probes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code rootless-ctr lint [--json] [DIR|FILE]}: every problem of a course (or of one lesson file),
 * one per line as {@code file:line:column: message}, found by the same loader the shell uses. Exit
 * status 0 when clean, 1 when problems were found, 2 on a usage error.
 */
public final class LintCommand {

  static final String USAGE = "usage: rootless-ctr lint [--json] [DIR|FILE.md|COURSE]";

  private final Path defaultCourse;
  private final Map<String, Probe> probes;
  private final CourseShelf shelf;

  public LintCommand(Path defaultCourse) {
    this(defaultCourse, (CourseShelf) null);
  }

  /** A linter whose DIR may also name a course on {@code shelf} ({@code lint deeper}). */
  public LintCommand(Path defaultCourse, CourseShelf shelf) {
    this(defaultCourse, Probes.standard(), shelf);
  }

  LintCommand(Path defaultCourse, Map<String, Probe> probes) {
    this(defaultCourse, probes, null);
  }

  private LintCommand(Path defaultCourse, Map<String, Probe> probes, CourseShelf shelf) {
    this.defaultCourse = defaultCourse;
    this.probes = probes;
    this.shelf = shelf;
  }

  public int run(List<String> args, PrintWriter out, PrintWriter err) {
    boolean json = false;
    Path target = null;
    for (String arg : args) {
      if (arg.equals("--json")) {
        json = true;
      } else if (arg.equals("-h") || arg.equals("--help")) {
        out.println(USAGE);
        return 0;
      } else if (arg.startsWith("-")) {
        return usage(err, "unknown option " + VisibleText.of(arg));
      } else if (target != null) {
        return usage(err, "lint takes one course folder or lesson file");
      } else if (shelf != null) {
        try {
          target = shelf.resolve(arg);
        } catch (CourseShelf.Unknown e) {
          return usage(err, VisibleText.of(arg) + ": " + e.getMessage() + ". " + e.hint());
        }
      } else {
        target = Path.of(arg);
      }
    }
    if (target == null) {
      target = defaultCourse;
    }
    List<LessonError> problems;
    try {
      problems = Files.isRegularFile(target) ? fileProblems(target) : courseProblems(target);
    } catch (NoSuchFileException e) {
      return usage(err, VisibleText.of(target.toString()) + " does not exist");
    } catch (IOException e) {
      return usage(err, VisibleText.of(String.valueOf(e.getMessage())));
    }
    if (json) {
      out.println(asJson(problems));
    } else {
      problems.forEach(out::println);
    }
    if (!problems.isEmpty()) {
      err.println(
          "rootless-ctr lint: "
              + problems.size()
              + (problems.size() == 1 ? " problem" : " problems"));
    }
    return problems.isEmpty() ? 0 : 1;
  }

  private List<LessonError> courseProblems(Path dir) throws IOException {
    Course course = new CourseLoader(ProbeCatalog.of(Probes.valueNames())).load(dir);
    if (course.lessons().isEmpty() && course.unloaded().isEmpty()) {
      throw new IOException(dir + " holds no lesson files (NN-name.md)");
    }
    return CourseProblems.of(course);
  }

  /** One file, as the loader would read it inside a course. */
  private List<LessonError> fileProblems(Path file) throws IOException {
    try {
      return CourseProblems.of(
          new Course(
              "file",
              file.getParent(),
              List.of(new LessonParser(ProbeCatalog.of(Probes.valueNames())).parse(file, 1)),
              List.of()));
    } catch (LessonException e) {
      return e.errors();
    }
  }

  private static String asJson(List<LessonError> problems) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode array = mapper.createArrayNode();
    for (LessonError problem : problems) {
      ObjectNode entry = array.addObject();
      entry.put("file", String.valueOf(problem.file()));
      entry.put("line", problem.line());
      entry.put("column", problem.column());
      entry.put("message", problem.message());
    }
    try {
      return mapper.writeValueAsString(array);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree of strings and numbers always serializes", e);
    }
  }

  private static int usage(PrintWriter err, String message) {
    err.println("rootless-ctr lint: " + message);
    err.println(USAGE);
    return 2;
  }
}
