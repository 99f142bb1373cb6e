package dev.rootlessctr.doctor;

import dev.rootlessctr.host.Editor;
import dev.rootlessctr.lesson.Requirement;
import java.util.List;
import java.util.Optional;

/**
 * Finds the text editor the lessons will suggest when a file is edited by hand ({@link Editor});
 * only a warning, since {@code :run} makes those edits too.
 */
final class EditorCheck implements Check {

  private static final String WHY =
      "A lesson asks you to edit config.json by hand and names an editor that is there; without"
          + " one you can still let `:run` make the edit.";

  @Override
  public Finding run(HostView host) {
    Finding.Draft draft =
        Finding.about(
            "editor",
            "Text editor",
            Requirement.EDITOR,
            "$VISUAL, $EDITOR, then "
                + String.join(", ", Editor.COMMON)
                + " on your PATH, then busybox's vi");
    Optional<Editor> editor = Editor.find(host.env(), host::which);
    if (editor.isEmpty()) {
      return draft.outcome(
          Status.WARN, "no text editor found on your PATH", WHY, fix(host), List.of());
    }
    Editor found = editor.get();
    String where = host.hostPathOf(found.path());
    if (found.source().equals("busybox")) {
      return draft.warn(
          "none of "
              + String.join(", ", Editor.COMMON)
              + " is installed; the lessons will"
              + " suggest `busybox vi` ("
              + where
              + "), a bare vi",
          WHY,
          fix(host));
    }
    String why = found.source().startsWith("$") ? " (your " + found.source() + ")" : "";
    return draft.pass(
        "`" + found.command() + "` at " + where + why + "; the lessons suggest it for hand edits");
  }

  private static String fix(HostView host) {
    return Packages.installFix(
        "Optional; `:run` makes the edit for you. For a friendlier editor:",
        "nano",
        host.distro(),
        host.user().isRoot());
  }
}
