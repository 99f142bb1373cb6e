package dev.rootlessctr.probe;

import com.fasterxml.jackson.databind.JsonNode;

/** An OCI content descriptor: which blob, how big, what kind. */
record Descriptor(String mediaType, Digest digest, long size) {

  static Descriptor from(JsonNode json, String listedBy) throws Unmet {
    if (!json.path("digest").isTextual()) {
      throw new Unmet(listedBy + " has an entry without a \"digest\"");
    }
    if (!json.path("size").canConvertToLong()) {
      throw new Unmet(listedBy + " has an entry without a numeric \"size\"");
    }
    return new Descriptor(
        json.path("mediaType").asText(""),
        Digest.parse(json.path("digest").asText(), listedBy),
        json.path("size").asLong());
  }
}
