/**
 * The tutorial shell: the read loop, the {@code :} commands, the prompt, completion, and how steps,
 * checks and explanations are shown.
 */
package dev.rootlessctr.shell;
