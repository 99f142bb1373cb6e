package dev.rootlessctr.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An OCI content descriptor: which blob, how big, what kind. */
public record Descriptor(String mediaType, Digest digest, long size) {

  /** Reads the descriptor fields of {@code json}, an index or manifest entry. */
  public static Descriptor from(JsonNode json) throws OciFormatException {
    if (!json.path("digest").isTextual()) {
      throw new OciFormatException("has an entry without a \"digest\"");
    }
    if (!json.path("size").canConvertToLong()) {
      throw new OciFormatException("has an entry without a numeric \"size\"");
    }
    return new Descriptor(
        json.path("mediaType").asText(""),
        Digest.parse(json.path("digest").asText()),
        json.path("size").asLong());
  }

  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("mediaType", mediaType);
    node.put("digest", digest.toString());
    node.put("size", size);
    return node;
  }
}
