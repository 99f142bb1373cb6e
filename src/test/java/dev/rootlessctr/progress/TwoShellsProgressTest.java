package dev.rootlessctr.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two shells of one learner share one progress file: neither loses what the other finished. */
class TwoShellsProgressTest {

  @TempDir Path dir;

  @Test
  void eachShellsFinishedStepSurvivesTheOthersSave() throws Exception {
    Path file = dir.resolve("progress.json");
    ProgressStore first = new ProgressStore(file);
    ProgressStore second = new ProgressStore(file);
    Progress a = first.load().progress();
    Progress b = second.load().progress();

    a.complete("pull", 1);
    a.moveTo("pull", 2);
    first.save(a);
    b.complete("unpack", 1);
    b.moveTo("unpack", 2);
    second.save(b); // last writer: must not drop pull#1

    Progress onDisk = new ProgressStore(file).load().progress();
    assertEquals(Set.of(1), onDisk.completed("pull"));
    assertEquals(Set.of(1), onDisk.completed("unpack"));
    assertEquals("unpack", onDisk.currentLesson(), "the position is the last writer's");
    assertEquals(Set.of(1), b.completed("pull"), "a save also brings in the other shell's steps");
  }

  @Test
  void aResetInOneShellIsNotUndoneByTheOthersNextSave() throws Exception {
    Path file = dir.resolve("progress.json");
    ProgressStore store = new ProgressStore(file);
    Progress a = store.load().progress();
    a.complete("pull", 1);
    store.save(a);
    Progress b = store.load().progress();
    b.complete("pull", 2);
    store.save(b);

    a.forgetAll(); // :reset all in the first shell
    store.save(a);
    b.complete("spec", 1);
    store.save(b);

    Progress onDisk = store.load().progress();
    assertEquals(
        Set.of(), onDisk.completed("pull"), "the reset holds: " + onDisk.completed("pull"));
    assertEquals(Set.of(1), onDisk.completed("spec"), "what was done after the reset stays");
  }

  @Test
  void savesFromManyThreadsAtOnceLoseNothing() throws Exception {
    Path file = dir.resolve("progress.json");
    int shells = 6;
    Thread[] threads = new Thread[shells];
    for (int i = 0; i < shells; i++) {
      int lesson = i;
      threads[i] =
          new Thread(
              () -> {
                ProgressStore store = new ProgressStore(file);
                Progress progress = store.load().progress();
                for (int step = 1; step <= 5; step++) {
                  progress.complete("lesson" + lesson, step);
                  try {
                    store.save(progress);
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                }
              });
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join(20_000);
    }
    Progress onDisk = new ProgressStore(file).load().progress();
    for (int i = 0; i < shells; i++) {
      assertEquals(Set.of(1, 2, 3, 4, 5), onDisk.completed("lesson" + i), "lesson" + i);
    }
  }
}
