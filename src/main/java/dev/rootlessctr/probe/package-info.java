/** Named, read-only state probes that lesson checks call: OCI layouts, runc state, /proc. */
package dev.rootlessctr.probe;
