package dev.rootlessctr.shell;

import dev.rootlessctr.exec.PipeLineRunner;
import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.exec.TerminalLineRunner;
import dev.rootlessctr.lab.HostUser;
import dev.rootlessctr.lab.Lab;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.doctor.DoctorCommand;
import dev.rootlessctr.doctor.DoctorInputs;
import dev.rootlessctr.doctor.ReportRenderer;
import dev.rootlessctr.doctor.HostView;
import dev.rootlessctr.doctor.MirrorStatus;
import dev.rootlessctr.mirror.LabMirror;
import dev.rootlessctr.mirror.RegistryMode;
import dev.rootlessctr.settings.Settings;
import dev.rootlessctr.lesson.CourseLoader;
import dev.rootlessctr.lesson.ProbeCatalog;
import dev.rootlessctr.probe.Probe;
import dev.rootlessctr.probe.Probes;
import dev.rootlessctr.lesson.LessonError;
import dev.rootlessctr.lint.CourseProblems;
import dev.rootlessctr.process.ProcessRunner;
import dev.rootlessctr.progress.ProgressStore;
import dev.rootlessctr.render.ColorChoice;
import dev.rootlessctr.render.Glyphs;
import dev.rootlessctr.render.Style;
import dev.rootlessctr.settings.XdgDirs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.io.UncheckedIOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.Signals;

/** Starts the tutorial shell on the real terminal, or on piped input as a script. */
public final class ShellLauncher {

  /** What the command line asked for; null fields take their defaults. */
  public record Request(Path lessons, Path lab, String registry, String color, boolean allowRoot) {}

  private static final Duration QUIET_NOTICE = Duration.ofSeconds(3);

  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;
  private final Map<String, String> env;

  public ShellLauncher(PrintWriter out, PrintWriter err, InputStream in) {
    this(out, err, in, System.getenv());
  }

  public ShellLauncher(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.env = env;
  }

  /**
   * Runs the {@code doctor} subcommand, judged against the same lab, runc state directory and
   * registry the shell would use, and naming the lessons each finding affects. The built-in
   * mirror is started for its check (and stopped), a workshop registry is asked over the
   * network, online mode has none to ask.
   */
  public static int doctor(Path lessons, Path lab, String registry, List<String> args, PrintWriter out, PrintWriter err) {
    try (LabMirror mirror = labMirror(registry, XdgDirs.from(System.getenv()))) {
      return doctorCommand(lessons, lab, mirrorStatus(mirror)).run(args, out, err);
    }
  }

  /** The mirror for {@code registry} (the command line's), else the settings file's mode. */
  private static LabMirror labMirror(String registry, XdgDirs dirs) {
    RegistryMode mode = RegistryMode.parse(registry != null ? registry : Settings.load(dirs.config()).registry());
    return new LabMirror(mode, dirs.cache().resolve("images"), Path.of("/bin/busybox"), ProcessRunner.system());
  }

  private static DoctorCommand doctorCommand(Path lessons, Path lab, MirrorStatus mirror) {
    Map<String, String> env = System.getenv();
    HostUser user = HostUser.current();
    Course course;
    try {
      course = new CourseLoader(ProbeCatalog.of(Probes.valueNames())).load(lessons);
    } catch (IOException e) {
      course = new Course("none", lessons, List.of(), List.of());
    }
    DoctorInputs inputs =
        DoctorInputs.defaults(HostView.real())
            .withLabDir(lab != null ? lab.toAbsolutePath() : Lab.defaultDir(user))
            .withRuncStateDir(Lab.runcRoot(env, user));
    inputs = inputs.withMirror(mirror);
    boolean colour = ColorChoice.wanted("auto", env, System.console() != null ? env.getOrDefault("TERM", "xterm") : null)
        && Glyphs.unicode(java.nio.charset.Charset.defaultCharset());
    int width = env.getOrDefault("COLUMNS", "").matches("\\d{2,3}") ? Integer.parseInt(env.get("COLUMNS")) : 80;
    return new DoctorCommand(inputs, HostHooks.lessonsByTag(course), colour ? ReportRenderer.Mode.COLOUR : ReportRenderer.Mode.PLAIN, width);
  }

  public int launch(Request request) {
    HostUser user = HostUser.current(env);
    if (user.isRoot() && !request.allowRoot()) {
      err.println("rootless-ctr: refusing to run the course as root.");
      err.println("  As root, runc keeps its state in /run/runc and 'runc spec --rootless' maps the");
      err.println("  container's root to host uid 0: nothing you would see would be rootless.");
      err.println("  Run it as your normal user. Experts can pass --allow-root to go on anyway.");
      return 1;
    }
    // The lessons and the progress file are read on a second core while this one sets up the
    // terminal: together they are most of the time to the first prompt.
    CompletableFuture<Course> course = CompletableFuture.supplyAsync(() -> loadCourse(request.lessons()));
    ProgressStore store = new ProgressStore(XdgDirs.from(env).state().resolve("progress-" + request.lessons().getFileName() + ".json"));
    CompletableFuture<ProgressStore.Loaded> progress = CompletableFuture.supplyAsync(store::load);
    boolean interactive = System.console() != null;
    try {
      return interactive ? onTerminal(request, user, course, store, progress) : scripted(request, user, course.join(), store, progress);
    } catch (UncheckedIOException e) {
      err.println("rootless-ctr: cannot read the lessons in " + request.lessons() + ": " + e.getCause().getMessage());
      return 1;
    } catch (IOException e) {
      err.println("rootless-ctr: " + e.getMessage());
      return 1;
    }
  }

  private static Course loadCourse(Path lessons) {
    try {
      return new CourseLoader(ProbeCatalog.of(Probes.valueNames())).load(lessons);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int onTerminal(Request request, HostUser user, CompletableFuture<Course> loading, ProgressStore store, CompletableFuture<ProgressStore.Loaded> progress) throws IOException {
    // JNI reads and sets the terminal's modes with direct calls; exec, the fallback where JNI's
    // library cannot load, forks stty for each (about 5 ms, at every prompt and every command).
    // FFM needs Java 22. Grapheme cluster probing is off: it queries the terminal at start and
    // waits 200 ms where nothing answers (a pty under script(1)), for emoji the course never shows.
    try (Terminal terminal =
        TerminalBuilder.builder()
            .system(true)
            .name("rootless-ctr")
            .ffm(false)
            .providers(TerminalBuilder.PROP_PROVIDER_JNI + "," + TerminalBuilder.PROP_PROVIDER_EXEC)
            .graphemeCluster(false)
            .build()) {
      // Outside the line editor a Ctrl-C must never stop the JVM; commands get theirs through
      // their own pseudo-terminal (see TerminalLineRunner).
      terminal.handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_IGN);
      boolean color = ColorChoice.wanted(request.color(), env, terminal.getType());
      PrintWriter writer = terminal.writer();
      Printer printer = new Printer(writer, Style.of(color, Glyphs.unicode(terminal.encoding())), terminal::getColumns);
      Path scratch = scratchDir();
      try {
        Course course;
        try {
          course = loading.join();
        } catch (java.util.concurrent.CompletionException e) {
          throw (UncheckedIOException) e.getCause();
        }
        ShellSetup.Parts parts = parts(request, user, course, printer, store, progress, true);
        XdgDirs dirs = XdgDirs.from(env);
        Files.createDirectories(dirs.state());
        Shell shell =
            ShellSetup.forTerminal(
                parts,
                terminal,
                dirs.state().resolve("history"),
                (p, typeahead) -> new TerminalLineRunner(terminal, scratch, QUIET_NOTICE, line -> quietNotice(p, line)).typeaheadTo(typeahead));
        return shell.run();
      } finally {
        deleteScratch(scratch);
      }
    }
  }

  private int scripted(Request request, HostUser user, Course course, ProgressStore store, CompletableFuture<ProgressStore.Loaded> progress) throws IOException {
    // A script stands for a learner nobody watches: it runs only a course that loads cleanly.
    List<LessonError> problems = CourseProblems.of(course);
    if (!problems.isEmpty()) {
      problems.forEach(err::println);
      err.println("rootless-ctr: the course has " + problems.size() + " problem(s), listed above; a script runs only a course without any (rootless-ctr lint DIR checks one).");
      return 2;
    }
    boolean color = request.color().equals("always");
    Printer printer = new Printer(out, Style.of(color, Glyphs.unicode(java.nio.charset.Charset.defaultCharset())), () -> 80);
    Path scratch = scratchDir();
    try {
      ShellSetup.Parts parts = parts(request, user, course, printer, store, progress, false);
      PipeLineRunner runner =
          new PipeLineRunner(new WriterStream(out), scratch, QUIET_NOTICE, line -> quietNotice(printer, line));
      // Ctrl-C while a script runs from a terminal: the command gets it from the terminal; the
      // shell itself stays and goes on with the next line.
      Signals.register("INT", runner::interrupt);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return ShellSetup.forScript(parts, reader, runner).run();
    } finally {
      deleteScratch(scratch);
    }
  }

  private ShellSetup.Parts parts(Request request, HostUser user, Course course, Printer printer, ProgressStore store, CompletableFuture<ProgressStore.Loaded> progress, boolean interactive) throws IOException {
    for (LessonError error : course.errors()) {
      printer.failure("lesson not loaded: " + error);
    }
    Map<String, Probe> probes = Probes.standard();
    Path labDir = request.lab() != null ? request.lab().toAbsolutePath() : Lab.defaultDir(user);
    Lab lab = new Lab(labDir, Lab.runcRoot(env, user));
    boolean created = !Files.isDirectory(labDir);
    Files.createDirectories(labDir);
    printer.note((created ? "Created your lab directory " : "Your lab directory is ") + labDir + "; commands run there.");
    Map<String, String> sessionEnv = new LinkedHashMap<>(env);
    SystemPath.withSbin(sessionEnv, printer);
    sessionEnv.put("RUNC_ROOT", lab.runcRoot().toString());
    sessionEnv.put("LAB", labDir.toString());
    ShellState state = new ShellState(labDir, sessionEnv);
    XdgDirs dirs = XdgDirs.from(env);
    boolean firstStart = !Files.exists(store.file());
    LabMirror mirror = labMirror(request.registry(), dirs);
    // The doctor's tools run in the session's environment (crun --version writes to its runtime dir).
    DoctorInputs doctor =
        DoctorInputs.defaults(HostView.rooted(Path.of("/"), env, ProcessRunner.system(), dev.rootlessctr.doctor.SpaceMeter.fileStore()))
            .withLabDir(labDir)
            .withRuncStateDir(lab.runcRoot())
            .withMirror(mirrorStatus(mirror))
            .withAllowRoot(request.allowRoot());
    LessonHooks hooks = new HostHooks(doctor, course, firstStart, interactive, sessionEnv, List.of(new MirrorWiring(mirror, state, labDir)));
    if (mirror.mode().kind() == RegistryMode.Kind.WORKSHOP) {
      hooks = new RoomWiring(hooks, mirror.mode().workshopAddress(), dirs.config(), dirs.state(), user.name(), interactive,
          java.time.Clock.systemUTC(), dev.rootlessctr.room.Publisher::new);
    }
    // What the course's mistakes may depend on: "pinging container registry" means something
    // else offline, online and in a workshop.
    Map<String, String> situation = Map.of("registry", mirror.mode().kind().name().toLowerCase(java.util.Locale.ROOT));
    return new ShellSetup.Parts(
        course, lab, user, state, printer, store, progress::join, probes, ProcessRunner.system(), hooks, situation);
  }

  /** What the doctor asks about the mirror in {@code mode}. */
  private static MirrorStatus mirrorStatus(LabMirror mirror) {
    RegistryMode mode = mirror.mode();
    return switch (mode.kind()) {
      case ONLINE -> MirrorStatus.notUsed("online mode, skopeo pulls from Docker Hub itself");
      case WORKSHOP -> MirrorStatus.of(mode.workshopAddress(), mirror::answering);
      case OFFLINE -> MirrorStatus.of("127.0.0.1 (" + mode + ")", mirror::answering);
    };
  }

  private static void quietNotice(Printer printer, String line) {
    printer.note("… still running: " + line + "  (Ctrl-C interrupts it)");
  }

  /**
   * The private temp directory for the session's typescripts and state files. It goes when the
   * shell leaves, and also when a signal (SIGTERM, a closed terminal) stops the JVM first.
   */
  private static Path scratchDir() throws IOException {
    Path scratch = Files.createTempDirectory(
        "rootless-ctr-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteScratch(scratch), "scratch-cleanup"));
    return scratch;
  }

  private static void deleteScratch(Path scratch) {
    try (var files = Files.list(scratch)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(scratch);
    } catch (IOException e) {
      // a leftover private temp directory is harmless
    }
  }
}
