package dev.rootlessctr.cli;

import java.io.InputStream;
import java.io.PrintWriter;

/** The streams and environment a command runs with. */
public record Context(PrintWriter out, PrintWriter err, InputStream in, Environment env) {}
