package dev.rootlessctr.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The skopeo shim runs the real skopeo with the lab's registries.conf and touches nothing else. */
class SkopeoWiringTest {

  private static final Path USER_CONF =
      Path.of(System.getProperty("user.home"), ".config/containers");

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"lab", "my lab", "it's $HOME `id` \"lab\""})
  void theShimSaysWhatItRunsAndRunsTheRealSkopeo(String labName) throws IOException {
    Path lab = Files.createDirectories(temp.resolve(labName));
    Files.writeString(lab.resolve("notes.txt"), "the learner's own file");
    Map<String, String> labBefore = listing(lab);
    Map<String, String> userConfBefore = listing(USER_CONF);
    Path state = lab.resolve(".rootless-ctr");

    Path bin =
        new SkopeoWiring(state).write("127.0.0.1:5999", "offline", "/usr/local/bin:/usr/bin:/bin");

    assertEquals(state.resolve("bin"), bin);
    Captured version =
        ProcessRunner.system()
            .run(
                List.of(bin.resolve("skopeo").toString(), "--version"),
                lab,
                MirrorFixtures.environment(),
                java.time.Duration.ofSeconds(10));
    assertTrue(version.succeeded(), version.stderr());
    assertTrue(version.stdout().startsWith("skopeo version "), version.stdout());
    assertEquals(
        "rootless-ctr: offline, docker.io is served by 127.0.0.1:5999; running: XDG_DATA_HOME="
            + state.resolve("skopeo-data")
            + " /usr/bin/skopeo --registries-conf "
            + state.resolve("registries.conf")
            + " --version\n",
        version.stderr());

    Map<String, String> labAfter = listing(lab);
    labAfter.keySet().removeIf(name -> name.startsWith(".rootless-ctr"));
    assertEquals(labBefore, labAfter, "nothing written in the lab outside .rootless-ctr");
    assertEquals(
        List.of(
            ".rootless-ctr",
            ".rootless-ctr/bin",
            ".rootless-ctr/bin/skopeo",
            ".rootless-ctr/registries.conf"),
        listing(lab).keySet().stream().filter(name -> name.startsWith(".rootless-ctr")).toList());
    assertEquals(
        List.of(labName),
        listing(temp).keySet().stream().filter(name -> !name.contains("/")).toList(),
        "nothing beside the lab");
    assertEquals(userConfBefore, listing(USER_CONF), "~/.config/containers untouched");
  }

  @Test
  void theConfigurationSendsDockerHubToTheMirror() throws IOException {
    SkopeoWiring wiring = new SkopeoWiring(temp.resolve("state"));
    wiring.write("127.0.0.1:5999", "offline", "/usr/bin");
    String conf = Files.readString(wiring.registriesConf());
    assertTrue(
        conf.contains("prefix = \"docker.io\"\nlocation = \"127.0.0.1:5999\"\ninsecure = true\n"),
        conf);
    assertFalse(conf.contains("[[registry.mirror]]"), "no fallback to Docker Hub: " + conf);
  }

  @Test
  void theShimIsNeverTakenForTheRealSkopeo() throws IOException {
    SkopeoWiring wiring = new SkopeoWiring(temp.resolve("state"));
    wiring.write("127.0.0.1:5999", "offline", "/usr/bin");
    // Rewiring from a shell whose PATH already starts with the shim must not make it call itself.
    wiring.write("127.0.0.1:6000", "offline", wiring.binDir() + ":/usr/bin");
    assertTrue(
        Files.readString(wiring.binDir().resolve("skopeo")).contains("exec '/usr/bin/skopeo'"));
  }

  @Test
  void noSkopeoOnThePathSaysHowToInstallIt() {
    IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class,
            () ->
                new SkopeoWiring(temp.resolve("state"))
                    .write("127.0.0.1:5999", "offline", temp.toString()));
    assertTrue(e.getMessage().contains("apt-get install skopeo"), e.getMessage());
  }

  /** Relative path -> size and modification time, for every entry under {@code root}. */
  private static Map<String, String> listing(Path root) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    if (!Files.exists(root)) {
      return entries;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(p -> !p.equals(root)).toList()) {
        entries.put(
            root.relativize(p).toString(), Files.size(p) + " " + Files.getLastModifiedTime(p));
      }
    }
    return entries;
  }

  /**
   * skopeo's blob-info cache lands in the lab, not in ~/.local/share: checked for real, as an
   * unprivileged user (as root skopeo uses /var/lib/containers/cache whatever the environment).
   */
  @Test
  void skopeosBlobInfoCacheGoesToTheLabNotTheHome() throws Exception {
    String user = System.getenv().getOrDefault("RCTR_TEST_USER", "rctr-learner");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new com.sun.security.auth.module.UnixSystem().getUid() == 0
            && ProcessRunner.system()
                .run(
                    List.of("id", "-u", user),
                    temp,
                    Map.of("PATH", "/usr/bin:/bin"),
                    java.time.Duration.ofSeconds(5))
                .succeeded()
            && Files.isExecutable(Path.of("/usr/bin/umoci")),
        "needs root, the unprivileged user " + user + " and umoci");
    Path stage = Files.createTempDirectory(Path.of("/tmp"), "skopeo-cache-test-");
    try {
      Path home = Files.createDirectories(stage.resolve("home"));
      Path lab = Files.createDirectories(stage.resolve("lab"));
      Path bin =
          new SkopeoWiring(lab.resolve(".rootless-ctr"))
              .write("127.0.0.1:5999", "offline", "/usr/bin:/bin");
      ProcessRunner.system()
          .run(
              List.of("chown", "-R", user, stage.toString()),
              temp,
              Map.of("PATH", "/usr/bin:/bin"),
              java.time.Duration.ofSeconds(5));
      // An oci: to oci: copy opens the cache like a pull does, without any registry.
      Captured copy =
          ProcessRunner.system()
              .run(
                  List.of(
                      "runuser",
                      "-u",
                      user,
                      "--",
                      "env",
                      "-i",
                      "PATH=" + bin + ":/usr/bin:/bin",
                      "HOME=" + home,
                      "sh",
                      "-c",
                      "umoci init --layout img && umoci new --image img:t && skopeo"
                          + " --insecure-policy copy oci:img:t oci:out:t"),
                  lab,
                  Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"),
                  java.time.Duration.ofSeconds(60));
      assertTrue(copy.succeeded(), copy.stdout() + copy.stderr());
      assertTrue(
          Files.notExists(home.resolve(".local/share/containers")),
          "nothing in the learner's home");
      assertTrue(
          Files.isRegularFile(
              lab.resolve(".rootless-ctr/skopeo-data/containers/cache/blob-info-cache-v1.boltdb")),
          "the cache is in the lab, where :reset all removes it");
    } finally {
      ProcessRunner.system()
          .run(
              List.of("rm", "-rf", "--one-file-system", stage.toString()),
              temp,
              Map.of("PATH", "/usr/bin:/bin"),
              java.time.Duration.ofSeconds(10));
    }
  }
}
