package dev.rootlessctr.probe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The config.json that {@code runc spec --rootless} (1.1.5) wrote for learner, to edit in tests.
 */
final class Specs {

  private Specs() {}

  static ObjectNode recorded() {
    try {
      return (ObjectNode)
          JsonFile.MAPPER.readTree(FakeRunc.recorded("runc-1.1.5-spec-rootless.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {"destination": D, "type": T, "source": S, "options": [...]}, as the course adds it. */
  static ObjectNode mount(String destination, String type, String source, String... options) {
    ObjectNode mount = JsonFile.MAPPER.createObjectNode();
    mount.put("destination", destination).put("type", type).put("source", source);
    ArrayNode list = mount.putArray("options");
    for (String option : options) {
      list.add(option);
    }
    return mount;
  }

  static void write(Path bundle, ObjectNode spec) throws IOException {
    ProbeLab.write(
        bundle.resolve("config.json"),
        JsonFile.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(spec));
  }
}
