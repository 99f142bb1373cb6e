package dev.rootlessctr.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole rootless course, typed into {@code ./rootless-ctr} in a pseudo-terminal by the
 * unprivileged test user, offline, with the real skopeo, oci-image-tool and runc. Every step's
 * outcome and every measured value the explanations quote is compared with the host's real state:
 * the image's files, owners, config.json, runc's list and /proc.
 */
@Timeout(900)
class RootlessCourseIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** The first pull builds the busybox image into the (fresh) cache. */
  private static final Duration PULL = Duration.ofSeconds(240);

  private static Path stage;

  @BeforeAll
  static void stage() throws Exception {
    stage = Staging.stageProgram();
  }

  @Test
  void theWholeCourseByTyping() throws Exception {
    CourseWorld world = CourseWorld.create("rctr-course-").withEnvironment();
    String user = world.user;
    long uid = world.uid;
    long started = System.nanoTime();
    long mark = started;
    try (PtySession shell = world.startShell(stage)) {
      try {
        // Lesson 1: pull busybox from the built-in mirror.
        shell.await("Step 1/2: Copy busybox into an OCI layout", WAIT);
        prompt(shell);
        shell.type("skopeo --insecure-policy copy docker://busybox:latest oci:busybox:latest\r");
        String pulled = shell.await("Next: :next", PULL);
        System.out.println(pulled);
        assertTrue(pulled.contains("offline, docker.io is served by 127.0.0.1:"), pulled);
        assertTrue(pulled.contains("Writing manifest to image destination"), pulled);
        assertTrue(pulled.contains("Step 1 done: Copy busybox into an OCI layout"), pulled);
        String manifest =
            index(world.lab.resolve("busybox")).path("manifests").get(0).path("digest").asText();
        assertTrue(manifest.matches("sha256:[0-9a-f]{64}"), manifest);
        assertEquals(
            manifest,
            "sha256:"
                + sha256(world.lab.resolve("busybox/blobs/sha256").resolve(manifest.substring(7))),
            "index.json names the manifest by its real hash");
        assertEquals(
            manifest, find(pulled, "points at the manifest (sha256:[0-9a-f]{64})"), pulled);
        JsonNode manifestJson =
            JSON.readTree(
                world.lab.resolve("busybox/blobs/sha256").resolve(manifest.substring(7)).toFile());
        assertEquals(
            manifestJson.path("config").path("digest").asText(),
            find(pulled, "lists the config (sha256:[0-9a-f]{64})"),
            pulled);
        assertEquals(
            String.valueOf(manifestJson.path("layers").size()),
            find(pulled, "and (\\d+) layer\\(s\\)"),
            pulled);
        mark = lap("lesson 1 (pull)", mark);

        shell.type(":next\r");
        shell.await("Step 2/2: Optional: alpine", WAIT);
        prompt(shell);
        shell.type(":next\r");

        // Lesson 2: unpack into a rootfs.
        shell.await("Step 1/1: Unpack the layers into a rootfs", WAIT);
        prompt(shell);
        shell.type("mkdir -p busybox-bundle/rootfs\r");
        shell.await("Good. Next in this step: oci-image-tool unpack", WAIT);
        prompt(shell);
        shell.type("oci-image-tool unpack --ref name=latest busybox busybox-bundle/rootfs\r");
        String unpacked = shell.await("Next: :next", WAIT);
        System.out.println(unpacked);
        assertTrue(unpacked.contains("Step 1 done: Unpack the layers into a rootfs"), unpacked);
        UserPrincipal owner = Files.getOwner(world.rootfs.resolve("bin/busybox"));
        assertEquals(user, owner.getName());
        assertEquals(user, find(unpacked, "Every file belongs to (\\S+), not root"), unpacked);
        long entries;
        try (Stream<Path> list = Files.list(world.rootfs)) {
          entries = list.count();
        }
        assertEquals(
            String.valueOf(entries),
            find(unpacked, "rootfs holds (\\d+) top-level entries"),
            unpacked);
        mark = lap("lesson 2 (unpack)", mark);

        // Lesson 3: the rootless spec.
        shell.type(":next\r");
        shell.await("Step 1/1: Generate config.json", WAIT);
        prompt(shell);
        shell.type("runc spec --rootless -b busybox-bundle\r");
        String spec = shell.await("Next: :next", WAIT);
        System.out.println(spec);
        assertTrue(spec.contains("Step 1 done: Generate config.json"), spec);
        JsonNode config = JSON.readTree(world.bundle.resolve("config.json").toFile());
        JsonNode mapping = config.at("/linux/uidMappings/0");
        assertEquals(0, mapping.path("containerID").asLong());
        assertEquals(
            uid,
            mapping.path("hostID").asLong(),
            "runc spec --rootless maps container root to the user");
        assertTrue(
            CourseWorld.flat(spec).contains("The mapping here is 0 -> " + uid + " (" + user + ")"),
            spec);
        assertTrue(
            CourseWorld.flat(spec)
                .contains("uid 0 inside is uid " + uid + " outside, which is you, " + user),
            spec);
        assertTrue(
            CourseWorld.flat(spec)
                .contains("root.readonly is " + config.at("/root/readonly").asText()),
            spec);
        mark = lap("lesson 3 (spec)", mark);

        // Lesson 4: run it, look around, look at it from outside, leave.
        shell.type(":next\r");
        shell.await("Step 1/1: Start a shell in the container", WAIT);
        prompt(shell);
        shell.type("runc --root \"$RUNC_ROOT\" run -b busybox-bundle myctr\r");
        shell.await("/ # ", WAIT);
        // busybox redraws its prompt when runc sizes the console, so a prompt alone does not
        // mean the line ran: wait for what the line prints.
        shell.type("id\r");
        String id = shell.await("uid=0(root) gid=0(root)", WAIT) + shell.await("/ # ", WAIT);
        assertTrue(id.contains("uid=0(root) gid=0(root)"), id);
        shell.type("ip a\r");
        String ip = shell.await("LOOPBACK", WAIT) + shell.await("/ # ", WAIT);
        assertTrue(ip.contains("LOOPBACK"), ip);

        // From outside, while it runs: runc knows it, and its sh is the test user's.
        Map<String, JsonNode> running = world.runcList();
        assertEquals(List.of("myctr"), List.copyOf(running.keySet()), running.toString());
        assertEquals("running", running.get("myctr").path("status").asText());
        long pid = running.get("myctr").path("pid").asLong();
        assertTrue(
            world.leftovers().stream().anyMatch(l -> l.pid() == pid),
            "the /proc scan finds the running container's sh " + pid + ": " + world.leftovers());
        String containerNet = CourseWorld.namespace(pid, "net");
        String containerUser = CourseWorld.namespace(pid, "user");
        String hostNet = CourseWorld.namespace(ProcessHandle.current().pid(), "net");
        String uidMap = Files.readString(Path.of("/proc", Long.toString(pid), "uid_map")).strip();

        shell.type("exit\r");
        String ran = shell.await("Next: :next", WAIT);
        System.out.println(ran);
        String flat = CourseWorld.flat(ran);
        assertTrue(ran.contains("Step 1 done: Start a shell in the container"), ran);
        assertTrue(flat.contains("runc reported myctr running with pid " + pid + " "), ran);
        assertTrue(
            flat.contains("Its /proc/" + pid + "/uid_map read " + CourseWorld.flat(uidMap) + ":"),
            ran);
        assertTrue(uidMap.matches("0\\s+" + uid + "\\s+1"), uidMap);
        assertTrue(
            flat.contains("container uid 0 → host uid " + uid + ", that is you, " + user), ran);
        assertTrue(
            flat.contains(
                "network: "
                    + containerNet
                    + " in the container, "
                    + hostNet
                    + " here: the same one (shared: true)"),
            ran);
        assertEquals(hostNet, containerNet, "the rootless spec has no network namespace");
        assertNotEquals(
            CourseWorld.namespace(ProcessHandle.current().pid(), "user"), containerUser);
        String differ = find(ran, "different: ([a-z, ]+)\\.");
        assertTrue(List.of(differ.split(", ")).containsAll(List.of("user", "pid", "mnt")), differ);
        assertFalse(differ.contains("net"), differ);
        // The observations are listed in the lesson's order.
        int state = ran.indexOf("probe runc-state myctr running");
        int map = ran.indexOf("probe uid-map myctr");
        int ns = ran.indexOf("probe namespaces myctr");
        assertTrue(state >= 0 && state < map && map < ns, ran);
        assertEquals(Map.of(), world.runcList(), "runc removed the container when its sh exited");
        mark = lap("lesson 4 (run)", mark);

        // Lesson 5: the rootfs is read-only, even for the container's root.
        shell.type(":next\r");
        shell.await("Step 1/1: Try to create a file", WAIT);
        prompt(shell);
        shell.type("runc --root \"$RUNC_ROOT\" run -b busybox-bundle myctr\r");
        shell.await("/ # ", WAIT);
        shell.type("touch /tmp/toto\r");
        String touched = shell.await("Read-only file system", WAIT) + shell.await("/ # ", WAIT);
        assertTrue(touched.contains("touch: /tmp/toto: Read-only file system"), touched);
        shell.type("exit\r");
        String readonly = shell.await("Next: :next", WAIT);
        System.out.println(readonly);
        assertTrue(readonly.contains("Step 1 done: Try to create a file"), readonly);
        assertFalse(Files.exists(world.rootfs.resolve("tmp/toto")));
        mark = lap("lesson 5 (read-only)", mark);

        // Lesson 6: bind-mount the (temporary) home and write to it from inside.
        Path home = world.home;
        Path wasHere = home.resolve("rootless-ctr-was-here");
        assertFalse(Files.exists(wasHere));
        shell.type(":next\r");
        String mountStep = shell.await("Step 1/3: Add a bind mount to config.json", WAIT);
        prompt(shell);
        assertFalse(
            mountStep.contains("/home/" + user),
            "the lesson names the shell's $HOME, not the passwd home: " + mountStep);
        shell.type(":run\r");
        String edited = shell.await("Next: :next", WAIT);
        System.out.println(edited);
        assertTrue(
            edited.contains("Edited busybox-bundle/config.json (added at /mounts/-):"), edited);
        assertTrue(edited.contains("+") && edited.contains("\"source\": \"" + home + "\""), edited);
        assertTrue(edited.contains("Step 1 done: Add a bind mount to config.json"), edited);
        JsonNode mounts =
            JSON.readTree(world.bundle.resolve("config.json").toFile()).path("mounts");
        JsonNode added = mounts.get(mounts.size() - 1);
        assertEquals(home.toString(), added.path("source").asText());
        assertEquals(home.toString(), added.path("destination").asText());
        assertEquals("bind", added.path("type").asText());

        shell.type(":next\r");
        shell.await("Step 2/3: Write to your home from the container", WAIT);
        prompt(shell);
        shell.type("runc --root \"$RUNC_ROOT\" run -b busybox-bundle myctr\r");
        shell.await("/ # ", WAIT);
        shell.type("id\r");
        shell.await("uid=0(root)", WAIT);
        shell.await("/ # ", WAIT);
        shell.type("touch " + home + "/rootless-ctr-was-here\r");
        String wrote = shell.await("/ # ", WAIT);
        assertFalse(wrote.contains("Read-only"), wrote);
        shell.type("ls -ln " + home + "/rootless-ctr-was-here\r");
        String listed = shell.await("/ # ", WAIT);
        assertTrue(
            Pattern.compile("-\\S+\\s+1\\s+0\\s+0\\s.*rootless-ctr-was-here")
                .matcher(listed)
                .find(),
            "inside, the file is root's: " + listed);
        shell.type("exit\r");
        String shared = shell.await("Step 3/3: Where to go from here", WAIT);
        System.out.println(shared);
        assertTrue(shared.contains("Step 2 done: Write to your home from the container"), shared);
        assertEquals(
            user, Files.getOwner(wasHere).getName(), "the container's root wrote it as the user");
        assertEquals(uid, ((Number) Files.getAttribute(wasHere, "unix:uid")).longValue());
        String flatShared = CourseWorld.flat(shared);
        assertTrue(
            flatShared.contains("owned on the host by " + user + " (uid " + uid + ")"), shared);
        assertTrue(flatShared.contains("its mount table had " + home + " mounted from"), shared);
        assertTrue(flatShared.contains("mapping (0 -> " + uid + ")"), shared);
        // The end of the course recaps what was measured here, step by step, in course order.
        assertTrue(flatShared.contains("That was the whole course: every step is done."), shared);
        int recap = flatShared.indexOf("What you showed on this machine:");
        assertTrue(recap > 0, shared);
        String proved = flatShared.substring(recap);
        assertTrue(proved.contains("belongs to " + user + " (uid " + uid + "), not root"), proved);
        assertTrue(proved.contains("root inside was " + user + " outside"), proved);
        assertTrue(proved.contains("(shared: true)"), proved);
        assertTrue(
            Pattern.compile("mounted ro[,\\w]*, so touch failed with EROFS").matcher(proved).find(),
            proved);
        assertTrue(
            proved.contains("belongs on the host to " + user + " (uid " + uid + "): you."), proved);
        assertTrue(
            proved.indexOf("not root") < proved.indexOf("root inside was")
                && proved.indexOf("root inside was") < proved.indexOf("EROFS"),
            proved);
        assertFalse(proved.contains("{{"), proved);
        lap("lesson 6 (home mount)", mark);

        shell.type(":status\r");
        String status = shell.await("Progress file:", WAIT);
        assertTrue(status.contains("Course rootless: 7 of 7 steps done"), status);
        prompt(shell);
        shell.quitCleanly(WAIT);
      } catch (Throwable t) {
        System.out.println("---- the screen ----\n" + shell.all());
        throw t;
      }
    }
    System.out.printf("the whole course took %.1f s%n", (System.nanoTime() - started) / 1e9);
    assertEquals(Map.of(), world.runcList(), "no container is left in " + world.runcRoot);
    assertEquals(
        List.of(),
        world.leftoversAfter(Duration.ofSeconds(5)),
        "no process of the lab's containers is left");
    assertTrue(Files.isDirectory(world.runcRoot), "the course did use this state directory");
    world.delete();
  }

  private static void prompt(PtySession shell) throws InterruptedException {
    shell.await("/lab $ ", WAIT);
  }

  private static long lap(String what, long since) {
    long now = System.nanoTime();
    System.out.printf("%s: %.1f s%n", what, (now - since) / 1e9);
    return now;
  }

  private static JsonNode index(Path layout) throws Exception {
    return JSON.readTree(layout.resolve("index.json").toFile());
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** The first group of {@code regex} in the text (white space flattened); fails when absent. */
  private static String find(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(CourseWorld.flat(text));
    assertTrue(matcher.find(), "no /" + regex + "/ in:\n" + text);
    return matcher.group(1);
  }
}
