package dev.rootlessctr.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LearnerProgressTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void aRecordSurvivesTheWireAndCarriesNoOtherField() throws Exception {
    LearnerProgress p =
        RoomRoundTripTest.at("Ada", 3, 1, T0, Optional.of("no such file or directory"), 2);
    byte[] json = p.toJson();
    assertEquals(Optional.of(p), LearnerProgress.fromJson(json));
    java.util.Set<String> keys = new java.util.TreeSet<>();
    new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(json)
        .fieldNames()
        .forEachRemaining(keys::add);
    // Exactly what the consent question lists; a new field needs a new question.
    assertEquals(
        new java.util.TreeSet<>(
            List.of(
                "v",
                "sharing",
                "name",
                "course",
                "lessonNumber",
                "lessonTitle",
                "step",
                "steps",
                "stepTitle",
                "stepDone",
                "done",
                "total",
                "stepSince",
                "updated",
                "mistake",
                "mistakeRepeats")),
        keys);
  }

  @Test
  void aWithdrawnRecordSaysNothingAboutTheLearner() {
    String text = new String(LearnerProgress.withdrawn(T0).toJson(), StandardCharsets.UTF_8);
    assertEquals("{\"v\":1,\"sharing\":false,\"updated\":\"2026-12-01T10:00:00Z\"}", text);
  }

  @Test
  void aHostileNameCannotMoveTheInstructorsCursorAndLongTextIsCut() {
    LearnerProgress p =
        RoomRoundTripTest.at(
            "\u001b[2J\u001b]0;owned\u0007Eve\nline2", 1, 1, T0, Optional.of("x".repeat(500)), 1);
    assertFalse(p.name().chars().anyMatch(Character::isISOControl), p.name());
    assertTrue(p.name().endsWith("Eve line2"), p.name());
    assertEquals(LearnerProgress.MAX_TEXT, p.mistake().get().length());
  }

  @Test
  void whatIsNotARecordIsRefused() {
    assertEquals(
        Optional.empty(),
        LearnerProgress.fromJson(
            "{\"v\":2,\"updated\":\"2026-12-01T10:00:00Z\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        Optional.empty(), LearnerProgress.fromJson("[1,2]".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        Optional.empty(),
        LearnerProgress.fromJson(
            "{\"v\":1,\"sharing\":true,\"updated\":\"soon\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        Optional.empty(), LearnerProgress.fromJson(new byte[LearnerProgress.MAX_BYTES + 1]));
  }

  @Test
  void stuckMeansLongOnAStepNotDoneOrTheSameMistakeThreeTimes() {
    RoomTable table = new RoomTable("h:1", Duration.ofMinutes(10), 3);
    Instant now = T0.plus(Duration.ofMinutes(11));
    assertTrue(
        table.stuck(RoomRoundTripTest.at("A", 1, 1, T0, Optional.empty(), 0), now).isPresent());
    assertFalse(
        table
            .stuck(RoomRoundTripTest.at("A", 1, 1, T0.plusSeconds(120), Optional.empty(), 0), now)
            .isPresent());
    assertTrue(
        table.stuck(RoomRoundTripTest.at("A", 1, 1, now, Optional.of("m"), 3), now).isPresent());
    assertFalse(
        table.stuck(RoomRoundTripTest.at("A", 1, 1, now, Optional.of("m"), 2), now).isPresent());
    LearnerProgress done =
        new LearnerProgress(
            true, "A", "c", 1, "t", 1, 1, "s", true, 1, 7, T0, T0, Optional.empty(), 0);
    assertFalse(
        table.stuck(done, now).isPresent(),
        "a learner who finished the step and reads on is not stuck");
  }
}
