/** Starting programs from argument lists, behind an interface tests can replace. */
package dev.rootlessctr.process;
