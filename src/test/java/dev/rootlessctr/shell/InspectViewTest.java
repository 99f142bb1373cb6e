package dev.rootlessctr.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rootlessctr.inspect.Fact;
import dev.rootlessctr.inspect.Inspection;
import dev.rootlessctr.render.Style;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InspectViewTest {

  @Test
  void eachFactIsALabelAndItsLinesAndWhatCouldNotBeReadSaysSo() {
    StringWriter out = new StringWriter();
    Printer printer = new Printer(new PrintWriter(out), Style.of(false), () -> 100);
    new InspectView(printer)
        .print(
            new Inspection(
                Inspection.Kind.CONTAINER,
                "Container c1 under --root /r",
                List.of(
                    new Fact("bundles in the lab", List.of("b"), Optional.empty()),
                    new Fact("image layouts in the lab", List.of("busybox"), Optional.empty()),
                    new Fact(
                        "uid map", List.of("0 1001 1", "container root is you"), Optional.empty()),
                    new Fact(
                        "seccomp",
                        List.of(),
                        Optional.of("/proc/7/status is gone: the process has exited")))));
    assertEquals(
        String.join(
            "\n",
            "Container c1 under --root /r",
            "----------------------------",
            "  bundles in the lab b",
            "  image layouts in the lab busybox",
            "  uid map            0 1001 1",
            "                     container root is you",
            "  seccomp            (not readable) /proc/7/status is gone: the process has exited",
            "Read now; :inspect again reads it again.",
            ""),
        out.toString());
  }
}
