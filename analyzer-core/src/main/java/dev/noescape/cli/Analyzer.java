package dev.noescape.cli;

import dev.noescape.bytecode.BytecodeAnalysis;

/**
 * The analysis the command runs: {@code BytecodeAnalysis::run} in production; tests of the command
 * line's own behaviour (arguments, exit codes, output routing, progress) pass a fake.
 */
@FunctionalInterface
public interface Analyzer {
  BytecodeAnalysis.Result run(BytecodeAnalysis.Options options, BytecodeAnalysis.Progress progress);
}
