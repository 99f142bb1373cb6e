package dev.rootlessctr.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlessctr.probe.ProbeContext;
import dev.rootlessctr.probe.ProbeResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bundle: what its config.json asks of runc, read with the lessons' config probe, and how it
 * differs from what {@code runc spec --rootless} writes on this machine.
 */
final class BundleInspector {

  private final Probing probing;
  private final DefaultSpec defaults;

  BundleInspector(Probing probing, DefaultSpec defaults) {
    this.probing = probing;
    this.defaults = defaults;
  }

  Inspection inspect(ProbeContext context, String word, Path config) {
    String title = "Bundle " + word + " (" + config + ")";
    List<Fact> facts = new ArrayList<>();
    ProbeResult probe = probing.run(context, "config", word);
    Map<String, String> v = probe.values();
    if (v.isEmpty()) {
      facts.add(Fact.unreadable("config.json", probe.actual()));
      return new Inspection(Inspection.Kind.BUNDLE, title, facts);
    }
    facts.add(Fact.of("args", v.get("args")));
    facts.add(Fact.of("user", v.get("user") + " (uid:gid inside), cwd " + v.get("cwd")));
    facts.add(Fact.of("terminal", v.get("terminal")));
    facts.add(Fact.of("readonly", v.get("readonly") + " (root.readonly)"));
    facts.add(Fact.of("namespaces", v.get("namespaces")));
    facts.add(Fact.of("uid mappings", v.get("uidMapping")));
    facts.add(Fact.of("gid mappings", v.get("gidMapping")));
    facts.add(
        Fact.of("capabilities", v.get("capabilityCount") + " bounding: " + v.get("capabilities")));
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(config.toFile());
    } catch (IOException | RuntimeException e) {
      facts.add(Fact.unreadable("mounts", "cannot read " + config + " again: " + e.getMessage()));
      return new Inspection(Inspection.Kind.BUNDLE, title, facts);
    }
    List<String> mounts = new ArrayList<>();
    json.path("mounts")
        .forEach(
            m ->
                mounts.add(
                    (m.path("destination").asText("?")
                                + " "
                                + m.path("type").asText("?")
                                + " "
                                + String.join(",", texts(m.path("options"))))
                            .strip()
                        + (m.path("source").asText("").startsWith("/")
                            ? " <- " + m.path("source").asText()
                            : "")));
    facts.add(mounts.isEmpty() ? Fact.of("mounts", "none") : Fact.of("mounts", mounts));
    if (!probe.passed()) {
      facts.add(Fact.of("rootless?", probe.actual()));
    }
    DefaultSpec.Answer answer = defaults.get();
    if (answer.spec().isEmpty()) {
      facts.add(Fact.unreadable("vs default", answer.whyNot()));
    } else {
      List<String> diff = SpecDiff.between(answer.spec().get(), json);
      facts.add(
          Fact.of(
              "vs default",
              diff.isEmpty() ? List.of("the same as runc spec --rootless writes here") : diff));
    }
    return new Inspection(Inspection.Kind.BUNDLE, title, facts);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
