package dev.noescape.summary.export;

import dev.noescape.summary.Allocates;
import dev.noescape.summary.ParamTag;
import java.util.Set;
import java.util.TreeSet;

/** The grammar of one summaries line, shared by the writer and the reader. */
final class SummaryFormat {
  static final String MAGIC = "noescape-summaries";
  static final String END = "end";

  private SummaryFormat() {}

  static char fresh(boolean fresh) {
    return fresh ? 'F' : '.';
  }

  static char allocates(Allocates a) {
    return switch (a) {
      case NO -> 'N';
      case YES -> 'Y';
      case UNKNOWN -> 'U';
    };
  }

  /**
   * The marker after the allocates letter of a method that never returns normally ({@code Y!}).
   * Absent in summaries written before the fact existed, which therefore read as "may return".
   */
  static final char NEVER_RETURNS = '!';

  /** Whether the allocates field {@code s} carries {@link #NEVER_RETURNS}. */
  static boolean neverReturns(String s) {
    return s.length() == 2 && s.charAt(1) == NEVER_RETURNS;
  }

  static Allocates allocates(String s) {
    if (neverReturns(s)) s = s.substring(0, 1);
    return switch (s) {
      case "N" -> Allocates.NO;
      case "Y" -> Allocates.YES;
      case "U" -> Allocates.UNKNOWN;
      default -> throw new IllegalArgumentException("allocates must be N, Y or U, not '" + s + "'");
    };
  }

  static boolean fresh(String s) {
    return switch (s) {
      case "F" -> true;
      case "." -> false;
      default -> throw new IllegalArgumentException("fresh return must be F or ., not '" + s + "'");
    };
  }

  static void appendTag(StringBuilder out, ParamTag t) {
    if (t.equals(ParamTag.GLOBAL)) {
      out.append('*');
      return;
    }
    int start = out.length();
    if (t.escapes()) out.append('e');
    if (t.toReturn()) out.append('r');
    if (t.contentEscapes()) out.append('E');
    if (t.contentToReturn()) out.append('R');
    appendSlots(out, 'i', t.intoContentOf());
    appendSlots(out, 'I', t.contentIntoContentOf());
    if (out.length() == start) out.append('-');
    if (t.why() != null) {
      out.append(';');
      escape(out, t.why());
    }
  }

  private static void appendSlots(StringBuilder out, char key, Set<Integer> slots) {
    if (slots.isEmpty()) return;
    out.append(key);
    boolean first = true;
    for (int s : new TreeSet<>(slots)) {
      if (!first) out.append(',');
      out.append(s);
      first = false;
    }
  }

  static ParamTag parseTag(String s) {
    if (s.equals("*")) return ParamTag.GLOBAL;
    int semi = s.indexOf(';');
    String flags = semi < 0 ? s : s.substring(0, semi);
    String why = semi < 0 ? null : unescape(s.substring(semi + 1));
    boolean e = false, r = false, ce = false, cr = false;
    Set<Integer> into = new TreeSet<>(), contentInto = new TreeSet<>();
    if (flags.equals("-")) flags = "";
    else if (flags.isEmpty()) throw new IllegalArgumentException("empty slot");
    int i = 0;
    while (i < flags.length()) {
      char c = flags.charAt(i++);
      switch (c) {
        case 'e' -> e = true;
        case 'r' -> r = true;
        case 'E' -> ce = true;
        case 'R' -> cr = true;
        case 'i', 'I' -> {
          Set<Integer> target = c == 'i' ? into : contentInto;
          int j = i;
          while (j < flags.length() && (Character.isDigit(flags.charAt(j)) || flags.charAt(j) == ',')) j++;
          String list = flags.substring(i, j);
          if (list.isEmpty()) throw new IllegalArgumentException("'" + c + "' without slot numbers");
          for (String n : list.split(",", -1)) target.add(Integer.parseInt(n));
          i = j;
        }
        default -> throw new IllegalArgumentException("unknown slot flag '" + c + "'");
      }
    }
    return new ParamTag(e, r, into, ce, cr, contentInto, why);
  }

  static void escape(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) return s;
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i == s.length()) throw new IllegalArgumentException("dangling '\\' in reason");
      char n = s.charAt(i);
      out.append(switch (n) {
        case '\\' -> '\\';
        case 't' -> '\t';
        case 'n' -> '\n';
        case 'r' -> '\r';
        default -> throw new IllegalArgumentException("unknown escape '\\" + n + "' in reason");
      });
    }
    return out.toString();
  }
}
