package dev.noescape.jitbench.compilelog;

/**
 * An uncommon trap C2 put in place of code while parsing a method: {@code reason} as the log names
 * it ({@code unstable_if}, {@code unloaded}, {@code null_check}, …), and its comment
 * ({@code taken always} / {@code taken never} for unstable_if).
 */
public record Trap(int bci, String reason, String action, String comment) {}
