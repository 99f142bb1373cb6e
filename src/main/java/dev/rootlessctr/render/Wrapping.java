package dev.rootlessctr.render;

import java.util.List;
import org.jline.utils.AttributedString;

/** Word wrap for styled text outside markdown: the shell's own messages. */
public final class Wrapping {

  private Wrapping() {}

  public static List<AttributedString> wrap(AttributedString text, int width) {
    return Wrapper.wrap(text, width);
  }
}
