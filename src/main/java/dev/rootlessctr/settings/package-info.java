/** Where rootless-ctr keeps its files (XDG base directories) and the learner's settings. */
package dev.rootlessctr.settings;
