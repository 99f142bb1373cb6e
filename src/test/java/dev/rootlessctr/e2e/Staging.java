package dev.rootlessctr.e2e;

import dev.rootlessctr.TestPaths;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the built program where the unprivileged test user can read it, and says how to run a
 * command as that user. A clone owned by root (e.g. under /root) is unreadable for them.
 */
public final class Staging {

  private Staging() {}

  /**
   * The user container steps run as: RCTR_TEST_USER (run-tests sets it), else the current user,
   * else, for root, the user run-tests creates.
   */
  public static String testUser() {
    String user = System.getenv("RCTR_TEST_USER");
    if (user != null && !user.isBlank()) {
      return user;
    }
    return runningAsRoot() ? "rctr-learner" : System.getProperty("user.name");
  }

  public static boolean runningAsRoot() {
    return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
  }

  /** argv prefix that runs a command as the test user (empty when we already are that user). */
  public static List<String> asTestUser() {
    List<String> prefix = new ArrayList<>();
    if (runningAsRoot() && !testUser().equals("root")) {
      prefix.addAll(List.of("runuser", "-u", testUser(), "--"));
    }
    return prefix;
  }

  /** A fresh world-readable directory under /tmp, owned by the test user. */
  public static Path userDir(String prefix) throws IOException, InterruptedException {
    Path dir =
        Files.createTempDirectory(
            Path.of("/tmp"),
            prefix,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    if (runningAsRoot()) {
      run("chown", testUser() + ":", dir.toString());
    }
    return dir;
  }

  private static Path staged;

  /**
   * Launcher, jar, libraries and lessons (plus the fixture course) in a directory the test user can
   * read: copied once per test run and removed when the run ends.
   */
  public static synchronized Path stageProgram() throws IOException, InterruptedException {
    if (staged == null) {
      staged = copyProgram();
      Path dir = staged;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      run("rm", "-rf", "--one-file-system", dir.toString());
                    } catch (IOException | InterruptedException e) {
                      // a leftover copy in /tmp is harmless
                    }
                  }));
    }
    return staged;
  }

  private static Path copyProgram() throws IOException, InterruptedException {
    Path project = TestPaths.project();
    Path stage =
        Files.createTempDirectory(
            Path.of("/tmp"),
            "rootless-ctr-stage-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Files.copy(
        project.resolve("rootless-ctr"),
        stage.resolve("rootless-ctr"),
        StandardCopyOption.COPY_ATTRIBUTES);
    copyTree(
        project.resolve("packaging"),
        stage.resolve("packaging")); // the launcher starts through packaging/rootless-ctr
    copyTree(project.resolve("target/lib"), stage.resolve("target/lib"));
    Files.copy(
        project.resolve("target/rootless-ctr.jar"),
        stage.resolve("target/rootless-ctr.jar"),
        StandardCopyOption.COPY_ATTRIBUTES);
    copyTree(project.resolve("lessons"), stage.resolve("lessons"));
    copyTree(TestPaths.fixtureCourse(), stage.resolve("fixture"));
    run("chmod", "-R", "a+rX", stage.toString());
    return stage;
  }

  static void copyTree(Path from, Path to) throws IOException {
    if (!Files.exists(from)) {
      return;
    }
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(
                file,
                to.resolve(from.relativize(file).toString()),
                StandardCopyOption.COPY_ATTRIBUTES,
                StandardCopyOption.REPLACE_EXISTING);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static void run(String... argv) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(argv).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", argv) + " failed");
    }
  }
}
