package dev.rootlessctr.lesson;

import java.util.Set;

/** Values every explanation may quote without a probe: {@code {{user}}}, {@code {{uid}}}, ... */
public final class Placeholders {

  /** Names the shell always provides. */
  public static final Set<String> BUILT_IN =
      Set.of("user", "uid", "gid", "home", "lab", "runc_root", "exit", "cwd", "editor");

  private Placeholders() {}
}
