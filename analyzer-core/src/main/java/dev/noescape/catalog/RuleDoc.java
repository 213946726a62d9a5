package dev.noescape.catalog;

import java.util.List;
import java.util.Locale;

/**
 * Everything a user is told about one rule: its public ID, default level, summary, explanation, a
 * before/after example and the options that change it. One declaration per rule
 * ({@code BoxingAllocationDoc.DOC} …), reached through {@link dev.noescape.catalog.RuleId#doc()};
 * every other text about the rule is rendered from it: the Error Prone {@code @BugPattern}
 * (through the declaration's compile-time constants), SARIF's {@code rules}, the HTML report, the
 * command line's {@code --help}, and {@code docs/rules/<RuleId>.md}.
 *
 * <p>Texts are Markdown (code in backticks) without hard line breaks; a paragraph break is a blank
 * line. Code is plain Java without tabs or trailing blanks.
 *
 * @param id the public rule ID: Error Prone check name, SARIF ruleId, {@code @SuppressWarnings} and
 *     baseline key; never renamed
 * @param level the severity of its findings
 * @param summary one line, no trailing period
 * @param explanation what it reports, with a message as the user sees it, then the sections
 *     {@link #SECTIONS} in that order
 * @param before class members that it reports (compiled and checked by the tests)
 * @param after the same members, fixed (compiled and checked by the tests)
 * @param options the settings that change what it reports
 */
public record RuleDoc(String id, Severity level, String summary, String explanation, String before, String after,
    List<RuleOption> options) {

  /**
   * The last paragraph of "What stays quiet" for the rules that report an allocation because it
   * repeats: what counts as a cold path ({@code dev.noescape.ir.ColdPath}), said once for all of them.
   */
  public static final String COLD_PATHS = """


      Cold paths: code that runs once, or once per failure, is no warning (at `-m=2` it is reported as \
      information saying why): a `catch` block; the operand of a `throw` and code from which every path ends in a \
      `throw` (`if (bad) { String m = String.format(...); throw new X(m); }`, but not a loop before the throw); code \
      that only leads to a call of a method that never returns normally (`if (bad) fail(String.format(...));`: \
      every path through `fail` ends in a `throw` or in such a call; a virtual call only when every implementation \
      it may run never returns; an endless loop or a recursion that only throws by assuming itself does not \
      count); an \
      `assert`; the branch guarded by a logging level check (`if (log.isDebugEnabled())`, `isTraceEnabled`, \
      `isLoggable(Level.FINE)`, … of java.util.logging, System.Logger, SLF4J, Commons Logging, Log4j, Logback, \
      Netty, JBoss Logging, Flogger, or a class of the project named `…Logger` or `…Log`); a static initializer \
      (static field initializers, `static {}` blocks) and an enum's constructors, which run once per class, and a \
      method only they call (private, or package-private with the whole package analyzed: the command line; every \
      call of it in a static initializer or in another such method, no lambda or method reference to it that may \
      outlive them); set-up code, once per object built: a constructor, a static factory (a static method that \
      returns its own class), a method of a `…Builder` class that declares `build`, and a method only they call \
      (unless a hot annotation on it, or `ReportOutsideLoops`, says otherwise); `toString()` and a method only it \
      calls, which describe the object for people (the same overrides); in a \
      loop, the arm of an `if` that turns its own guard off, once per call: the guard (or an operand of its `&&`) \
      tests a one-time flag (`if (!done) { done = true; … }`, also `done == false`; or the other way round, `if \
      (first) { first = false; … }`, on a local only), a reference for `null` (`if (x == null) { x = new …; … }`) \
      or a number against a constant (`if (start == 0.0 && …) { start = read(); … }`), of a field or a local that \
      outlives the loops, the arm sets it unconditionally (to the other flag value, to anything but `null`, to a \
      computed value), or a flag is set right after the arm, on every path from it (`if (first && …) add("\\n"); \
      first = false;`), and nothing else in the loop sets it back (to the flag's first value, to `null`, or at all \
      for a number); the arm that runs on every iteration but the first (`else` of `if (first)`, `if (!first) \
      sep();`) stays a warning; a loop inside that arm still repeats; code that runs only on a cache miss: after `v = cache.get(k)` on a map \
      kept in a field (not one the method creates), or a read of a field or an array element, the code under `if (v == null)` (also `if (!cache.containsKey(k))`, and what \
      follows `if (v != null) return v;`) when it stores its result back under the same key, into the same field or \
      into the same array (`cache.put(k, v)`, `this.table = t`), and the body of a lambda passed as the mapping \
      function of `computeIfAbsent(k, …)` on such a map (`cache.computeIfAbsent(k, x -> …)`; not on a map the method \
      creates or receives): once per key or per object.""";

  /**
   * The paragraph after {@link #COLD_PATHS} for the same rules: a retry loop
   * ({@code dev.noescape.ir.Loop#retry}) normally runs its body once per call.
   */
  public static final String RETRY_LOOPS = """


      Retry loops: a loop with no condition of its own (`for (;;)`, `while (true)`, `do … while (true)`) whose \
      body ends in a test that leaves it (`if (cas(…)) break;`, `if (done[0]) return v;`, or an `if`/`else` \
      whose arms each leave or end in such a test), one of them when an attempt succeeded (a boolean that \
      holds, a reference that is there), goes round again only when an attempt failed, such as a compare-and-set or a \
      `compute` that lost a race: what it allocates is no loop warning (at `-m=2`, information: `in a retry loop \
      (line N) that normally runs once`), and a lambda created in it is no loop either for what its body \
      allocates. A loop that works after its exit test (`while (true) { line = in.readLine(); if (line == null) \
      break; add(line); }`), a `do … while (more())` and a `for (;; i++)` go round on their normal path and are \
      loops; so is a retry loop inside another loop, named by that loop, and a `for (;;)` whose final tests \
      all leave when the input is exhausted (`if (!more()) break;`, `if (next == null) break;`, `if (--n <= 0) \
      return;`): a `do … while (more())` in disguise.""";

  /**
   * The paragraph after {@link #RETRY_LOOPS} for the rules that report one small allocation per
   * evaluation (boxing, varargs arrays, capturing lambdas): a loop that does I/O on every iteration
   * dwarfs it ({@code rules.CostlyCalls}).
   */
  public static final String IO_LOOPS = """


      Loops that do I/O: in a loop that writes output (`PrintStream.println`, `printf`, `format`) or does \
      file-system I/O (`Files.*`, `FileChannel.open`) on every iteration, not under a condition, an allocation of \
      that loop is no warning (at `-m=2`, information: `every iteration of the loop (line N) writes output \
      (PrintStream.println, line M), which costs far more than the allocation`): the system call is what each \
      iteration pays for. The same for an allocation on one arm of a branch whose arm (or an arm around it) \
      writes, such as a listener added to netty's `writeAndFlush`, and for one after an early `continue` or \
      `return` with a write that precedes it on every path or follows it on every path through the iteration, \
      also in a lambda body a stream repeats. An allocation in a loop nested inside it \
      repeats without the write and stays a \
      warning; so does one beside a `PrintWriter`'s `println`, which often writes to memory.""";

  /** The headings of the explanation after what the rule reports (the tests hold every declaration to them). */
  public static final List<String> SECTIONS =
      List.of("## Why it matters", "## What to write instead", "## What stays quiet");

  public RuleDoc {
    options = List.copyOf(options);
  }

  /**
   * Whether the rule runs unless turned off: every rule but the information ones (the escape
   * verdicts), which the javac plugin reports only when named ({@code -Xep:HeapEscape:WARN}), the
   * command line with {@code --all}, the Maven goals when listed in {@code rules}.
   */
  public boolean onByDefault() {
    return level != Severity.INFO;
  }

  /** {@code info}, {@code warning} or {@code error}. */
  public String levelName() {
    return level.name().toLowerCase(Locale.ROOT);
  }

  /** The help as plain text: the explanation, then the example indented by four spaces (SARIF {@code help.text}). */
  public String helpText() {
    return explanation + "\n\nBefore:\n\n" + indent(before) + "\n\nAfter:\n\n" + indent(after);
  }

  /**
   * The whole documentation as Markdown: title, summary, level, explanation, example, options and
   * how to turn the rule on or off (SARIF {@code help.markdown}, and the body of
   * {@code docs/rules/<RuleId>.md}). No links: SARIF viewers show it out of the repository.
   */
  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(id).append("\n\n").append(summary).append(".\n\n");
    md.append("Default level: **").append(levelName()).append("**")
        .append(onByDefault() ? "." : " (off unless enabled).").append("\n\n");
    md.append(explanation).append("\n\n## Example\n\nBefore:\n\n```java\n").append(before)
        .append("\n```\n\nAfter:\n\n```java\n").append(after).append("\n```\n\n");
    if (!options.isEmpty()) {
      md.append("## Options\n\n| javac (Error Prone plugin) | command line | Maven goals | effect |\n|---|---|---|---|\n");
      for (RuleOption o : options) {
        md.append("| `").append(o.javacUsage()).append("` | `").append(o.cliUsage()).append("` | `")
            .append(o.mavenUsage()).append("` | ").append(o.effect()).append(" |\n");
      }
      md.append('\n');
    }
    md.append("## Turning it on and off\n\n");
    if (onByDefault()) {
      md.append("- javac (Error Prone plugin): on, reported as ").append(level == Severity.ERROR ? "an error" : "a warning")
          .append("; `-Xep:").append(id).append(":OFF` turns it off")
          .append(level == Severity.ERROR ? ", `-Xep:" + id + ":WARN` reports it as a warning" : "").append(".\n");
      md.append("- Command line: on.\n");
      md.append("- Maven goals: on; `-Dnoescape.excludeRules=").append(id).append("` turns it off.\n");
    } else {
      md.append("- javac (Error Prone plugin): off; `-Xep:").append(id).append(":WARN` reports it as warnings, `-Xep:")
          .append(id).append("` as notes.\n");
      md.append("- Command line: `--all`.\n");
      md.append("- Maven goals: name it in `rules`, which replaces the default list: `-Dnoescape.rules=").append(id)
          .append(",BoxingAllocation,…`.\n");
    }
    md.append("- `@SuppressWarnings(\"").append(id).append("\")` on the variable, method or class silences it")
        .append(" (the command line honours it with `--source`, the Maven goals always).\n");
    return md.toString();
  }

  private static String indent(String code) {
    return "    " + code.replace("\n", "\n    ");
  }
}
