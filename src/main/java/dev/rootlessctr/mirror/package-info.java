/**
 * The offline lab mirror: a reproducible {@code busybox:latest} image built from the host's static
 * busybox, a read-only registry that serves it (and any OCI layout) over the OCI distribution API
 * on 127.0.0.1 or, for a room, on an address given with {@code --listen}, bounded against slow and
 * oversized clients (see {@code HttpLimits}), and the wiring that lets the learner's unchanged
 * skopeo command use it. The OCI format itself lives in {@code dev.rootlessctr.oci}.
 */
package dev.rootlessctr.mirror;
