package dev.rootlessctr.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlessctr.host.AccountBook;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code config BUNDLE}: config.json parses and has a rootless shape (uid mappings); measures what
 * a learner should notice in it.
 */
final class ConfigProbe implements Probe {

  private final AccountBook accounts;

  ConfigProbe(AccountBook accounts) {
    this.accounts = accounts;
  }

  @Override
  public String name() {
    return "config";
  }

  @Override
  public String usage() {
    return "config BUNDLE";
  }

  @Override
  public List<String> valueNames() {
    return List.of(
        "args",
        "user",
        "terminal",
        "readonly",
        "cwd",
        "hostname",
        "uidMapping",
        "gidMapping",
        "hostUid",
        "hostUser",
        "hostGid",
        "namespaces",
        "hasNetworkNs",
        "capabilities",
        "capabilityCount",
        "env",
        "mounts",
        "homeMount");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 1, 1);
    String expected = "a valid config.json with linux.uidMappings (a rootless spec)";
    BundleConfig config;
    try {
      config = BundleConfig.read(context, args.get(0));
    } catch (Unmet unmet) {
      return ProbeResult.fail(expected, unmet.getMessage());
    }
    Map<String, String> values = measure(config.json(), context.env().getOrDefault("HOME", ""));
    JsonNode uidMappings = config.json().path("linux").path("uidMappings");
    if (!uidMappings.isArray() || uidMappings.isEmpty()) {
      return new ProbeResult(
          false,
          expected,
          config.shown()
              + " has no linux.uidMappings: it is not a rootless spec (runc spec --rootless"
              + " writes one that maps your uid to container root)",
          values);
    }
    return ProbeResult.pass(
        expected,
        config.shown()
            + " runs \""
            + values.get("args")
            + "\" as "
            + values.get("user")
            + " with uid mapping "
            + values.get("uidMapping"),
        values);
  }

  private Map<String, String> measure(JsonNode json, String home) throws IOException {
    JsonNode process = json.path("process");
    JsonNode linux = json.path("linux");
    JsonNode uidMappings = linux.path("uidMappings");
    JsonNode gidMappings = linux.path("gidMappings");
    Map<String, String> values = new HashMap<>();
    values.put("args", String.join(" ", JsonFile.texts(process.path("args"))));
    values.put(
        "user",
        process.path("user").path("uid").asText("?")
            + ":"
            + process.path("user").path("gid").asText("?"));
    values.put("terminal", Boolean.toString(process.path("terminal").asBoolean(false)));
    values.put("readonly", Boolean.toString(json.path("root").path("readonly").asBoolean(false)));
    values.put("cwd", process.path("cwd").asText(""));
    values.put("hostname", json.path("hostname").asText(""));
    values.put("uidMapping", mappings(uidMappings, true));
    values.put("gidMapping", mappings(gidMappings, false));
    values.put("hostUid", uidMappings.path(0).path("hostID").asText(""));
    values.put(
        "hostUser",
        uidMappings.has(0) ? accounts.userName(uidMappings.get(0).path("hostID").asLong()) : "");
    values.put("hostGid", gidMappings.path(0).path("hostID").asText(""));
    List<String> namespaces = new ArrayList<>();
    linux.path("namespaces").forEach(ns -> namespaces.add(ns.path("type").asText()));
    values.put("namespaces", namespaces.isEmpty() ? "none" : String.join(", ", namespaces));
    values.put("hasNetworkNs", Boolean.toString(namespaces.contains("network")));
    List<String> bounding = JsonFile.texts(process.path("capabilities").path("bounding"));
    values.put("capabilityCount", Integer.toString(bounding.size()));
    values.put("capabilities", String.join(", ", shortNames(bounding)));
    values.put("env", String.join(", ", JsonFile.texts(process.path("env"))));
    values.put("mounts", Integer.toString(json.path("mounts").size()));
    values.put(
        "homeMount",
        home.isEmpty()
            ? "none"
            : new HomeMount(home)
                .inMounts(json)
                .map(found -> HomeMount.describe(found.mount()))
                .orElse("none"));
    return values;
  }

  /**
   * "0 -> 1001 (learner), size 1"; several mappings are joined with "; ". A host id no account has
   * (a subordinate range) gets no name in brackets: the number would only be repeated.
   */
  private String mappings(JsonNode mappings, boolean users) throws IOException {
    List<String> described = new ArrayList<>();
    for (JsonNode mapping : mappings) {
      long hostId = mapping.path("hostID").asLong();
      String name = users ? accounts.userName(hostId) : accounts.groupName(hostId);
      described.add(
          mapping.path("containerID").asText("?")
              + " -> "
              + hostId
              + (name.equals(Long.toString(hostId)) ? "" : " (" + name + ")")
              + ", size "
              + mapping.path("size").asText("?"));
    }
    return described.isEmpty() ? "none" : String.join("; ", described);
  }

  private static List<String> shortNames(List<String> capabilities) {
    return capabilities.stream()
        .map(cap -> cap.startsWith("CAP_") ? cap.substring(4) : cap)
        .toList();
  }
}
