package dev.rootlessctr.mirror;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline image is built from the real /bin/busybox and is the same bytes every time. */
class BusyboxImageTest {

  @TempDir Path temp;

  @Test
  void twoBuildsOfTheSameBinaryAreByteIdentical() throws IOException {
    Path first = Files.createDirectory(temp.resolve("first"));
    Path second = Files.createDirectory(temp.resolve("second"));
    new BusyboxImage(MirrorFixtures.BUSYBOX, ProcessRunner.system()).build(first);
    new BusyboxImage(MirrorFixtures.BUSYBOX, ProcessRunner.system()).build(second);

    assertEquals(MirrorFixtures.manifestDigest(first), MirrorFixtures.manifestDigest(second));
    assertEquals(MirrorFixtures.manifestDigest(first), MirrorFixtures.verifiedDigest(first));
    assertEquals(listing(first), listing(second));
    for (String name : listing(first)) {
      assertArrayEquals(
          Files.readAllBytes(first.resolve(name)), Files.readAllBytes(second.resolve(name)), name);
    }
  }

  @Test
  void aDifferentBinaryGivesADifferentDigest() throws IOException {
    Path changed = temp.resolve("busybox");
    Files.copy(MirrorFixtures.BUSYBOX, changed);
    Files.write(changed, new byte[] {0}, StandardOpenOption.APPEND);
    Files.setPosixFilePermissions(changed, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path original = Files.createDirectory(temp.resolve("original"));
    Path other = Files.createDirectory(temp.resolve("other"));
    new BusyboxImage(MirrorFixtures.BUSYBOX, ProcessRunner.system()).build(original);
    new BusyboxImage(changed, ProcessRunner.system()).build(other);

    assertNotEquals(MirrorFixtures.manifestDigest(original), MirrorFixtures.manifestDigest(other));
  }

  @Test
  void theLayerIsSortedOwnedByRootAndTimeless() throws IOException {
    Path layer = layer(MirrorFixtures.image());
    byte[] compressed = Files.readAllBytes(layer);
    assertEquals(0x1f, compressed[0] & 0xff);
    assertEquals(0x8b, compressed[1] & 0xff);
    assertArrayEquals(
        new byte[4], java.util.Arrays.copyOfRange(compressed, 4, 8), "gzip MTIME is zero");

    List<TarEntry> entries = readTar(layer);
    List<String> names = entries.stream().map(TarEntry::name).toList();
    assertEquals(names.stream().sorted().toList(), names, "entries sorted by name");
    assertEquals(names.size(), names.stream().distinct().count(), "no duplicate entries");
    for (TarEntry entry : entries) {
      assertEquals(0, entry.uid(), entry.name());
      assertEquals(0, entry.gid(), entry.name());
      assertEquals(0, entry.mtime(), entry.name());
    }
    Map<String, TarEntry> byName = new TreeMap<>();
    entries.forEach(e -> byName.put(e.name(), e));

    assertEquals('5', byName.get("tmp/").type());
    assertEquals(01777, byName.get("tmp/").mode());
    TarEntry binary = byName.get("bin/busybox");
    assertEquals('0', binary.type(), "bin/busybox is a regular file, not its own applet link");
    assertEquals(Files.size(MirrorFixtures.BUSYBOX), binary.size());
    assertEquals('0', byName.get("etc/passwd").type());
    assertEquals('0', byName.get("etc/group").type());
    assertEquals('2', byName.get("bin/sh").type());

    long links = 0;
    for (TarEntry entry : entries) {
      if (entry.type() == '2') {
        assertEquals("/bin/busybox", entry.link(), entry.name());
        links++;
      }
    }
    assertTrue(links > 100, "applet links: " + links);
  }

  @Test
  void theConfigNamesTheUncompressedLayer() throws IOException {
    Path layout = MirrorFixtures.image();
    JsonNode manifest = blobJson(layout, MirrorFixtures.manifestDigest(layout));
    JsonNode config = blobJson(layout, manifest.path("config").path("digest").asText());
    MessageDigestStream tar = new MessageDigestStream();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(layer(layout)))) {
      in.transferTo(tar);
    }
    assertEquals("sha256:" + tar.hex(), config.path("rootfs").path("diff_ids").get(0).asText());
    assertEquals("linux", config.path("os").asText());
  }

  @Test
  void theCacheBuildsOnceAndReturnsTheSameFolder() throws IOException {
    AtomicInteger runs = new AtomicInteger();
    ProcessRunner counting =
        (argv, dir, env, timeout) -> {
          runs.incrementAndGet();
          return ProcessRunner.system().run(argv, dir, env, timeout);
        };
    BusyboxImage image = new BusyboxImage(MirrorFixtures.BUSYBOX, counting);
    Path cache = temp.resolve("cache");

    Path first = image.cached(cache);
    Path second = image.cached(cache);

    assertEquals(first, second);
    assertEquals(1, runs.get(), "built once");
    assertTrue(first.getFileName().toString().startsWith("busybox-"));
    try (Stream<Path> left = Files.list(cache)) {
      assertEquals(
          List.of(first),
          left.filter(p -> !p.endsWith("busybox.stamp")).toList(),
          "no half-built folders left behind");
    }
  }

  @Test
  void theBinaryIsHashedOnceAndAgainWhenItChangesEvenWithItsOldTimeAndSize() throws Exception {
    Path busybox = temp.resolve("bin/busybox");
    Files.createDirectories(busybox.getParent());
    Files.copy(MirrorFixtures.BUSYBOX, busybox);
    BusyboxImage image = new BusyboxImage(busybox, ProcessRunner.system());
    Path cache = temp.resolve("cache");
    String key = image.key(cache);
    assertEquals(BusyboxImage.sha256(busybox).substring(0, 16), key);
    String stamp = Files.readString(cache.resolve("busybox.stamp"));
    assertTrue(stamp.startsWith(key + " "), stamp);

    // The stamp answers without hashing: a stamp naming another key for this very file wins.
    Files.writeString(cache.resolve("busybox.stamp"), "0123456789abcdef" + stamp.substring(16));
    assertEquals("0123456789abcdef", image.key(cache));

    // Same size, same modification time, other content: the change time gives it away.
    byte[] bytes = Files.readAllBytes(busybox);
    java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(busybox);
    bytes[bytes.length - 1] ^= 1;
    Thread.sleep(20);
    Files.write(busybox, bytes);
    Files.setLastModifiedTime(busybox, modified);
    assertEquals(BusyboxImage.sha256(busybox).substring(0, 16), image.key(cache));
  }

  @Test
  void aMissingBusyboxSaysHowToInstallIt() {
    BusyboxImage image = new BusyboxImage(temp.resolve("no/busybox"), ProcessRunner.system());
    IOException e = assertThrows(IOException.class, () -> image.cached(temp.resolve("cache")));
    assertTrue(e.getMessage().contains("apt-get install busybox-static"), e.getMessage());
    assertTrue(Files.notExists(temp.resolve("cache")), "nothing written for a missing binary");
  }

  private static JsonNode blobJson(Path layout, String digest) throws IOException {
    return MirrorFixtures.JSON.readTree(
        layout.resolve("blobs/sha256/" + digest.substring("sha256:".length())).toFile());
  }

  private static Path layer(Path layout) throws IOException {
    JsonNode manifest = blobJson(layout, MirrorFixtures.manifestDigest(layout));
    assertEquals(1, manifest.path("layers").size());
    return layout.resolve(
        "blobs/sha256/"
            + manifest.path("layers").get(0).path("digest").asText().substring("sha256:".length()));
  }

  private static List<String> listing(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  record TarEntry(
      String name, int mode, long uid, long gid, long size, long mtime, char type, String link) {}

  /** A reader for the plain ustar the mirror writes: enough to check every header field. */
  private static List<TarEntry> readTar(Path gzipped) throws IOException {
    List<TarEntry> entries = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipped))) {
      while (true) {
        byte[] header = in.readNBytes(512);
        assertEquals(512, header.length, "archive ends with two zero blocks");
        if (isZero(header)) {
          assertTrue(isZero(in.readNBytes(512)), "second end block");
          break;
        }
        assertEquals("ustar", text(header, 257, 6));
        long size = octal(header, 124, 12);
        entries.add(
            new TarEntry(
                text(header, 0, 100),
                (int) octal(header, 100, 8),
                octal(header, 108, 8),
                octal(header, 116, 8),
                size,
                octal(header, 136, 12),
                (char) header[156],
                text(header, 157, 100)));
        long padded = (size + 511) / 512 * 512;
        in.skipNBytes(padded);
      }
    }
    return entries;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return block.length == 512;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] header, int offset, int length) {
    String digits = text(header, offset, length).trim();
    return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
  }

  /** Hashes what is written to it. */
  private static final class MessageDigestStream extends java.io.OutputStream {
    private final java.security.MessageDigest digest = dev.rootlessctr.oci.Digest.sha256Hasher();

    @Override
    public void write(int b) {
      digest.update((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      digest.update(b, off, len);
    }

    String hex() {
      return java.util.HexFormat.of().formatHex(digest.digest());
    }
  }
}
