package dev.rootlessctr.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Follows the typescript that {@code script -f} writes while a command runs, and hands on the
 * command's output as it grows: what reached the terminal, without script's own "Script started"
 * line and "Script done" trailer, and never a UTF-8 character cut in two.
 */
final class LogTail {

  private static final byte[] DONE = "\nScript done".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] STARTED = "Script started".getBytes(StandardCharsets.US_ASCII);

  private final Path log;
  private final Consumer<String> sink;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private long offset;
  private boolean headerSeen;
  private boolean trailerSeen;

  LogTail(Path log, Consumer<String> sink) {
    this.log = log;
    this.sink = sink;
  }

  /** Hands on what is new and surely the command's own; keeps back what may be script's trailer. */
  void poll() {
    read();
    emit(false);
  }

  /** The command has ended: hands on the rest, without the trailer. */
  void finish() {
    read();
    emit(true);
  }

  private void read() {
    try {
      if (!Files.exists(log)) {
        return;
      }
      try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
        long size = file.length();
        if (size <= offset) {
          return;
        }
        byte[] chunk = new byte[(int) Math.min(size - offset, 1 << 20)];
        file.seek(offset);
        file.readFully(chunk);
        offset += chunk.length;
        pending.write(chunk);
      }
    } catch (IOException e) {
      // The recording misses this piece; the command and the shell go on.
    }
  }

  private void emit(boolean end) {
    byte[] bytes = pending.toByteArray();
    if (trailerSeen) {
      pending.reset();
      return;
    }
    int from = 0;
    if (!headerSeen && !end && bytes.length < STARTED.length && prefixOf(bytes, STARTED)) {
      return; // may yet become script's header line
    }
    if (!headerSeen) {
      int newline = indexOf(bytes, (byte) '\n', 0);
      if (startsWith(bytes, STARTED) && newline < 0 && !end) {
        return; // the header line is not complete yet
      }
      from = startsWith(bytes, STARTED) && newline >= 0 ? newline + 1 : 0;
      headerSeen = bytes.length > 0 || end;
    }
    int to = bytes.length;
    int done = lastIndexOf(bytes, DONE);
    if (done >= from) {
      to = done;
      trailerSeen = true;
    } else if (!end) {
      to = safeEnd(bytes, from);
    }
    to = end ? to : utf8Boundary(bytes, from, to);
    if (to > from) {
      sink.accept(new String(bytes, from, to - from, StandardCharsets.UTF_8));
    }
    pending.reset();
    if (!end && done < from) {
      pending.write(bytes, to, bytes.length - to);
    }
  }

  /** Before a trailing newline that may begin the trailer. */
  private static int safeEnd(byte[] bytes, int from) {
    for (int i = Math.max(from, bytes.length - DONE.length); i < bytes.length; i++) {
      if (bytes[i] == '\n' && prefixOfDone(bytes, i)) {
        return i;
      }
    }
    return bytes.length;
  }

  private static boolean prefixOfDone(byte[] bytes, int at) {
    for (int i = at; i < bytes.length; i++) {
      if (bytes[i] != DONE[i - at]) {
        return false;
      }
    }
    return true;
  }

  /** Moves {@code to} back so that no multi-byte character is cut. */
  private static int utf8Boundary(byte[] bytes, int from, int to) {
    int i = to;
    while (i > from && i > to - 4 && (bytes[i - 1] & 0xC0) == 0x80) {
      i--;
    }
    if (i > from && (bytes[i - 1] & 0x80) != 0) {
      int lead = bytes[i - 1] & 0xFF;
      int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      if (to - (i - 1) < length) {
        return i - 1;
      }
    }
    return to;
  }

  private static boolean prefixOf(byte[] bytes, byte[] whole) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != whole[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(byte[] bytes, byte[] needle) {
    outer:
    for (int i = bytes.length - needle.length; i >= 0; i--) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
