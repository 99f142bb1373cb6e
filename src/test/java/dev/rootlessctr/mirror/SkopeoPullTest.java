package dev.rootlessctr.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlessctr.process.Captured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real skopeo pulls the lab image from the embedded registry, by tag, by digest, many at once.
 */
class SkopeoPullTest {

  private static RegistryServer registry;
  private static String builtDigest;

  @TempDir Path temp;

  @BeforeAll
  static void serve() throws IOException {
    Path layout = MirrorFixtures.image();
    builtDigest = MirrorFixtures.verifiedDigest(layout);
    registry = RegistryServer.start(0);
    registry.serve(LabMirror.BUSYBOX_REPOSITORY, layout);
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void pullsDockerHubsNameThroughTheMirrorWithinThreeSeconds() throws IOException {
    Path conf = MirrorFixtures.registriesConf(temp.resolve("state"), registry.address());
    Path out = temp.resolve("out");

    long start = System.nanoTime();
    MirrorFixtures.skopeo(
        List.of(
            "--insecure-policy",
            "--registries-conf",
            conf.toString(),
            "copy",
            "docker://busybox:latest",
            "oci:" + out + ":latest"));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(builtDigest, MirrorFixtures.verifiedDigest(out));
    // The https probe used to wait out Go's 10 s TLS handshake timeout before falling back to http.
    assertTrue(took.toMillis() < 3000, "pull took " + took.toMillis() + " ms");
  }

  @Test
  void pullsByDigest() throws IOException {
    Path conf = MirrorFixtures.registriesConf(temp.resolve("state"), registry.address());
    Path out = temp.resolve("out");
    MirrorFixtures.skopeo(
        List.of(
            "--insecure-policy",
            "--registries-conf",
            conf.toString(),
            "copy",
            "docker://busybox@" + builtDigest,
            "oci:" + out + ":pinned"));
    assertEquals(builtDigest, MirrorFixtures.verifiedDigest(out));
  }

  @Test
  void pullsFromTheAddressDirectly() throws IOException {
    Path out = temp.resolve("out");
    long start = System.nanoTime();
    MirrorFixtures.skopeo(
        List.of(
            "--insecure-policy",
            "copy",
            "--src-tls-verify=false",
            "docker://" + registry.address() + "/library/busybox:latest",
            "oci:" + out + ":latest"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(builtDigest, MirrorFixtures.verifiedDigest(out));
    assertTrue(millis < 3000, "pull took " + millis + " ms");
  }

  @Test
  void inspectReportsTheManifestDigest() throws IOException {
    Captured inspected =
        MirrorFixtures.skopeo(
            List.of(
                "inspect",
                "--tls-verify=false",
                "docker://" + registry.address() + "/library/busybox:latest"));
    JsonNode report = MirrorFixtures.JSON.readTree(inspected.stdout());
    assertEquals(builtDigest, report.path("Digest").asText());
    assertEquals(
        List.of("latest"), MirrorFixtures.JSON.convertValue(report.path("RepoTags"), List.class));
    assertEquals("linux", report.path("Os").asText());
  }

  @Test
  void twentyPullsAtOnceAllComplete() throws Exception {
    Path conf = MirrorFixtures.registriesConf(temp.resolve("state"), registry.address());
    List<Process> pulls = new ArrayList<>();
    List<Path> outs = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        Path out = temp.resolve("out-" + i);
        outs.add(out);
        ProcessBuilder builder =
            new ProcessBuilder(
                MirrorFixtures.SKOPEO.toString(),
                "--insecure-policy",
                "--registries-conf",
                conf.toString(),
                "copy",
                "docker://busybox:latest",
                "oci:" + out + ":latest");
        builder.environment().clear();
        builder.environment().putAll(MirrorFixtures.environment());
        builder.redirectErrorStream(true).redirectOutput(temp.resolve("log-" + i).toFile());
        pulls.add(builder.start());
      }
      for (int i = 0; i < pulls.size(); i++) {
        Process pull = pulls.get(i);
        assertTrue(pull.waitFor(40, TimeUnit.SECONDS), "pull " + i + " finished");
        String log = Files.readString(temp.resolve("log-" + i), StandardCharsets.UTF_8);
        assertEquals(0, pull.exitValue(), "pull " + i + ":\n" + log);
      }
    } finally {
      pulls.forEach(Process::destroyForcibly);
    }
    for (Path out : outs) {
      assertEquals(builtDigest, MirrorFixtures.verifiedDigest(out), out.toString());
    }
  }
}
