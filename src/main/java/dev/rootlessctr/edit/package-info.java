/** Edits {@code :run} applies for the learner (adding JSON to config.json), shown as a diff. */
package dev.rootlessctr.edit;
