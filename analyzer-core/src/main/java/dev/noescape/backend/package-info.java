/**
 * The back end: the escape engine, then the rules, over a program a front end lowered
 * ({@link dev.noescape.backend.BackEnd#run}). The one place that wires {@link dev.noescape.engine}
 * to {@link dev.noescape.rules}: the bytecode front end ({@code BytecodeAnalysis}), the javac
 * plugin and the JDK summary generator all call it. It knows no front end, no writer and no
 * third-party library, so it stays on the javac processor path with the engine.
 */
package dev.noescape.backend;
