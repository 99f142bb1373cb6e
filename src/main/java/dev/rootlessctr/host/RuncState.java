package dev.rootlessctr.host;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One container as {@code runc state} and {@code runc list --format json} describe it.
 *
 * @param pid the container's init process on the host; 0 once it has stopped
 */
public record RuncState(
    String id, long pid, String status, String bundle, String rootfs, String created) {

  static RuncState from(JsonNode json) {
    return new RuncState(
        json.path("id").asText(""),
        json.path("pid").asLong(0),
        json.path("status").asText(""),
        json.path("bundle").asText(""),
        json.path("rootfs").asText(""),
        json.path("created").asText(""));
  }

  /** "c1 (running)". */
  public String summary() {
    return id + " (" + status + ")";
  }
}
