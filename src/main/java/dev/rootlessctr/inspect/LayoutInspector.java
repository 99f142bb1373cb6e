package dev.rootlessctr.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlessctr.host.HumanSize;
import dev.rootlessctr.probe.ProbeContext;
import dev.rootlessctr.probe.ProbeResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An OCI image layout: each ref of its index.json, verified by the lessons' oci-layout probe (every
 * blob against its digest), with its manifest digest and its layers and their sizes.
 */
final class LayoutInspector {

  private static final String REF_NAME = "org.opencontainers.image.ref.name";

  private final Probing probing;

  LayoutInspector(Probing probing) {
    this.probing = probing;
  }

  Inspection inspect(ProbeContext context, String word, Path layout) {
    String title = "OCI image layout " + word + " (" + layout + ")";
    List<Fact> facts = new ArrayList<>();
    JsonNode index;
    try {
      index = new ObjectMapper().readTree(layout.resolve("index.json").toFile());
    } catch (IOException | RuntimeException e) {
      facts.add(
          Fact.unreadable(
              "index.json", "cannot read " + layout.resolve("index.json") + ": " + e.getMessage()));
      return new Inspection(Inspection.Kind.LAYOUT, title, facts);
    }
    JsonNode manifests = index.path("manifests");
    if (!manifests.isArray() || manifests.isEmpty()) {
      facts.add(
          Fact.unreadable(
              "refs", "index.json lists no images: nothing was copied into the layout yet"));
      return new Inspection(Inspection.Kind.LAYOUT, title, facts);
    }
    for (JsonNode entry : manifests) {
      String ref = entry.path("annotations").path(REF_NAME).asText(null);
      if (ref == null) {
        facts.add(
            Fact.of(
                "untagged",
                entry.path("digest").asText("(no digest)")
                    + " (not verified: the probe reads images by tag)"));
        continue;
      }
      facts.add(ref(context, word, layout, ref));
    }
    return new Inspection(Inspection.Kind.LAYOUT, title, facts);
  }

  private Fact ref(ProbeContext context, String word, Path layout, String ref) {
    String label = "ref " + ref;
    ProbeResult probe = probing.run(context, "oci-layout", word, ref);
    if (!probe.passed()) {
      return Fact.unreadable(label, probe.actual());
    }
    List<String> lines = new ArrayList<>();
    String manifest = probe.values().get("manifestDigest");
    lines.add(
        "manifest "
            + manifest
            + " ("
            + probe.values().get("os")
            + "/"
            + probe.values().get("architecture")
            + ", "
            + probe.values().get("sizeHuman")
            + " in all, every blob verified)");
    lines.add("config   " + probe.values().get("configDigest"));
    // The probe verified this manifest against its digest, so its path is safe to read.
    String[] digest = manifest.split(":", 2);
    try {
      JsonNode json =
          new ObjectMapper()
              .readTree(layout.resolve("blobs").resolve(digest[0]).resolve(digest[1]).toFile());
      for (JsonNode layer : json.path("layers")) {
        lines.add(
            "layer    "
                + layer.path("digest").asText()
                + "  "
                + HumanSize.of(layer.path("size").asLong())
                + "  "
                + layer.path("mediaType").asText());
      }
    } catch (IOException | RuntimeException e) {
      lines.add("(its layers cannot be listed: " + e.getMessage() + ")");
    }
    return Fact.of(label, lines);
  }
}
