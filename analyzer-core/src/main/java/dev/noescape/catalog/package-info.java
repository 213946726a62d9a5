/**
 * The rule catalog: what each rule is to its users, in one declaration per rule
 * ({@code BoxingAllocationDoc} …, each a {@link dev.noescape.catalog.RuleDoc}) — public ID, default
 * level, summary, explanation, example and options — and the registry built from them
 * ({@link dev.noescape.catalog.RuleId}, {@link dev.noescape.catalog.RuleDocs}).
 *
 * <p>IDs are a public contract: Error Prone check names, SARIF ruleIds, {@code @SuppressWarnings}
 * keys and baseline keys. Everything else that names or describes a rule is produced from here:
 * the checkers' {@code @BugPattern}s (through the declarations' compile-time constants), SARIF's
 * {@code rules}, the HTML report, the command line's {@code --help} and {@code docs/rules/}. The
 * package sits below every other layer and uses none, so every layer can name a rule.
 */
package dev.noescape.catalog;
