package dev.rootlessctr.shell;

import dev.rootlessctr.inspect.Fact;
import dev.rootlessctr.inspect.Inspection;

/** Prints an {@link Inspection}: a heading, then each fact as a label and its lines. */
final class InspectView {

  private static final int LABEL = 18;

  private final Printer printer;

  InspectView(Printer printer) {
    this.printer = printer;
  }

  void print(Inspection inspection) {
    printer.heading(inspection.title());
    for (Fact fact : inspection.facts()) {
      String lead = String.format("  %-" + LABEL + "s ", fact.label());
      if (fact.unreadable().isPresent()) {
        printer.labelled(lead, "(not readable) " + fact.unreadable().get());
        continue;
      }
      String hanging = " ".repeat(lead.length());
      for (int i = 0; i < fact.lines().size(); i++) {
        printer.labelled(i == 0 ? lead : hanging, fact.lines().get(i));
      }
    }
    printer.note(
        "Read now"
            + (inspection.kind() == Inspection.Kind.OVERVIEW
                ? "; :inspect NAME or PATH looks closer."
                : "; :inspect again reads it again."));
  }
}
