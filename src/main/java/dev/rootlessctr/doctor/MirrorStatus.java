package dev.rootlessctr.doctor;

/** Whether the course's offline image mirror answers; the mirror feature provides the real one. */
public interface MirrorStatus {

  /** Where the mirror is expected, for the learner, e.g. {@code 127.0.0.1:5000}. */
  String address();

  /** Asks the mirror now; true when it answered as a registry should. */
  boolean answers();

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
