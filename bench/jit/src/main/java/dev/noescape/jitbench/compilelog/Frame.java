package dev.noescape.jitbench.compilelog;

/** One level of a JVM state: a method and a bytecode index in it. */
public record Frame(LogMethod method, int bci) {
  @Override
  public String toString() {
    return method + "@" + bci;
  }
}
