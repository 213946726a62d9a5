package dev.noescape.jitbench.compilelog;

import java.util.ArrayList;
import java.util.List;

/**
 * One compilation task of the log.
 *
 * @param compiler {@code c2} or {@code c1} (from the task's {@code <nmethod>}, else from the
 *     task's level: C1 tasks carry a level 1..3, C2 tasks none)
 * @param osr whether it is an on-stack-replacement compilation
 * @param success whether the task installed code ({@code <task_done success='1'>})
 */
public record Task(
    int compileId,
    LogMethod method,
    String compiler,
    boolean osr,
    boolean success,
    List<Parse> parses,
    List<Elimination> eliminations) {

  Task(int compileId, LogMethod method, String compiler, boolean osr) {
    this(compileId, method, compiler, osr, false, new ArrayList<>(), new ArrayList<>());
  }

  Task withOutcome(String compiler, boolean success) {
    return new Task(compileId, method, compiler, osr, success, parses, eliminations);
  }

  public boolean isC2() {
    return "c2".equals(compiler);
  }
}
