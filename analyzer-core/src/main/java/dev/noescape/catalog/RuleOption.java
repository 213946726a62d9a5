package dev.noescape.catalog;

/**
 * A setting that changes what a rule reports, as each front end spells it. The names are the
 * public options of the javac plugin ({@code -XepOpt:NoEscape:…}), the command line and the Maven
 * goals; tests in each front end check that the option named here exists there.
 *
 * @param javac the Error Prone flag name without {@code -XepOpt:} ({@code NoEscape:Verbosity})
 * @param javacValue an example value for the javac flag
 * @param cli the command line option ({@code --verbosity})
 * @param cliValue an example value for the command line option, or null for a flag without a value
 * @param maven the Maven parameter ({@code verbosity}; its user property is {@code noescape.} + it)
 * @param mavenValue an example value for the Maven parameter
 * @param effect what it changes, one sentence without a trailing period
 */
public record RuleOption(
    String javac, String javacValue, String cli, String cliValue, String maven, String mavenValue, String effect) {

  public static final RuleOption VERBOSITY = new RuleOption(
      "NoEscape:Verbosity", "2", "--verbosity", "2", "verbosity", "2",
      "the whole reason chain (Go's `-m=2`), and allocations that only escape into calls that do not keep them"
          + " (`ArgEscape`) as information");

  public static final RuleOption REPORT_OUTSIDE_LOOPS = new RuleOption(
      "NoEscape:ReportOutsideLoops", "true", "--report-outside-loops", null, "reportOutsideLoops", "true",
      "report everywhere, not only in loops and hot methods");

  public static final RuleOption HOT_ANNOTATIONS = new RuleOption(
      "NoEscape:HotAnnotations", "Fast,Critical", "--hot-annotation", "Fast", "hotAnnotations", "Fast,Critical",
      "more annotations (simple names) that make a method hot, besides `@HotPath` and `@NoAllocation`");

  public static final RuleOption CONTRACT_ALLOWS_NO_ESCAPE = new RuleOption(
      "NoEscape:ContractAllowsNoEscape", "true", "--contract-allows-no-escape", null, "contractAllowsNoEscape", "true",
      "allow allocations whose object provably does not escape (the JIT may remove them after inlining, but need"
          + " not)");

  public static final RuleOption EXPECTED_ESCAPES = new RuleOption(
      "NoEscape:ExpectedEscapes", "true", "--expected-escapes", null, "expectedEscapes", "true",
      "also report the escapes that are expected: thrown objects, objects made by static initializers (static"
          + " fields, enum constants) and returned objects (verbosity 2 reports them too)");

  public static final RuleOption JIT_JDK = new RuleOption(
      "NoEscape:JitJdk", "25", "--jit-jdk", "25", "jitJdk", "25",
      "the JDK release whose C2 the scalar-replacement prediction targets (default: the release the code is"
          + " compiled for)");

  public static final RuleOption DEMOTE_JIT_WARNINGS = new RuleOption(
      "NoEscape:DemoteJitWarnings", "true", "--demote-jit-warnings", null, "demoteJitWarnings", "true",
      "report the warnings about allocations C2 is predicted to remove as information, for JDK 23 and later (where"
          + " that prediction measured at least 95 % right)");

  /** {@code -XepOpt:NoEscape:Verbosity=2}. */
  public String javacUsage() {
    return "-XepOpt:" + javac + "=" + javacValue;
  }

  /** {@code --verbosity 2}, or {@code --report-outside-loops}. */
  public String cliUsage() {
    return cliValue == null ? cli : cli + " " + cliValue;
  }

  /** {@code -Dnoescape.verbosity=2}: the Maven parameter set through its user property. */
  public String mavenUsage() {
    return "-Dnoescape." + maven + "=" + mavenValue;
  }
}
