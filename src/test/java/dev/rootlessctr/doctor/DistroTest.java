package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistroTest {

  @Test
  void fieldsAreUnquoted() {
    Distro distro = Distro.parse(FakeHost.UBUNTU);
    assertEquals("ubuntu", distro.id());
    assertEquals(List.of("debian"), distro.idLike());
    assertEquals("24.04", distro.versionId());
    assertEquals("Ubuntu 24.04.1 LTS", distro.prettyName());
  }

  @ParameterizedTest
  @CsvSource({
    "debian, '', DEBIAN",
    "ubuntu, debian, UBUNTU",
    "linuxmint, 'ubuntu debian', UBUNTU",
    "raspbian, debian, DEBIAN",
    "fedora, '', FEDORA",
    "rocky, 'rhel centos fedora', FEDORA",
    "arch, '', OTHER",
  })
  void derivativesFollowTheirParent(String id, String idLike, Distro.Family family) {
    String text = "ID=" + id + "\n" + (idLike.isEmpty() ? "" : "ID_LIKE=\"" + idLike + "\"\n");
    assertEquals(family, Distro.parse(text).family());
  }
}
