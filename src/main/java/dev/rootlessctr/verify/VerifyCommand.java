package dev.rootlessctr.verify;

import dev.rootlessctr.doctor.Doctor;
import dev.rootlessctr.doctor.DoctorInputs;
import dev.rootlessctr.doctor.DoctorReport;
import dev.rootlessctr.doctor.HostView;
import dev.rootlessctr.doctor.MirrorStatus;
import dev.rootlessctr.doctor.SpaceMeter;
import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.exec.TypedLineRunner;
import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lab.Lab;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.CourseLoader;
import dev.rootlessctr.lesson.CourseShelf;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.LessonError;
import dev.rootlessctr.lesson.ProbeCatalog;
import dev.rootlessctr.lesson.Requirement;
import dev.rootlessctr.lesson.Step;
import dev.rootlessctr.lesson.VisibleText;
import dev.rootlessctr.mirror.LabMirror;
import dev.rootlessctr.mirror.RegistryMode;
import dev.rootlessctr.probe.Probes;
import dev.rootlessctr.process.ProcessRunner;
import dev.rootlessctr.settings.XdgDirs;
import dev.rootlessctr.shell.SystemPath;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code rootless-ctr verify [--lessons DIR] [--junit FILE] [--tap]}: runs the whole course
 * headless in a {@link Throwaway} and says, one line per step, whether each step's own commands
 * still pass its own check on this host. Exit status 0 only when every step passed and the doctor
 * found nothing blocking; 1 otherwise; 2 on bad usage.
 */
public final class VerifyCommand {

  static final String USAGE =
      "usage: rootless-ctr verify [--lessons DIR|NAME] [--junit FILE] [--tap]\n"
          + "  runs every step's commands in a throwaway home, lab and runc state directory and"
          + " checks\n"
          + "  them; --junit writes JUnit XML, --tap prints TAP version 13 instead of plain lines";

  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

  private final Map<String, String> env;
  private final ProcessRunner processes;
  private final CourseShelf shelf;

  public VerifyCommand(Map<String, String> env, ProcessRunner processes) {
    this(env, processes, null);
  }

  /**
   * A verifier whose {@code --lessons NAME} may name a course on {@code shelf} (null: paths only).
   */
  public VerifyCommand(Map<String, String> env, ProcessRunner processes, CourseShelf shelf) {
    this.env = env;
    this.processes = processes;
    this.shelf = shelf;
  }

  /**
   * The command line after {@code verify}; {@code lessons} is the course named before it, or the
   * default.
   */
  public int run(Path lessons, List<String> args, PrintWriter out, PrintWriter err) {
    Path junit = null;
    boolean tap = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--tap" -> tap = true;
        case "--junit", "--lessons" -> {
          if (i + 1 == args.size()) {
            return usage(err, arg + " needs a value");
          }
          String value = args.get(++i);
          if (arg.equals("--junit")) {
            junit = Path.of(value);
          } else if (shelf == null) {
            lessons = Path.of(value);
          } else {
            try {
              lessons = shelf.resolve(value);
            } catch (CourseShelf.Unknown e) {
              return usage(
                  err,
                  "--lessons " + VisibleText.of(value) + ": " + e.getMessage() + ". " + e.hint());
            }
          }
        }
        case "-h", "--help" -> {
          out.println(USAGE);
          return 0;
        }
        default -> {
          return usage(err, "unknown option " + arg);
        }
      }
    }
    if (HostUser.current(env).isRoot()) {
      err.println(
          "rootless-ctr verify: refusing to run the course as root: nothing would be rootless.");
      err.println("  Run it as a normal user, e.g. runuser -u NAME -- rootless-ctr verify");
      return 1;
    }
    try {
      return verify(lessons.toAbsolutePath(), junit, tap, out, err);
    } catch (IOException e) {
      err.println("rootless-ctr verify: " + e.getMessage());
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int usage(PrintWriter err, String problem) {
    err.println("rootless-ctr verify: " + problem);
    err.println(USAGE);
    return 2;
  }

  private int verify(Path lessons, Path junit, boolean tap, PrintWriter out, PrintWriter err)
      throws IOException {
    if (!Files.isDirectory(lessons)) {
      err.println("rootless-ctr verify: no course folder at " + lessons);
      return 1;
    }
    Course course = new CourseLoader(ProbeCatalog.of(Probes.valueNames())).load(lessons);
    LocalDateTime started = LocalDateTime.now();
    try (Throwaway throwaway = Throwaway.create(env, processes);
        LabMirror mirror =
            new LabMirror(
                RegistryMode.parse("offline"),
                XdgDirs.from(throwaway.env()).cache().resolve("images"),
                Path.of("/bin/busybox"),
                processes)) {
      Lab lab = throwaway.lab();
      err.println(
          "rootless-ctr verify: "
              + course.lessons().size()
              + " lessons from "
              + lessons
              + ", in a throwaway home "
              + throwaway.root()
              + " (removed afterwards)");
      Map<String, String> sessionEnv = new LinkedHashMap<>(throwaway.env());
      SystemPath.appendSbin(sessionEnv);
      sessionEnv.put("RUNC_ROOT", lab.runcRoot().toString());
      sessionEnv.put("LAB", lab.dir().toString());
      ShellState state = new ShellState(lab.dir(), sessionEnv);
      CompletableFuture<DoctorReport> doctor =
          CompletableFuture.supplyAsync(
              () ->
                  Doctor.forHost(
                          // The doctor's tools (crun --version makes $XDG_RUNTIME_DIR/crun) see the
                          // throwaway too.
                          DoctorInputs.defaults(
                                  HostView.rooted(
                                      Path.of("/"),
                                      throwaway.env(),
                                      processes,
                                      SpaceMeter.fileStore()))
                              .withLabDir(lab.dir())
                              .withRuncStateDir(lab.runcRoot())
                              .withMirror(
                                  MirrorStatus.of("127.0.0.1 (offline)", mirror::answering)))
                      .run());
      Path scratch = Files.createDirectories(throwaway.root().resolve("scratch"));
      CourseVerifier verifier =
          new CourseVerifier(
              lab,
              HostUser.current(throwaway.env()),
              state,
              new TypedLineRunner(scratch, COMMAND_TIMEOUT),
              Probes.standard(),
              processes,
              new MirrorPreparation(mirror, lab.dir().resolve(".rootless-ctr")),
              new DoctorGate(doctor));
      StepLines lines = new StepLines(out, tap);
      lines.start(course.lessons().stream().mapToInt(l -> l.steps().size()).sum());
      List<StepResult> results = verifier.verify(course.lessons(), lines::step);
      List<String> blockers = new ArrayList<>();
      doctor.join().blockers().forEach(f -> blockers.add(f.title() + ": " + f.seen()));
      for (LessonError error : course.errors()) {
        blockers.add("lesson not loaded: " + error);
      }
      Tally tally = Tally.of(results);
      lines.summary(tally, blockers);
      if (junit != null) {
        JunitReport.write(junit, course.name(), results, blockers, started, hostname());
        err.println("rootless-ctr verify: JUnit XML written to " + junit.toAbsolutePath());
      }
      return tally.failed() == 0 && blockers.isEmpty() && !results.isEmpty() ? 0 : 1;
    }
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  /**
   * A step with needs of its own waits for the host diagnosis and is skipped, with its findings,
   * where the host lacks them: the same findings the shell shows a learner.
   */
  record DoctorGate(CompletableFuture<DoctorReport> doctor) implements CourseVerifier.StepGate {
    @Override
    public Optional<String> cannot(Step step) {
      if (step.needs().isEmpty()) {
        return Optional.empty();
      }
      List<String> why =
          doctor.join().blockers(step.needs()).stream()
              .map(f -> f.title() + ": " + f.seen())
              .toList();
      return why.isEmpty()
          ? Optional.empty()
          : Optional.of("this host cannot: " + String.join("; ", why));
    }
  }

  /** Wires the lab's skopeo to the built-in mirror before the first lesson that pulls. */
  private record MirrorPreparation(LabMirror mirror, Path stateDir)
      implements CourseVerifier.Preparation {
    @Override
    public Optional<String> before(Lesson lesson, ShellState state) {
      if (lesson.uses(Requirement.SLIRP4NETNS)) {
        // As the shell does (MirrorWiring): a container reaches it through slirp's gateway.
        try {
          state.put("MIRROR_PORT", Integer.toString(mirror.loopbackPort()));
        } catch (IOException | RuntimeException e) {
          return Optional.of("the built-in mirror could not start: " + e.getMessage());
        }
      }
      if (!lesson.needs().contains(Requirement.MIRROR)) {
        return Optional.empty();
      }
      String path = state.env().getOrDefault("PATH", "");
      try {
        Optional<Path> bin = mirror.wire(stateDir, path);
        if (bin.isPresent() && !path.startsWith(bin.get() + ":")) {
          state.put("PATH", bin.get() + ":" + path);
        }
        return Optional.empty();
      } catch (IOException e) {
        return Optional.of("the offline mirror could not start: " + e.getMessage());
      }
    }
  }
}
