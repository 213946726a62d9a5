package dev.noescape.ir;

/**
 * Where the source puts a loop statement, for a front end that does not read the source itself
 * (bytecode). A loop with no condition of its own ({@code for (;;)}, {@code while (true)},
 * {@code do … while}) has no instruction on its statement's line: the first instruction of the
 * loop is the first statement of its body, one or more lines further down. The source mapping
 * answers which loop statement that line belongs to, so that messages name the line of the loop
 * itself ({@link Loop#headerLine()}).
 */
@FunctionalInterface
public interface SourceLoops {
  /** No source: every question is answered with null. */
  SourceLoops NONE = (file, line, mayStartLoop) -> null;

  /**
   * A loop statement of the source.
   *
   * @param line its first line (the {@code for}, {@code while} or {@code do} keyword)
   * @param conditionless it has no condition of its own: {@code for (;;)}, {@code while (true)},
   *     {@code do … while (true)}
   */
  record LoopStatement(int line, boolean conditionless) {}

  /**
   * The innermost loop statement ({@code for}, enhanced {@code for}, {@code while}, {@code do}; a
   * label not included) of {@code sourceFile} that contains {@code line}, or null when the file is
   * not found or no loop contains the line.
   *
   * @param sourceFile the file as the class file names it ({@code pkg/Name.java})
   * @param line the line of the loop's first instruction
   * @param mayStartLoop whether {@code line} may be the loop's own line (the loop tests a
   *     condition there); when false, it is a line of the loop's body, and a loop statement that
   *     starts on it is a nested loop, not the one asked for
   */
  LoopStatement loopAt(String sourceFile, int line, boolean mayStartLoop);
}
