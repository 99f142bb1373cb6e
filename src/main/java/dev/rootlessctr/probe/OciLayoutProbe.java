package dev.rootlessctr.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlessctr.host.HumanSize;
import dev.rootlessctr.oci.Descriptor;
import dev.rootlessctr.oci.MediaTypes;
import dev.rootlessctr.oci.OciLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code oci-layout DIR [TAG]}: an OCI image layout whose index leads to a manifest, config and
 * layers that are all present with the digests and sizes promised.
 */
final class OciLayoutProbe implements Probe {

  @Override
  public String name() {
    return "oci-layout";
  }

  @Override
  public String usage() {
    return "oci-layout DIR [TAG]";
  }

  @Override
  public List<String> valueNames() {
    return List.of(
        "tag",
        "manifestDigest",
        "configDigest",
        "layers",
        "size",
        "sizeHuman",
        "architecture",
        "os");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 1, 2);
    String shown = PathWords.withoutTrailingSlash(args.get(0));
    String tag = args.size() == 2 ? args.get(1) : null;
    String expected =
        "an OCI image layout in "
            + shown
            + (tag == null ? "" : " with an image tagged " + tag)
            + ", every blob present and intact";
    try {
      VerifiedImage image = verify(context.resolve(shown), shown, tag);
      Map<String, String> values = new HashMap<>();
      values.put("tag", image.tag());
      values.put("manifestDigest", image.manifest().digest().toString());
      values.put("configDigest", image.config().digest().toString());
      values.put("layers", Integer.toString(image.layers().size()));
      values.put("size", Long.toString(image.size()));
      values.put("sizeHuman", HumanSize.of(image.size()));
      values.put("architecture", image.platform().path("architecture").asText(""));
      values.put("os", image.platform().path("os").asText(""));
      return ProbeResult.pass(
          expected,
          shown
              + ":"
              + image.tag()
              + " is "
              + values.get("os")
              + "/"
              + values.get("architecture")
              + ", "
              + image.layers().size()
              + " layer(s), "
              + values.get("sizeHuman")
              + ", all blobs verified",
          values);
    } catch (Unmet unmet) {
      return ProbeResult.fail(expected, unmet.getMessage());
    }
  }

  /** An image whose manifest, config and layers were all found intact. */
  private record VerifiedImage(
      String tag,
      Descriptor manifest,
      Descriptor config,
      JsonNode platform,
      List<Descriptor> layers) {

    long size() {
      return manifest.size() + config.size() + layers.stream().mapToLong(Descriptor::size).sum();
    }
  }

  private static VerifiedImage verify(Path layout, String shown, String tag)
      throws Unmet, IOException {
    checkLayoutMarker(layout, shown);
    LayoutBlobs blobs = new LayoutBlobs(new OciLayout(layout), shown);
    JsonNode chosen = chooseManifest(layout, shown, tag);
    String chosenTag = chosen.path("annotations").path(OciLayout.REF_NAME).asText("(untagged)");
    Descriptor manifestRef = LayoutBlobs.descriptor(chosen, shown + "/index.json");
    if (MediaTypes.OCI_INDEX.equals(manifestRef.mediaType())) {
      throw new Unmet(
          "the image tagged " + chosenTag + " is a multi-platform index; copy a single platform");
    }
    JsonNode manifest =
        JsonFile.parse(
            text(blobs.readVerified(manifestRef, "index.json")),
            "manifest " + manifestRef.digest().shortForm());
    Descriptor configRef = LayoutBlobs.descriptor(manifest.path("config"), "the manifest's config");
    JsonNode config =
        JsonFile.parse(
            text(blobs.readVerified(configRef, "the manifest")),
            "config " + configRef.digest().shortForm());
    List<Descriptor> layers = layers(manifest);
    for (Descriptor layer : layers) {
      blobs.verify(layer, "the manifest");
    }
    return new VerifiedImage(chosenTag, manifestRef, configRef, config, layers);
  }

  private static void checkLayoutMarker(Path layout, String shown) throws Unmet, IOException {
    if (!Files.exists(layout)) {
      throw new Unmet(shown + " does not exist: the image has not been pulled into it yet");
    }
    if (!Files.isDirectory(layout)) {
      throw new Unmet(shown + " is a file, not an image layout directory");
    }
    JsonNode marker =
        JsonFile.read(
            layout.resolve("oci-layout"),
            shown + "/oci-layout",
            shown + " is not an OCI image layout (or the copy into it did not finish)");
    if (!marker.path("imageLayoutVersion").isTextual()) {
      throw new Unmet(shown + "/oci-layout has no \"imageLayoutVersion\"");
    }
  }

  private static JsonNode chooseManifest(Path layout, String shown, String tag)
      throws Unmet, IOException {
    String indexName = shown + "/index.json";
    JsonNode index =
        JsonFile.read(
            layout.resolve("index.json"), indexName, "the layout has not been pulled yet");
    JsonNode manifests = index.path("manifests");
    if (!manifests.isArray() || manifests.isEmpty()) {
      throw new Unmet(indexName + " lists no images: nothing has been copied into the layout yet");
    }
    if (tag == null) {
      return manifests.get(0);
    }
    List<String> tags = new ArrayList<>();
    for (JsonNode entry : manifests) {
      String name = entry.path("annotations").path(OciLayout.REF_NAME).asText(null);
      if (tag.equals(name)) {
        return entry;
      }
      tags.add(name == null ? "(untagged)" : name);
    }
    throw new Unmet(
        indexName
            + " has no image tagged \""
            + tag
            + "\" (tags present: "
            + String.join(", ", tags)
            + ")");
  }

  private static List<Descriptor> layers(JsonNode manifest) throws Unmet {
    JsonNode layers = manifest.path("layers");
    if (!layers.isArray() || layers.isEmpty()) {
      throw new Unmet("the manifest lists no layers: there is no file system to unpack");
    }
    List<Descriptor> descriptors = new ArrayList<>();
    for (JsonNode layer : layers) {
      descriptors.add(LayoutBlobs.descriptor(layer, "the manifest's layers"));
    }
    return descriptors;
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }
}
