package dev.rootlessctr.lab;

import dev.rootlessctr.exec.LineRunner;
import dev.rootlessctr.exec.Outcome;
import dev.rootlessctr.exec.ShellState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Runs the learner's lines and tells the session's {@link SessionLedger} which containers each one
 * created in the course's runc state directory, so that this session only ever deletes its own.
 * Before each line the state directory is made private again if a reset removed it, so nobody else
 * can create it in the meantime.
 */
public final class ClaimingLineRunner implements LineRunner {

  private final LineRunner delegate;
  private final SessionLedger ledger;
  private final long uid;

  public ClaimingLineRunner(LineRunner delegate, SessionLedger ledger, long uid) {
    this.delegate = delegate;
    this.ledger = ledger;
    this.uid = uid;
  }

  @Override
  public Outcome run(String line, ShellState state) throws IOException {
    Path root = ledger.runcRoot();
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)
        && root.getParent() != null
        && Files.isDirectory(root.getParent())) {
      try {
        PrivateDir.create(root, uid);
      } catch (IOException e) {
        // runc reports its own error; the doctor names the cause
      }
    }
    ledger.beginLine(RuncStateFiles.ids(root));
    try {
      return delegate.run(line, state);
    } finally {
      ledger.endLine(RuncStateFiles.ids(root));
    }
  }
}
