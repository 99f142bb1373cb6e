/**
 * The lab: the directory commands run in, the runc state directory the course uses, and the
 * exact cleanup of what lessons created.
 */
package dev.rootlessctr.lab;
