package dev.noescape.jitbench.compilelog;

/** A call C2 did not inline while parsing a method: the call's bci, the callee, and the reason the log gives. */
public record InlineFailure(int bci, LogMethod callee, String reason) {}
