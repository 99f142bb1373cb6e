package dev.rootlessctr.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * Renders a report as a JSON document for scripts.
 *
 * <p>Shape: {@code {ok, distro: {id, idLike, versionId, name}, user: {uid, name}, findings: [{id,
 * title, status, requirement, checked, seen, why, fix, packages, affects}], install: null |
 * {packages, steps, command, sudo}}}.
 */
public final class JsonReport {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Function<String, List<String>> lessonsByTag;

  /** A renderer that lists, per finding, the lessons {@code lessonsByTag} says need its tag. */
  public JsonReport(Function<String, List<String>> lessonsByTag) {
    this.lessonsByTag = lessonsByTag;
  }

  /** The report as a JSON tree. */
  public ObjectNode toTree(DoctorReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("ok", report.ok());
    ObjectNode distro = root.putObject("distro");
    distro.put("id", report.distro().id());
    report.distro().idLike().forEach(distro.putArray("idLike")::add);
    distro.put("versionId", report.distro().versionId());
    distro.put("name", report.distro().prettyName());
    ObjectNode user = root.putObject("user");
    user.put("uid", report.uid());
    user.put("name", report.userName());
    ArrayNode findings = root.putArray("findings");
    for (Finding finding : report.findings()) {
      ObjectNode node = findings.addObject();
      node.put("id", finding.id());
      node.put("title", finding.title());
      node.put("status", finding.status().name());
      node.put("requirement", finding.requirement().tag());
      node.put("checked", finding.checked());
      node.put("seen", finding.seen());
      node.put("why", finding.why());
      node.put("fix", finding.fix());
      finding.packages().forEach(node.putArray("packages")::add);
      List<String> lessons = lessonsByTag.apply(finding.requirement().tag());
      ArrayNode affects = node.putArray("affects");
      if (lessons != null) {
        lessons.forEach(affects::add);
      }
    }
    report
        .installOffer()
        .ifPresentOrElse(
            offer -> {
              ObjectNode install = root.putObject("install");
              offer.packages().forEach(install.putArray("packages")::add);
              ArrayNode steps = install.putArray("steps");
              offer.steps().forEach(step -> step.forEach(steps.addArray()::add));
              install.put("command", offer.display());
              install.put("sudo", offer.sudo().name());
            },
            () -> root.putNull("install"));
    return root;
  }

  /** The report as indented JSON text. */
  public String toJson(DoctorReport report) {
    try {
      return MAPPER.writeValueAsString(toTree(report));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
