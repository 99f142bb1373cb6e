package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

  @TempDir Path tree;

  private record Result(int status, String out) {}

  private Result run(FakeHost host, boolean json) {
    return run(host.inputs(), json);
  }

  private Result run(DoctorInputs inputs, boolean json) {
    StringWriter out = new StringWriter();
    int status =
        new DoctorCommand(inputs, ReportFixtures::lessons, ReportRenderer.Mode.PLAIN, 80)
            .run(json, new PrintWriter(out));
    return new Result(status, out.toString());
  }

  @Test
  void rootIsRefusedWithExitOneAndTheReason() {
    Result result = run(FakeHost.healthy(tree).user(0), false);
    assertEquals(1, result.status());
    assertTrue(result.out().contains(" FAIL  Not running as root"), result.out());
    assertTrue(result.out().contains("running as root (uid 0)"), result.out());
  }

  @Test
  void allowRootTurnsTheRefusalIntoAWarning() {
    Result result = run(FakeHost.healthy(tree).user(0).inputs().withAllowRoot(true), true);
    JsonNode json = parse(result.out());
    assertEquals("not-root", json.at("/findings/0/id").asText());
    assertEquals("WARN", json.at("/findings/0/status").asText());
  }

  @Test
  void aMissingToolFailsTheRunAndItsLessonsAreNamed() {
    Result result = run(FakeHost.healthy(tree).remove("/usr/bin/skopeo"), false);
    assertEquals(1, result.status());
    assertTrue(result.out().contains("affects: lesson 2 (Pull)"), result.out());
    assertTrue(
        result
            .out()
            .contains("  sudo apt-get update && sudo apt-get install -y skopeo busybox-static"),
        result.out());
  }

  @Test
  void jsonIsADocumentWhoseOkMatchesTheExitStatus() {
    Result result = run(FakeHost.healthy(tree), true);
    JsonNode json = parse(result.out());
    assertEquals(result.status() == 0, json.get("ok").asBoolean());
    assertEquals(
        Doctor.forHost(FakeHost.healthy(tree).inputs()).run().findings().size(),
        json.get("findings").size());
  }

  private static JsonNode parse(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
