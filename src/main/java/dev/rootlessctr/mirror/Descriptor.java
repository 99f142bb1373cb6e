package dev.rootlessctr.mirror;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An OCI content descriptor: what a blob is, its digest and its size. */
record Descriptor(String mediaType, Digest digest, long size) {

  ObjectNode toJson(ObjectMapper json) {
    ObjectNode node = json.createObjectNode();
    node.put("mediaType", mediaType);
    node.put("digest", digest.toString());
    node.put("size", size);
    return node;
  }
}
