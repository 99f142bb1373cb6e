package dev.rootlessctr.exec;

import java.io.IOException;

/** Runs one shell line the learner typed (or {@code :run} sent) and reports its outcome. */
public interface LineRunner {

  /** Runs {@code line} from {@code state}, then moves {@code state} to where the line left it. */
  Outcome run(String line, ShellState state) throws IOException;
}
