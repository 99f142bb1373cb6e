package dev.rootlessctr.lesson;

import java.util.regex.Pattern;

/**
 * The rules for paths a lesson asks the shell to write or delete: they stay in the lab. Only a
 * cleanup may also name a file in the learner's home, one by one ({@code ~/rootless-ctr-was-here}),
 * never the home itself, a hidden settings entry or anything above it.
 */
final class LabPaths {

  private static final Pattern CONTAINER_ID = Pattern.compile("[\\w+.-]+");

  private LabPaths() {}

  /** Why {@code path} may not be cleaned up, or null when it may. */
  static String cleanupProblem(String path) {
    if (path.equals("~") || path.equals("~/")) {
      return "'"
          + path
          + "' is the learner's whole home; name the file in it, e.g. ~/rootless-ctr-was-here";
    }
    if (path.startsWith("~/")) {
      String inHome = path.substring(2);
      String problem = relativeProblem(inHome, "the learner's home");
      String quoted = "'" + inHome + "'";
      if (problem != null && problem.startsWith(quoted)) {
        problem = "'" + path + "'" + problem.substring(quoted.length()); // name it as written
      }
      if (problem != null) {
        return problem;
      }
      if (inHome.startsWith(".")) {
        return "'"
            + path
            + "' is a hidden entry of the learner's home, where their settings live; a lesson may"
            + " not remove it";
      }
      return null;
    }
    if (path.startsWith("~")) {
      return "'"
          + path
          + "' names another user's home; a cleanup path is in the lab, or ~/NAME in the learner's"
          + " home";
    }
    return relativeProblem(path, "the lab");
  }

  /** Why a JSON edit may not write to {@code file}, or null when it may. */
  static String editProblem(String file) {
    return relativeProblem(file, "the learner's directory");
  }

  /** Why {@code id} is not a container id that runc accepts, or null. */
  static String containerProblem(String id) {
    if (!CONTAINER_ID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
      return "'" + id + "' is not a runc container id (letters, digits, '_', '+', '-' and '.')";
    }
    return null;
  }

  /**
   * A program name as the kernel keeps it for a process ({@code /proc/PID/comm}: at most 15 bytes),
   * so that the name a lesson declares is the one the cleanup compares.
   */
  static String programProblem(String name) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._+-]{0,14}")) {
      return "'"
          + name
          + "' is not a program name (up to 15 letters, digits, '.', '_', '+' and '-', as"
          + " /proc/PID/comm shows it)";
    }
    return null;
  }

  private static String relativeProblem(String path, String where) {
    if (path.isBlank()) {
      return "the path is empty";
    }
    if (path.startsWith("/")) {
      return "'" + path + "' is an absolute path; it must be relative to " + where;
    }
    if (path.contains("$") || path.contains("`")) {
      return "'" + path + "' uses '$' or '`'; these paths are taken literally, nothing is expanded";
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        return "'" + path + "' uses '..' to leave " + where;
      }
    }
    String trimmed =
        path.replaceAll("(^|/)\\.(?=/|$)", "$1").replaceAll("/+", "/").replaceAll("^/|/$", "");
    if (trimmed.isEmpty()) {
      return "'" + path + "' is " + where + " itself; name what is in it";
    }
    return null;
  }
}
