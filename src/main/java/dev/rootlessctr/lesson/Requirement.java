package dev.rootlessctr.lesson;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fixed vocabulary of host requirements that lessons declare and findings concern.
 *
 * <p>Lessons name requirements by {@link #tag()}, e.g. {@code needs: [runc, userns]}.
 */
public enum Requirement {
  NOT_ROOT("not-root", false),
  RUNC("runc", false),
  SKOPEO("skopeo", false),
  OCI_IMAGE_TOOL("oci-image-tool", false),
  BUSYBOX("busybox", false),
  USERNS("userns", false),
  RUNC_STATE_DIR("runc-state-dir", false),
  CGROUPS("cgroups", true),
  SUBIDS("subids", true),
  NEWUIDMAP("newuidmap", true),
  DISK("disk", false),
  MIRROR("mirror", false),
  CRUN("crun", true),
  UMOCI("umoci", true),
  SLIRP4NETNS("slirp4netns", true),
  EDITOR("editor", false);

  private final String tag;
  private final boolean extra;

  Requirement(String tag, boolean extra) {
    this.tag = tag;
    this.extra = extra;
  }

  /**
   * Whether only some lessons need it: its findings warn instead of failing, so the course as a
   * whole goes on, but a warning still stops a lesson that declares it (crun installed but unable
   * to start a container cannot serve a crun lesson).
   */
  public boolean extra() {
    return extra;
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
