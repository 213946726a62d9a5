package dev.noescape.ir;

/**
 * {@code target = null}: left out of the statements (a null moves no object), kept for the model
 * of C2's scalar replacement, for which a variable that is an object on one path and null on
 * another is an allocation merge ({@code Point p = null; if (c) p = new Point(); … p.x}).
 */
public record NullAssignment(Var target, StmtContext ctx) {}
