package dev.rootlessctr.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.edit.JsonEditor.Refused;
import dev.rootlessctr.lesson.JsonEdit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lesson 6's edit on the documents a learner may leave behind: each gets one line, none a crash.
 */
class JsonEditorTest {

  private static final String MOUNT = "{\"destination\": \"/home/x\", \"type\": \"bind\"}";

  @TempDir Path dir;

  private JsonEditor.Result apply(String pointer, String document) throws Exception {
    Path file = dir.resolve("config.json");
    if (document != null) {
      Files.writeString(file, document);
    }
    return new JsonEditor()
        .apply(new JsonEdit("busybox-bundle/config.json", pointer, MOUNT, 20), file);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | NOT_AN_OBJECT | busybox-bundle/config.json is empty, not a JSON object",
        "'  \n' | NOT_AN_OBJECT | busybox-bundle/config.json is empty, not a JSON object",
        "[] | NOT_AN_OBJECT | busybox-bundle/config.json holds `[]`, not a JSON object",
        "null | NOT_AN_OBJECT | busybox-bundle/config.json holds `null`, not a JSON object",
        "\"text\" | NOT_AN_OBJECT | busybox-bundle/config.json holds `\"text\"`, not a JSON object",
        "{\"mounts\": 3 | NOT_AN_OBJECT | busybox-bundle/config.json is not valid JSON (line 1,"
            + " column 13): Unexpected end-of-input: expected close marker for Object",
        "{\"mounts\": \"none\"} | WRONG_SHAPE | busybox-bundle/config.json has `\"none\"` at"
            + " /mounts, not a list, so nothing can be added at /mounts/-",
        "{\"mounts\": {}} | WRONG_SHAPE | busybox-bundle/config.json has `{}` at /mounts, not a"
            + " list, so nothing can be added at /mounts/-",
      })
  void aDocumentTheEditCannotGoIntoIsRefusedInOneLineAndLeftAlone(
      String document, Refused.Kind kind, String message) throws Exception {
    Refused refused = assertInstanceOf(Refused.class, apply("/mounts/-", document));
    assertEquals(kind, refused.kind());
    assertEquals(message, refused.message());
    assertEquals(document, Files.readString(dir.resolve("config.json")), "the file is untouched");
  }

  @Test
  void aParentThatIsNotAContainerDeeperDownIsRefused() throws Exception {
    Refused refused = assertInstanceOf(Refused.class, apply("/linux/mounts/-", "{\"linux\": 5}"));
    assertEquals(Refused.Kind.WRONG_SHAPE, refused.kind());
    assertEquals(
        "busybox-bundle/config.json has no /linux/mounts to add to (the pointer /linux/mounts/-"
            + " needs a list there)",
        refused.message());
  }

  @Test
  void aMissingFileAndABadPointerAreRefusedToo() throws Exception {
    assertEquals(
        new Refused("busybox-bundle/config.json", Refused.Kind.MISSING, "does not exist"),
        apply("/mounts/-", null));
    Refused pointer = assertInstanceOf(Refused.class, apply("mounts", "{}"));
    assertEquals(Refused.Kind.LESSON, pointer.kind());
    assertTrue(
        pointer
            .message()
            .startsWith(
                "busybox-bundle/config.json cannot be edited: the lesson's pointer mounts is not a"
                    + " JSON pointer"),
        pointer.message());
  }

  @Test
  void aGoodDocumentIsEditedInRuncsLayoutAndOnlyOnce() throws Exception {
    JsonEditor.Applied applied =
        assertInstanceOf(
            JsonEditor.Applied.class, apply("/mounts/-", "{\"ociVersion\": \"1.0.2\"}"));
    assertTrue(applied.changed());
    assertEquals(
        "{\n"
            + "\t\"ociVersion\": \"1.0.2\",\n"
            + "\t\"mounts\": [\n"
            + "\t\t{\n"
            + "\t\t\t\"destination\": \"/home/x\",\n"
            + "\t\t\t\"type\": \"bind\"\n"
            + "\t\t}\n"
            + "\t]\n"
            + "}\n",
        Files.readString(dir.resolve("config.json")));
    JsonEditor.Applied again =
        assertInstanceOf(
            JsonEditor.Applied.class,
            new JsonEditor()
                .apply(
                    new JsonEdit("busybox-bundle/config.json", "/mounts/-", MOUNT, 20),
                    dir.resolve("config.json")));
    assertEquals(false, again.changed());
  }
}
