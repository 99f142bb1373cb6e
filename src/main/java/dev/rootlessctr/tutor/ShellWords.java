package dev.rootlessctr.tutor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a shell line into simple commands and their words, the way bash would for the plain lines
 * a course uses: quotes, backslashes, {@code ~}, {@code $NAME} and {@code ${NAME}} are honoured;
 * {@code ;}, {@code &&}, {@code ||} and {@code |} separate commands; redirections and leading
 * {@code NAME=value} assignments are dropped. Anything fancier (subshells, command substitution) is
 * kept as literal text: the words are only used to recognise a command, never to run one.
 */
public final class ShellWords {

  private ShellWords() {}

  /** The simple commands of {@code line}, each as its words after expansion. */
  public static List<List<String>> commands(String line, Map<String, String> env) {
    List<List<String>> commands = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        end = end < 0 ? n : end;
        word.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i++;
        while (i < n && line.charAt(i) != '"') {
          char d = line.charAt(i);
          if (d == '\\' && i + 1 < n && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
            word.append(line.charAt(i + 1));
            i += 2;
          } else if (d == '$') {
            i = variable(line, i, env, word);
          } else {
            word.append(d);
            i++;
          }
        }
        inWord = true;
        i++;
      } else if (c == '\\' && i + 1 < n) {
        word.append(line.charAt(i + 1));
        inWord = true;
        i += 2;
      } else if (c == '$') {
        i = variable(line, i, env, word);
        inWord = true;
      } else if (c == '~'
          && !inWord
          && (i + 1 == n
              || line.charAt(i + 1) == '/'
              || Character.isWhitespace(line.charAt(i + 1)))) {
        word.append(env.getOrDefault("HOME", "~"));
        inWord = true;
        i++;
      } else if (Character.isWhitespace(c)) {
        inWord = flush(words, word, inWord);
        i++;
      } else if (c == '&' && i > 0 && (line.charAt(i - 1) == '>' || line.charAt(i - 1) == '<')) {
        word.append(c); // 2>&1: part of a redirection, not a separator
        inWord = true;
        i++;
      } else if (c == ';' || c == '|' || c == '&') {
        inWord = flush(words, word, inWord);
        endCommand(commands, words);
        words = new ArrayList<>();
        i++;
        while (i < n && (line.charAt(i) == '|' || line.charAt(i) == '&')) {
          i++;
        }
      } else if (c == '#' && !inWord) {
        break;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    flush(words, word, inWord);
    endCommand(commands, words);
    return commands;
  }

  private static int variable(String line, int i, Map<String, String> env, StringBuilder word) {
    int n = line.length();
    if (i + 1 < n && line.charAt(i + 1) == '{') {
      int end = line.indexOf('}', i + 2);
      if (end > 0) {
        word.append(env.getOrDefault(line.substring(i + 2, end), ""));
        return end + 1;
      }
    }
    int j = i + 1;
    while (j < n && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_')) {
      j++;
    }
    if (j == i + 1) {
      word.append('$');
      return i + 1;
    }
    word.append(env.getOrDefault(line.substring(i + 1, j), ""));
    return j;
  }

  private static boolean flush(List<String> words, StringBuilder word, boolean inWord) {
    if (inWord) {
      words.add(word.toString());
      word.setLength(0);
    }
    return false;
  }

  private static void endCommand(List<List<String>> commands, List<String> words) {
    List<String> kept = new ArrayList<>();
    boolean assignments = true;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (assignments && w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
        continue;
      }
      assignments = false;
      if (w.matches("\\d*(>>?|<)")) {
        i++; // a redirection and its target
        continue;
      }
      if (w.matches("\\d*(>>?|<).+")) {
        continue;
      }
      kept.add(w);
    }
    if (!kept.isEmpty()) {
      commands.add(List.copyOf(kept));
    }
  }
}
