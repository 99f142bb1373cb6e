package dev.rootlessctr.cli;

import dev.rootlessctr.mirror.RegistryMode;
import dev.rootlessctr.render.ColorMode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The options the shell and the doctor share, so the doctor judges the same course, lab and
 * registry the shell would use.
 *
 * @param lessons the course folder, or empty for {@code lessons/rootless} in the project
 * @param lab the lab directory, or empty for the default in the home
 * @param registry the registry mode, or empty to read settings.json
 * @param color when to colour
 * @param allowRoot go on as root (nothing will be rootless)
 */
public record CourseOptions(
    Optional<Path> lessons,
    Optional<Path> lab,
    Optional<RegistryMode> registry,
    ColorMode color,
    boolean allowRoot) {}
