package dev.rootlessctr.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two shells of one learner, for real with runc as the unprivileged user: :quit in the second shell
 * leaves the first shell's running container alone, and the first deletes it when it quits.
 */
class TwoShellsIT {

  @Test
  void eachShellDeletesOnlyItsOwnContainer() throws Exception {
    Path stage = Staging.stageProgram();
    CourseWorld world = CourseWorld.create("rctr-two-shells-").withEnvironment();
    Path bundle = sleeper(world);

    Process first = startShell(world, stage);
    try (OutputStream typed = first.getOutputStream()) {
      typed.write(
          ("runc --root \"$RUNC_ROOT\" run -d -b "
                  + bundle
                  + " first-ctr </dev/null >/dev/null 2>&1\n")
              .getBytes(StandardCharsets.UTF_8));
      typed.flush();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!listed(world, "first-ctr") && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertTrue(
          world.runcList().containsKey("first-ctr"), "the first shell started its container");
      Thread.sleep(1000); // the first shell has noted it as its own once its line ended

      Path script = world.base.resolve("second-shell.txt");
      Files.writeString(
          script,
          "runc --root \"$RUNC_ROOT\" run -d -b "
              + bundle
              + " second-ctr </dev/null >/dev/null 2>&1\n:quit\n");
      String second = world.run(script, shellCommand(world, stage).toArray(String[]::new));
      assertTrue(second.contains("deleted container second-ctr"), second);
      assertEquals(
          Set.of("first-ctr"),
          world.runcList().keySet(),
          ":quit in the second shell kept the first shell's container");
      assertEquals("running", world.runcList().get("first-ctr").path("status").asText());

      typed.write(":quit\n".getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the first shell ends");
    String said = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(said.contains("deleted container first-ctr"), said);
    assertEquals(Set.of(), world.runcList().keySet());
    world.delete();
  }

  @Test
  void whatAShellKilledWithSigkillLeftIsNamedAndCollectedAtTheNextStart() throws Exception {
    Path stage = Staging.stageProgram();
    CourseWorld world = CourseWorld.create("rctr-killed-shell-").withEnvironment();
    Path bundle = sleeper(world);

    Process killed = startShell(world, stage);
    OutputStream typed = killed.getOutputStream();
    typed.write(
        ("runc --root \"$RUNC_ROOT\" run -d -b "
                + bundle
                + " left-ctr </dev/null >/dev/null 2>&1; echo started\n")
            .getBytes(StandardCharsets.UTF_8));
    typed.flush();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!listed(world, "left-ctr") && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    Thread.sleep(1000);
    long java = javaOf(killed);
    Set<Path> scratch = scratchDirsOf(java);
    assertEquals(1, scratch.size(), "the shell's scratch dir: " + scratch);
    Staging.run("kill", "-KILL", Long.toString(java));
    killed.waitFor(30, TimeUnit.SECONDS);
    assertEquals(
        scratch, scratchDirsOf(java), "SIGKILL runs no hook: the scratch dir stays for now");

    Path script = world.base.resolve("next-start.txt");
    Files.writeString(script, ":quit\n");
    // The printer wraps at 80 columns; compare words, not line breaks.
    String next =
        world
            .run(script, shellCommand(world, stage).toArray(String[]::new))
            .replaceAll("\\s+", " ");
    assertTrue(next.contains("left-ctr (running), started by the shell with pid " + java), next);
    assertTrue(next.contains("runc --root " + world.runcRoot + " delete --force left-ctr"), next);
    assertTrue(
        next.contains("Removed the scratch directory that a killed rootless-ctr shell left"), next);
    assertEquals(Set.of(), scratchDirsOf(java));
    assertEquals(
        "running",
        world.runcList().get("left-ctr").path("status").asText(),
        "a script only reports it");
    world.asUser("runc", "--root", world.runcRoot.toString(), "delete", "--force", "left-ctr");
    world.delete();
  }

  /** Whether runc lists {@code id}; runc list fails while a container is half created. */
  private static boolean listed(CourseWorld world, String id) throws InterruptedException {
    try {
      return world.runcList().containsKey(id);
    } catch (IOException | RuntimeException | AssertionError e) {
      return false;
    }
  }

  /** The JVM under runuser and the launcher script: the process whose SIGKILL runs no hook. */
  private static long javaOf(Process shell) {
    return shell
        .toHandle()
        .descendants()
        .filter(
            p ->
                p.info()
                    .command()
                    .map(c -> c.endsWith("/java") || c.endsWith("java"))
                    .orElse(false))
        .findFirst()
        .orElseThrow()
        .pid();
  }

  private static Set<Path> scratchDirsOf(long pid) throws IOException {
    try (var entries = Files.list(Path.of("/tmp"))) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("rootless-ctr-scratch-" + pid + "-"))
          .collect(java.util.stream.Collectors.toSet());
    }
  }

  /** A bundle whose container sleeps, detached, so it runs between the shells' lines. */
  private static Path sleeper(CourseWorld world) throws Exception {
    Path bundle = world.base.resolve("sleeper");
    world.asUser("mkdir", "-p", bundle.resolve("rootfs/bin").toString());
    world.asUser("cp", "/bin/busybox", bundle.resolve("rootfs/bin/busybox").toString());
    world.asUser("ln", "-s", "busybox", bundle.resolve("rootfs/bin/sleep").toString());
    world.asUser("runc", "spec", "--rootless", "-b", bundle.toString());
    ObjectMapper json = new ObjectMapper();
    ObjectNode config = (ObjectNode) json.readTree(bundle.resolve("config.json").toFile());
    ObjectNode process = (ObjectNode) config.get("process");
    process.put("terminal", false);
    ArrayNode args = process.putArray("args");
    args.add("sleep").add("300");
    Files.write(bundle.resolve("config.json"), json.writeValueAsBytes(config));
    return bundle;
  }

  private static List<String> shellCommand(CourseWorld world, Path stage) {
    return List.of(
        stage.resolve("rootless-ctr").toString(),
        "--lessons",
        stage.resolve("fixture").toString(),
        "--lab",
        world.lab.toString(),
        "--registry",
        "online");
  }

  private static Process startShell(CourseWorld world, Path stage) throws IOException {
    List<String> argv = new ArrayList<>(Staging.asTestUser());
    argv.add("env");
    world.env().forEach((k, v) -> argv.add(k + "=" + v));
    argv.addAll(shellCommand(world, stage));
    return new ProcessBuilder(argv)
        .redirectErrorStream(true)
        .directory(world.base.toFile())
        .start();
  }
}
