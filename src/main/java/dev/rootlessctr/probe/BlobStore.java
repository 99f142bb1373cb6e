package dev.rootlessctr.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The {@code blobs/ALG/HEX} files of an OCI image layout, each checked against the size and digest
 * its descriptor promises before anyone trusts it.
 */
final class BlobStore {

  private final Path layout;
  private final String shownLayout;

  BlobStore(Path layout, String shownLayout) {
    this.layout = layout;
    this.shownLayout = shownLayout;
  }

  /** Checks the blob and returns its bytes; for small blobs such as manifests and configs. */
  byte[] readVerified(Descriptor descriptor, String listedBy) throws Unmet, IOException {
    Path blob = existing(descriptor, listedBy);
    byte[] bytes = Files.readAllBytes(blob);
    checkSize(descriptor, bytes.length, listedBy);
    checkDigest(descriptor, descriptor.digest().newHasher().digest(bytes));
    return bytes;
  }

  /** Checks the blob by streaming it; for layers, which can be large. */
  void verify(Descriptor descriptor, String listedBy) throws Unmet, IOException {
    Path blob = existing(descriptor, listedBy);
    checkSize(descriptor, Files.size(blob), listedBy);
    MessageDigest hasher = descriptor.digest().newHasher();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(blob)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        hasher.update(buffer, 0, read);
      }
    }
    checkDigest(descriptor, hasher.digest());
  }

  private Path existing(Descriptor descriptor, String listedBy) throws Unmet {
    Path blob =
        layout
            .resolve("blobs")
            .resolve(descriptor.digest().algorithm())
            .resolve(descriptor.digest().hex());
    if (!Files.isRegularFile(blob)) {
      throw new Unmet(
          "blob "
              + descriptor.digest().shortForm()
              + " listed by "
              + listedBy
              + " is missing ("
              + shown(descriptor)
              + " does not exist)");
    }
    return blob;
  }

  private void checkSize(Descriptor descriptor, long actualSize, String listedBy) throws Unmet {
    if (actualSize != descriptor.size()) {
      throw new Unmet(
          "size mismatch for "
              + shown(descriptor)
              + ": "
              + listedBy
              + " says "
              + descriptor.size()
              + " bytes, the file has "
              + actualSize
              + " (an interrupted or edited copy?)");
    }
  }

  private void checkDigest(Descriptor descriptor, byte[] hash) throws Unmet {
    Digest actual = descriptor.digest().sameAlgorithm(hash);
    if (!actual.equals(descriptor.digest())) {
      throw new Unmet(
          "digest mismatch for "
              + shown(descriptor)
              + ": the file hashes to "
              + actual.shortForm()
              + ", not "
              + descriptor.digest().shortForm()
              + " (the blob is corrupted)");
    }
  }

  private String shown(Descriptor descriptor) {
    return shownLayout
        + "/blobs/"
        + descriptor.digest().algorithm()
        + "/"
        + descriptor.digest().hex();
  }
}
