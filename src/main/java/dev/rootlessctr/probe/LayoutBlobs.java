package dev.rootlessctr.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlessctr.oci.BlobProblem;
import dev.rootlessctr.oci.Descriptor;
import dev.rootlessctr.oci.OciFormatException;
import dev.rootlessctr.oci.OciLayout;
import java.io.IOException;

/**
 * The learner's words for what is wrong in an image layout. The checks themselves (digests, sizes,
 * hashes) are {@link OciLayout}'s; this says which file of the learner's layout and which listing
 * they concern.
 */
final class LayoutBlobs {

  private final OciLayout layout;
  private final String shownLayout;

  LayoutBlobs(OciLayout layout, String shownLayout) {
    this.layout = layout;
    this.shownLayout = shownLayout;
  }

  /** The descriptor in {@code json}, or what is wrong with it as found in {@code listedBy}. */
  static Descriptor descriptor(JsonNode json, String listedBy) throws Unmet {
    try {
      return Descriptor.from(json);
    } catch (OciFormatException e) {
      throw new Unmet(e.about(listedBy));
    }
  }

  /** Checks the blob and returns its bytes; for small blobs such as manifests and configs. */
  byte[] readVerified(Descriptor descriptor, String listedBy) throws Unmet, IOException {
    try {
      return layout.readVerified(descriptor);
    } catch (BlobProblem problem) {
      throw unmet(problem, descriptor, listedBy);
    }
  }

  /** Checks the blob by streaming it; for layers, which can be large. */
  void verify(Descriptor descriptor, String listedBy) throws Unmet, IOException {
    try {
      layout.verify(descriptor);
    } catch (BlobProblem problem) {
      throw unmet(problem, descriptor, listedBy);
    }
  }

  private Unmet unmet(BlobProblem problem, Descriptor descriptor, String listedBy) {
    return new Unmet(
        switch (problem.kind()) {
          case MISSING ->
              "blob "
                  + descriptor.digest().shortForm()
                  + " listed by "
                  + listedBy
                  + " is missing ("
                  + shown(descriptor)
                  + " does not exist)";
          case SIZE_MISMATCH ->
              "size mismatch for "
                  + shown(descriptor)
                  + ": "
                  + listedBy
                  + " says "
                  + descriptor.size()
                  + " bytes, the file has "
                  + problem.actualSize()
                  + " (an interrupted or edited copy?)";
          case DIGEST_MISMATCH ->
              "digest mismatch for "
                  + shown(descriptor)
                  + ": the file hashes to "
                  + problem.actualDigest().shortForm()
                  + ", not "
                  + descriptor.digest().shortForm()
                  + " (the blob is corrupted)";
        });
  }

  private String shown(Descriptor descriptor) {
    return shownLayout
        + "/blobs/"
        + descriptor.digest().algorithm()
        + "/"
        + descriptor.digest().hex();
  }
}
