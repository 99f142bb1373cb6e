package dev.rootlessctr.render;

import org.commonmark.renderer.NodeRenderer;

/** Makes a node renderer for one rendering, bound to that rendering's context. */
@FunctionalInterface
public interface TerminalNodeRendererFactory {

  NodeRenderer create(TerminalNodeRendererContext context);
}
