package dev.rootlessctr.doctor;

/** How a finding turned out; only {@link #FAIL} blocks the lessons that need it. */
public enum Status {
  PASS,
  WARN,
  FAIL
}
