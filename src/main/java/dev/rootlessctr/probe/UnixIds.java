package dev.rootlessctr.probe;

/** A numeric user id and group id on the host. */
public record UnixIds(long uid, long gid) {}
