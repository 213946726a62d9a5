/**
 * Profile-guided findings: JDK Flight Recorder allocation samples joined to the engine's results.
 *
 * <ul>
 *   <li>{@link dev.noescape.profile.AllocationProfile}: a recording's samples added up per stack and
 *       allocated class ({@link dev.noescape.profile.jfr.RecordingReader} reads them);
 *   <li>{@link dev.noescape.profile.Attribution}: each sample credited to the first frame of its stack
 *       inside the analyzed program, with the frames above as the path;
 *   <li>{@link dev.noescape.profile.ProfileJoin}: those frames matched to the engine's sites and
 *       calls (by bytecode offset, else line and callee), giving a
 *       {@link dev.noescape.profile.ProfileRanking} of {@link dev.noescape.profile.HotSite}s, each with
 *       a {@link dev.noescape.profile.Verdict}; a {@link dev.noescape.profile.RuntimePredictor} adds
 *       what the JIT does with sites that do not escape.
 * </ul>
 *
 * <p>The ranking stays next to the findings ({@link dev.noescape.finding.Finding} knows nothing of
 * it): the writers ask it for a finding's measured bytes. The package uses only the JDK (with
 * {@code jdk.jfr}), as the javac plugin reads recordings on the processor path. docs/profiles.md
 * explains the workflow.
 */
package dev.noescape.profile;
