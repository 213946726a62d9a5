/**
 * Source rewrites of suggested fixes, decided and written once for both appliers (the javac
 * plugin's {@code FixBuilder} on javac trees, the command line's source mapping on JavaParser
 * trees): an applier reads its tree into a front-end-neutral shape (character offsets and the few
 * facts only a typed tree knows), and this package decides whether the rewrite applies and returns
 * it as text edits. No dependency on either tree library.
 */
package dev.noescape.rewrite;
