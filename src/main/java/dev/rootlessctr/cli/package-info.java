/**
 * The front end: one command-line parser that turns the words into an immutable command record, the
 * place where each command is built from its parts, the named exit codes, and the top-level handler
 * that turns any failure into one line and a crash log instead of a stack trace.
 */
package dev.rootlessctr.cli;
