/**
 * Watching a workshop room: each learner's shell publishes a small progress record (only what the
 * learner agreed to share) as an OCI artifact in the room's own registry, over the distribution
 * API, and {@code rootless-ctr room HOST:PORT} reads them back into a live table for the
 * instructor. No server of its own: the registry the room already runs holds everything.
 */
package dev.rootlessctr.room;
