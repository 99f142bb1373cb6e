/**
 * Running the shell lines the learner types: in the lab directory, with the real terminal, keeping
 * {@code cd} and {@code export} between lines and capturing what was printed for the check.
 */
package dev.rootlessctr.exec;
