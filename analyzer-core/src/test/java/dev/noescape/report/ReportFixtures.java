package dev.noescape.report;

import dev.noescape.finding.Finding;
import dev.noescape.finding.Fix;
import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Subject;
import dev.noescape.finding.Subjects;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Reason;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.SymbolicExpr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Findings, sources and runs the writer tests share. */
public final class ReportFixtures {
  private ReportFixtures() {}

  public static final String ORDERS = "app/src/main/java/com/acme/orders/OrderBook.java";
  public static final String CACHE = "app/src/main/java/com/acme/cache/Cache.java";
  public static final String UTIL = "lib/src/main/java/com/acme/util/Strings.java";

  public static MethodRef method(String owner, String name, String... params) {
    return new MethodRef(owner, name, List.of(params), "void", false);
  }

  public static Finding finding(
      RuleId rule, String file, SourcePos pos, String message, int hotness, MethodRef method, Subject subject, List<Reason> reasons, Fix fix) {
    return new Finding(rule, rule.defaultSeverity(), file, pos, message, reasons, hotness, fix, method, subject);
  }

  public static final String REPRESENTER = "src/org/yaml/snakeyaml/representer/SafeRepresenter.java";

  /**
   * One loop written once per primitive type (snakeyaml's SafeRepresenter): a box per element, the
   * loop one line above. The message is built as the rule builds it, and the template key as
   * {@code RuleSupport.finding} makes it.
   */
  public static Finding templateCopy(String type, String box, int line, String range) {
    MethodRef m = method("org.yaml.snakeyaml.representer.SafeRepresenter$RepresentPrimitiveArray",
        "as" + (type.equals("int") ? "Int" : box) + "List", "java.lang.Object");
    String message = "boxing " + type + " to " + box + " allocates on every iteration of the loop (line " + (line - 1)
        + ") " + range + ": List.add takes an object, so the box is required";
    return finding(RuleId.BOXING_ALLOCATION, REPRESENTER, SourcePos.of(line, 18), message, 5220, m,
        Subjects.boxing(0, type, box), List.of(), null)
        .withTemplate(dev.noescape.finding.TemplateKey.of(m, line, message));
  }

  /** The six copies of SafeRepresenter's template: short, int, long (one range clause), float, double, char. */
  public static List<ReportedFinding> templateCopies() {
    String cached = "when the value is outside -128..127";
    return List.of(
        ReportedFinding.of(templateCopy("short", "Short", 255, cached)),
        ReportedFinding.of(templateCopy("int", "Integer", 264, cached)),
        ReportedFinding.of(templateCopy("long", "Long", 273, cached)),
        ReportedFinding.of(templateCopy("float", "Float", 282, "for every value (Float has no cache)")),
        ReportedFinding.of(templateCopy("double", "Double", 291, "for every value (Double has no cache)")),
        ReportedFinding.of(templateCopy("char", "Character", 300, "for characters above 127 (non-ASCII)")));
  }

  public static final MethodRef SUBMIT = method("com.acme.orders.OrderBook", "submit", "java.util.List");
  public static final MethodRef PUT = method("com.acme.cache.Cache", "put", "java.lang.String", "java.lang.Object");
  public static final MethodRef JOIN = method("com.acme.util.Strings", "join", "java.util.List");

  public static final List<String> ORDERS_SOURCE =
      List.of(
          "package com.acme.orders;",
          "",
          "class OrderBook {",
          "  void submit(List<Order> orders) {",
          "    List<Long> ids = new ArrayList<>();",
          "    Long total = 0L;",
          "    for (Order o : orders) {",
          "      ids.add(o.id());",
          "      total += o.qty();",
          "      book.removeIf(x -> x.id() == o.id());",
          "    }",
          "  }",
          "}");

  public static final List<String> CACHE_SOURCE =
      List.of(
          "package com.acme.cache;",
          "",
          "final class Cache {",
          "  static final Cache INSTANCE = new Cache();",
          "  final Map<String, Object> map = new HashMap<>();",
          "  void put(String k, Object v) {",
          "    Entry e = new Entry(k, v);",
          "    map.put(k, e);",
          "  }",
          "}");

  /** Sources of {@link #ORDERS} and {@link #CACHE}; {@link #UTIL} is unknown (no snippet). */
  public static final SourceText SOURCES =
      file -> Map.of(ORDERS, ORDERS_SOURCE, CACHE, CACHE_SOURCE).getOrDefault(file, List.of());

  public static final Finding UNPRESIZED =
      finding(
          RuleId.UNPRESIZED_COLLECTION, ORDERS, new SourcePos(5, 22, 39),
          "new ArrayList<>() grows while it is filled with orders.size() elements in the loop at line 7: presize it: new ArrayList<>(orders.size())",
          11_040, SUBMIT, Subjects.newObject(0, "java.util.ArrayList", "ArrayList<>"), List.of(), new Fix.AddCapacity(SymbolicExpr.of("orders.size()")));

  public static final Finding BOXING =
      finding(
          RuleId.BOXING_ALLOCATION, ORDERS, new SourcePos(9, 7, 23),
          "boxing long to Long allocates on every iteration of the loop (line 7): keep the value primitive (long)",
          11_020, SUBMIT, Subjects.boxing(1, "long", "java.lang.Long"), List.of(), null);

  public static final Finding LAMBDA =
      finding(
          RuleId.CAPTURING_LAMBDA, ORDERS, new SourcePos(10, 21, 42),
          "lambda allocates on every iteration of the loop (line 7) because it captures 'o': hoist it out of the loop or make it non-capturing",
          11_030, SUBMIT, Subjects.lambda(2, "o"), List.of(), null);

  public static final Finding ESCAPE =
      finding(
          RuleId.HEAP_ESCAPE, CACHE, new SourcePos(7, 15, 0),
          "new Entry(k, v) escapes to heap: stored into Cache.map (line 8)",
          40, PUT, Subjects.newObject(0, "com.acme.cache.Entry", "Entry", "k", "v"),
          List.of(
              new Reason(Reason.Kind.STORED_INTO, "stored into Cache.map", SourcePos.line(8)),
              new Reason(Reason.Kind.REACHABLE_FROM_GLOBAL, "Cache instance is reachable from static field Cache.INSTANCE", new SourcePos(4, 3, 0))),
          null);

  /** No column, no source known. */
  public static final Finding CONCAT =
      finding(
          RuleId.STRING_CONCAT_IN_LOOP, UTIL, SourcePos.line(14),
          "'s += …' copies the whole string on every iteration of the loop at line 12 (quadratic): accumulate in a StringBuilder",
          10_050, JOIN, Subjects.concat(0, "s"), List.of(), new Fix.UseStringBuilder("s"));

  public static final Finding CONTRACT =
      finding(
          RuleId.ALLOCATION_CONTRACT, UTIL, SourcePos.of(30, 12),
          "@NoAllocation method Strings.sum allocates: the enhanced for over an Iterable creates an Iterator",
          10_120, JOIN, new Subject.Call(method("java.lang.Iterable", "iterator")), List.of(), null);

  public static ReportedFinding unpresizedWithEdit() {
    return new ReportedFinding(UNPRESIZED, List.of(new TextEdit(ORDERS, 5, 38, 5, 38, "orders.size()")));
  }

  /** Every kind of finding: with and without columns, snippets, reasons and fixes. */
  public static ReportRun sampleRun() {
    return new ReportRun(
        "0.1.0-SNAPSHOT",
        List.of(
            unpresizedWithEdit(),
            ReportedFinding.of(BOXING),
            ReportedFinding.of(LAMBDA),
            ReportedFinding.of(ESCAPE),
            ReportedFinding.of(CONCAT),
            ReportedFinding.of(CONTRACT)),
        List.of("skipped com/acme/Broken.class: truncated class file"));
  }

  /** {@code run} with its findings in a shuffled order. */
  public static ReportRun shuffled(ReportRun run, long seed) {
    List<ReportedFinding> findings = new ArrayList<>(run.findings());
    Collections.shuffle(findings, new Random(seed));
    return new ReportRun(run.toolVersion(), findings, run.notes());
  }

  /** {@code n} boxing findings spread over files, lines and hotness (deterministic). */
  public static List<ReportedFinding> many(int n) {
    List<ReportedFinding> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String file = "app/src/main/java/com/acme/gen" + (i % 7) + "/Gen" + (i % 53) + ".java";
      out.add(
          ReportedFinding.of(
              finding(
                  RuleId.BOXING_ALLOCATION, file, new SourcePos(10 + i % 997, 5, 12),
                  "boxing int to Integer allocates on every iteration of the loop #" + i,
                  (i * 7919) % 40_000, method("com.acme.Gen" + (i % 53), "m" + (i % 11)), Subjects.boxing(i, "int", "java.lang.Integer"),
                  List.of(), null)));
    }
    return out;
  }
}
