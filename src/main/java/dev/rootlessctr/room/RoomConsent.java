package dev.rootlessctr.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The learner's answer to "share your progress with the room?", kept in {@code room.json} in the
 * XDG config directory so it is asked once: {@code {"share": true, "name": "Ada"}}. Editing the
 * file (or {@code :room off}) changes it.
 *
 * @param share whether the learner agreed
 * @param name the display name the instructor sees
 */
public record RoomConsent(boolean share, String name) {

  /** What is shared, in the words the question and {@code :room} use. */
  public static final String WHAT_IS_SHARED =
      "your display name, how many steps you have done, your current lesson and step (and whether"
          + " it is done), when you reached that step and when this was sent, and the name of the"
          + " last known mistake the course recognised (the course's own words, e.g. \"no such file"
          + " or directory\", and how many times in a row). Never your commands, their output, or"
          + " any file.";

  private static final ObjectMapper JSON = new ObjectMapper();

  public RoomConsent {
    name = LearnerProgress.clean(name);
  }

  public static Path file(Path configDir) {
    return configDir.resolve("room.json");
  }

  /** The stored answer; empty when the learner was never asked (or the file is unreadable). */
  public static Optional<RoomConsent> load(Path configDir) {
    Path file = file(configDir);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      if (root == null || !root.path("share").isBoolean()) {
        return Optional.empty();
      }
      return Optional.of(
          new RoomConsent(root.path("share").asBoolean(), root.path("name").asText("")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Writes the answer (atomically: a half-written file would ask again, or worse, share). */
  public void save(Path configDir) throws IOException {
    Files.createDirectories(configDir);
    ObjectNode root = JSON.createObjectNode();
    root.put("share", share);
    root.put("name", name);
    Path file = file(configDir);
    Path temp = Files.createTempFile(configDir, "room", ".tmp");
    Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The learner's id in the room, a random one kept in the XDG state directory: stable across
   * sittings, and two learners sharing a login on one machine (two HOMEs) still differ.
   */
  public static String learnerId(Path stateDir) throws IOException {
    Path file = stateDir.resolve("room-id");
    if (Files.isRegularFile(file)) {
      String id = Files.readString(file).strip();
      if (id.matches("[a-z0-9]{16,64}")) {
        return id;
      }
    }
    byte[] random = new byte[12];
    new java.security.SecureRandom().nextBytes(random);
    String id = java.util.HexFormat.of().formatHex(random);
    Files.createDirectories(stateDir);
    Files.writeString(file, id + "\n");
    return id;
  }
}
