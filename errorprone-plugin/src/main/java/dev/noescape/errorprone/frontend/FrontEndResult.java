package dev.noescape.errorprone.frontend;

import com.sun.source.util.TreePath;
import dev.noescape.ir.Program;
import java.util.List;
import java.util.Map;

/**
 * What the javac front end produces for one compilation unit: the IR of every method and lambda
 * body in it, and the way back from IR to trees, so checkers can report at the right tree and
 * build suggested fixes.
 *
 * @param program the methods of the compilation unit (including lambda bodies and the methods of
 *     local, anonymous and nested classes)
 * @param siteTrees the tree path of each allocation site's expression, by (method key, site id)
 * @param paramTrees the tree path of each parameter declaration, by (method key, slot)
 * @param methodTrees the tree path of each method, lambda or initializer block, by method key
 * @param skipped methods the front end could not lower, with the cause; they are absent from
 *     {@code program} and calls to them are treated as unknown
 */
public record FrontEndResult(
    Program program,
    Map<SiteKey, TreePath> siteTrees,
    Map<SiteKey, TreePath> paramTrees,
    Map<String, TreePath> methodTrees,
    List<Skipped> skipped) {

  /** A (method key, index) pair: an allocation site id or a parameter slot. */
  public record SiteKey(String methodKey, int index) {}

  /** A method left out, and why: {@code "Foo.bar(int): unsupported tree SWITCH_EXPRESSION"}. */
  public record Skipped(String method, String cause) {}
}
