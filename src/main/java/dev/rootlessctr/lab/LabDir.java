package dev.rootlessctr.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks the lab directory before the shell uses it, and says plainly what is wrong: the course
 * runs commands there and later deletes what it made there, so it must be a folder of the learner's
 * own that they can write, never a link into someone else's.
 */
public final class LabDir {

  private LabDir() {}

  /** Why a lab cannot be used; {@code usage} is true when the command line itself is wrong. */
  public static final class Problem extends IOException {
    private final boolean usage;

    Problem(String message, boolean usage) {
      super(message);
      this.usage = usage;
    }

    public boolean usage() {
      return usage;
    }
  }

  /**
   * The lab to use: {@code requested} ({@code --lab}, may be null for the default), made absolute,
   * checked for {@code uid} and created if missing. Throws {@link Problem}.
   */
  public static Path prepare(Path requested, Path defaultDir, long uid) throws IOException {
    if (requested != null && requested.toString().isBlank()) {
      throw new Problem(
          "--lab needs a directory; an empty name would make the current folder ("
              + Path.of("").toAbsolutePath()
              + ") the lab, where :reset all deletes everything.",
          true);
    }
    Path lab = requested != null ? requested.toAbsolutePath().normalize() : defaultDir;
    Optional<String> problem = problem(lab, uid);
    if (problem.isPresent()) {
      throw new Problem(problem.get(), false);
    }
    if (!Files.isDirectory(lab)) {
      try {
        Files.createDirectories(lab);
      } catch (IOException e) {
        throw new Problem(
            "cannot create the lab directory "
                + lab
                + ": "
                + describe(e)
                + ". Pick a folder of yours with --lab DIR, or leave --lab out for the default.",
            false);
      }
    }
    return lab;
  }

  /** What keeps {@code lab} from being this user's lab, judged for {@code uid}. */
  static Optional<String> problem(Path lab, long uid) {
    PrivateDir.Inspection at = PrivateDir.inspect(lab);
    String fix = " Pick a folder of yours with --lab DIR, or leave --lab out for the default.";
    if (at.exists() && at.symlink()) {
      Path target;
      try {
        target = lab.toRealPath();
      } catch (IOException e) {
        return Optional.of(
            "the lab "
                + lab
                + " is a symbolic link that leads nowhere ("
                + describe(e)
                + ")."
                + fix);
      }
      PrivateDir.Inspection real = PrivateDir.inspect(target);
      if (real.owner() != uid) {
        return Optional.of(
            "the lab "
                + lab
                + " is a symbolic link to "
                + target
                + ", which belongs to user "
                + real.ownerName()
                + " (uid "
                + real.owner()
                + "): the lab must be a folder of yours, since the"
                + " course deletes what it made there."
                + fix);
      }
      at = real;
      lab = target;
    }
    if (at.exists()) {
      if (!at.directory()) {
        return Optional.of("the lab " + lab + " is a file, not a directory." + fix);
      }
      if (at.owner() != uid) {
        return Optional.of(
            "the lab "
                + lab
                + " belongs to user "
                + at.ownerName()
                + " (uid "
                + at.owner()
                + "), mode "
                + at.modeText()
                + ": the lab must be a folder of yours."
                + fix);
      }
      if ((at.mode() & 0300) != 0300) {
        return Optional.of(
            "the lab "
                + lab
                + " is yours but you cannot write in it (mode "
                + at.modeText()
                + "); chmod u+rwx "
                + lab
                + " fixes that.");
      }
      return Optional.empty();
    }
    Path parent = lab.getParent();
    while (parent != null && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
      parent = parent.getParent();
    }
    if (parent == null) {
      return Optional.empty();
    }
    PrivateDir.Inspection above = PrivateDir.inspect(parent);
    if (above.symlink()) {
      return Optional.empty(); // judged by trying: a link to a folder of ours is fine
    }
    boolean creatable =
        above.directory()
            && ((above.owner() == uid && (above.mode() & 0300) == 0300)
                || (above.mode() & 0003) == 0003
                || ((above.mode() & 0030) == 0030 && Files.isWritable(parent)));
    if (!creatable) {
      return Optional.of(
          "cannot create the lab directory "
              + lab
              + ": "
              + parent
              + (above.directory()
                  ? " belongs to user "
                      + above.ownerName()
                      + " (uid "
                      + above.owner()
                      + "), mode "
                      + above.modeText()
                      + ", and you cannot create folders in it."
                  : " is a file, not a directory.")
              + fix);
    }
    return Optional.empty();
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException denied) {
      return "permission denied on " + denied.getFile();
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
      return fs.getFile()
          + ": "
          + (fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName());
    }
    return String.valueOf(e.getMessage());
  }
}
