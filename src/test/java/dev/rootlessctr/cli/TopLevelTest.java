package dev.rootlessctr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopLevelTest {

  @TempDir Path state;

  private final StringWriter err = new StringWriter();

  private TopLevel handler() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-01T15:04:05Z"), ZoneOffset.UTC);
    return new TopLevel(
        new PrintWriter(err),
        new CrashLog(state.resolve("rootless-ctr"), clock),
        List.of("--lab", "x"));
  }

  @Test
  void anInputErrorIsOneReasonAndOneHintWithExitTwo() {
    int status =
        handler()
            .run(
                () -> {
                  throw new InputError(
                      "--lab x is a file, not a folder.", "Name a folder you own.");
                });
    assertEquals(ExitCode.USAGE, status);
    assertEquals(
        "rootless-ctr: --lab x is a file, not a folder.\n  Name a folder you own.\n",
        err.toString());
  }

  @Test
  void aCrashIsOneLineAndALogOnlyTheLearnerCanRead() throws Exception {
    int status =
        handler()
            .run(
                () -> {
                  Object text = "not a number";
                  return (Integer) text; // a ClassCastException, as from a bug
                });
    assertEquals(ExitCode.FAILED, status);
    String shown = err.toString();
    assertTrue(shown.startsWith("rootless-ctr: internal error: ClassCastException: "), shown);
    assertTrue(shown.contains("(at cli.TopLevelTest."), shown);
    assertFalse(shown.contains("\tat "), "no stack trace on the terminal:\n" + shown);
    Matcher named = Pattern.compile("The details are in (\\S+)\\.\\n").matcher(shown);
    assertTrue(named.find(), shown);
    Path log = Path.of(named.group(1));
    assertEquals(state.resolve("rootless-ctr/crash-20261201-150405.log"), log);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
    String text = Files.readString(log);
    assertTrue(text.contains("arguments: [--lab, x]"), text);
    assertTrue(text.contains("java.lang.ClassCastException"), text);
    assertTrue(text.contains("\tat dev.rootlessctr.cli.TopLevelTest"), text);
  }

  @Test
  void twoCrashesInOneSecondKeepBothLogs() throws Exception {
    TopLevel handler = handler();
    handler.run(
        () -> {
          throw new IllegalStateException("one");
        });
    handler.run(
        () -> {
          throw new IllegalStateException("two");
        });
    assertTrue(Files.exists(state.resolve("rootless-ctr/crash-20261201-150405.log")));
    assertTrue(
        Files.readString(state.resolve("rootless-ctr/crash-20261201-150405-1.log"))
            .contains("two"));
  }

  @Test
  void theReasonIsTheCauseInsideAWrapperAndHasNoControlCharacters() {
    Throwable wrapped =
        CompletableFuture.failedFuture(
                new IllegalArgumentException("bad\u001b[31m value\nsecond line"))
            .handle((v, e) -> e)
            .join();
    String reason = TopLevel.reason(wrapped);
    assertTrue(
        reason.startsWith("internal error: IllegalArgumentException: bad?[31m value"), reason);
    assertFalse(reason.contains("second line"), reason);
    assertTrue(
        TopLevel.reason(new StackOverflowError())
            .startsWith("ran out of stack space (something is nested too deeply)"));
  }

  @Test
  void anUnwritableStateDirStillGivesOneLine() throws Exception {
    Files.writeString(state.resolve("rootless-ctr"), "a file where the folder should be");
    int status =
        handler()
            .run(
                () -> {
                  throw new IllegalStateException("boom");
                });
    assertEquals(ExitCode.FAILED, status);
    assertTrue(err.toString().contains("The details could not be saved either"), err.toString());
    assertFalse(err.toString().contains("\tat "), err.toString());
  }

  @Test
  void aTerminalClosedUnderJLinesSignalHandlerIsNoCrash() throws Exception {
    java.io.IOError gone = new java.io.IOError(new java.io.IOException("Input/output error"));
    gone.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("org.jline.utils.Display", "update", "Display.java", 821)
        });
    handler().forThreads().uncaughtException(new Thread("SIGCONT handler"), gone);
    IllegalStateException closed = new IllegalStateException("Terminal has been closed");
    closed.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement(
              "org.jline.terminal.impl.AbstractTerminal", "checkClosed", "x.java", 1172)
        });
    handler().forThreads().uncaughtException(new Thread("SIGCONT handler"), closed);
    assertEquals("", err.toString());
    assertFalse(Files.exists(state.resolve("rootless-ctr")), "no crash log");

    handler()
        .forThreads()
        .uncaughtException(new Thread("worker"), new IllegalStateException("a real bug"));
    assertTrue(err.toString().contains("This is a bug in rootless-ctr"), err.toString());
  }
}
