package dev.rootlessctr.tutor;

import dev.rootlessctr.lesson.Expectation;
import dev.rootlessctr.lesson.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a learner chose in place of the lesson's: {@code alpine} for {@code busybox}, {@code
 * mybundle} for {@code busybox-bundle}, {@code c1} for {@code myctr}, and the runc state directory
 * they passed with {@code --root}. A step's checks are read with these names, so the tutor looks at
 * what the learner really made.
 *
 * @param names lesson word to learner word; whole words and path segments only
 * @param runcRoot the learner's {@code --root}, when it differs from the course's
 */
public record Bindings(Map<String, String> names, Optional<Path> runcRoot, Set<String> kept) {

  private static final String BOUNDARY = "/:=@ \"'";

  /** What may come right before a word. */
  private static final String WORD_START = " \"'=";

  /** {@code $RUNC_ROOT/} or {@code ${RUNC_ROOT}/}: a folder named by a variable. */
  private static final Pattern VARIABLE_FOLDER =
      Pattern.compile("\\$(\\{[A-Za-z_][A-Za-z0-9_]*}|[A-Za-z_][A-Za-z0-9_]*)/");

  /** {@code "$RUNC_ROOT"}, {@code ${RUNC_ROOT}} or {@code $RUNC_ROOT} as a whole word. */
  private static final Pattern RUNC_ROOT_VARIABLE =
      Pattern.compile("\"\\$RUNC_ROOT\"|\\$\\{RUNC_ROOT}|\\$RUNC_ROOT(?![A-Za-z0-9_])");

  /** A path that needs no quoting in a shell line. */
  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_./+-]+");

  public Bindings {
    names = Map.copyOf(names);
    kept = Set.copyOf(kept);
  }

  /**
   * @param kept lesson words a line typed as the lesson has them ({@code mkdir -p deep-share}): a
   *     name the learner gave for one of them before no longer stands once they use the lesson's
   */
  public Bindings(Map<String, String> names, Optional<Path> runcRoot) {
    this(names, runcRoot, Set.of());
  }

  public static Bindings none() {
    return new Bindings(Map.of(), Optional.empty());
  }

  /**
   * Only the learner's {@code --root}: the names of a line that does not name the step's things.
   */
  public Bindings rootOnly() {
    return new Bindings(Map.of(), runcRoot);
  }

  public boolean isEmpty() {
    return names.isEmpty() && runcRoot.isEmpty();
  }

  /** These bindings, overridden by {@code newer} where both name the same lesson word. */
  public Bindings with(Bindings newer) {
    Map<String, String> merged = new LinkedHashMap<>(names);
    newer.kept.forEach(merged::remove);
    newer.names.forEach(
        (from, to) -> {
          if (from.equals(to)) {
            merged.remove(from);
          } else {
            merged.put(from, to);
          }
        });
    return new Bindings(merged, newer.runcRoot.isPresent() ? newer.runcRoot : runcRoot);
  }

  /**
   * {@code text} with each lesson word replaced by the learner's, at word boundaries only, and the
   * course's {@code $RUNC_ROOT} by the learner's own {@code --root} when they gave one: the next
   * command suggested after {@code runc --root /tmp/runc run -d ...} must look in {@code /tmp/runc}
   * too.
   */
  public String apply(String text) {
    String result = text;
    for (Map.Entry<String, String> binding : names.entrySet()) {
      result = replaceWord(result, binding.getKey(), binding.getValue());
    }
    if (runcRoot.isPresent() && SAFE_PATH.matcher(runcRoot.get().toString()).matches()) {
      result =
          RUNC_ROOT_VARIABLE
              .matcher(result)
              .replaceAll(Matcher.quoteReplacement(runcRoot.get().toString()));
    }
    return result;
  }

  private static String replaceWord(String text, String from, String to) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (true) {
      int at = text.indexOf(from, i);
      if (at < 0) {
        out.append(text, i, text.length());
        return out.toString();
      }
      int end = at + from.length();
      boolean startOk = namesTheThing(text, at);
      boolean endOk =
          end == text.length()
              || BOUNDARY.indexOf(text.charAt(end)) >= 0
              || Character.isWhitespace(text.charAt(end));
      out.append(text, i, at).append(startOk && endOk ? to : from);
      i = end;
    }
  }

  /**
   * Whether a name at {@code at} names the thing itself, not something inside another: at the start
   * of a word ({@code busybox}, {@code busybox-bundle/rootfs}, {@code name=busybox}) or right after
   * a variable's folder ({@code $RUNC_ROOT/bg}). In {@code bin/busybox} (a file of the image) and
   * {@code docker://busybox:latest} (the image, not the learner's layout of it) it does not.
   */
  private static boolean namesTheThing(String text, int at) {
    if (at == 0 || startsWord(text.charAt(at - 1))) {
      return true;
    }
    if (text.charAt(at - 1) != '/') {
      return false;
    }
    int wordStart = at - 1;
    while (wordStart > 0 && !startsWord(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    return VARIABLE_FOLDER.matcher(text.substring(wordStart, at)).matches();
  }

  /** Whether {@code c} may come right before a word: a space, a line's end, a quote, {@code =}. */
  private static boolean startsWord(char c) {
    return WORD_START.indexOf(c) >= 0 || Character.isWhitespace(c);
  }

  /** {@code expectation} with the learner's names in its paths and probe arguments. */
  public Expectation apply(Expectation expectation) {
    if (isEmpty()) {
      return expectation;
    }
    if (expectation instanceof Expectation.PathState path) {
      return new Expectation.PathState(apply(path.path()), path.kind(), path.line());
    }
    if (expectation instanceof Expectation.JsonValue json) {
      return new Expectation.JsonValue(
          apply(json.file()), json.pointer(), json.expected(), json.line());
    }
    if (expectation instanceof Expectation.ProbeCall call) {
      return new Expectation.ProbeCall(
          call.name(), call.args().stream().map(this::apply).toList(), call.line());
    }
    return expectation;
  }

  /** {@code step} with its expectations read through these bindings. */
  public Step apply(Step step) {
    if (isEmpty()) {
      return step;
    }
    List<Expectation> expectations = new ArrayList<>();
    step.expectations().forEach(e -> expectations.add(apply(e)));
    List<Expectation> whileRunning = new ArrayList<>();
    step.whileRunning().forEach(e -> whileRunning.add(apply(e)));
    return step.withChecks(expectations, whileRunning);
  }

  /**
   * The binding one pair of aligned words implies: the differing core left when their common prefix
   * and suffix (cut at {@code / : = @}) are removed, e.g. {@code docker://busybox:latest} and
   * {@code docker://alpine:latest} give {@code busybox -> alpine}.
   */
  static Optional<Map.Entry<String, String>> core(String lessonWord, String learnerWord) {
    if (lessonWord.equals(learnerWord)) {
      return Optional.empty();
    }
    int prefix = 0;
    int max = Math.min(lessonWord.length(), learnerWord.length());
    int cut = 0;
    while (prefix < max && lessonWord.charAt(prefix) == learnerWord.charAt(prefix)) {
      if (BOUNDARY.indexOf(lessonWord.charAt(prefix)) >= 0) {
        cut = prefix + 1;
      }
      prefix++;
    }
    int suffix = 0;
    int tailCut = 0;
    while (suffix < max - cut
        && lessonWord.charAt(lessonWord.length() - 1 - suffix)
            == learnerWord.charAt(learnerWord.length() - 1 - suffix)) {
      if (BOUNDARY.indexOf(lessonWord.charAt(lessonWord.length() - 1 - suffix)) >= 0) {
        tailCut = suffix + 1;
      }
      suffix++;
    }
    String from = lessonWord.substring(cut, lessonWord.length() - tailCut);
    String to = learnerWord.substring(cut, learnerWord.length() - tailCut);
    if (from.isEmpty() || to.isEmpty() || from.equals(to)) {
      return Optional.empty();
    }
    return Optional.of(Map.entry(from, to));
  }
}
