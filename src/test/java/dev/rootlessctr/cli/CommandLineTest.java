package dev.rootlessctr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.mirror.RegistryMode;
import dev.rootlessctr.render.ColorMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {

  private static Command parse(String... args) throws InputError {
    return CommandLine.parse(List.of(args));
  }

  @Test
  void theShellIsTheDefaultAndDefaultsAreLeftToTheCommand() throws Exception {
    ShellCommand shell =
        assertInstanceOf(ShellCommand.class, parse("--registry", "online", "--color=never"));
    assertEquals(
        new CourseOptions(
            Optional.empty(),
            Optional.empty(),
            Optional.of(RegistryMode.parse("online")),
            ColorMode.NEVER,
            false),
        shell.options());
    assertEquals(
        new CourseOptions(
            Optional.empty(), Optional.empty(), Optional.empty(), ColorMode.AUTO, false),
        assertInstanceOf(ShellCommand.class, parse()).options());
  }

  @Test
  void theDoctorTakesTheShellsOptionsOnEitherSide() throws Exception {
    DoctorCommandLine after =
        assertInstanceOf(
            DoctorCommandLine.class,
            parse(
                "doctor",
                "--registry=workshop=10.0.0.1:5000",
                "--lab",
                "/tmp/lab",
                "--json",
                "--allow-root"));
    assertEquals(
        RegistryMode.parse("workshop=10.0.0.1:5000"), after.options().registry().orElseThrow());
    assertEquals(Optional.of(Path.of("/tmp/lab")), after.options().lab());
    assertTrue(after.json());
    assertTrue(after.options().allowRoot());
    DoctorCommandLine before =
        assertInstanceOf(
            DoctorCommandLine.class, parse("--registry", "online", "--lessons", "x", "doctor"));
    assertEquals(RegistryMode.Kind.ONLINE, before.options().registry().orElseThrow().kind());
    assertEquals(Optional.of(Path.of("x")), before.options().lessons());
    assertEquals(false, before.json());
  }

  @Test
  void theMirrorGetsItsWordsAsTheyAre() throws Exception {
    MirrorCommandLine mirror =
        assertInstanceOf(MirrorCommandLine.class, parse("mirror", "serve", "--port", "5000"));
    assertEquals(List.of("serve", "--port", "5000"), mirror.args());
    InputError e =
        assertThrows(InputError.class, () -> parse("--lab", "/tmp/x", "mirror", "build"));
    assertEquals("--lab does not apply to mirror.", e.reason());
  }

  @Test
  void aCommandThatReadsItsOwnWordsGetsThemAsGiven() throws Exception {
    CommandLine.Subcommand lint =
        OwnWordsCommand.named("lint", Set.of("--lessons"), (context, shared, args) -> args.size());
    SharedOptions course = new SharedOptions();
    Words before = new Words(List.of("--lessons", "lessons/deeper"));
    assertTrue(course.take(before.next(), before));
    Command command = lint.parse(new Words(List.of("--json", "x")), course);
    OwnWordsCommand own = assertInstanceOf(OwnWordsCommand.class, command);
    assertEquals(List.of("--json", "x"), own.args());
    assertEquals(Optional.of(Path.of("lessons/deeper")), own.shared().lessons());
    assertEquals(2, command.run(null));
    SharedOptions shared = new SharedOptions();
    Words root = new Words(List.of("--allow-root"));
    assertTrue(shared.take(root.next(), root));
    InputError e = assertThrows(InputError.class, () -> lint.parse(new Words(List.of()), shared));
    assertEquals("--allow-root does not apply to lint.", e.reason());
  }

  @Test
  void verifyAndLintTakeTheCourseNamedBeforeThemAndTheirOwnWords() throws Exception {
    OwnWordsCommand verify =
        assertInstanceOf(
            OwnWordsCommand.class, parse("--lessons", "/c", "verify", "--tap", "--junit", "r.xml"));
    assertEquals("verify", verify.name());
    assertEquals(Optional.of(Path.of("/c")), verify.shared().lessons());
    assertEquals(List.of("--tap", "--junit", "r.xml"), verify.args());
    assertEquals(
        List.of("--json", "d"),
        assertInstanceOf(OwnWordsCommand.class, parse("lint", "--json", "d")).args());
    InputError lab =
        assertThrows(InputError.class, () -> parse("--lab", "/l", "new-lesson", "d", "n"));
    assertEquals("--lab does not apply to new-lesson.", lab.reason());
  }

  @Test
  void recordNamesTheCastFileAndIsNoThrowawaySession() throws Exception {
    ShellCommand shell = assertInstanceOf(ShellCommand.class, parse("--record", "session.cast"));
    assertEquals(java.util.Optional.of(java.nio.file.Path.of("session.cast")), shell.record());
    assertEquals(
        "--record records a real session; --fresh throws everything away at the end.",
        assertThrows(InputError.class, () -> parse("--fresh", "--record", "x.cast")).reason());
  }

  @Test
  void freshIsAShellOptionThatMakesItsOwnLab() throws Exception {
    assertTrue(assertInstanceOf(ShellCommand.class, parse("--fresh")).fresh());
    assertEquals(false, assertInstanceOf(ShellCommand.class, parse()).fresh());
    assertEquals(
        "--fresh makes its own throwaway lab; drop --lab.",
        assertThrows(InputError.class, () -> parse("--fresh", "--lab", "/tmp/l")).reason());
    assertEquals(
        "--fresh applies to the shell, not to doctor.",
        assertThrows(InputError.class, () -> parse("--fresh", "doctor")).reason());
  }

  @Test
  void helpListsTheExitCodes() throws Exception {
    HelpCommand help = assertInstanceOf(HelpCommand.class, parse("--lab", "x", "-h"));
    assertTrue(help.text().contains("exit status:\n  0  ok\n  1  the work failed"), help.text());
    assertTrue(help.text().contains("  2  usage or input error"), help.text());
    HelpCommand doctor = assertInstanceOf(HelpCommand.class, parse("doctor", "--help"));
    assertTrue(doctor.text().startsWith("usage: rootless-ctr doctor [--json]"), doctor.text());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--colour never | unknown option --colour.",
        "--registry | --registry needs a value.",
        "--color sometimes | --color takes auto, always or never (found 'sometimes').",
        "--lab '' | --lab needs a folder name, not an empty string.",
        "--lessons= | --lessons needs a folder name, not an empty string.",
        "doctor --json=yes | --json takes no value (found --json=yes).",
        "doctor --frobnicate | unknown option --frobnicate for doctor.",
        "doctor extra | unknown command extra for doctor.",
        "--registry workshop=h:99999 | --registry workshop=h:99999: workshop=HOST:PORT, e.g."
            + " workshop=192.168.1.10:5000 (found 'h:99999': the port must be from 1 to 65535, not"
            + " 99999).",
        "--registry hub | --registry hub: registry mode is offline, online or workshop=HOST:PORT"
            + " (found 'hub').",
        "--allow-root=yes | --allow-root takes no value (found --allow-root=yes).",
      })
  void mistakesAreRefusedWithTheReason(String line, String reason) {
    List<String> args = List.of(line.strip().split(" "));
    args = args.stream().map(a -> a.equals("''") ? "" : a).toList();
    List<String> words = args;
    InputError e = assertThrows(InputError.class, () -> CommandLine.parse(words));
    assertEquals(reason, e.reason());
    assertTrue(
        e.hint().endsWith("--help lists the options.")
            || e.hint().endsWith("--help lists its options."),
        e.hint());
  }
}
