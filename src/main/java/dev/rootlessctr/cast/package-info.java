/**
 * {@code --record FILE.cast}: an asciicast v2 recording of the session, everything written to the
 * terminal with its time, as asciinema plays it.
 *
 * <p>{@link dev.rootlessctr.cast.CastWriter} writes the file; {@link
 * dev.rootlessctr.cast.RecordingTerminal} tees the shell's own output (prompt, line editor, lesson
 * text); a command's output, which reaches the terminal from its own pseudo-terminal, is fed in by
 * the line runner from the typescript it already keeps.
 */
package dev.rootlessctr.cast;
