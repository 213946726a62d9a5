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
 * @param functionalBodies for each {@code LAMBDA} and {@code ANONYMOUS_CLASS} site, by (method key,
 *     site id): the method keys of the code its object runs when it is invoked — the lambda body
 *     ({@code p.A#lambda$m$0(java.lang.String)}), or the instance methods declared in the anonymous
 *     class (not its constructor) plus the concrete methods it inherits from program supertypes;
 *     the same list as the site's {@link dev.noescape.ir.AllocSite.Capture#bodies()}. Lets the engine join what a body does with its captured values
 *     (slot 0 = the lambda object / {@code this}) into the creating method.
 */
public record FrontEndResult(
    Program program,
    Map<SiteKey, TreePath> siteTrees,
    Map<SiteKey, TreePath> paramTrees,
    Map<String, TreePath> methodTrees,
    List<Skipped> skipped,
    Map<SiteKey, List<String>> functionalBodies) {

  /** A (method key, index) pair: an allocation site id or a parameter slot. */
  public record SiteKey(String methodKey, int index) {}

  /** A method left out, and why: {@code "Foo.bar(int): unsupported tree SWITCH_EXPRESSION"}. */
  public record Skipped(String method, String cause) {}
}
