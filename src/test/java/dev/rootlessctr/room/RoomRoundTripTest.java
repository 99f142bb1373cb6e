package dev.rootlessctr.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Publishers push to a registry on 127.0.0.1 and the room command reads them back. */
class RoomRoundTripTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  static LearnerProgress at(
      String name, int lesson, int step, Instant since, Optional<String> mistake, int repeats) {
    return new LearnerProgress(
        true,
        name,
        "rootless",
        lesson,
        "Lesson " + lesson,
        step,
        2,
        "Step " + step,
        false,
        lesson - 1,
        7,
        since,
        since,
        mistake,
        repeats);
  }

  private static String once(String address, Instant now, String... extra) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new java.util.ArrayList<>(List.of(address, "--once"));
    args.addAll(List.of(extra));
    int status =
        new RoomCommand(false, Clock.fixed(now, ZoneOffset.UTC))
            .run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, status, err.toString());
    return out.toString();
  }

  @Test
  void twoLearnersAtDifferentStepsAppearWithTheirLessonAndStep() throws Exception {
    try (FakeRegistry registry = new FakeRegistry()) {
      try (Publisher ada = new Publisher(registry.address(), "aaaaaaaaaaaaaaaa");
          Publisher bob = new Publisher(registry.address(), "bbbbbbbbbbbbbbbb")) {
        ada.publish(at("Ada", 2, 1, T0, Optional.empty(), 0));
        bob.publish(at("Bob", 4, 2, T0.minusSeconds(900), Optional.of("permission denied"), 3));
      }
      assertEquals(List.of("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"), registry.tags());
      String table = once(registry.address(), T0.plusSeconds(65));
      List<String> lines = table.lines().toList();
      assertTrue(
          lines
              .get(0)
              .startsWith("Room at " + registry.address() + ": 2 learners sharing, 1 looks stuck"),
          table);
      int ada = indexOf(lines, "Ada ");
      int bob = indexOf(lines, "Bob ");
      assertTrue(ada > 0 && bob == ada + 1, table);
      assertTrue(
          lines.get(ada).matches("Ada +2\\. Lesson 2 +1/2 Step 1 +1m05s +1/7 +- *"),
          lines.get(ada));
      assertTrue(lines.get(bob).contains("4. Lesson 4"), lines.get(bob));
      assertTrue(lines.get(bob).contains("2/2 Step 2"), lines.get(bob));
      assertTrue(lines.get(bob).contains("16m05s"), lines.get(bob));
      assertTrue(lines.get(bob).contains("permission denied x3"), lines.get(bob));
      assertTrue(lines.get(bob).endsWith("STUCK: 16 min on this step"), lines.get(bob));
      assertFalse(lines.get(ada).contains("STUCK"), lines.get(ada));
    }
  }

  @Test
  void anUnchangedLearnerCostsA304AndNoBlobOnTheNextRound() throws Exception {
    try (FakeRegistry registry = new FakeRegistry()) {
      try (Publisher ada = new Publisher(registry.address(), "aaaaaaaaaaaaaaaa")) {
        ada.publish(at("Ada", 1, 1, T0, Optional.empty(), 0));
      }
      RoomReader reader = new RoomReader(new RegistryClient(registry.address(), 2000, 2000));
      assertEquals("Ada", reader.read().learners().get(0).name());
      assertEquals(1, registry.blobGets.get());
      assertEquals("Ada", reader.read().learners().get(0).name());
      assertEquals(1, registry.blobGets.get(), "the config blob was fetched again");
      assertEquals(1, registry.notModified.get());
      try (Publisher ada = new Publisher(registry.address(), "aaaaaaaaaaaaaaaa")) {
        ada.publish(at("Ada", 3, 1, T0, Optional.empty(), 0));
      }
      assertEquals(3, reader.read().learners().get(0).lessonNumber());
      assertEquals(2, registry.blobGets.get());
    }
  }

  @Test
  void aLearnerWhoStoppedSharingIsCountedButNotShown() throws Exception {
    try (FakeRegistry registry = new FakeRegistry()) {
      try (Publisher ada = new Publisher(registry.address(), "aaaaaaaaaaaaaaaa")) {
        ada.publish(at("Ada", 1, 1, T0, Optional.empty(), 0));
        ada.publish(LearnerProgress.withdrawn(T0));
      }
      String table = once(registry.address(), T0);
      assertTrue(table.contains("0 learners sharing"), table);
      assertTrue(table.contains("1 stopped sharing."), table);
      assertFalse(table.contains("Ada"), table);
    }
  }

  @Test
  void aRegistryThatFailsIsReportedOnceAndNeverThrows() throws Exception {
    try (FakeRegistry registry = new FakeRegistry()) {
      registry.down = true;
      Publisher ada = new Publisher(registry.address(), "aaaaaaaaaaaaaaaa");
      ada.publish(at("Ada", 1, 1, T0, Optional.empty(), 0));
      ada.close();
      Optional<String> failure = ada.takeFailure();
      assertTrue(failure.isPresent());
      assertTrue(
          failure
              .get()
              .contains(
                  "did not take your progress (the registry refused a blob upload (HTTP 503))"),
          failure.get());
      assertTrue(ada.takeFailure().isEmpty(), "a failure is told once");

      StringWriter err = new StringWriter();
      int status =
          new RoomCommand(false, Clock.systemUTC())
              .run(
                  List.of(registry.address(), "--once"),
                  new PrintWriter(new StringWriter()),
                  new PrintWriter(err, true));
      assertEquals(1, status);
      assertTrue(
          err.toString()
              .contains("cannot be read: listing rootless-ctr-room/progress failed (HTTP 503)"),
          err.toString());
    }
  }

  @Test
  void usageErrorsExitTwo() {
    StringWriter err = new StringWriter();
    assertEquals(
        2,
        new RoomCommand(false, Clock.systemUTC())
            .run(
                List.of("--once"),
                new PrintWriter(new StringWriter()),
                new PrintWriter(err, true)));
    assertTrue(err.toString().contains("which room?"), err.toString());
    assertEquals(
        2,
        new RoomCommand(false, Clock.systemUTC())
            .run(
                List.of("x:1", "--every", "0"),
                new PrintWriter(new StringWriter()),
                new PrintWriter(err, true)));
  }

  private static int indexOf(List<String> lines, String start) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i;
      }
    }
    return -1;
  }
}
