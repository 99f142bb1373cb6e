/**
 * Lesson text rendered for the terminal from its CommonMark tree (measured values filled in as
 * literal text), and the one word wrapper: styled JLine {@code AttributedString}s wrapped to the
 * terminal's width, or plain text under {@code NO_COLOR} and on dumb terminals.
 */
package dev.rootlessctr.render;
