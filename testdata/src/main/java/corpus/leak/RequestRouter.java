// corpus-rules: LeakingParameter
package corpus.leak;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP-style router: handlers registered by path, requests matched and dispatched. Which
 * parameters does each method let escape?
 */
final class RequestRouter {
  interface Handler {
    String handle(String path, Map<String, String> query);
  }

  static final class Route {
    final String prefix;
    final Handler handler;

    Route(String prefix, // expect: LeakingParameter // bytecode-gap: LeakingParameter -- bytecode has no parameter lines; a multi-line parameter list gets the line of its last parameter
        Handler handler) { // expect: LeakingParameter // bytecode-gap: LeakingParameter -- bytecode has no parameter lines; a multi-line parameter list gets the line of its last parameter
      this.prefix = prefix;
      this.handler = handler;
    }
  }

  private final List<Route> routes = new ArrayList<>();
  private final Map<String, Integer> hits = new HashMap<>();
  private Handler fallback;

  void register(String prefix, // expect: LeakingParameter // bytecode-gap: LeakingParameter -- bytecode has no parameter lines; a multi-line parameter list gets the line of its last parameter
      Handler handler) { // expect: LeakingParameter // bytecode-gap: LeakingParameter -- bytecode has no parameter lines; a multi-line parameter list gets the line of its last parameter
    routes.add(new Route(prefix, handler));
  }

  void setFallback(Handler handler) { // expect: LeakingParameter
    fallback = handler;
  }

  Route match(String path) { // ok: LeakingParameter -- only compared with startsWith
    Route best = null;
    for (Route r : routes) {
      if (path.startsWith(r.prefix) && (best == null || r.prefix.length() > best.prefix.length())) {
        best = r;
      }
    }
    return best;
  }

  String dispatch(String path, // expect: LeakingParameter // bytecode-gap: LeakingParameter -- bytecode has no parameter lines; a multi-line parameter list gets the line of its last parameter
      Map<String, String> query) { // expect: LeakingParameter // bytecode-gap: LeakingParameter -- bytecode has no parameter lines; a multi-line parameter list gets the line of its last parameter
    Route r = match(path);
    hits.merge(path, 1, Integer::sum);
    Handler h = r != null ? r.handler : fallback;
    return h.handle(path, query);
  }

  static int paramCount(String raw) { // ok: LeakingParameter -- only scanned
    if (raw.isEmpty()) {
      return 0;
    }
    int n = 1;
    for (int i = raw.indexOf('&'); i >= 0; i = raw.indexOf('&', i + 1)) {
      n++;
    }
    return n;
  }

  static String normalize(String path) { // expect: LeakingParameter
    if (path.endsWith("/") && path.length() > 1) {
      return path.substring(0, path.length() - 1);
    }
    return path;
  }

  int hitCount(String path) { // ok: LeakingParameter -- a lookup key
    return hits.getOrDefault(path, 0);
  }

  static boolean isStatic(String path, // ok: LeakingParameter -- only read
      int maxDepth) { // ok: LeakingParameter -- a primitive
    int depth = 0;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        depth++;
      }
    }
    return depth <= maxDepth && path.startsWith("/static/");
  }

  static List<String> segments(String... parts) { // expect: LeakingParameter
    return java.util.Arrays.asList(parts);
  }

  static int totalLength(String... parts) { // ok: LeakingParameter -- only read
    int n = 0;
    for (String p : parts) {
      n += p.length();
    }
    return n;
  }
}
