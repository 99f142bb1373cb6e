package dev.rootlessctr.settings;

import java.nio.file.Path;
import java.util.Map;

/**
 * The XDG base directories for rootless-ctr, resolved once from an environment.
 *
 * <p>Each directory is already suffixed with {@code rootless-ctr}; nothing is created here.
 */
public record XdgDirs(Path config, Path data, Path state, Path cache, Path runtime) {

  private static final String APP = "rootless-ctr";

  /** Resolves the directories from {@code env}, falling back to the spec's defaults under HOME. */
  public static XdgDirs from(Map<String, String> env) {
    Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
    return new XdgDirs(
        base(env, "XDG_CONFIG_HOME", home.resolve(".config")),
        base(env, "XDG_DATA_HOME", home.resolve(".local/share")),
        base(env, "XDG_STATE_HOME", home.resolve(".local/state")),
        base(env, "XDG_CACHE_HOME", home.resolve(".cache")),
        runtimeBase(env));
  }

  private static Path base(Map<String, String> env, String name, Path fallback) {
    String value = env.get(name);
    // The spec says relative paths are invalid and must be ignored.
    Path root = value != null && value.startsWith("/") ? Path.of(value) : fallback;
    return root.resolve(APP);
  }

  private static Path runtimeBase(Map<String, String> env) {
    String value = env.get("XDG_RUNTIME_DIR");
    return value != null && value.startsWith("/") ? Path.of(value).resolve(APP) : null;
  }
}
