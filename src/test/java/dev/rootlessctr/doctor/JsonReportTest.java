package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

  private final JsonNode json =
      parse(new JsonReport(ReportFixtures::lessons).toJson(ReportFixtures.sample()));

  @Test
  void theTopLevelSaysWhetherAnythingBlocks() {
    assertEquals(List.of("ok", "distro", "user", "findings", "install"), names(json));
    assertFalse(json.get("ok").asBoolean());
    assertEquals("debian", json.at("/distro/id").asText());
    assertEquals("12", json.at("/distro/versionId").asText());
    assertEquals(1001, json.at("/user/uid").asInt());
    assertEquals("learner", json.at("/user/name").asText());
  }

  @Test
  void eachFindingCarriesEveryField() {
    JsonNode runc = json.get("findings").get(2);
    assertEquals(
        List.of(
            "id",
            "title",
            "status",
            "requirement",
            "checked",
            "seen",
            "why",
            "fix",
            "packages",
            "affects"),
        names(runc));
    assertEquals("runc", runc.get("id").asText());
    assertEquals("FAIL", runc.get("status").asText());
    assertEquals("runc", runc.get("requirement").asText());
    assertEquals("lesson 4 (Run)", runc.at("/affects/0").asText());
    assertEquals("lesson 5 (Inside)", runc.at("/affects/1").asText());
    assertEquals("PASS", json.at("/findings/0/status").asText());
    assertEquals("skopeo", json.at("/findings/3/packages/0").asText());
  }

  @Test
  void theInstallOfferHasArgumentListsAndTheDisplayLine() {
    JsonNode install = json.get("install");
    assertEquals(
        "sudo apt-get update && sudo apt-get install -y skopeo", install.get("command").asText());
    assertEquals(
        "[[\"sudo\",\"apt-get\",\"update\"],"
            + "[\"sudo\",\"apt-get\",\"install\",\"-y\",\"skopeo\"]]",
        install.get("steps").toString());
    assertEquals("WITH_PASSWORD", install.get("sudo").asText());
  }

  @Test
  void noOfferIsNull() {
    DoctorReport sample = ReportFixtures.sample();
    DoctorReport without =
        new DoctorReport(
            sample.distro(),
            sample.uid(),
            sample.userName(),
            sample.findings(),
            java.util.Optional.empty());
    assertEquals(
        true, parse(new JsonReport(t -> List.of()).toJson(without)).get("install").isNull());
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode parse(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
