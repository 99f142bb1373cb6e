package dev.rootlessctr.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rootlessctr.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What {@code mvn package} hands out: the .deb's control data and files as dpkg sees them, and the
 * tarball unpacked where the unprivileged user can read it, started with only a Java runtime on
 * PATH (no Maven) and without building anything.
 */
class ReleaseIT {

  private static final List<String> DEPENDS =
      List.of(
          "runc",
          "skopeo",
          "oci-image-tool",
          "busybox-static",
          "uidmap",
          "openjdk-17-jre-headless | java17-runtime-headless");

  @Test
  void theDebDependsOnTheCoursesToolsAndInstallsTheCommand() throws Exception {
    assumeTrue(onPath("dpkg-deb"), "dpkg-deb is not installed, so the build made no .deb");
    Path deb = one("rootless-ctr_", "_all.deb");
    String info =
        run(List.of("dpkg-deb", "--field", deb.toString(), "Package", "Architecture", "Depends"))
            .output();
    assertTrue(info.contains("Package: rootless-ctr\n"), info);
    assertTrue(info.contains("Architecture: all\n"), info);
    String depends =
        info.lines()
            .filter(l -> l.startsWith("Depends: "))
            .findFirst()
            .orElseThrow()
            .substring("Depends: ".length());
    assertEquals(DEPENDS, List.of(depends.split(", ")), info);

    String contents = run(List.of("dpkg-deb", "--contents", deb.toString())).output();
    assertTrue(
        contents
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("lrwxrwxrwx")
                        && l.endsWith(
                            "./usr/bin/rootless-ctr -> ../share/rootless-ctr/rootless-ctr")),
        contents);
    assertTrue(
        contents
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("-rwxr-xr-x root/root")
                        && l.endsWith("./usr/share/rootless-ctr/rootless-ctr")),
        contents);
    for (String file :
        List.of(
            "./usr/share/rootless-ctr/rootless-ctr.jar",
            "./usr/share/rootless-ctr/lessons/rootless/01-pull.md",
            "./usr/share/doc/rootless-ctr/copyright")) {
      assertTrue(
          contents.lines().anyMatch(l -> l.endsWith(" " + file)), file + " missing:\n" + contents);
    }
    assertTrue(
        contents
            .lines()
            .anyMatch(l -> l.matches(".* \\./usr/share/rootless-ctr/lib/jline-[^/]+\\.jar")),
        contents);
    assertTrue(
        contents.lines().noneMatch(l -> l.contains("/src/") || l.contains("pom.xml")),
        "sources in the .deb:\n" + contents);
  }

  @Test
  void theTarballStartsWithOnlyJavaAndBuildsNothing() throws Exception {
    Path tarball = one("rootless-ctr-", ".tar.gz");
    Path dir = Staging.userDir("rctr-release-");
    run(List.of("tar", "-xzf", tarball.toString(), "-C", dir.toString()));
    run(List.of("chmod", "-R", "a+rX", dir.toString()));
    String top = tarball.getFileName().toString().replace(".tar.gz", "");
    Path unpacked = dir.resolve(top);
    for (String file :
        List.of(
            "rootless-ctr",
            "rootless-ctr.jar",
            "lessons/rootless/04-run.md",
            "LICENSE",
            "README.md")) {
      assertTrue(Files.exists(unpacked.resolve(file)), file + " is not in " + tarball);
    }
    String launcher = Files.readString(unpacked.resolve("rootless-ctr"));
    assertTrue(!launcher.contains("mvn"), "the release launcher must not build:\n" + launcher);

    // PATH holds java's directory and the system's, where a learner's machine has no Maven.
    String java = Path.of(System.getProperty("java.home"), "bin").toString();
    List<String> argv = new ArrayList<>(Staging.asTestUser());
    argv.addAll(
        List.of(
            "env",
            "-i",
            "PATH=" + java + ":/usr/bin:/bin",
            "HOME=" + dir,
            "XDG_CACHE_HOME=" + dir.resolve("cache"),
            unpacked.resolve("rootless-ctr").toString(),
            "--help"));
    Result help = run(argv);
    assertTrue(help.output().contains("rootless-ctr verify"), help.output());
    try (Stream<Path> files = Files.list(unpacked)) {
      assertTrue(
          files.noneMatch(p -> p.getFileName().toString().equals("target")),
          "the release built something in " + unpacked);
    }
    run(List.of("rm", "-rf", "--one-file-system", dir.toString()));
  }

  private record Result(int exit, String output) {}

  private static Path one(String prefix, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(TestPaths.project().resolve("target"))) {
      List<Path> found =
          files
              .filter(
                  p -> {
                    String name = p.getFileName().toString();
                    return name.startsWith(prefix) && name.endsWith(suffix);
                  })
              .toList();
      assertEquals(
          1,
          found.size(),
          "expected one "
              + prefix
              + "*"
              + suffix
              + " in target/ after mvn package, found "
              + found);
      return found.get(0);
    }
  }

  private static boolean onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }

  private static Result run(List<String> argv) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + argv);
    }
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), String.join(" ", argv) + " failed:\n" + text);
    return new Result(0, text);
  }
}
