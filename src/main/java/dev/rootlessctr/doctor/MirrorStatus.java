package dev.rootlessctr.doctor;

/** Whether the course's offline image mirror answers; the mirror feature provides the real one. */
public interface MirrorStatus {

  /** Where the mirror is expected, for the learner, e.g. {@code 127.0.0.1:5000}. */
  String address();

  /** Asks the mirror now; true when it answered as a registry should. */
  boolean answers();

  /** Asks now: empty when it answered, else what went wrong, in words. */
  default java.util.Optional<String> problem() {
    return answers() ? java.util.Optional.empty() : java.util.Optional.of("no answer");
  }

  /** True when this is the public registry online mode pulls from, not a course mirror. */
  default boolean online() {
    return false;
  }

  /**
   * Online mode: skopeo pulls from {@code v2}'s registry itself, so that is what is asked, once,
   * within {@code deadline} ({@link RegistryReach}); {@code name} is for the learner, e.g. {@code
   * Docker Hub}.
   */
  static MirrorStatus online(
      String name,
      java.net.URI v2,
      java.time.Duration deadline,
      java.util.Map<String, String> env) {
    return new MirrorStatus() {
      @Override
      public String address() {
        return name + " (" + v2 + ")";
      }

      @Override
      public boolean answers() {
        return problem().isEmpty();
      }

      @Override
      public java.util.Optional<String> problem() {
        return RegistryReach.problem(v2, deadline, env);
      }

      @Override
      public boolean online() {
        return true;
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
