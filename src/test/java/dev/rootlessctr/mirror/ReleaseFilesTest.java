package dev.rootlessctr.mirror;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mirror hands out the release files of one directory at /release/, and nothing else there. */
class ReleaseFilesTest {

  @Test
  void servesAndListsOnlyReleaseFiles(@TempDir Path dir) throws IOException {
    byte[] deb = "a .deb, byte for byte\n\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("rootless-ctr_0.1.0-SNAPSHOT_all.deb"), deb);
    Files.writeString(dir.resolve("rootless-ctr-0.1.0-SNAPSHOT.tar.gz"), "tarball");
    Files.writeString(dir.resolve("secret.txt"), "not for the room");
    Files.writeString(dir.resolve("rootless-ctr.jar"), "not a release file");
    try (RegistryServer server = RegistryServer.start(0)) {
      server.serveRelease(dir);
      String base = "http://" + server.address();
      assertEquals(
          new Answer(
              200, "rootless-ctr-0.1.0-SNAPSHOT.tar.gz\nrootless-ctr_0.1.0-SNAPSHOT_all.deb\n"),
          get(base + "/release/"));
      assertArrayEquals(deb, bytes(base + "/release/rootless-ctr_0.1.0-SNAPSHOT_all.deb"));
      assertEquals(404, get(base + "/release/secret.txt").status());
      assertEquals(404, get(base + "/release/rootless-ctr.jar").status());
      assertEquals(400, get(base + "/release/../secret.txt").status());
      assertEquals(400, get(base + "/release/%2e%2e/secret.txt").status());
      assertEquals(200, get(base + "/v2/").status(), "the registry still answers");
    }
  }

  @Test
  void withoutAReleaseDirectoryThePathIsARegistryError() throws IOException {
    try (RegistryServer server = RegistryServer.start(0)) {
      assertEquals(404, get("http://" + server.address() + "/release/").status());
    }
  }

  private record Answer(int status, String body) {}

  private static Answer get(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    try {
      int status = connection.getResponseCode();
      InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
      return new Answer(
          status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      connection.disconnect();
    }
  }

  private static byte[] bytes(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    try (InputStream in = connection.getInputStream()) {
      assertEquals(200, connection.getResponseCode());
      return in.readAllBytes();
    } finally {
      connection.disconnect();
    }
  }
}
