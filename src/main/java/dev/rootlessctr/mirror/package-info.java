/**
 * The offline lab mirror: a reproducible {@code busybox:latest} image built from the host's static
 * busybox, a read-only registry on 127.0.0.1 that serves it (and any OCI layout) over the OCI
 * distribution API, and the wiring that lets the learner's unchanged skopeo command use it.
 */
package dev.rootlessctr.mirror;
