package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

  @TempDir Path tree;

  private record Result(int status, String out, String err) {}

  private Result run(FakeHost host, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = new DoctorCommand(host.inputs(), ReportFixtures::lessons,
        ReportRenderer.Mode.PLAIN, 80)
        .run(List.of(args), new PrintWriter(out), new PrintWriter(err));
    return new Result(status, out.toString(), err.toString());
  }

  @Test
  void anUnknownArgumentIsAUsageError() {
    Result result = run(FakeHost.healthy(tree), "--frobnicate");
    assertEquals(2, result.status());
    assertEquals("", result.out());
    assertEquals("doctor: unknown argument --frobnicate\n" + DoctorOptions.USAGE + "\n",
        result.err());
  }

  @Test
  void rootIsRefusedWithExitOneAndTheReason() {
    Result result = run(FakeHost.healthy(tree).user(0));
    assertEquals(1, result.status());
    assertTrue(result.out().contains(" FAIL  Not running as root"), result.out());
    assertTrue(result.out().contains("running as root (uid 0)"), result.out());
  }

  @Test
  void allowRootTurnsTheRefusalIntoAWarning() {
    Result result = run(FakeHost.healthy(tree).user(0), "--allow-root", "--json");
    JsonNode json = parse(result.out());
    assertEquals("not-root", json.at("/findings/0/id").asText());
    assertEquals("WARN", json.at("/findings/0/status").asText());
  }

  @Test
  void aMissingToolFailsTheRunAndItsLessonsAreNamed() {
    Result result = run(FakeHost.healthy(tree).remove("/usr/bin/skopeo"));
    assertEquals(1, result.status());
    assertTrue(result.out().contains("affects: lesson 2 (Pull)"), result.out());
    assertTrue(result.out().contains(
        "  sudo apt-get update && sudo apt-get install -y skopeo busybox-static"), result.out());
  }

  @Test
  void jsonIsADocumentWhoseOkMatchesTheExitStatus() {
    Result result = run(FakeHost.healthy(tree), "--json");
    JsonNode json = parse(result.out());
    assertEquals(result.status() == 0, json.get("ok").asBoolean());
    assertEquals(Doctor.forHost(FakeHost.healthy(tree).inputs()).run().findings().size(),
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
