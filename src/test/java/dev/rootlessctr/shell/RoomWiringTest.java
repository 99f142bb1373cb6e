package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.TestPaths;
import dev.rootlessctr.exec.PipeLineRunner;
import dev.rootlessctr.render.Style;
import dev.rootlessctr.room.FakeRegistry;
import dev.rootlessctr.room.Publisher;
import dev.rootlessctr.room.RoomCommand;
import dev.rootlessctr.room.RoomConsent;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripted shell in workshop mode, publishing to a registry on 127.0.0.1 only with stored
 * consent.
 */
class RoomWiringTest {

  @TempDir Path root;

  private static final String FAKE_LS =
      "ls() { echo 'ls: cannot open directory /x: Permission denied' >&2; return 2; }; ";

  private String run(FakeRegistry registry, String script) throws Exception {
    ShellHarness harness = new ShellHarness(root, TestPaths.fixtureCourse());
    Printer printer = new Printer(harness.out, Style.of(false), () -> 100);
    ShellSetup.Parts p = harness.parts(printer);
    RoomWiring room =
        new RoomWiring(
            LessonHooks.none(),
            registry.address(),
            root.resolve("config"),
            root.resolve("state"),
            "learner",
            false,
            Clock.systemUTC(),
            Publisher::new);
    ShellSetup.Parts parts =
        new ShellSetup.Parts(
            p.course(),
            p.lab(),
            p.user(),
            p.state(),
            printer,
            p.store(),
            p.progress(),
            p.probes(),
            p.processes(),
            room);
    Path scratch = Files.createTempDirectory(root, "scratch");
    PipeLineRunner runner =
        new PipeLineRunner(
            new WriterStream(harness.out), scratch, Duration.ofSeconds(30), line -> {});
    ShellSetup.forScript(parts, new BufferedReader(new StringReader(script)), runner).run();
    return harness.output();
  }

  private static String table(FakeRegistry registry) {
    StringWriter out = new StringWriter();
    new RoomCommand(false, Clock.systemUTC())
        .run(
            List.of(registry.address(), "--once"),
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter()));
    return out.toString();
  }

  @Test
  void aScriptWithoutStoredConsentNeitherAsksNorPublishes() throws Exception {
    try (FakeRegistry registry = new FakeRegistry()) {
      String out = run(registry, "mkdir -p notes\n:status\n");
      assertFalse(out.contains("Share your progress"), out);
      assertTrue(out.contains("Room:            not sharing (:room on)"), out);
      assertEquals(List.of(), registry.tags());
      assertFalse(
          Files.exists(RoomConsent.file(root.resolve("config"))),
          "a script stored an answer for the learner");
      String refused = run(registry, ":room on\n");
      assertTrue(refused.contains("A script cannot agree for the learner"), refused);
      assertEquals(List.of(), registry.tags());
    }
  }

  @Test
  void withStoredConsentEachCreditAndKnownMistakeReachesTheRoom() throws Exception {
    try (FakeRegistry registry = new FakeRegistry()) {
      new RoomConsent(true, "Ada").save(root.resolve("config"));
      String out =
          run(
              registry,
              "mkdir -p notes\n:next\n:next\n"
                  + FAKE_LS
                  + "ls /does-not-exist\n"
                  + FAKE_LS
                  + "ls /does-not-exist\n");
      assertTrue(
          out.contains(
              "Sharing your progress with the room at " + registry.address() + " as 'Ada'"),
          out);
      assertEquals(1, registry.tags().size());
      String table = table(registry);
      String row =
          table
              .lines()
              .filter(l -> l.startsWith("Ada "))
              .findFirst()
              .orElseThrow(() -> new AssertionError(table));
      assertTrue(row.contains("1. Files and exit codes"), row);
      assertTrue(row.contains("3/3 A command that must fail"), row);
      assertTrue(row.contains("Permission denied x2"), row);
      assertFalse(row.contains("/does-not-exist"), "command output reached the room: " + row);
    }
  }

  @Test
  void roomOffLeavesAnEmptyRecordAndIsRemembered() throws Exception {
    try (FakeRegistry registry = new FakeRegistry()) {
      new RoomConsent(true, "Ada").save(root.resolve("config"));
      run(registry, "mkdir -p notes\n:room off\n");
      String table = table(registry);
      assertTrue(
          table.contains("0 learners sharing") && table.contains("1 stopped sharing."), table);
      assertFalse(RoomConsent.load(root.resolve("config")).orElseThrow().share());
      String again = run(registry, ":next\n:status\n");
      assertTrue(again.contains("Room:            not sharing"), again);
      assertTrue(table(registry).contains("0 learners sharing"));
    }
  }

  @Test
  void onATerminalTheQuestionListsWhatIsSharedAndIsAskedOnce() throws Exception {
    try (FakeRegistry registry = new FakeRegistry()) {
      StringWriter text = new StringWriter();
      Printer printer = new Printer(new PrintWriter(text, true), Style.of(false), () -> 200);
      List<String> asked = new java.util.ArrayList<>();
      RoomWiring first =
          new RoomWiring(
              LessonHooks.none(),
              registry.address(),
              root.resolve("config"),
              root.resolve("state"),
              "learner",
              true,
              Clock.systemUTC(),
              Publisher::new);
      first.changed(
          new ProgressListener.Standing(
              "c", 2, "Unpack", 1, 1, "Unpack it", false, 1, 7, java.util.Optional.empty(), 0));
      first.started(printer, q -> asked.add(q));
      first.close();
      assertEquals(List.of("Share your progress with the room? [y/N] "), asked);
      assertTrue(
          text.toString().contains("Shared: " + RoomConsent.WHAT_IS_SHARED), text.toString());
      assertTrue(text.toString().contains("You appear as 'learner'"), text.toString());
      assertTrue(RoomConsent.load(root.resolve("config")).orElseThrow().share());
      assertTrue(
          table(registry)
              .lines()
              .anyMatch(l -> l.startsWith("learner ") && l.contains("2. Unpack")),
          table(registry));

      RoomWiring second =
          new RoomWiring(
              LessonHooks.none(),
              registry.address(),
              root.resolve("config"),
              root.resolve("state"),
              "learner",
              true,
              Clock.systemUTC(),
              Publisher::new);
      second.started(
          printer,
          q -> {
            throw new AssertionError("asked again: " + q);
          });
      second.close();
      assertEquals(1, registry.tags().size(), "the learner's id changed between sittings");
    }
  }

  @Test
  void aNoIsStoredTooAndNothingIsPublished() throws Exception {
    try (FakeRegistry registry = new FakeRegistry()) {
      Printer printer =
          new Printer(new PrintWriter(new StringWriter(), true), Style.of(false), () -> 200);
      RoomWiring wiring =
          new RoomWiring(
              LessonHooks.none(),
              registry.address(),
              root.resolve("config"),
              root.resolve("state"),
              "learner",
              true,
              Clock.systemUTC(),
              Publisher::new);
      wiring.started(printer, q -> false);
      wiring.changed(
          new ProgressListener.Standing(
              "c", 2, "Unpack", 1, 1, "Unpack it", true, 2, 7, java.util.Optional.empty(), 0));
      wiring.close();
      assertFalse(RoomConsent.load(root.resolve("config")).orElseThrow().share());
      assertEquals(List.of(), registry.tags());
    }
  }

  @Test
  void aResetStepIsToldToTheRoomToo() throws Exception {
    try (FakeRegistry registry = new FakeRegistry()) {
      new RoomConsent(true, "Ada").save(root.resolve("config"));
      run(registry, "mkdir -p notes\n:reset step --yes\n");
      String row =
          table(registry).lines().filter(l -> l.startsWith("Ada ")).findFirst().orElseThrow();
      assertTrue(row.contains("1/3 Make a directory") && row.contains("0/5"), row);
    }
  }
}
