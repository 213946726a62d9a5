// corpus-rules: HeapEscape
package corpus.escape;

import java.util.ArrayList;
import java.util.List;

/**
 * An expression tokenizer: tokens escape into the caller's list, the scratch buffer and the
 * position holder stay local, errors escape as exceptions together with their messages.
 */
final class Tokenizer {
  // String constants rather than an enum: an enum's synthetic code allocates on its own.
  static final String NUMBER = "number";
  static final String IDENT = "ident";
  static final String OP = "op";

  record Token(String kind, String text, int offset) {}

  /** Appends the tokens of {@code src} to {@code out}. */
  static void tokenize(String src, List<Token> out) {
    int[] pos = {0}; // ok: HeapEscape -- a local cursor, only read and written here
    StringBuilder buf = new StringBuilder(16); // ok: HeapEscape -- only its toString() leaves
    while (pos[0] < src.length()) {
      char c = src.charAt(pos[0]);
      if (Character.isWhitespace(c)) {
        pos[0]++;
      } else if (Character.isDigit(c)) {
        int start = pos[0];
        buf.setLength(0);
        while (pos[0] < src.length() && Character.isDigit(src.charAt(pos[0]))) {
          buf.append(src.charAt(pos[0]++));
        }
        out.add(new Token(NUMBER, buf.toString(), start)); // expect: HeapEscape
      } else if (Character.isLetter(c)) {
        int start = pos[0];
        while (pos[0] < src.length() && Character.isLetterOrDigit(src.charAt(pos[0]))) {
          pos[0]++;
        }
        out.add(new Token(IDENT, src.substring(start, pos[0]), start)); // expect: HeapEscape
      } else if ("+-*/()".indexOf(c) >= 0) {
        out.add(new Token(OP, String.valueOf(c), pos[0]++)); // expect: HeapEscape
      } else {
        throw new IllegalArgumentException("unexpected '" + c + "' at " + pos[0]); // expect: HeapEscape(thrown), HeapEscape
      }
    }
  }

  static List<Token> tokenize(String src) {
    List<Token> tokens = new ArrayList<>(); // expect: HeapEscape(returned)
    tokenize(src, tokens);
    return tokens;
  }

  static int countNumbers(String src) {
    List<Token> tokens = new ArrayList<>(); // ok: HeapEscape -- tokenize(String, List) only adds to it (ArgEscape)
    tokenize(src, tokens);
    int n = 0;
    for (Token t : tokens) {
      if (t.kind().equals(NUMBER)) {
        n++;
      }
    }
    return n;
  }
}
