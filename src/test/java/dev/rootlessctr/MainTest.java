package dev.rootlessctr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rootlessctr.cli.Environment;
import dev.rootlessctr.process.ProcessRunner;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The front end in-process: {@link Main} with string writers and a map environment. Each bad input
 * that once printed a stack trace (issue 10) has its repro here, for the shell and the doctor
 * alike.
 */
@Timeout(60)
class MainTest {

  @TempDir Path home;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String input, String... args) {
    return runIn(TestPaths.project(), input, args);
  }

  private int runIn(Path project, String input, String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    env.put("XDG_STATE_HOME", home.resolve("state").toString());
    env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
    env.put("LANG", "C.UTF-8");
    // Online mode's doctor asks Docker Hub; a proxy on a closed loopback port keeps that ask on
    // this machine (no name is even resolved) and makes it fail fast, as it would offline.
    env.put("HTTPS_PROXY", "http://127.0.0.1:9");
    Environment environment = new Environment(env, project, false, ProcessRunner.system());
    ByteArrayInputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
    return new Main(new PrintWriter(out, true), new PrintWriter(err, true), in, environment)
        .run(args);
  }

  private void assertOneReason(int status, String reason) {
    assertEquals(2, status, err.toString());
    assertEquals(
        "rootless-ctr: " + reason, err.toString().lines().findFirst().orElse(""), err.toString());
    assertEquals(2, err.toString().lines().count(), "a reason and a hint:\n" + err);
    assertFalse(err.toString().contains("Exception"), err.toString());
  }

  @Test
  void helpGoesToStandardOutputWithExitZero() {
    assertEquals(0, run("", "--help"));
    assertTrue(out.toString().contains("exit status:"), out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertOneReason(run("", "--colour", "never"), "unknown option --colour.");
    assertTrue(err.toString().contains("rootless-ctr --help lists the options."), err.toString());
    assertEquals("", out.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "doctor"})
  void aMissingLessonsFolderIsNamed(String command) {
    assertOneReason(
        run("", args(command, "--lessons", home.resolve("nowhere").toString())),
        "--lessons " + home.resolve("nowhere") + ": there is no such folder.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "doctor"})
  void anUnknownCourseNameListsTheCoursesThatExist(String command) {
    assertOneReason(
        run("", args(command, "--lessons", "deepr")),
        "--lessons deepr: there is no such folder, and no course of that name.");
    assertTrue(err.toString().contains("The courses here: "), err.toString());
    assertTrue(
        err.toString().contains("deeper") && err.toString().contains("rootless"), err.toString());
  }

  @Test
  void lintAndVerifyTakeACourseByNameAndListTheCoursesForAWrongOne() {
    int lint = run("", "lint", "--json", "deeper");
    assertTrue(lint == 0 || lint == 1, "lint judged the course: " + lint + "\n" + err);
    assertTrue(out.toString().startsWith("["), out.toString());
    for (String[] words :
        List.of(
            new String[] {"lint", "deepr"},
            new String[] {"--lessons", "deepr", "lint"},
            new String[] {"verify", "--lessons", "deepr"},
            new String[] {"--lessons", "deepr", "verify"})) {
      err.getBuffer().setLength(0);
      assertEquals(2, run("", words), String.join(" ", words) + ": " + err);
      assertTrue(err.toString().contains("deepr: there is no such folder"), err.toString());
      assertTrue(err.toString().contains("deeper"), err.toString());
      assertFalse(err.toString().contains("Exception"), err.toString());
    }
  }

  @Test
  void aShellStartedOutsideTheProjectNamesTheDefaultCourseItLacks() {
    assertOneReason(
        runIn(home, ""),
        "the course folder " + home.resolve("lessons/rootless") + ": there is no such folder.");
    assertTrue(
        err.toString()
            .contains(
                "Start rootless-ctr from the project folder (./rootless-ctr), or pass --lessons"
                    + " DIR."),
        err.toString());
  }

  @Test
  void theDoctorNeedsNoCourse() throws Exception {
    int status = runIn(home, "", "doctor", "--json", "--registry", "online", "--allow-root");
    assertTrue(
        status == 0 || status == 1,
        "the doctor's own verdict, not a usage error: " + status + "\n" + err);
    assertTrue(
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString()).has("findings"),
        out.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "doctor"})
  void aFileGivenAsLessonsIsNamed(String command) throws Exception {
    Path file = Files.writeString(home.resolve("notes.md"), "# not a course\n");
    assertOneReason(
        run("", args(command, "--lessons", file.toString())),
        "--lessons " + file + " is a file, not a course folder.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "doctor"})
  void theRootFolderAsLessonsIsNamed(String command) {
    assertOneReason(
        run("", args(command, "--lessons", "/")),
        "--lessons / holds no lesson files (named like 01-pull.md).");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "doctor"})
  void anEmptyLabIsRefusedBeforeItBecomesTheWorkingDirectory(String command) {
    assertOneReason(
        run("", args(command, "--lab", "")), "--lab needs a folder name, not an empty string.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "doctor"})
  void aFileGivenAsLabIsNamed(String command) throws Exception {
    Path file = Files.writeString(home.resolve("lab"), "x");
    assertOneReason(
        run("", args(command, "--lab", file.toString())),
        "--lab " + file + " is a file, not a folder.");
    run("", args(command, "--lab", file.resolve("sub").toString()));
    assertTrue(
        err.toString()
            .contains(
                "--lab "
                    + file.resolve("sub")
                    + " cannot be created: "
                    + file
                    + " is not a folder."),
        err.toString());
  }

  @Test
  void aLabTheLearnerMayNotWriteIsNamed() throws Exception {
    assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
    Path locked = Files.createDirectory(home.resolve("locked"));
    locked.toFile().setWritable(false);
    assertOneReason(
        run("", "--lab", locked.resolve("lab").toString()),
        "--lab "
            + locked.resolve("lab")
            + " does not exist and cannot be created: you may not write in "
            + locked
            + ".");
  }

  @Test
  void aLabSomeoneElseOwnsIsRefusedEvenThroughALink() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a folder away");
    Path theirs = Files.createDirectory(home.resolve("theirs"));
    Files.setAttribute(theirs, "unix:uid", 54321);
    assertOneReason(
        run("", "--lab", theirs.toString()),
        "--lab " + theirs + " belongs to uid 54321, not to you (uid 0).");
    Path link = Files.createSymbolicLink(home.resolve("mylab"), theirs);
    err.getBuffer().setLength(0);
    assertOneReason(
        run("", "doctor", "--lab", link.toString()),
        "--lab "
            + link
            + " (it is a link to "
            + theirs
            + ") belongs to uid 54321, not to you (uid 0).");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "doctor"})
  void aBogusRegistryInTheSettingsIsNamedWithTheFile(String command) throws Exception {
    Path settings = settings("{\"registry\": \"bogus\"}");
    assertOneReason(
        run("", args(command)),
        settings
            + ": \"registry\": registry mode is offline, online or workshop=HOST:PORT (found"
            + " 'bogus').");
    assertTrue(
        err.toString().contains("Fix or remove that file, or pass --registry MODE"),
        err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "doctor"})
  void settingsThatAreNotJsonAreNamed(String command) throws Exception {
    Path settings = settings("registry = online\n");
    assertOneReason(run("", args(command)), settings + " is not valid JSON (line 1, column 1).");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "doctor"})
  void aSettingOfTheWrongTypeIsNamed(String command) throws Exception {
    Path settings = settings("{\"registry\": [\"online\"]}");
    assertOneReason(
        run("", args(command)),
        settings + " has \"registry\": an array, but it takes a string such as \"online\".");
    Files.writeString(settings, "[]");
    err.getBuffer().setLength(0);
    assertOneReason(
        run("", args(command)),
        settings + " holds an array, not an object such as {\"registry\": \"online\"}.");
  }

  @Test
  void theCommandLineWinsOverBadSettings() throws Exception {
    settings("{\"registry\": \"bogus\"}");
    int status =
        run(
            ":quit\n",
            "--lessons",
            TestPaths.fixtureCourse().toString(),
            "--lab",
            home.resolve("lab").toString(),
            "--registry",
            "online",
            "--allow-root");
    assertEquals(0, status, out + "\n" + err);
    assertTrue(
        out.toString().contains("Created your lab directory " + home.resolve("lab")),
        out.toString());
  }

  @Test
  void aScriptRunsThroughTheFrontEndWithItsExitStatus() throws Exception {
    int status =
        run(
            "mkdir -p notes\n:check\n",
            "--lessons",
            TestPaths.fixtureCourse().toString(),
            "--lab",
            home.resolve("lab").toString(),
            "--registry",
            "online",
            "--color",
            "never",
            "--allow-root");
    assertEquals(0, status, out + "\n" + err);
    assertTrue(out.toString().contains("PASS Step 1 done: Make a directory"), out.toString());
    assertTrue(Files.isDirectory(home.resolve("lab/notes")));
    try (var files = Files.list(home.resolve("state/rootless-ctr"))) {
      assertTrue(
          files.anyMatch(
              f -> f.getFileName().toString().matches("progress-fixture-[0-9a-f]+\\.json")),
          "progress in the given XDG state dir");
    }
  }

  private Path settings(String text) throws Exception {
    Path file = home.resolve("config/rootless-ctr/settings.json");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static String[] args(String command, String... rest) {
    java.util.List<String> all = new java.util.ArrayList<>();
    if (!command.isEmpty()) {
      all.add(command);
    }
    all.addAll(java.util.List.of(rest));
    return all.toArray(String[]::new);
  }
}
