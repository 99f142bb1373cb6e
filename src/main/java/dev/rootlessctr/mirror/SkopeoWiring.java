package dev.rootlessctr.mirror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;

/**
 * Makes the learner's unchanged {@code skopeo ... docker://busybox:latest ...} pull through a
 * mirror. skopeo 1.9 reads a mirror only from its global {@code --registries-conf FILE} flag, so a
 * small {@code skopeo} script in the lab, first on the lab's PATH, adds that flag and says on
 * stderr the exact command it runs and why. Everything is written inside {@code dir}; the learner's
 * {@code ~/.config/containers} is never touched.
 *
 * <p>skopeo also keeps a blob-info cache, {@code blob-info-cache-v1.boltdb}, in {@code
 * $XDG_DATA_HOME/containers/cache} (else {@code ~/.local/share/containers/cache}); 1.9 has no flag
 * for it. The shim sets XDG_DATA_HOME for skopeo alone to a folder inside {@code dir}, so the
 * course leaves nothing in the learner's home and {@code :reset all} removes the cache with the
 * lab.
 */
public final class SkopeoWiring {

  private final Path dir;

  /** {@code dir} is the shell's own folder inside the lab, e.g. {@code LAB/.rootless-ctr}. */
  public SkopeoWiring(Path dir) {
    this.dir = dir;
  }

  public Path registriesConf() {
    return dir.resolve("registries.conf");
  }

  public Path binDir() {
    return dir.resolve("bin");
  }

  /** The XDG_DATA_HOME skopeo gets from the shim: its blob-info cache goes below it. */
  public Path dataHome() {
    return dir.resolve("skopeo-data");
  }

  /**
   * Writes the configuration for {@code mirror} (host:port) and the shim for the real skopeo found
   * on {@code path}; returns the directory to put first on PATH.
   */
  public Path write(String mirror, String why, String path) throws IOException {
    String skopeo =
        findSkopeo(path)
            .orElseThrow(
                () -> new IOException("skopeo is not installed (sudo apt-get install skopeo)"));
    Files.createDirectories(binDir());
    // docker.io is rewritten to the mirror, not given a mirror: skopeo then never falls back to
    // Docker Hub, so an image the mirror lacks fails with the mirror's own answer ("name
    // unknown") instead of a DNS error from a machine that has no internet.
    String toml =
        "# Written by rootless-ctr: docker.io pulls go to "
            + mirror
            + " ("
            + why
            + ").\n"
            + "[[registry]]\n"
            + "prefix = \"docker.io\"\n"
            + "location = \""
            + mirror
            + "\"\n"
            + "insecure = true\n";
    Files.writeString(registriesConf(), toml, StandardCharsets.UTF_8);
    // Every word from outside is single-quoted: a lab folder named "it's $HOME" must neither
    // break the script nor expand.
    String conf = quote(registriesConf().toString());
    String shim =
        "#!/bin/sh\n"
            + "# Written by rootless-ctr: skopeo reads a mirror only from --registries-conf, so add"
            + " it;\n"
            + "# XDG_DATA_HOME keeps skopeo's blob-info cache in the lab, not in your home.\n"
            + "printf '%s\\n"
            + "' "
            + quote(
                "rootless-ctr: "
                    + why
                    + ", docker.io is served by "
                    + mirror
                    + "; running: XDG_DATA_HOME="
                    + dataHome()
                    + " "
                    + skopeo
                    + " --registries-conf "
                    + registriesConf()
                    + " ")
            + "\"$*\" >&2\n"
            + "XDG_DATA_HOME="
            + quote(dataHome().toString())
            + " exec "
            + quote(skopeo)
            + " --registries-conf "
            + conf
            + " \"$@\"\n";
    return writeShim(shim);
  }

  /**
   * Online mode: no mirror, only the cache kept in the lab. Returns the directory to put first on
   * PATH.
   */
  public Path writeCacheOnly(String path) throws IOException {
    String skopeo =
        findSkopeo(path)
            .orElseThrow(
                () -> new IOException("skopeo is not installed (sudo apt-get install skopeo)"));
    Files.createDirectories(binDir());
    String shim =
        "#!/bin/sh\n"
            + "# Written by rootless-ctr: XDG_DATA_HOME keeps skopeo's blob-info cache in the lab,"
            + " not in your home.\n"
            + "XDG_DATA_HOME="
            + quote(dataHome().toString())
            + " exec "
            + quote(skopeo)
            + " \"$@\"\n";
    return writeShim(shim);
  }

  private Path writeShim(String shim) throws IOException {
    Path shimFile = binDir().resolve("skopeo");
    Files.writeString(shimFile, shim, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(shimFile, PosixFilePermissions.fromString("rwxr-xr-x"));
    return binDir();
  }

  /** {@code text} as one single-quoted POSIX shell word. */
  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /** The real skopeo on {@code path}, skipping this wiring's own shim. */
  Optional<String> findSkopeo(String path) {
    return Arrays.stream(path.split(":"))
        .filter(
            entry ->
                !entry.isEmpty()
                    && !Path.of(entry)
                        .toAbsolutePath()
                        .normalize()
                        .equals(binDir().toAbsolutePath().normalize()))
        .map(entry -> Path.of(entry, "skopeo"))
        .filter(Files::isExecutable)
        .map(Path::toString)
        .findFirst();
  }
}
