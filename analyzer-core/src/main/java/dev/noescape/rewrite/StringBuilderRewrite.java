package dev.noescape.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code StringBuilder} rewrite of a string accumulated in a loop ({@link
 * dev.noescape.finding.Fix.UseStringBuilder}), decided and written in one place for both
 * appliers: the javac plugin's {@code FixBuilder} and the command line's source mapping. Each
 * reads its own tree into a {@link Shape} (character offsets into the file's text, and the facts
 * only a typed tree knows); this class decides whether the rewrite applies and computes its edits.
 *
 * <p>The rewrite applies to a local {@code String s = init;} declared alone in a block, not used
 * between its declaration and the statement of that block that holds the site (the {@code holder}:
 * the loop, or a statement around it), and used in the holder only by accumulation statements
 * {@code s += e;} / {@code s = s + e1 + e2;}, whose appended operands do not read {@code s} and
 * append what concatenation would (not {@code null}, not a {@code char[]}). {@code init} must not
 * be {@code null} (concatenation prints "null"; the builder constructor would not compile). Then:
 *
 * <ol>
 *   <li>{@code String s = init;} → {@code StringBuilder sBuilder = new StringBuilder(init);}
 *       ({@code new StringBuilder()} for {@code ""}; the name made fresh if {@code sBuilder} is
 *       taken);
 *   <li>each {@code s += e} → {@code sBuilder.append(e)}, each {@code s = s + e1 + e2} →
 *       {@code sBuilder.append(e1).append(e2)} (the operands a concatenation converts, left to
 *       right: a String {@code +} inside an operand is split, so no temporary string is built);
 *   <li>right after the holder, {@code String s = sBuilder.toString();}, so code after the loop
 *       still reads {@code s}.
 * </ol>
 */
public final class StringBuilderRewrite {
  private StringBuilderRewrite() {}

  /** Characters {@code [start, end)} of the file. */
  public record Span(int start, int end) {
    public boolean isKnown() {
      return start >= 0 && end >= start;
    }
  }

  /** Replace {@code [start, end)} of the file's text by {@code replacement}. */
  public record Edit(int start, int end, String replacement) {}

  /**
   * An operand an accumulation appends.
   *
   * @param appendable whether {@code sb.append(it)} appends the text {@code s + it} would: its type
   *     is known, and it is not {@code null} or a {@code char[]}
   * @param readsVariable whether it reads the accumulated variable
   */
  public record Part(Span span, boolean appendable, boolean readsVariable) {}

  /** An accumulation statement's expression ({@code s += e}, {@code s = s + e}) and its operands in order. */
  public record Accumulation(Span expression, List<Part> parts) {
    public Accumulation {
      parts = List.copyOf(parts);
    }
  }

  /**
   * What an applier read off its tree around the site.
   *
   * @param variable the accumulated local ({@code String}, the target of the site's assignment)
   * @param declaration the statement declaring it
   * @param declaresOthers whether that statement declares other variables too ({@code String a, b;})
   * @param initializer its initializer, null when it has none
   * @param initializerIsNull whether the initializer is the literal {@code null}
   * @param initializerIsEmpty whether it is the literal {@code ""}
   * @param usedBeforeHolder whether the variable is used between its declaration and the holder
   * @param holder the statement of the declaring block that holds the site
   * @param accumulations the accumulation statements on the variable in the holder, in source order
   * @param otherUses whether the holder uses the variable other than by those
   * @param takenNames the names used in the top-level class (a fresh builder name avoids them)
   * @param stringBuilderType how the file writes {@code StringBuilder} (qualified when shadowed)
   * @param stringType how the file writes {@code String}
   */
  public record Shape(String variable, Span declaration, boolean declaresOthers, Span initializer,
      boolean initializerIsNull, boolean initializerIsEmpty, boolean usedBeforeHolder, Span holder,
      List<Accumulation> accumulations, boolean otherUses, Set<String> takenNames, String stringBuilderType,
      String stringType) {
    public Shape {
      accumulations = List.copyOf(accumulations);
    }
  }

  /** The edits of the rewrite on {@code source}, or empty when it does not apply to {@code s}. */
  public static Optional<List<Edit>> edits(Shape s, CharSequence source) {
    if (!applies(s)) return Optional.empty();
    String builder = freshName(s.variable() + "Builder", s.takenNames());
    List<Edit> edits = new ArrayList<>();
    String init = s.initializerIsEmpty() ? "" : text(source, s.initializer());
    edits.add(new Edit(s.declaration().start(), s.initializer().end(),
        s.stringBuilderType() + " " + builder + " = new " + s.stringBuilderType() + "(" + init + ")"));
    for (Accumulation a : s.accumulations()) {
      StringBuilder call = new StringBuilder(builder);
      for (Part p : a.parts()) call.append(".append(").append(text(source, p.span())).append(')');
      edits.add(new Edit(a.expression().start(), a.expression().end(), call.toString()));
    }
    int end = s.holder().end();
    edits.add(new Edit(end, end, "\n" + indentation(source, s.holder().start()) + s.stringType() + " " + s.variable()
        + " = " + builder + ".toString();"));
    return Optional.of(edits);
  }

  /** Whether the rewrite applies to the shape (see the class comment). */
  static boolean applies(Shape s) {
    if (s.initializer() == null || s.initializerIsNull() || s.declaresOthers() || s.usedBeforeHolder()) return false;
    if (s.otherUses() || s.accumulations().isEmpty()) return false;
    if (!s.declaration().isKnown() || !s.initializer().isKnown() || !s.holder().isKnown()) return false;
    for (Accumulation a : s.accumulations()) {
      if (!a.expression().isKnown()) return false;
      for (Part p : a.parts()) if (!p.appendable() || p.readsVariable() || !p.span().isKnown()) return false;
    }
    return true;
  }

  /** {@code base}, or {@code base2}, {@code base3}, …: a name not in {@code taken}, so it cannot clash or shadow. */
  static String freshName(String base, Set<String> taken) {
    String name = base;
    for (int i = 2; taken.contains(name); i++) name = base + i;
    return name;
  }

  /** The white space before {@code start} on its line (its indentation), or "" if code precedes it there. */
  static String indentation(CharSequence source, int start) {
    int i = start;
    while (i > 0 && source.charAt(i - 1) != '\n' && source.charAt(i - 1) != '\r') i--;
    CharSequence prefix = source.subSequence(i, start);
    return prefix.chars().allMatch(c -> c == ' ' || c == '\t') ? prefix.toString() : "";
  }

  private static String text(CharSequence source, Span span) {
    return source.subSequence(span.start(), span.end()).toString();
  }
}
