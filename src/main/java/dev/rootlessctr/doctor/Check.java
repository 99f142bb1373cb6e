package dev.rootlessctr.doctor;

/** One diagnosis of the host; reads only, never changes anything. */
interface Check {

  /** Looks at the host and says what it found. */
  Finding run(HostView host);
}
