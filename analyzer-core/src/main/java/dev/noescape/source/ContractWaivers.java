package dev.noescape.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.finding.Subject;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SourcePos;
import dev.noescape.report.Waiver;
import dev.noescape.rules.AllocationContractRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code @NoAllocation} contracts {@code @SuppressWarnings("AllocationContract")} waives, as the
 * source mapping meets their silenced findings: one {@link Waiver} per method, with the reason its
 * {@code @NoAllocation(reason = "...")} states. A waiver without a reason is itself reported: a
 * warning of {@code AllocationContract} at the method, as the javac plugin does.
 */
final class ContractWaivers {
  private final Map<String, Entry> byMethod = new LinkedHashMap<>();
  private final Map<String, Integer> silenced = new java.util.HashMap<>();

  /** A waived method: where it is declared, its name, its reason (null: none), the first finding it silenced. */
  private record Entry(String file, int line, String method, String reason, Finding first) {}

  /** Records the silenced finding {@code f} (already moved to {@code file}) whose tree is {@code anchor}. */
  synchronized void add(Node anchor, Finding f, String file) {
    CallableDeclaration<?> decl = anchor instanceof CallableDeclaration<?> c ? c
        : anchor.findAncestor(CallableDeclaration.class).orElse(null);
    int line = decl != null && decl.getBegin().isPresent() ? decl.getBegin().get().line : f.pos().line();
    String method = f.method() != null ? f.method().displayName() : decl != null ? decl.getNameAsString() : "?";
    String key = file + ":" + line;
    byMethod.computeIfAbsent(key, k -> new Entry(file, line, method, decl == null ? null : reason(decl), f));
    silenced.merge(key, 1, Integer::sum);
  }

  /** The waivers, in file and line order. */
  synchronized List<Waiver> waivers() {
    List<Waiver> out = new ArrayList<>();
    for (Map.Entry<String, Entry> k : byMethod.entrySet()) {
      Entry e = k.getValue();
      out.add(new Waiver(e.file(), e.line(), e.method(), e.reason(), silenced.get(k.getKey())));
    }
    out.sort(Comparator.comparing(Waiver::file).thenComparingInt(Waiver::line));
    return out;
  }

  /** One warning per waiver that states no reason, at the method's declaration. */
  synchronized List<Finding> withoutReason() {
    List<Finding> out = new ArrayList<>();
    for (Entry e : byMethod.values()) {
      if (e.reason != null) continue;
      out.add(new Finding(RuleId.ALLOCATION_CONTRACT, Severity.WARNING, e.file, SourcePos.line(e.line),
          AllocationContractRule.waiverWithoutReason(e.method),
          List.of(), 0, null, e.first.method(), new Subject.Contract()));
    }
    return out;
  }

  /** The non-blank {@code reason} of the declaration's {@code @NoAllocation} (any package), or null. */
  static String reason(CallableDeclaration<?> decl) {
    for (AnnotationExpr a : decl.getAnnotations()) {
      String n = a.getNameAsString();
      if (!n.substring(n.lastIndexOf('.') + 1).equals(MethodIR.NO_ALLOCATION) || !(a instanceof NormalAnnotationExpr na)) continue;
      for (MemberValuePair p : na.getPairs()) {
        if (p.getNameAsString().equals("reason") && p.getValue() instanceof StringLiteralExpr s && !s.asString().isBlank()) {
          return s.asString().strip();
        }
      }
    }
    return null;
  }
}
