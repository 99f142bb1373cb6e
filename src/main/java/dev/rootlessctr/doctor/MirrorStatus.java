package dev.rootlessctr.doctor;

/** Whether the course's offline image mirror answers; the mirror feature provides the real one. */
public interface MirrorStatus {

  /** Where the mirror is expected, for the learner, e.g. {@code 127.0.0.1:5000}. */
  String address();

  /** Asks the mirror now; true when it answered as a registry should. */
  boolean answers();

  /**
   * Why no mirror is used, when none is (online mode pulls from Docker Hub itself); empty when
   * the mirror at {@link #address()} should answer.
   */
  default java.util.Optional<String> notUsed() {
    return java.util.Optional.empty();
  }

  /** No mirror in this mode, for {@code reason}: nothing to ask, nothing wrong. */
  static MirrorStatus notUsed(String reason) {
    return new MirrorStatus() {
      @Override
      public String address() {
        return "none";
      }

      @Override
      public boolean answers() {
        return false;
      }

      @Override
      public java.util.Optional<String> notUsed() {
        return java.util.Optional.of(reason);
      }
    };
  }

  /** A status for {@code address} that asks {@code probe}. */
  static MirrorStatus of(String address, java.util.function.BooleanSupplier probe) {
    return new MirrorStatus() {
      @Override
      public String address() {
        return address;
      }

      @Override
      public boolean answers() {
        return probe.getAsBoolean();
      }
    };
  }
}
