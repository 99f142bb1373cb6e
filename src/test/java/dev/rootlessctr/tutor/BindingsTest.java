package dev.rootlessctr.tutor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rootlessctr.lesson.Expectation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The learner's names stand where the lesson's name the learner's things, and nowhere else.
 * Offline, the playground README's pull becomes busybox into {@code oci:alpine:latest}: alpine is
 * then the learner's name for the layout, while {@code bin/busybox} is still a file of the image.
 */
class BindingsTest {

  private final Bindings offlineReadme =
      new Bindings(
          Map.of("busybox", "alpine", "busybox-bundle", "alpine-bundle", "bg", "c1"),
          Optional.empty());

  @Test
  void aFileInsideTheImageKeepsItsName() {
    Expectation.ProbeCall rootfs =
        new Expectation.ProbeCall(
            "rootfs", List.of("busybox-bundle/rootfs", "bin/sh", "bin/busybox", "etc/passwd"), 24);
    assertEquals(
        List.of("alpine-bundle/rootfs", "bin/sh", "bin/busybox", "etc/passwd"),
        ((Expectation.ProbeCall) offlineReadme.apply(rootfs)).args());
  }

  @Test
  void theLayoutAndTheBundleAreTheLearnersButTheSourceImageIsNot() {
    assertEquals("oci-layout alpine latest", offlineReadme.apply("oci-layout busybox latest"));
    assertEquals(
        "less alpine-bundle/config.json", offlineReadme.apply("less busybox-bundle/config.json"));
    assertEquals(
        "skopeo copy docker://busybox:latest x",
        offlineReadme.apply("skopeo copy docker://busybox:latest x"));
  }

  @Test
  void aContainerInTheStateFolderIsTheLearners() {
    assertEquals("ls \"$RUNC_ROOT/c1\"", offlineReadme.apply("ls \"$RUNC_ROOT/bg\""));
    assertEquals("${RUNC_ROOT}/c1/exec.fifo", offlineReadme.apply("${RUNC_ROOT}/bg/exec.fifo"));
    assertEquals(
        "ls \"/tmp/runc/c1\"",
        new Bindings(Map.of("bg", "c1"), Optional.of(Path.of("/tmp/runc")))
            .apply("ls \"$RUNC_ROOT/bg\""));
  }

  @Test
  void aNameAtTheEndOfALineOfACodeBlockIsTheLearners() {
    assertEquals(
        "runc delete --force c1\nrunc --root x list c1\n",
        offlineReadme.apply("runc delete --force bg\nrunc --root x list bg\n"));
  }
}
