package dev.rootlessctr.host;

/** One user from the host's account database ({@code /etc/passwd}). */
public record Account(long uid, long gid, String name, String home) {}
