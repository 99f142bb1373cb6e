package dev.rootlessctr.shell;

import dev.rootlessctr.cast.CastTee;
import dev.rootlessctr.cast.CastWriter;
import dev.rootlessctr.cast.RecordingTerminal;
import dev.rootlessctr.doctor.DoctorInputs;
import dev.rootlessctr.doctor.HostView;
import dev.rootlessctr.doctor.SpaceMeter;
import dev.rootlessctr.exec.PipeLineRunner;
import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.exec.TerminalLineRunner;
import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lab.Cleaner;
import dev.rootlessctr.lab.Lab;
import dev.rootlessctr.lab.LabDir;
import dev.rootlessctr.lab.RuncRoot;
import dev.rootlessctr.lab.ScratchDirs;
import dev.rootlessctr.lab.SessionLedger;
import dev.rootlessctr.lab.StartedProcesses;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.CourseLoader;
import dev.rootlessctr.lesson.LessonError;
import dev.rootlessctr.lesson.ProbeCatalog;
import dev.rootlessctr.lint.CourseProblems;
import dev.rootlessctr.mirror.LabMirror;
import dev.rootlessctr.mirror.RegistryMode;
import dev.rootlessctr.probe.Probe;
import dev.rootlessctr.probe.Probes;
import dev.rootlessctr.process.ProcessRunner;
import dev.rootlessctr.progress.ProgressFiles;
import dev.rootlessctr.progress.ProgressStore;
import dev.rootlessctr.render.ColorChoice;
import dev.rootlessctr.render.ColorMode;
import dev.rootlessctr.render.Glyphs;
import dev.rootlessctr.render.Style;
import dev.rootlessctr.settings.XdgDirs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.Signals;

/** Starts the tutorial shell on the real terminal, or on piped input as a script. */
public final class ShellLauncher {

  /**
   * What the command line asked for, already checked by the front end.
   *
   * @param lessons the course folder, absolute
   * @param lab the lab directory, absolute (created if missing)
   * @param registry the registry mode, from the command line or settings.json
   * @param record where {@code --record} writes an asciicast of the session, or null
   * @param defaultCourse the course the shell opens without {@code --lessons}; the courses beside
   *     it are the ones {@code :courses} lists and {@code :open} can go to (null: only {@code
   *     lessons})
   */
  public record Request(
      Path lessons,
      Path lab,
      RegistryMode registry,
      ColorMode color,
      boolean allowRoot,
      Path record,
      Path defaultCourse) {
    public Request(
        Path lessons, Path lab, RegistryMode registry, ColorMode color, boolean allowRoot) {
      this(lessons, lab, registry, color, allowRoot, null, null);
    }

    public Request(
        Path lessons,
        Path lab,
        RegistryMode registry,
        ColorMode color,
        boolean allowRoot,
        Path record) {
      this(lessons, lab, registry, color, allowRoot, record, null);
    }

    /** The courses this shell can list and open. */
    CourseCatalog catalog(Path stateDir) {
      return defaultCourse == null
          ? CourseCatalog.single(lessons, stateDir)
          : new CourseCatalog(
              dev.rootlessctr.lesson.CourseShelf.in(defaultCourse.toAbsolutePath().getParent()),
              lessons,
              defaultCourse,
              stateDir);
    }
  }

  private static final Duration QUIET_NOTICE = Duration.ofSeconds(3);

  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;
  private final Map<String, String> env;
  private final ProcessRunner processes;
  private final boolean console;

  /**
   * A launcher for a shell with these streams, environment and process runner; {@code console} says
   * whether input and output are a terminal (else the input is read as a script).
   */
  public ShellLauncher(
      PrintWriter out,
      PrintWriter err,
      InputStream in,
      Map<String, String> env,
      ProcessRunner processes,
      boolean console) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.env = env;
    this.processes = processes;
    this.console = console;
  }

  /** The mirror for the registry mode the learner chose. */
  private LabMirror labMirror(RegistryMode mode, XdgDirs dirs) {
    return new LabMirror(mode, dirs.cache().resolve("images"), Path.of("/bin/busybox"), processes);
  }

  public int launch(Request request) {
    HostUser user = HostUser.current(env);
    if (user.isRoot() && !request.allowRoot()) {
      err.println("rootless-ctr: refusing to run the course as root.");
      err.println(
          "  As root, runc keeps its state in /run/runc and 'runc spec --rootless' maps the");
      err.println("  container's root to host uid 0: nothing you would see would be rootless.");
      err.println("  Run it as your normal user. Experts can pass --allow-root to go on anyway.");
      return 1;
    }
    // The lessons and the progress file are read on a second core while this one sets up the
    // terminal: together they are most of the time to the first prompt.
    CompletableFuture<Course> course =
        CompletableFuture.supplyAsync(() -> loadCourse(request.lessons()));
    Path stateDir = XdgDirs.from(env).state();
    ProgressFiles.migrate(stateDir, request.lessons());
    ProgressStore store = new ProgressStore(ProgressFiles.forCourse(stateDir, request.lessons()));
    CompletableFuture<ProgressStore.Loaded> progress = CompletableFuture.supplyAsync(store::load);
    try {
      return console
          ? onTerminal(request, user, course, store, progress)
          : scripted(request, user, join(course), store, progress);
    } catch (UncheckedIOException e) {
      err.println(
          "rootless-ctr: cannot read the lessons in "
              + request.lessons()
              + ": "
              + e.getCause().getMessage());
      return 1;
    } catch (LabDir.Problem e) {
      err.println("rootless-ctr: " + e.getMessage());
      return e.usage() ? 2 : 1;
    } catch (IOException e) {
      // A bare path is all some of these exceptions say: name what happened to it.
      String text = e.getMessage();
      if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() == null) {
        text +=
            e instanceof java.nio.file.AccessDeniedException
                ? ": permission denied"
                : e instanceof java.nio.file.NoSuchFileException
                    ? ": no such file or folder"
                    : ": cannot be used";
      }
      err.println("rootless-ctr: " + text);
      return 1;
    }
  }

  /** The future's value; a failure in it is rethrown as itself, not as a CompletionException. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** The recording {@code --record} asked for, or null. */
  private CastWriter startRecording(Path file, int width, int height) throws IOException {
    if (file == null) {
      return null;
    }
    Map<String, String> castEnv = new LinkedHashMap<>();
    castEnv.put("TERM", env.getOrDefault("TERM", "xterm"));
    castEnv.put("SHELL", "/bin/bash");
    try {
      return CastWriter.create(file, width, height, castEnv);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new IOException(
          "cannot record into " + file + ": it exists already (a recording is never overwritten)");
    } catch (IOException e) {
      throw new IOException("cannot record into " + file + ": " + e.getMessage());
    }
  }

  private void stopRecording(CastWriter cast, Path file) {
    if (cast == null) {
      return;
    }
    try {
      cast.close();
    } catch (IOException e) {
      err.println("rootless-ctr: the recording " + file + " may be incomplete: " + e.getMessage());
      return;
    }
    cast.failure()
        .ifPresentOrElse(
            e ->
                err.println(
                    "rootless-ctr: the recording " + file + " stopped early: " + e.getMessage()),
            () -> err.println("Recording saved: " + file + " (asciinema play " + file + ")"));
  }

  private static Course loadCourse(Path lessons) {
    try {
      return new CourseLoader(ProbeCatalog.of(Probes.valueNames())).load(lessons);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int onTerminal(
      Request request,
      HostUser user,
      CompletableFuture<Course> loading,
      ProgressStore store,
      CompletableFuture<ProgressStore.Loaded> progress)
      throws IOException {
    CastWriter[] recording = {null};
    // JNI reads and sets the terminal's modes with direct calls; exec, the fallback where JNI's
    // library cannot load, forks stty for each (about 5 ms, at every prompt and every command).
    // FFM needs Java 22. Grapheme cluster probing is off: it queries the terminal at start and
    // waits 200 ms where nothing answers (a pty under script(1)), for emoji the course never shows.
    try (Terminal real =
        TerminalBuilder.builder()
            .system(true)
            .name("rootless-ctr")
            .ffm(false)
            .providers(TerminalBuilder.PROP_PROVIDER_JNI + "," + TerminalBuilder.PROP_PROVIDER_EXEC)
            .graphemeCluster(false)
            .build()) {
      CastWriter cast = startRecording(request.record(), real.getWidth(), real.getHeight());
      recording[0] = cast;
      // Recording tees what is written to the terminal; everything else goes to the real one.
      Terminal terminal = cast == null ? real : RecordingTerminal.wrap(real, cast);
      // Outside the line editor a Ctrl-C must never stop the JVM; commands get theirs through
      // their own pseudo-terminal (see TerminalLineRunner).
      terminal.handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_IGN);
      // Nor may it reach the rest of the process group: under su -c or runuser -c, su answers
      // SIGINT by killing the shell. So the terminal makes no signal of Ctrl-C for the whole
      // session, not only while a line is read: a Ctrl-C typed while a notice prints or the
      // prompt redraws is a key too (TerminalInput cancels the line with it, and a command
      // gets it through its own pseudo-terminal).
      org.jline.terminal.Attributes original = terminal.getAttributes();
      org.jline.terminal.Attributes keysOnly = new org.jline.terminal.Attributes(original);
      keysOnly.setLocalFlag(org.jline.terminal.Attributes.LocalFlag.ISIG, false);
      terminal.setAttributes(keysOnly);
      boolean color = ColorChoice.wanted(request.color(), env, terminal.getType());
      PrintWriter writer = terminal.writer();
      Printer printer =
          new Printer(
              writer,
              Style.of(color, Glyphs.unicode(terminal.encoding(), Glyphs.localeCharset())),
              terminal::getColumns);
      Path scratch = ScratchDirs.forSession(tmpDir(), user.uid());
      try {
        Course course = join(loading);
        return courses(
            request,
            user,
            course,
            printer,
            store,
            progress::join,
            true,
            parts ->
                ShellSetup.forTerminal(
                    parts,
                    terminal,
                    historyFile(XdgDirs.from(env).state(), scratch),
                    (p, typeahead) -> {
                      TerminalLineRunner runner =
                          new TerminalLineRunner(
                                  terminal, scratch, QUIET_NOTICE, line -> quietNotice(p, line))
                              .typeaheadTo(typeahead);
                      return cast == null ? runner : runner.recordTo(cast::output);
                    }));
      } finally {
        ScratchDirs.delete(scratch);
        restore(terminal, original);
      }
    } finally {
      stopRecording(recording[0], request.record());
    }
  }

  /**
   * Gives the terminal back its modes. A terminal that was closed under the shell (its window shut,
   * a hang-up) has none to restore, and that is no crash: the cleanup before it has run.
   */
  static void restore(Terminal terminal, org.jline.terminal.Attributes original) {
    try {
      terminal.setAttributes(original);
    } catch (IllegalStateException | java.io.IOError e) {
      // closed: nothing is left to restore
    }
  }

  private int scripted(
      Request request,
      HostUser user,
      Course course,
      ProgressStore store,
      CompletableFuture<ProgressStore.Loaded> progress)
      throws IOException {
    // A script stands for a learner nobody watches: it runs only a course that loads cleanly.
    List<LessonError> problems = CourseProblems.of(course);
    if (!problems.isEmpty()) {
      problems.forEach(err::println);
      err.println(
          "rootless-ctr: the course has "
              + problems.size()
              + " problem(s), listed above; a script runs only a course without any (rootless-ctr"
              + " lint DIR checks one).");
      return 2;
    }
    CastWriter cast = startRecording(request.record(), 80, 24);
    PrintWriter out = cast == null ? this.out : new PrintWriter(CastTee.writer(this.out, cast));
    boolean color = request.color() == ColorMode.ALWAYS;
    Printer printer =
        new Printer(out, Style.of(color, Glyphs.unicode(Glyphs.localeCharset())), () -> 80);
    Path scratch = ScratchDirs.forSession(tmpDir(), user.uid());
    try {
      PipeLineRunner runner =
          new PipeLineRunner(
              new WriterStream(out), scratch, QUIET_NOTICE, line -> quietNotice(printer, line));
      // Ctrl-C while a script runs from a terminal: the command gets it from the terminal; the
      // shell itself stays and goes on with the next line.
      Signals.register("INT", runner::interrupt);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return courses(
          request,
          user,
          course,
          printer,
          store,
          progress::join,
          false,
          parts -> ShellSetup.forScript(parts, reader, runner));
    } finally {
      out.flush();
      ScratchDirs.delete(scratch);
      stopRecording(cast, request.record());
    }
  }

  /**
   * Runs the shell on {@code course}, and again on each course {@code :open} switches to, until the
   * learner leaves; returns the worst exit status of them (a script fails if any course failed).
   * The lab, the shell's directory and variables and the mirror stay from one course to the next;
   * the lessons, progress, doctor's needs, container ledger and prompt are the new course's.
   */
  private int courses(
      Request request,
      HostUser user,
      Course course,
      Printer printer,
      ProgressStore store,
      java.util.function.Supplier<ProgressStore.Loaded> progress,
      boolean interactive,
      java.util.function.Function<ShellSetup.Parts, Shell> shells)
      throws IOException {
    notLoaded(course, printer);
    Base base = base(request, user, printer);
    try {
      ShellSetup.Parts parts =
          parts(request, base, user, course, printer, store, progress, interactive, false);
      CourseSwitch arriving = null;
      int status = 0;
      while (true) {
        Shell shell = shells.apply(parts);
        if (arriving != null) {
          shell.arriveFrom(arriving);
        }
        status = Math.max(status, shell.run());
        java.util.Optional<CourseSwitch> next = shell.switchRequested();
        if (next.isEmpty()) {
          return status;
        }
        arriving = next.get();
        notLoaded(arriving.course(), printer);
        Path dir = arriving.entry().dir();
        Path stateDir = XdgDirs.from(env).state();
        ProgressFiles.migrate(stateDir, dir);
        ProgressStore nextStore = new ProgressStore(ProgressFiles.forCourse(stateDir, dir));
        parts =
            parts(
                request,
                base,
                user,
                arriving.course(),
                printer,
                nextStore,
                nextStore::load,
                interactive,
                true);
      }
    } finally {
      base.mirror().close();
    }
  }

  private static void notLoaded(Course course, Printer printer) {
    for (LessonError error : course.errors()) {
      printer.failure("lesson not loaded: " + error);
    }
  }

  /** What one sitting keeps when the learner changes course. */
  private record Base(
      Lab lab,
      ShellState state,
      LabMirror mirror,
      DoctorInputs doctor,
      Map<String, String> sessionEnv) {}

  private Base base(Request request, HostUser user, Printer printer) throws IOException {
    Path defaultLab = Lab.defaultDir(user);
    boolean created =
        !Files.isDirectory(request.lab() != null ? request.lab().toAbsolutePath() : defaultLab);
    Path labDir = LabDir.prepare(request.lab(), defaultLab, user.uid());
    Lab lab =
        new Lab(
            labDir,
            RuncRoot.choose(env, user.uid(), XdgDirs.from(env).state(), Path.of("/tmp")).dir());
    printer.note(
        (created ? "Created your lab directory " : "Your lab directory is ")
            + labDir
            + "; commands run there.");
    Map<String, String> sessionEnv = new LinkedHashMap<>(env);
    SystemPath.withSbin(sessionEnv, printer);
    sessionEnv.put("RUNC_ROOT", lab.runcRoot().toString());
    sessionEnv.put("LAB", labDir.toString());
    ShellState state = new ShellState(labDir, sessionEnv);
    LabMirror mirror = labMirror(request.registry(), XdgDirs.from(env));
    // The doctor's tools run in the session's environment (crun --version writes to its runtime
    // dir).
    DoctorInputs doctor =
        DoctorInputs.defaults(HostView.rooted(Path.of("/"), env, processes, SpaceMeter.fileStore()))
            .withLabDir(labDir)
            .withRuncStateDir(lab.runcRoot())
            .withMirror(HostHooks.mirrorStatus(mirror, env))
            .withAllowRoot(request.allowRoot());
    return new Base(lab, state, mirror, doctor, sessionEnv);
  }

  /**
   * The parts for one course; {@code switched} when {@code :open} came from another course, whose
   * start already said what killed shells left behind and diagnosed the host in full.
   */
  private ShellSetup.Parts parts(
      Request request,
      Base base,
      HostUser user,
      Course course,
      Printer printer,
      ProgressStore store,
      java.util.function.Supplier<ProgressStore.Loaded> progress,
      boolean interactive,
      boolean switched) {
    Map<String, Probe> probes = Probes.standard();
    Lab lab = base.lab();
    XdgDirs dirs = XdgDirs.from(env);
    boolean firstStart = !switched && !Files.exists(store.file());
    LabMirror mirror = base.mirror();
    SessionLedger ledger =
        SessionLedger.start(dirs.state().resolve("sessions"), lab.runcRoot(), user.uid());
    LessonHooks hooks =
        new HostHooks(
            base.doctor(),
            course,
            firstStart,
            interactive,
            base.sessionEnv(),
            List.of(new MirrorWiring(mirror, base.state(), lab.dir(), false)));
    if (!switched) {
      hooks =
          new LeftoverHooks(
              hooks,
              new Cleaner(
                  lab,
                  processes,
                  base.sessionEnv(),
                  ledger,
                  ShellSetup.backgroundPrograms(course),
                  StartedProcesses.ofThisShell(user.uid())),
              ScratchDirs.collect(tmpDir(), user.uid()),
              interactive);
    }
    if (mirror.mode().kind() == RegistryMode.Kind.WORKSHOP) {
      hooks =
          new RoomWiring(
              hooks,
              mirror.mode().workshopAddress(),
              dirs.config(),
              dirs.state(),
              user.name(),
              interactive,
              java.time.Clock.systemUTC(),
              dev.rootlessctr.room.Publisher::new);
    }
    // What the course's mistakes may depend on: "pinging container registry" means something
    // else offline, online and in a workshop.
    Map<String, String> situation =
        Map.of("registry", mirror.mode().kind().name().toLowerCase(java.util.Locale.ROOT));
    return new ShellSetup.Parts(
        course,
        lab,
        user,
        base.state(),
        printer,
        store,
        progress,
        probes,
        processes,
        hooks,
        situation,
        ledger,
        request.catalog(dirs.state()).opening(course.dir()));
  }

  private static void quietNotice(Printer printer, String line) {
    printer.note("… still running: " + line + "  (Ctrl-C interrupts it)");
  }

  /**
   * The history file in the state directory; in the session's scratch directory when the state
   * directory cannot be written (the progress warning says so), so the shell still starts.
   */
  private static Path historyFile(Path stateDir, Path scratch) {
    try {
      Files.createDirectories(stateDir);
      if (Files.isWritable(stateDir)) {
        return stateDir.resolve("history");
      }
    } catch (IOException e) {
      // below
    }
    return scratch.resolve("history");
  }

  /** Where scratch directories go: java.io.tmpdir, which the launcher leaves at /tmp. */
  private static Path tmpDir() {
    return Path.of(System.getProperty("java.io.tmpdir", "/tmp"));
  }
}
