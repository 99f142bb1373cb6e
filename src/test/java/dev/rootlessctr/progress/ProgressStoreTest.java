package dev.rootlessctr.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {

  @TempDir Path dir;

  @Test
  void savedProgressLoadsBackWithThePosition() throws Exception {
    ProgressStore store = new ProgressStore(dir.resolve("state/progress.json"));
    Progress progress = new Progress();
    progress.complete("pull", 1);
    progress.complete("pull", 2);
    progress.complete("spec", 1);
    progress.moveTo("spec", 2);
    store.save(progress);

    ProgressStore.Loaded loaded = store.load();
    assertNull(loaded.warning());
    assertEquals(Set.of(1, 2), loaded.progress().completed("pull"));
    assertEquals("spec", loaded.progress().currentLesson());
    assertEquals(2, loaded.progress().currentStep());
    try (Stream<Path> files = Files.list(dir.resolve("state"))) {
      assertEquals(
          Set.of("progress.json", "progress.json.lock"),
          files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
          "no temporary file is left behind");
    }
  }

  @Test
  void aSkippedStepIsSavedAsSkippedUntilAShellDoesIt() throws Exception {
    ProgressStore store = new ProgressStore(dir.resolve("progress.json"));
    Progress first = store.load().progress();
    first.complete("limits", 1);
    first.skip("limits", 2);
    store.save(first);
    assertTrue(Files.readString(dir.resolve("progress.json")).contains("\"skipped\""));

    Progress second = store.load().progress();
    assertTrue(second.isSkipped("limits", 2));
    assertFalse(second.isComplete("limits", 2), "skipped is not done");

    second.complete("limits", 2); // the doctor was wrong: the learner did it anyway
    store.save(second);
    store.save(first); // another shell that still thinks it skipped saves after it
    Progress third = store.load().progress();
    assertTrue(third.isComplete("limits", 2));
    assertFalse(third.isSkipped("limits", 2));

    third.forgetLesson("limits");
    third.skip("limits", 3);
    store.save(third);
    Progress fourth = store.load().progress();
    assertFalse(fourth.isComplete("limits", 2));
    assertTrue(fourth.isSkipped("limits", 3));
    assertFalse(fourth.isSkipped("limits", 2));
  }

  @Test
  void aCorruptFileIsSetAsideReportedAndReplaced() throws Exception {
    Path file = dir.resolve("progress.json");
    Files.writeString(
        file,
        "{\"version\": 1, \"completed\": {\"pull\": [1, "); // a crash mid-write by another tool
    ProgressStore store = new ProgressStore(file);

    ProgressStore.Loaded loaded = store.load();

    assertNotNull(loaded.warning());
    assertTrue(
        loaded.warning().contains("set aside as " + dir.resolve("progress.json.corrupt-")),
        loaded.warning());
    assertTrue(loaded.progress().completed("pull").isEmpty());
    assertFalse(Files.exists(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertTrue(
          files.anyMatch(p -> p.getFileName().toString().startsWith("progress.json.corrupt-")));
    }
    store.save(loaded.progress());
    assertNull(store.load().warning());
  }

  @Test
  void wrongShapesAreCorruptToo() throws Exception {
    Path file = dir.resolve("p.json");
    Files.writeString(file, "{\"version\": 1, \"completed\": {\"pull\": \"all\"}}");
    assertTrue(new ProgressStore(file).load().warning().contains("completed.pull is not a list"));
    Files.writeString(file, "[]");
    assertTrue(
        new ProgressStore(file).load().warning().contains("not a rootless-ctr progress file"));
  }
}
