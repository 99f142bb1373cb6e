package dev.rootlessctr.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A state directory that cannot be written is reported once, truthfully, with its path. */
class BackgroundSaverTest {

  @TempDir Path dir;

  @Test
  void anUnwritableStateDirIsReportedOnceAndTheEndDoesNotClaimASave() throws Exception {
    // A file where the state directory should be: even root cannot create the progress file.
    Path blocked = Files.writeString(dir.resolve("state"), "not a directory");
    ProgressStore store = new ProgressStore(blocked.resolve("progress.json"));
    Progress progress = new Progress();
    List<String> warnings = new CopyOnWriteArrayList<>();
    BackgroundSaver saver = new BackgroundSaver(store, progress, warnings::add);
    for (int step = 1; step <= 3; step++) {
      progress.complete("pull", step);
      saver.save();
      Thread.sleep(50);
    }
    saver.close();
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(
        warnings.get(0).startsWith("Progress cannot be saved to " + store.file() + " (" + blocked),
        warnings.get(0));
    assertTrue(saver.unsaved().isPresent(), "the shell must not say \"Progress saved\"");
  }

  @Test
  void aWritableStateDirSavesSilently() throws Exception {
    ProgressStore store = new ProgressStore(dir.resolve("state/progress.json"));
    Progress progress = new Progress();
    progress.complete("pull", 1);
    List<String> warnings = new CopyOnWriteArrayList<>();
    BackgroundSaver saver = new BackgroundSaver(store, progress, warnings::add);
    saver.close();
    assertEquals(List.of(), warnings);
    assertTrue(saver.unsaved().isEmpty());
    assertEquals(java.util.Set.of(1), store.load().progress().completed("pull"));
  }
}
