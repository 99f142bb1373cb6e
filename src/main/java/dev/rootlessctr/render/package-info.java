/**
 * Markdown rendered for the terminal: styled JLine {@code AttributedString}s wrapped to the
 * terminal's width, or plain text under {@code NO_COLOR} and on dumb terminals.
 */
package dev.rootlessctr.render;
