package dev.rootlessctr.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The room's registry for real: Debian's docker-registry on loopback, filled by {@code mirror
 * push}, and a lab in workshop mode pulling {@code docker://busybox:latest} through the shim. The
 * offline mode is checked the same way against the embedded mirror.
 */
@Timeout(60)
class WorkshopModeTest {

  @TempDir Path temp;

  @Test
  void aLabInWorkshopModePullsFromTheRoomsRegistry() throws Exception {
    int port = MirrorFixtures.freePort();
    String address = "127.0.0.1:" + port;
    Process registry = startDockerRegistry(port);
    try {
      Map<String, String> env = new HashMap<>(MirrorFixtures.environment());
      env.put("XDG_CACHE_HOME", temp.resolve("cache").toString());
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int pushed =
          new MirrorCommand(env, ProcessRunner.system())
              .run(List.of("push", address), new PrintWriter(out), new PrintWriter(err));
      assertEquals(0, pushed, out + "\n" + err);
      assertTrue(out.toString().contains("--registry workshop=" + address), out.toString());

      try (LabMirror mirror =
          new LabMirror(
              RegistryMode.parse("workshop=" + address),
              temp.resolve("cache/rootless-ctr/images"),
              MirrorFixtures.BUSYBOX,
              ProcessRunner.system())) {
        assertTrue(mirror.answering());
        assertEquals(Optional.of(address), mirror.address());
        String built = MirrorFixtures.verifiedDigest(mirror.image());
        Path pulled =
            pullThroughShim(
                mirror, temp.resolve("lab"), "workshop mode, docker.io is served by " + address);
        assertEquals(built, MirrorFixtures.verifiedDigest(pulled));
      }
    } finally {
      registry.descendants().forEach(ProcessHandle::destroyForcibly);
      registry.destroyForcibly();
      registry.waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aLabInOfflineModePullsFromTheEmbeddedMirror() throws IOException {
    try (LabMirror mirror =
        new LabMirror(
            RegistryMode.offline(),
            temp.resolve("cache"),
            MirrorFixtures.BUSYBOX,
            ProcessRunner.system())) {
      assertEquals(Optional.empty(), mirror.address(), "not started before it is needed");
      Path pulled =
          pullThroughShim(
              mirror, temp.resolve("lab"), "offline, docker.io is served by 127.0.0.1:");
      assertTrue(mirror.answering());
      assertEquals(
          MirrorFixtures.verifiedDigest(mirror.image()), MirrorFixtures.verifiedDigest(pulled));
    }
  }

  @Test
  void onlineModeWiresNoMirrorOnlyTheCacheInTheLab() throws IOException {
    try (LabMirror mirror =
        new LabMirror(
            RegistryMode.parse("online"),
            temp.resolve("cache"),
            MirrorFixtures.BUSYBOX,
            ProcessRunner.system())) {
      Path bin = mirror.wire(temp.resolve("lab/.rootless-ctr"), "/usr/bin:/bin").orElseThrow();
      String shim = Files.readString(bin.resolve("skopeo"));
      assertFalse(shim.contains("--registries-conf"), shim);
      assertTrue(
          shim.contains(
              "XDG_DATA_HOME='"
                  + temp.resolve("lab/.rootless-ctr/skopeo-data")
                  + "' exec '/usr/bin/skopeo' \"$@\""),
          shim);
      assertEquals(Optional.empty(), mirror.address());
    }
  }

  /**
   * Wires {@code lab} for the mirror's mode and runs the learner's unchanged pull through the shim.
   */
  private static Path pullThroughShim(LabMirror mirror, Path lab, String announced)
      throws IOException {
    Path bin = mirror.wire(lab.resolve(".rootless-ctr"), "/usr/bin:/bin").orElseThrow();
    Map<String, String> env = new HashMap<>(MirrorFixtures.environment());
    env.put("PATH", bin + ":" + env.get("PATH"));
    Files.createDirectories(lab);
    // A shell line, as the learner types it: the shell (not Java) looks skopeo up on the lab's
    // PATH.
    Captured pull =
        ProcessRunner.system()
            .run(
                List.of(
                    "/bin/sh",
                    "-c",
                    "skopeo --insecure-policy copy docker://busybox:latest oci:busybox:latest"),
                lab,
                env,
                Duration.ofSeconds(30));
    assertTrue(pull.succeeded(), pull.stdout() + pull.stderr());
    assertTrue(pull.stderr().startsWith("rootless-ctr: " + announced), pull.stderr());
    return lab.resolve("busybox");
  }

  private Process startDockerRegistry(int port) throws IOException, InterruptedException {
    Path config = temp.resolve("registry.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "version: 0.1",
            "log:",
            "  level: error",
            "storage:",
            "  filesystem:",
            "    rootdirectory: " + temp.resolve("registry-storage"),
            "http:",
            "  addr: 127.0.0.1:" + port,
            ""));
    ProcessBuilder builder =
        new ProcessBuilder("/usr/bin/docker-registry", "serve", config.toString());
    builder.environment().clear();
    builder.environment().putAll(MirrorFixtures.environment());
    builder.redirectErrorStream(true).redirectOutput(temp.resolve("registry.log").toFile());
    Process registry = builder.start();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!registry.isAlive()) {
        throw new AssertionError(
            "docker-registry exited: " + Files.readString(temp.resolve("registry.log")));
      }
      try {
        HttpResponse<Void> answer =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                    .timeout(Duration.ofSeconds(1))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return registry;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(50);
    }
    registry.destroyForcibly();
    throw new AssertionError(
        "docker-registry did not answer on port "
            + port
            + ": "
            + Files.readString(temp.resolve("registry.log")));
  }
}
