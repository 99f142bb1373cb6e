package dev.rootlessctr.doctor;

import dev.rootlessctr.lesson.Requirement;
import java.util.List;
import java.util.Optional;

/** A hand-made report, so rendering tests do not depend on the machine. */
final class ReportFixtures {

  private ReportFixtures() {}

  static DoctorReport sample() {
    Distro debian = Distro.parse(FakeHost.DEBIAN);
    List<Finding> findings =
        List.of(
            new Finding(
                "not-root",
                "Not running as root",
                Status.PASS,
                Requirement.NOT_ROOT,
                "effective uid on the Uid: line of /proc/self/status",
                "uid 1001 (learner)",
                "",
                "",
                List.of()),
            new Finding(
                "subids",
                "Subordinate ids",
                Status.WARN,
                Requirement.SUBIDS,
                "/etc/subuid and /etc/subgid",
                "no entry for learner in /etc/subuid",
                "The course maps only your own uid, so it needs no subordinate ids.",
                "Optional; give yourself a range no other user has, e.g.:\n"
                    + "  sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535"
                    + " learner",
                List.of()),
            new Finding(
                "runc",
                "runc",
                Status.FAIL,
                Requirement.RUNC,
                "`runc --version` via your PATH",
                "installed at /usr/sbin/runc, but /usr/sbin is not on your PATH",
                "runc creates and runs the containers in every lesson from Run on.",
                "Add it to your PATH now and for future logins:\n"
                    + "  export PATH=\"$PATH:/usr/sbin\"\n"
                    + "  echo 'export PATH=\"$PATH:/usr/sbin\"' >> ~/.profile",
                List.of()),
            new Finding(
                "skopeo",
                "skopeo",
                Status.FAIL,
                Requirement.SKOPEO,
                "`skopeo --version` via your PATH",
                "not installed (not found on your PATH)",
                "skopeo copies images from the mirror into an OCI layout.",
                "Install it:\n  sudo apt-get update && sudo apt-get install -y skopeo",
                List.of("skopeo")));
    InstallOffer offer =
        new InstallOffer(
            List.of("skopeo"),
            Packages.installSteps(debian, List.of("skopeo"), false),
            Packages.installLine(debian, List.of("skopeo"), false),
            SudoAccess.WITH_PASSWORD);
    return new DoctorReport(debian, 1001, "learner", findings, Optional.of(offer));
  }

  static List<String> lessons(String tag) {
    return switch (tag) {
      case "runc" -> List.of("lesson 4 (Run)", "lesson 5 (Inside)");
      case "skopeo" -> List.of("lesson 2 (Pull)");
      default -> List.of();
    };
  }
}
