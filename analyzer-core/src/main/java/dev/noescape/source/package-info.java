/**
 * Source mapping (JavaParser 3.28 with its symbol solver, Java 25 language level): maps the
 * bytecode front end's findings, which know a file ({@code pkg/Name.java}) and a line, back to the
 * source — the file under a {@code --source} root, the exact column of the reported expression as
 * the javac front end reports it, the lines for snippets, {@code @SuppressWarnings}, and the text
 * edits of the suggested fixes. The entry point is {@link dev.noescape.source.SourceMapper}.
 *
 * <p>What a finding is about comes as structure ({@link dev.noescape.finding.Subject}: the site's
 * kind and details, the parameter's name); the mapping only looks for the expression on the line
 * that has them ({@link dev.noescape.source.SiteLocator}, boxing in
 * {@link dev.noescape.source.BoxLocator}) and never reads a message. The decisions it shares with
 * the front ends are asked where they live: boxing caches in {@link dev.noescape.ir.Boxes}, the
 * varargs arity in {@link dev.noescape.ir.AllocSite.Varargs}, method reference forms in
 * {@link dev.noescape.ir.MethodReferenceForm}, the builder rewrite in
 * {@link dev.noescape.rewrite.StringBuilderRewrite}.
 *
 * <p>JavaParser is an optional dependency of the core: nothing outside this package (and the
 * command line and Maven goals that create a mapper) may touch it, so the Error Prone processor
 * path stays free of it.
 */
package dev.noescape.source;
