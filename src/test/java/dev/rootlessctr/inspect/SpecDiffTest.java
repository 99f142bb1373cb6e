package dev.rootlessctr.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecDiffTest {

  private static List<String> diff(String was, String is) throws Exception {
    ObjectMapper json = new ObjectMapper();
    return SpecDiff.between(json.readTree(was), json.readTree(is));
  }

  @Test
  void mountsAreMatchedByDestinationWhateverTheirOrder() throws Exception {
    assertEquals(
        List.of("added to /mounts: {\"destination\":\"/home\",\"type\":\"bind\"}"),
        diff(
            "{\"mounts\":[{\"destination\":\"/proc\"},{\"destination\":\"/dev\"}]}",
            "{\"mounts\":[{\"destination\":\"/dev\"},{\"destination\":\"/home\",\"type\":\"bind\"},{\"destination\":\"/proc\"}]}"));
  }

  @Test
  void capabilitiesAreComparedAsSetsAndArgsAsAList() throws Exception {
    assertEquals(
        List.of(
            "/process/args: [\"sh\"] -> [\"sleep\",\"60\"]",
            "/process/capabilities/bounding: added CAP_CHOWN removed CAP_KILL"),
        diff(
            "{\"process\":{\"args\":[\"sh\"],\"capabilities\":{\"bounding\":[\"CAP_KILL\",\"CAP_AUDIT_WRITE\"]}}}",
            "{\"process\":{\"args\":[\"sleep\",\"60\"],\"capabilities\":{\"bounding\":[\"CAP_AUDIT_WRITE\",\"CAP_CHOWN\"]}}}"));
  }

  @Test
  void namespacesByTypeAndRemovedKeys() throws Exception {
    assertEquals(
        List.of(
            "removed /hostname (default \"runc\")",
            "added to /linux/namespaces: {\"type\":\"network\"}"),
        diff(
            "{\"hostname\":\"runc\",\"linux\":{\"namespaces\":[{\"type\":\"pid\"}]}}",
            "{\"linux\":{\"namespaces\":[{\"type\":\"pid\"},{\"type\":\"network\"}]}}"));
  }
}
