package dev.rootlessctr.shell;

import dev.rootlessctr.check.CheckContext;
import dev.rootlessctr.check.SubidBuiltIns;
import dev.rootlessctr.exec.LineRunner;
import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.host.Editor;
import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lab.ClaimingLineRunner;
import dev.rootlessctr.lab.Cleaner;
import dev.rootlessctr.lab.ContainerGuard;
import dev.rootlessctr.lab.Lab;
import dev.rootlessctr.lab.SessionLedger;
import dev.rootlessctr.lab.StartedProcesses;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.probe.Probe;
import dev.rootlessctr.probe.ProbeContext;
import dev.rootlessctr.process.MemoizingProcessRunner;
import dev.rootlessctr.process.ProcessRunner;
import dev.rootlessctr.progress.BackgroundSaver;
import dev.rootlessctr.progress.ProgressStore;
import dev.rootlessctr.tutor.HostFacts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;

/** Puts a {@link Shell} together from its parts; the one place that knows how they connect. */
public final class ShellSetup {

  private ShellSetup() {}

  /** The parts a shell needs that differ between a terminal session, a script and a test. */
  public record Parts(
      Course course,
      Lab lab,
      HostUser user,
      ShellState state,
      Printer printer,
      ProgressStore store,
      java.util.function.Supplier<ProgressStore.Loaded> progress,
      Map<String, Probe> probes,
      ProcessRunner processes,
      LessonHooks hooks,
      Map<String, String> situation,
      SessionLedger ledger,
      CourseCatalog courses) {

    public Parts {
      situation = Map.copyOf(situation);
    }

    /**
     * Parts for a shell whose situation (registry mode) no mistake depends on, whose container
     * ledger is kept in memory only and that knows no other course: tests of the shell itself.
     */
    public Parts(
        Course course,
        Lab lab,
        HostUser user,
        ShellState state,
        Printer printer,
        ProgressStore store,
        java.util.function.Supplier<ProgressStore.Loaded> progress,
        Map<String, Probe> probes,
        ProcessRunner processes,
        LessonHooks hooks) {
      this(
          course,
          lab,
          user,
          state,
          printer,
          store,
          progress,
          probes,
          processes,
          hooks,
          Map.of(),
          SessionLedger.inMemory(lab.runcRoot()),
          CourseCatalog.single(course.dir(), store.file().getParent()));
    }
  }

  /**
   * A shell on the real terminal; {@code runner} makes the line runner from the printer and from
   * where keys typed ahead during a short command go (the line editor, as if typed again).
   */
  public static Shell forTerminal(
      Parts parts,
      Terminal terminal,
      Path historyFile,
      java.util.function.BiFunction<Printer, java.util.function.Consumer<String>, LineRunner>
          runner) {
    Session session = session(parts);
    InspectCommand inspect = inspectCommand(parts, session);
    LineReader reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("rootless-ctr")
            .completer(
                new TutorCompleter(
                    session, parts.state(), inspect::containerNames, parts.courses()))
            .variable(LineReader.HISTORY_FILE, historyFile)
            .variable(LineReader.HISTORY_SIZE, 2000)
            .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
            .option(LineReader.Option.AUTO_FRESH_LINE, true)
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .build();
    return assemble(
        parts,
        session,
        new TerminalInput(reader),
        runner.apply(parts.printer(), reader::runMacro),
        terminal::getRows,
        inspect);
  }

  /** A shell reading lines from a non-terminal input as if typed. */
  public static Shell forScript(Parts parts, java.io.BufferedReader in, LineRunner runner) {
    Session session = session(parts);
    return assemble(
        parts,
        session,
        new ScriptedInput(in, parts.printer()),
        runner,
        () -> 0,
        inspectCommand(parts, session));
  }

  private static Session session(Parts parts) {
    ProgressStore.Loaded loaded = parts.progress().get();
    if (loaded.warning() != null) {
      parts.printer().warning(loaded.warning());
    }
    Session session = new Session(parts.course(), loaded.progress());
    session.listen(parts.hooks().progressListener());
    return session;
  }

  private static InspectCommand inspectCommand(Parts parts, Session session) {
    return new InspectCommand(
        session,
        parts.state(),
        parts.lab(),
        parts.user().uid(),
        parts.probes(),
        parts.processes(),
        Path.of("/proc"));
  }

  private static Shell assemble(
      Parts parts,
      Session session,
      Input input,
      LineRunner runner,
      java.util.function.IntSupplier height,
      InspectCommand inspect) {
    BackgroundSaver saver =
        new BackgroundSaver(parts.store(), session.progress(), parts.printer()::warning);
    // Every line goes through the claiming runner: this session deletes only containers it made.
    LineRunner claiming = new ClaimingLineRunner(runner, parts.ledger(), parts.user().uid());
    Tutor tutor =
        new Tutor(
            session,
            parts.printer(),
            claiming,
            parts.state(),
            () -> checkContext(parts),
            parts.hooks(),
            saver::save,
            parts.situation(),
            HostFacts.real(parts.user().uid()),
            height);
    // Background programs the course declares (cleanup: process) are stopped with the containers.
    Cleaner cleaner =
        new Cleaner(
            parts.lab(),
            parts.processes(),
            parts.state().env(),
            parts.ledger(),
            backgroundPrograms(parts.course()),
            StartedProcesses.ofThisShell(parts.user().uid()));
    // The prompt names the course only when it is not the one the shell opens by default.
    Prompt prompt =
        new Prompt(
            parts.printer(),
            parts.user().home(),
            parts.courses().openIsHome() ? "" : parts.course().name());
    ContainerGuard guard = new ContainerGuard(cleaner, parts.printer()::mute);
    ReportCommand report =
        new ReportCommand(
            session,
            parts.state(),
            parts.lab(),
            parts.user(),
            parts.processes(),
            java.time.Clock.systemUTC());
    return new Shell(
        tutor,
        input,
        prompt,
        parts.lab(),
        cleaner,
        guard,
        saver,
        parts.store().file(),
        parts.hooks(),
        inspect,
        report,
        new CoursesCommand(parts.courses(), cleaner));
  }

  /** The programs a course's {@code cleanup: process} directives name. */
  static java.util.Set<String> backgroundPrograms(dev.rootlessctr.lesson.Course course) {
    return course.lessons().stream()
        .flatMap(l -> l.cleanup().stream())
        .filter(i -> i.kind() == dev.rootlessctr.lesson.CleanupItem.Kind.PROCESS)
        .map(dev.rootlessctr.lesson.CleanupItem::target)
        .collect(java.util.stream.Collectors.toSet());
  }

  private static CheckContext checkContext(Parts parts) {
    ShellState state = parts.state();
    Map<String, String> builtIns = new LinkedHashMap<>();
    builtIns.put("user", parts.user().name());
    builtIns.put("uid", String.valueOf(parts.user().uid()));
    builtIns.put("gid", String.valueOf(parts.user().gid()));
    // The shell's $HOME, as the probes and ~ see it: {{home}} in a lesson (and the mount :run
    // adds) must be the home that home-mount and file-owner ~/... check.
    String home = state.env().get("HOME");
    builtIns.put(
        "home", home != null && home.startsWith("/") ? home : parts.user().home().toString());
    builtIns.put("lab", parts.lab().dir().toString());
    builtIns.put("runc_root", parts.lab().runcRoot().toString());
    builtIns.put("cwd", state.cwd().toString());
    // The editor the doctor found, so a lesson never suggests one that is not installed; the
    // course needs busybox-static, whose vi is the last resort.
    builtIns.put("editor", Editor.find(state.env()).map(Editor::command).orElse("busybox vi"));
    builtIns.putAll(SubidBuiltIns.of(parts.user().name(), parts.user().uid()));
    ProbeContext probeContext =
        new ProbeContext(
            state.cwd(),
            state.env(),
            parts.lab().runcRoot(),
            Path.of("/proc"),
            new MemoizingProcessRunner(parts.processes()));
    return new CheckContext(state.cwd(), state.env(), builtIns, parts.probes(), probeContext);
  }
}
