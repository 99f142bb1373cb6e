/**
 * {@code :inspect}: one screen of live facts about a container, a bundle or an image layout, read
 * now with the same probes the lessons use.
 *
 * <p>{@link dev.rootlessctr.inspect.Inspector} decides what to show and returns an {@link
 * dev.rootlessctr.inspect.Inspection}, a value the shell's view prints. Every fact is measured at
 * that moment; a fact that cannot be read is kept as such, with the reason, and never guessed.
 */
package dev.rootlessctr.inspect;
