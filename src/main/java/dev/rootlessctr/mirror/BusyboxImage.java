package dev.rootlessctr.mirror;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlessctr.oci.Descriptor;
import dev.rootlessctr.oci.Digest;
import dev.rootlessctr.oci.MediaTypes;
import dev.rootlessctr.oci.OciLayout;
import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Builds {@code busybox:latest} as an OCI image layout from the host's static busybox: the binary,
 * its applet links, {@code /etc/passwd}, {@code /etc/group}, {@code /tmp} (1777), {@code /root} and
 * {@code /home}. The same binary always gives the same manifest digest: entries are sorted, owners
 * and times fixed, and gzip writes no timestamp.
 */
public final class BusyboxImage {

  static final String PATH_ENV =
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path busybox;
  private final ProcessRunner processes;

  public BusyboxImage(Path busybox, ProcessRunner processes) {
    this.busybox = busybox;
    this.processes = processes;
  }

  /** The message for a host without the binary, with the command that installs it. */
  public static String missingMessage(Path busybox) {
    return busybox
        + " is missing: the offline image is built from Debian's static busybox. Install it with:"
        + " sudo apt-get install busybox-static";
  }

  /**
   * The cached layout for this binary, building it first when the cache has none: {@code
   * cacheDir/busybox-<sha256 of the binary>}. Builds go to a temporary folder renamed into place,
   * so a crash never leaves a half-built image that looks complete.
   */
  public Path cached(Path cacheDir) throws IOException {
    if (!Files.isRegularFile(busybox)) {
      throw new IOException(missingMessage(busybox));
    }
    String key = key(cacheDir);
    Path target = cacheDir.resolve("busybox-" + key);
    if (Files.isRegularFile(target.resolve("index.json"))) {
      return target;
    }
    Files.createDirectories(cacheDir);
    Path temp = Files.createTempDirectory(cacheDir, ".building-");
    try {
      build(temp);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (Files.isRegularFile(target.resolve("index.json"))) {
        return target; // another shell built it meanwhile
      }
      throw e;
    } finally {
      if (Files.exists(temp)) {
        deleteTree(temp);
      }
    }
    return target;
  }

  /** Writes the layout into {@code dir} (which exists and is empty). */
  public void build(Path dir) throws IOException {
    OciLayout layout = OciLayout.create(dir);
    List<String> applets = applets();
    Path layerTemp = dir.resolve("blobs/sha256/.layer");
    MessageDigest compressedDigest = Digest.sha256Hasher();
    MessageDigest diffDigest = Digest.sha256Hasher();
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(layerTemp));
        DigestOutputStream compressed = new DigestOutputStream(file, compressedDigest);
        GZIPOutputStream gzip = new GZIPOutputStream(compressed, 64 * 1024);
        DigestOutputStream tar = new DigestOutputStream(gzip, diffDigest)) {
      writeLayer(new TarWriter(tar), applets);
    }
    Descriptor layer =
        layout.moveIntoBlobs(
            layerTemp, Digest.sha256(compressedDigest.digest()), MediaTypes.OCI_LAYER_GZIP);
    Digest diffId = Digest.sha256(diffDigest.digest());

    ObjectNode config = JSON.createObjectNode();
    config.put("architecture", architecture());
    config.put("os", "linux");
    ObjectNode runtime = config.putObject("config");
    runtime.putArray("Env").add(PATH_ENV);
    runtime.putArray("Cmd").add("sh");
    ObjectNode rootfs = config.putObject("rootfs");
    rootfs.put("type", "layers");
    rootfs.putArray("diff_ids").add(diffId.toString());
    config
        .putArray("history")
        .addObject()
        .put("created_by", "rootless-ctr: busybox-static from the host");
    Descriptor configBlob = layout.writeBlob(JSON.writeValueAsBytes(config), MediaTypes.OCI_CONFIG);

    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
    manifest.set("config", configBlob.toJson());
    manifest.putArray("layers").add(layer.toJson());
    Descriptor manifestBlob =
        layout.writeBlob(JSON.writeValueAsBytes(manifest), MediaTypes.OCI_MANIFEST);
    layout.writeIndex(Map.of("latest", manifestBlob));
  }

  private void writeLayer(TarWriter tar, List<String> applets) throws IOException {
    // Sorted by path so the archive does not depend on the order applets are listed in.
    TreeMap<String, Object> entries = new TreeMap<>();
    for (String dir :
        List.of(
            "bin",
            "sbin",
            "usr",
            "usr/bin",
            "usr/sbin",
            "etc",
            "home",
            "root",
            "tmp",
            "proc",
            "sys",
            "dev",
            "var")) {
      entries.put(dir + "/", dir.equals("tmp") ? 01777 : dir.equals("root") ? 0700 : 0755);
    }
    for (String applet : applets) {
      if (!applet.equals("bin/busybox")) {
        entries.put(applet, "/bin/busybox");
      }
    }
    entries.put("bin/busybox", busybox);
    entries.put(
        "etc/passwd",
        "root:x:0:0:root:/root:/bin/sh\n"
            + "daemon:x:1:1:daemon:/usr/sbin:/bin/false\n"
            + "nobody:x:65534:65534:nobody:/home:/bin/false\n");
    entries.put("etc/group", "root:x:0:\ndaemon:x:1:\nnogroup:x:65534:\n");
    for (Map.Entry<String, Object> entry : entries.entrySet()) {
      String name = entry.getKey();
      Object what = entry.getValue();
      if (what instanceof Integer mode) {
        tar.directory(name, mode);
      } else if (what instanceof Path file) {
        try (InputStream in = Files.newInputStream(file)) {
          tar.file(name, 0755, Files.size(file), in);
        }
      } else if (name.startsWith("etc/")) {
        byte[] text = ((String) what).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        tar.file(name, 0644, text.length, new java.io.ByteArrayInputStream(text));
      } else {
        tar.symlink(name, (String) what);
      }
    }
    tar.finish();
  }

  /** The applets the binary provides, as paths without the leading slash. */
  List<String> applets() throws IOException {
    Captured listed =
        processes.run(
            List.of(busybox.toString(), "--list-full"),
            Path.of("/"),
            Map.of("PATH", "/usr/bin:/bin"),
            Duration.ofSeconds(10));
    if (!listed.succeeded()) {
      throw new IOException(busybox + " --list-full failed: " + listed.stderr().strip());
    }
    return listed
        .stdout()
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && l.length() < 100 && !l.contains(".."))
        .toList();
  }

  static String architecture() {
    String arch = System.getProperty("os.arch");
    return switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      case "x86", "i386", "i686" -> "386";
      case "arm" -> "arm";
      default -> arch;
    };
  }

  /**
   * The first 16 hex digits of the binary's sha256, which name its cached image. Hashing 2 MB takes
   * about 45 ms in a just-started JVM, in front of the learner's first pull, so the key is
   * remembered in {@code busybox.stamp} with what identifies the file (device, inode, size,
   * modification and change times); any change to the binary, an upgrade included, changes the
   * change time and the file is hashed again.
   */
  String key(Path cacheDir) throws IOException {
    Path stamp = cacheDir.resolve("busybox.stamp");
    String identity = identity(busybox);
    try {
      String[] recorded = Files.readString(stamp).strip().split(" ", 2);
      if (recorded.length == 2
          && recorded[1].equals(identity)
          && recorded[0].matches("[0-9a-f]{16}")) {
        return recorded[0];
      }
    } catch (IOException | RuntimeException unreadable) {
      // no stamp yet, or a damaged one: hash
    }
    String key = sha256(busybox).substring(0, 16);
    try {
      Files.createDirectories(cacheDir);
      Path temp = Files.createTempFile(cacheDir, ".stamp-", "");
      Files.writeString(temp, key + " " + identity + "\n");
      Files.move(temp, stamp, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // without a stamp the next start hashes again; nothing else depends on it
    }
    return key;
  }

  private static String identity(Path file) throws IOException {
    Path real = file.toRealPath();
    Map<String, Object> a = Files.readAttributes(real, "unix:dev,ino,size,lastModifiedTime,ctime");
    return real
        + " "
        + a.get("dev")
        + " "
        + a.get("ino")
        + " "
        + a.get("size")
        + " "
        + ((FileTime) a.get("lastModifiedTime")).toMillis()
        + " "
        + ((FileTime) a.get("ctime")).toMillis();
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest = Digest.sha256Hasher();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
