package dev.rootlessctr.lesson;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fixed vocabulary of host requirements that lessons declare and findings concern.
 *
 * <p>Lessons name requirements by {@link #tag()}, e.g. {@code needs: [runc, userns]}.
 */
public enum Requirement {
  NOT_ROOT("not-root"),
  RUNC("runc"),
  SKOPEO("skopeo"),
  OCI_IMAGE_TOOL("oci-image-tool"),
  BUSYBOX("busybox"),
  USERNS("userns"),
  RUNC_STATE_DIR("runc-state-dir"),
  CGROUPS("cgroups"),
  SUBIDS("subids"),
  NEWUIDMAP("newuidmap"),
  DISK("disk"),
  MIRROR("mirror"),
  CRUN("crun"),
  UMOCI("umoci");

  private final String tag;

  Requirement(String tag) {
    this.tag = tag;
  }

  /** The word lessons use for this requirement. */
  public String tag() {
    return tag;
  }

  /** The requirement a lesson's tag names, if it is one of the vocabulary. */
  public static Optional<Requirement> fromTag(String tag) {
    return Arrays.stream(values()).filter(r -> r.tag.equals(tag)).findFirst();
  }
}
