package dev.rootlessctr.shell;

import dev.rootlessctr.exec.PipeLineRunner;
import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lab.Lab;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.CourseLoader;
import dev.rootlessctr.probe.Probe;
import dev.rootlessctr.process.ProcessRunner;
import dev.rootlessctr.progress.ProgressStore;
import dev.rootlessctr.render.Style;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs the real shell in-process on a course, a lab in a temp dir and scripted input. */
final class ShellHarness {

  final Path lab;
  final Path state;
  final Course course;
  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintWriter out = new PrintWriter(bytes, true, StandardCharsets.UTF_8);

  /** The shell's lesson hooks; none (no host diagnosis) unless a test sets them. */
  LessonHooks hooks = LessonHooks.none();

  /** The probes the course's checks may call; none unless a test sets them. */
  Map<String, Probe> probes = Map.of();

  /** The courses the shell knows; only its own unless a test sets them. */
  CourseCatalog catalog;

  ShellHarness(Path root, Path courseDir) throws IOException {
    this.lab = Files.createDirectories(root.resolve("lab"));
    this.state = root.resolve("state");
    this.course = new CourseLoader().load(courseDir);
  }

  ShellSetup.Parts parts(Printer printer) {
    ProgressStore store = new ProgressStore(state.resolve("progress.json"));
    HostUser user = HostUser.current();
    Map<String, String> env = new LinkedHashMap<>(System.getenv());
    env.put("HOME", lab.getParent().toString());
    Lab theLab = new Lab(lab, lab.getParent().resolve("runc"));
    env.put("RUNC_ROOT", theLab.runcRoot().toString());
    HostUser learner =
        new HostUser(user.name(), user.uid(), user.gid(), user.groups(), lab.getParent());
    return new ShellSetup.Parts(
        course,
        theLab,
        learner,
        new ShellState(lab, env),
        printer,
        store,
        store::load,
        probes,
        ProcessRunner.system(),
        hooks,
        Map.of(),
        dev.rootlessctr.lab.SessionLedger.inMemory(theLab.runcRoot()),
        catalog != null ? catalog : CourseCatalog.single(course.dir(), store.file().getParent()));
  }

  /** Runs {@code script} as piped input; returns the exit status. */
  int run(String script) throws IOException {
    return shell(script).run();
  }

  /** The shell that would run {@code script}, not started yet. */
  Shell shell(String script) throws IOException {
    Printer printer = new Printer(out, Style.of(false), () -> 100); // the widest the shell renders
    Path scratch = Files.createTempDirectory(state.getParent(), "scratch");
    PipeLineRunner runner =
        new PipeLineRunner(new WriterStream(out), scratch, Duration.ofSeconds(30), line -> {});
    return ShellSetup.forScript(
        parts(printer), new BufferedReader(new StringReader(script)), runner);
  }

  String output() {
    out.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
