/** Reading text the shell does not control, without failing on bytes that are not UTF-8. */
package dev.rootlessctr.io;
