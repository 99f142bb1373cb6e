package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor finding names the editor the lessons will suggest, and only one that is there. */
class EditorCheckTest {

  @TempDir Path tree;

  @Test
  void anInstalledEditorPassesByName() {
    FakeHost host = FakeHost.healthy(tree).script("/usr/bin/vi", "exit 0");
    Finding finding = host.run(new EditorCheck());
    assertEquals(Status.PASS, finding.status());
    assertEquals("`vi` at /usr/bin/vi; the lessons suggest it for hand edits", finding.seen());
  }

  @Test
  void theLearnersOwnChoiceComesFirstWhenItIsThere() {
    FakeHost host =
        FakeHost.healthy(tree).script("/usr/bin/nano", "exit 0").script("/usr/bin/vim", "exit 0");
    host.env.put("EDITOR", "vim -p");
    assertEquals(
        "`vim -p` at /usr/bin/vim (your $EDITOR); the lessons suggest it for hand edits",
        host.run(new EditorCheck()).seen());
    host.env.put("VISUAL", "code --wait");
    assertTrue(
        host.run(new EditorCheck()).seen().startsWith("`vim -p`"),
        "a $VISUAL that is not installed is skipped");
  }

  @Test
  void onlyBusyboxViIsAWarningWithAFriendlierEditorToInstall() {
    FakeHost host = FakeHost.healthy(tree).script("/bin/busybox", "exit 0");
    Finding finding = host.run(new EditorCheck());
    assertEquals(Status.WARN, finding.status());
    assertTrue(
        finding.seen().contains("the lessons will suggest `busybox vi` (/bin/busybox)"),
        finding.seen());
    assertTrue(
        finding.fix().contains("sudo apt-get update && sudo apt-get install -y nano"),
        finding.fix());
  }

  @Test
  void noEditorAtAllIsSaid() {
    Finding finding = FakeHost.healthy(tree).run(new EditorCheck());
    assertEquals(Status.WARN, finding.status());
    assertEquals("no text editor found on your PATH", finding.seen());
    assertTrue(finding.fix().startsWith("Optional; `:run` makes the edit for you."), finding.fix());
  }
}
