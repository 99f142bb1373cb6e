package dev.rootlessctr.lesson;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The courses that sit side by side in one folder, as the project ships them ({@code
 * lessons/rootless}, {@code lessons/deeper}): a course is a sub-folder holding at least one lesson
 * file, and its name is the folder's name. A course's display title is the first {@code # } heading
 * of an optional {@code README.md} in its folder (data, like the lessons; the loader and lint never
 * read it as a lesson); without one the title is the name.
 */
public final class CourseShelf {

  /** The same file names the course loader reads. */
  private static final Pattern LESSON_FILE = Pattern.compile("\\d+[-_].+\\.md", Pattern.DOTALL);

  /** What {@code --lessons NAME} and {@code :open NAME} accept as a name: one plain word. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** The file in a course folder that may give the course its title. */
  public static final String TITLE_FILE = "README.md";

  private static final int TITLE_MAX = 72;
  private static final int TITLE_LINES = 40;

  /**
   * One course on the shelf.
   *
   * @param name the folder's name, made visible (escaped) if it holds control characters
   * @param dir the folder, as found (a symbolic link stays one)
   * @param title the README's first heading, else the name
   * @param nameable whether {@code name} is a plain word that {@code :open} and {@code --lessons}
   *     can take
   */
  public record Entry(String name, Path dir, String title, boolean nameable) {

    /** The course in {@code dir}, wherever it is. */
    public static Entry of(Path dir) {
      Path absolute = dir.toAbsolutePath().normalize();
      Path fileName = absolute.getFileName();
      String raw = fileName == null ? "/" : fileName.toString();
      String name = VisibleText.of(raw);
      return new Entry(
          name, absolute, readTitle(absolute).orElse(name), NAME.matcher(raw).matches());
    }

    /** Whether this is the course in {@code other}, by real path (links count as their target). */
    public boolean isAt(Path other) {
      return realPath(dir).equals(realPath(other));
    }
  }

  /**
   * A value that names no course and no folder; the message says which (without the value, which
   * the caller quotes with its option), and {@link #hint} lists the courses there are.
   */
  public static final class Unknown extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Entry> courses;

    Unknown(String message, List<Entry> courses) {
      super(message);
      this.courses = List.copyOf(courses);
    }

    /** The courses there are, for the hint. */
    public List<Entry> courses() {
      return courses;
    }

    /** One line naming the courses there are, e.g. "The courses here: rootless, deeper." */
    public String hint() {
      return CourseShelf.listing(courses);
    }
  }

  private final Path dir;

  private CourseShelf(Path dir) {
    this.dir = dir;
  }

  /** The shelf in {@code dir}; a folder that does not exist is an empty shelf. */
  public static CourseShelf in(Path dir) {
    return new CourseShelf(dir.toAbsolutePath().normalize());
  }

  /** The folder that holds the courses. */
  public Path dir() {
    return dir;
  }

  /**
   * The courses on the shelf, in name order: sub-folders (or links to folders) that hold at least
   * one lesson file. A folder that cannot be listed is not a course; nothing here throws.
   */
  public List<Entry> courses() {
    List<Path> folders;
    try (Stream<Path> listing = Files.list(dir)) {
      folders = listing.filter(Files::isDirectory).sorted(Comparator.naturalOrder()).toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    List<Entry> found = new ArrayList<>();
    for (Path folder : folders) {
      if (holdsLessons(folder)) {
        found.add(Entry.of(folder));
      }
    }
    return List.copyOf(found);
  }

  /** The course called {@code name} on the shelf. */
  public Optional<Entry> named(String name) {
    return courses().stream().filter(c -> c.nameable() && c.name().equals(name)).findFirst();
  }

  /**
   * What {@code --lessons VALUE} means: a path that exists as given; else, for one plain word, the
   * folder of that name on the shelf (even an empty or broken one: the caller's checks then say
   * what is wrong with it); else {@link Unknown}, naming the courses there are.
   */
  public Path resolve(String value) throws Unknown {
    Path given;
    try {
      given = Path.of(value);
    } catch (InvalidPathException e) {
      throw new Unknown("not a usable path (" + e.getReason() + ")", courses());
    }
    if (Files.exists(given, LinkOption.NOFOLLOW_LINKS)) {
      return given;
    }
    if (NAME.matcher(value).matches()) {
      Path onShelf = dir.resolve(value);
      if (Files.exists(onShelf, LinkOption.NOFOLLOW_LINKS)) {
        return onShelf;
      }
    }
    boolean word = NAME.matcher(value).matches();
    throw new Unknown(
        word ? "there is no such folder, and no course of that name" : "there is no such folder",
        courses());
  }

  /** "The courses in DIR: rootless (The title), deeper (...)." or that there are none. */
  public static String listing(List<Entry> courses) {
    if (courses.isEmpty()) {
      return "No courses were found beside the shipped ones; name a course folder by its path.";
    }
    List<String> names = new ArrayList<>();
    for (Entry course : courses) {
      names.add(
          course.name()
              + (course.title().equals(course.name()) ? "" : " (" + course.title() + ")"));
    }
    return "The courses here: " + String.join(", ", names) + ".";
  }

  /** Whether {@code folder} holds at least one file named like a lesson. */
  public static boolean holdsLessons(Path folder) {
    try (Stream<Path> listing = Files.list(folder)) {
      return listing.anyMatch(p -> LESSON_FILE.matcher(p.getFileName().toString()).matches());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The first {@code # } heading of the course's README, made visible and cut to one short line;
   * empty without a readable one. Only the first lines are read: a title is at the top.
   */
  static Optional<String> readTitle(Path courseDir) {
    Path file = courseDir.resolve(TITLE_FILE);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      return Optional.empty();
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < TITLE_LINES; i++) {
        String line = reader.readLine();
        if (line == null) {
          break;
        }
        if (line.startsWith("# ")) {
          String title = VisibleText.of(line.substring(2).strip().replaceAll("\\s+#+$", ""));
          if (title.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(
              title.length() > TITLE_MAX ? title.substring(0, TITLE_MAX - 1) + "…" : title);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not UTF-8, unreadable: the course is shown under its name
    }
    return Optional.empty();
  }

  private static Path realPath(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize();
    }
  }
}
