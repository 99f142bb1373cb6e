package dev.rootlessctr.shell;

import dev.rootlessctr.doctor.Doctor;
import dev.rootlessctr.doctor.DoctorInputs;
import dev.rootlessctr.doctor.DoctorReport;
import dev.rootlessctr.doctor.Finding;
import dev.rootlessctr.doctor.InstallOffer;
import dev.rootlessctr.doctor.MirrorStatus;
import dev.rootlessctr.doctor.RegistryReach;
import dev.rootlessctr.doctor.ReportRenderer;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Requirement;
import dev.rootlessctr.lesson.Step;
import dev.rootlessctr.mirror.LabMirror;
import dev.rootlessctr.mirror.RegistryMode;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Connects the host diagnosis and the lab mirror to the shell: the doctor runs in the background
 * from the start (so the first prompt does not wait for it), its full table on the very first start
 * and with {@code :doctor}, and its blocking findings before the first command of a lesson that
 * needs what is missing.
 */
public final class HostHooks implements LessonHooks {

  private final DoctorInputs inputs;
  private final Course course;
  private final boolean firstStart;
  private final boolean interactive;
  private final Map<String, String> env;
  private final List<MirrorHook> mirrors;
  private CompletableFuture<DoctorReport> report;

  /** The quick diagnosis shown at the first start, until the full one is compared with it. */
  private DoctorReport brief;

  private final java.util.Set<Lesson> diagnosed = new java.util.HashSet<>();

  /** Work a lesson needs done before it runs, such as wiring the offline mirror. */
  public interface MirrorHook {
    /** Prepares for {@code lesson}; prints what it did. */
    void beforeLesson(Lesson lesson, Printer printer);

    List<String> status();

    void close();
  }

  public HostHooks(
      DoctorInputs inputs,
      Course course,
      boolean firstStart,
      boolean interactive,
      Map<String, String> env,
      List<MirrorHook> mirrors) {
    this.interactive = interactive;
    this.inputs = inputs;
    this.course = course;
    this.firstStart = firstStart;
    this.env = env;
    this.mirrors = List.copyOf(mirrors);
  }

  /** For "affects:" lines: the lessons that need a requirement tag. */
  public static Function<String, List<String>> lessonsByTag(Course course) {
    Map<String, List<String>> byTag = new LinkedHashMap<>();
    for (Lesson lesson : course.lessons()) {
      for (Requirement need : lesson.needs()) {
        byTag
            .computeIfAbsent(need.tag(), t -> new ArrayList<>())
            .add("lesson " + lesson.number() + " (" + lesson.title() + ")");
      }
      for (Step step : lesson.steps()) {
        for (Requirement need : step.needs()) {
          if (!lesson.needs().contains(need)) {
            byTag
                .computeIfAbsent(need.tag(), t -> new ArrayList<>())
                .add(
                    "lesson "
                        + lesson.number()
                        + ", step "
                        + step.number()
                        + " ("
                        + step.title()
                        + "; skipped where the host cannot)");
          }
        }
      }
    }
    return tag -> byTag.getOrDefault(tag, List.of());
  }

  /**
   * What the doctor asks about the registry of {@code mirror}'s mode: the built-in mirror (started
   * for the question), the instructor's registry, or none when online.
   */
  public static MirrorStatus mirrorStatus(LabMirror mirror, Map<String, String> env) {
    RegistryMode mode = mirror.mode();
    return switch (mode.kind()) {
      case ONLINE ->
          MirrorStatus.online("Docker Hub", RegistryReach.DOCKER_HUB, Duration.ofSeconds(3), env);
      case WORKSHOP -> MirrorStatus.of(mode.workshopAddress(), mirror::answering);
      case OFFLINE -> MirrorStatus.of("127.0.0.1 (" + mode + ")", mirror::answering);
    };
  }

  @Override
  public void started(Printer printer, Predicate<String> confirm) {
    // On a terminal, half a second later the prompt is up and the doctor's dozen small processes
    // no longer compete with it for the two cores a laptop may have. A script needs the answer
    // before its first command, so it starts at once.
    boolean delay = interactive && !firstStart;
    // Before the very first prompt a learner waits for the diagnosis: that one skips the
    // runtimes' test containers, and the full one follows in the background for the lessons.
    boolean quickFirst = interactive && firstStart;
    CompletableFuture<DoctorReport> first =
        quickFirst
            ? CompletableFuture.completedFuture(Doctor.forHost(inputs.withSmokeRuns(false)).run())
            : null;
    report =
        CompletableFuture.supplyAsync(
            () -> Doctor.forHost(inputs).run(),
            delay || quickFirst
                ? CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS)
                : ForkJoinPool.commonPool());
    if (firstStart) {
      printer.line("First start: checking this host for rootless containers...");
      DoctorReport shown = (first != null ? first : report).join();
      brief = first == null ? null : first.join();
      render(shown, printer, true);
      if (!shown.ok()) {
        printer.warning(
            "Something above blocks part of the course; :doctor shows this again after you fix"
                + " it.");
        if (interactive) {
          shown.installOffer().ifPresent(offer -> offerInstall(offer, printer, confirm));
        }
      } else if (shown.findings().stream()
          .anyMatch(f -> f.status() != dev.rootlessctr.doctor.Status.PASS)) {
        printer.note(":doctor explains each finding: why it matters and what was checked.");
      }
    }
  }

  @Override
  public void beforeLesson(Lesson lesson, Printer printer) {
    for (MirrorHook mirror : mirrors) {
      mirror.beforeLesson(lesson, printer);
    }
    correctBrief(printer);
    if (diagnosed.contains(lesson)) {
      return; // its blockers, if any, were shown before an earlier command
    }
    // A command never waits for the diagnosis: if it is still running (a script's first line),
    // the lesson's blockers are shown before the next command instead.
    DoctorReport now = report == null ? currentReport() : report.getNow(null);
    if (now == null) {
      return;
    }
    diagnosed.add(lesson);
    List<Finding> blockers = now.blockers(lesson.needs());
    if (blockers.isEmpty()) {
      return;
    }
    printer.warning("Lesson " + lesson.number() + " needs something this host lacks:");
    for (Finding finding : blockers) {
      printer.failure(finding.title() + ": " + finding.seen());
      printer.labelled("    fix: ", finding.fix());
    }
    printer.note("You can still try; :doctor shows the whole diagnosis.");
    return;
  }

  /**
   * The quick diagnosis of the first start finds runtimes without starting a container, so it
   * listed crun among the passes on a host where crun cannot start one. Once the full diagnosis is
   * in, whatever it found worse is said, before the next command, so nothing said earlier stands
   * uncorrected.
   */
  private void correctBrief(Printer printer) {
    DoctorReport full = brief == null || report == null ? null : report.getNow(null);
    if (full == null) {
      return;
    }
    Map<String, Finding> before = new LinkedHashMap<>();
    brief.findings().forEach(f -> before.put(f.id(), f));
    brief = null;
    List<Finding> worse =
        full.findings().stream()
            .filter(f -> before.containsKey(f.id()))
            .filter(f -> f.status().compareTo(before.get(f.id()).status()) > 0)
            .toList();
    if (worse.isEmpty()) {
      return;
    }
    printer.warning("The full check of this host, which starts test containers, found more:");
    for (Finding finding : worse) {
      String line = finding.title() + ": " + finding.seen();
      if (finding.blocks()) {
        printer.failure(line);
      } else {
        printer.warning(line);
      }
    }
    printer.note(":doctor shows why each matters and what to do.");
  }

  @Override
  public List<Finding> stepBlockers(Step step) {
    if (step.needs().isEmpty()) {
      return List.of();
    }
    // Asked when the learner reaches such a step: worth the wait for a diagnosis still running.
    DoctorReport now = report == null ? currentReport() : report.join();
    return now.blockers(step.needs());
  }

  @Override
  public boolean courseBlocked(Printer printer) {
    DoctorReport last = report == null ? currentReport() : report.join();
    // Only what this course's lessons need: a course without a pull is not blocked by a
    // registry that cannot be reached.
    java.util.Set<Requirement> needs = new java.util.HashSet<>();
    course.lessons().forEach(l -> needs.addAll(l.needs()));
    List<Finding> blocking = last.blockers(needs);
    if (blocking.isEmpty()) {
      return false;
    }
    List<String> ids = blocking.stream().map(Finding::id).distinct().toList();
    printer.failure(
        "This host cannot do the whole course ("
            + String.join(", ", ids)
            + "): :doctor says why and how to fix it.");
    return true;
  }

  private DoctorReport currentReport() {
    if (report == null) {
      report = CompletableFuture.completedFuture(Doctor.forHost(inputs).run());
    }
    return report.join();
  }

  @Override
  public void doctor(Printer printer, Predicate<String> confirm) {
    DoctorReport fresh = Doctor.forHost(inputs).run();
    report = CompletableFuture.completedFuture(fresh);
    render(fresh, printer, false);
    fresh.installOffer().ifPresent(offer -> offerInstall(offer, printer, confirm));
  }

  private void render(DoctorReport doctorReport, Printer printer, boolean brief) {
    ReportRenderer.Mode mode =
        ReportRenderer.Mode.of(printer.style().color(), printer.style().unicode());
    printer.text(
        new ReportRenderer(mode, printer.width(), lessonsByTag(course))
            .toText(doctorReport, brief));
  }

  private void offerInstall(InstallOffer offer, Printer printer, Predicate<String> confirm) {
    printer.line("One command installs what is missing:");
    printer.styled("    " + offer.display(), printer.style().code());
    if (!offer.sudo().canInstall()) {
      printer.note("(You cannot use sudo here: ask someone who can to run it.)");
      return;
    }
    if (offer.sudo() == dev.rootlessctr.doctor.SudoAccess.WITH_PASSWORD) {
      // sudo will ask for a password, which needs the real terminal: the prompt provides it.
      printer.note("Type it at the prompt to run it; sudo will ask for your password.");
      return;
    }
    try {
      InstallOffer.Outcome outcome =
          offer.runIfConsented(
              command -> confirm.test("Run it now? [y/N] "),
              ProcessRunner.system(),
              Path.of("/"),
              env);
      if (outcome.consented()) {
        if (outcome.installed()) {
          printer.success("Installed. :doctor checks again.");
        } else {
          printer.failure("The install did not finish:");
          outcome.steps().forEach(step -> printer.line(step.stderr().strip()));
        }
      }
    } catch (IOException e) {
      printer.failure("could not run the install: " + e.getMessage());
    }
  }

  @Override
  public List<String> status() {
    List<String> lines = new ArrayList<>();
    mirrors.forEach(m -> lines.addAll(m.status()));
    return lines;
  }

  @Override
  public void close() {
    mirrors.forEach(MirrorHook::close);
  }
}
