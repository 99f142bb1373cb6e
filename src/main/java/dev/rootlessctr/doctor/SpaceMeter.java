package dev.rootlessctr.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Measures free space; the real one asks the filesystem, tests substitute a number. */
@FunctionalInterface
public interface SpaceMeter {

  /** Bytes an unprivileged user may still write on the filesystem holding {@code path}. */
  long usableBytes(Path path) throws IOException;

  /** The filesystem's own answer. */
  static SpaceMeter fileStore() {
    return path -> Files.getFileStore(path).getUsableSpace();
  }
}
