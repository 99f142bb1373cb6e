/**
 * The OCI image format, once for the whole program: a validated {@link Digest}, a {@link
 * Descriptor}, the {@link MediaTypes}, and an {@link OciLayout} read and written on disk. The lab
 * mirror serves layouts through it and the probes verify them through it, so a digest is validated
 * in one place: {@link Digest#parse}.
 */
package dev.rootlessctr.oci;
