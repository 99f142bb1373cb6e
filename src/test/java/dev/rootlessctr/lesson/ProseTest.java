package dev.rootlessctr.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.junit.jupiter.api.Test;

/** Placeholders become nodes of the tree once, at load, and are checked there. */
class ProseTest {

  private static final String STEP =
      String.join(
          "\n",
          "# T",
          "",
          "Intro for {{user}}.",
          "",
          "## S",
          "",
          "Run as {{uid}}:",
          "",
          "```sh",
          "echo {{home}}",
          "```",
          "",
          "### Check",
          "",
          "- probe: `uid-map myctr`",
          "",
          "### Explain",
          "",
          "Mapped to **{{uid-map.hostID}}**, see `/proc/{{uid-map.pid}}/uid_map`.",
          "",
          "### Hints",
          "",
          "- Look in `{{home}}`.",
          "",
          "### Mistakes",
          "",
          "- `no such container`: nothing runs as {{uid-map.hostID}} yet.",
          "");

  private static Lesson parse(String source, ProbeCatalog catalog) throws LessonException {
    return new LessonParser(catalog).parse(Path.of("t.md"), 1, source);
  }

  private static List<String> names(Prose prose) {
    return prose.placeholders().stream().map(Placeholder::name).toList();
  }

  @Test
  void placeholdersAreNodesWhereverTheyStand() throws Exception {
    Step step = parse(STEP, ProbeCatalog.ANY).steps().get(0);
    assertEquals(List.of("uid", "home"), names(step.text()));
    assertEquals(List.of("uid-map.hostID", "uid-map.pid"), names(step.explanation()));
    assertEquals(List.of("home"), names(step.hints().get(0)));
    assertEquals(List.of("uid-map.hostID"), names(step.mistakes().get(0).explanation()));
    assertEquals(19, step.explanation().placeholders().get(0).line());
    Node code = step.explanation().placeholders().get(1).getParent();
    assertInstanceOf(PlaceholderCode.class, code);
    assertEquals("/proc/", ((Text) code.getFirstChild()).getLiteral());
    assertInstanceOf(PlaceholderCodeBlock.class, step.text().placeholders().get(1).getParent());
    assertEquals(
        List.of(new Command("echo {{home}}", 10)),
        step.commands(),
        "commands keep their text, filled when run");
  }

  @Test
  void aMistakeIsWhatFollowsItsErrorText() throws Exception {
    Prose explanation =
        parse(STEP, ProbeCatalog.ANY).steps().get(0).mistakes().get(0).explanation();
    Node paragraph = explanation.document().getFirstChild();
    assertInstanceOf(Paragraph.class, paragraph);
    assertEquals("nothing runs as ", ((Text) paragraph.getFirstChild()).getLiteral());
  }

  @Test
  void oneSeparatorGoesAfterAMistakesErrorText() throws Exception {
    String source =
        "# T\n\n"
            + "## S\n\n"
            + "### Mistakes\n\n"
            + "- `a` — means a\n"
            + "- `b`:\n"
            + "  — dash kept\n"
            + "- `c`  -  `code` first\n";
    List<String> firstTexts =
        parse(source, ProbeCatalog.ANY).steps().get(0).mistakes().stream()
            .map(m -> m.explanation().document().getFirstChild().getFirstChild())
            .map(n -> n instanceof Text t ? t.getLiteral() : n.getClass().getSimpleName())
            .toList();
    assertEquals(List.of("means a", "— dash kept", "Code"), firstTexts);
  }

  @Test
  void textShownBeforeAnythingIsMeasuredMayNotQuoteAProbe() {
    String source = STEP.replace("Run as {{uid}}:", "Run as {{uid-map.hostID}}:");
    LessonException e = assertThrows(LessonException.class, () -> parse(source, ProbeCatalog.ANY));
    assertEquals(7, e.error().line());
    assertTrue(
        e.error().message().startsWith("{{uid-map.hostID}} is shown before anything is measured"),
        e.error().message());
  }

  @Test
  void aHintOrCommandMayQuoteOnlyBuiltIns() {
    LessonException hint =
        assertThrows(
            LessonException.class,
            () -> parse(STEP.replace("Look in `{{home}}`", "Look in `{{hom}}`"), ProbeCatalog.ANY));
    assertEquals(
        "t.md:23:1: unknown value {{hom}}; built-in values are [cwd, editor, exit, gid, home, lab,"
            + " runc_root, subgid_count, subgid_start, subuid_count, subuid_start, uid, user]",
        hint.error().toString());
    LessonException command =
        assertThrows(
            LessonException.class,
            () -> parse(STEP.replace("echo {{home}}", "echo {{homes}}"), ProbeCatalog.ANY));
    assertEquals(10, command.error().line());
  }

  @Test
  void aMistakeMayQuoteOnlyProbesItsStepCalls() {
    LessonException e =
        assertThrows(
            LessonException.class,
            () ->
                parse(
                    STEP.replace("nothing runs as {{uid-map.hostID}}", "see {{namespaces.net}}"),
                    ProbeCatalog.ANY));
    assertEquals(
        "t.md:27:1: {{namespaces.net}} quotes probe 'namespaces', which this step's check does not"
            + " call",
        e.error().toString());
  }

  @Test
  void theShellsCatalogChecksProbeNamesAndTheirValues() throws Exception {
    ProbeCatalog catalog =
        ProbeCatalog.of(Map.of("uid-map", List.of("hostID", "pid"), "namespaces", List.of()));
    parse(STEP, catalog);
    LessonException key =
        assertThrows(
            LessonException.class,
            () -> parse(STEP.replace("**{{uid-map.hostID}}**", "**{{uid-map.hostId}}**"), catalog));
    assertEquals(
        "t.md:19:1: {{uid-map.hostId}}: probe 'uid-map' measures hostID, pid",
        key.error().toString());
    LessonException name =
        assertThrows(
            LessonException.class,
            () -> parse(STEP.replace("`uid-map myctr`", "`uidmap myctr`"), catalog));
    assertEquals(
        "t.md:15:1: no probe named 'uidmap'; probes are namespaces, uid-map",
        name.error().toString());
  }
}
