package dev.rootlessctr.probe;

/** Small fixes to paths as learners and lessons write them. */
final class PathWords {

  private PathWords() {}

  /** "/home/learner/" and "/home/learner" name the same directory; "/" stays "/". */
  static String withoutTrailingSlash(String path) {
    String trimmed = path;
    while (trimmed.length() > 1 && trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}
