package dev.rootlessctr.tutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RealHostFactsTest {

  @Test
  void theCommandsOfAUrfaveAndACobraUsageText() {
    String runc =
        String.join(
            "\n",
            "NAME:",
            "   runc - Open Container Initiative runtime",
            "",
            "COMMANDS:",
            "   checkpoint  checkpoint a running container",
            "   state       output the state of a container",
            "   help, h     Shows a list of commands or help for one command",
            "",
            "GLOBAL OPTIONS:",
            "   --debug  enable debug");
    assertEquals(Set.of("checkpoint", "state", "help"), RealHostFacts.parse(runc));
    String skopeo =
        String.join(
            "\n",
            "Usage:",
            "  skopeo [flags]",
            "",
            "Available Commands:",
            "  copy                                          Copy an IMAGE-NAME from one location"
                + " to another",
            "  inspect                                       Inspect image IMAGE-NAME",
            "",
            "Flags:",
            "  -h, --help   help for skopeo");
    assertEquals(Set.of("copy", "inspect"), RealHostFacts.parse(skopeo));
  }

  @Test
  void runcOnThisMachineListsState() {
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runc")), "runc is installed");
    assertTrue(
        new RealHostFacts(0)
            .subcommands("runc")
            .containsAll(List.of("state", "list", "run", "spec")));
  }
}
