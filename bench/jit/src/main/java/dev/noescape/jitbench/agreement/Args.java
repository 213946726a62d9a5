package dev.noescape.jitbench.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command lines of the joiners: every named option required, a clear message otherwise. */
final class Args {
  private Args() {}

  static Map<String, String> parse(String[] args, List<String> required) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int k = 0; k + 1 < args.length; k += 2) out.put(args[k], args[k + 1]);
    for (String r : required) {
      if (!out.containsKey(r)) {
        System.err.println("jitbench: missing " + r + " (needs " + String.join(" ", required) + ")");
        System.exit(2);
      }
    }
    return out;
  }
}
