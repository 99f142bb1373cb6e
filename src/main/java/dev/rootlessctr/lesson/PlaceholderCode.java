package dev.rootlessctr.lesson;

import org.commonmark.node.CustomNode;

/**
 * An inline code span that quotes a value, such as {@code `{{home}}/file`}: its children are {@link
 * org.commonmark.node.Text} and {@link Placeholder} nodes, rendered as one code span.
 */
public final class PlaceholderCode extends CustomNode {}
