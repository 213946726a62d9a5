package dev.noescape.report;

import dev.noescape.ir.CalleeAllocation;
import dev.noescape.ir.UnpredictedCall;
import dev.noescape.profile.ProfileRanking;
import java.util.List;

/**
 * Everything one run reports, in the order writers print it. Writers add nothing that varies
 * between runs over the same input (no timestamps, no absolute paths unless the findings carry
 * them), so the same input gives byte-identical files.
 *
 * @param toolVersion noescape's version ({@code 0.1.0-SNAPSHOT})
 * @param findings sorted with {@link dev.noescape.finding.Finding#ORDER}
 * @param notes what the run could not do, one line each, naming the input:
 *     {@code skipped com/acme/Broken.class: truncated class file}
 * @param classes how many classes the run was given and analyzed; {@code null} when the front end
 *     does not count them (the javac plugin)
 * @param waived the waived {@code @NoAllocation} contracts, in file and line order
 * @param profile the recordings joined to the analysis ({@code --profile}), which the writers rank
 *     by; null without one
 * @param calleeAllocations the C2 model's predictions for the allocations inside callees the
 *     program's code calls (the command line at verbosity 2; empty otherwise), in the order the
 *     model walked them
 * @param unpredictedCalls with them, the calls under which the receiver's type profile decides what
 *     runs, so that the model does not predict their allocations
 */
public record ReportRun(String toolVersion, List<ReportedFinding> findings, List<String> notes, Classes classes,
    List<Waiver> waived, ProfileRanking profile, List<CalleeAllocation> calleeAllocations,
    List<UnpredictedCall> unpredictedCalls) {
  public ReportRun {
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
    waived = List.copyOf(waived);
    calleeAllocations = List.copyOf(calleeAllocations);
    unpredictedCalls = List.copyOf(unpredictedCalls);
  }

  /** A run without predictions for callees' allocations. */
  public ReportRun(String toolVersion, List<ReportedFinding> findings, List<String> notes, Classes classes,
      List<Waiver> waived, ProfileRanking profile) {
    this(toolVersion, findings, notes, classes, waived, profile, List.of(), List.of());
  }

  /** A run without a recording. */
  public ReportRun(String toolVersion, List<ReportedFinding> findings, List<String> notes, Classes classes,
      List<Waiver> waived) {
    this(toolVersion, findings, notes, classes, waived, null);
  }

  /** The same run ranked by {@code ranking} (null: by static hotness). */
  public ReportRun withProfile(ProfileRanking ranking) {
    return new ReportRun(toolVersion, findings, notes, classes, waived, ranking, calleeAllocations, unpredictedCalls);
  }

  /** The same run with the C2 model's predictions for callees' allocations and the calls it cannot predict. */
  public ReportRun withCalleeAllocations(List<CalleeAllocation> allocations, List<UnpredictedCall> unpredicted) {
    return new ReportRun(toolVersion, findings, notes, classes, waived, profile, allocations, unpredicted);
  }

  /** A run without waived contracts. */
  public ReportRun(String toolVersion, List<ReportedFinding> findings, List<String> notes, Classes classes) {
    this(toolVersion, findings, notes, classes, List.of());
  }

  /** A run that did not count classes. */
  public ReportRun(String toolVersion, List<ReportedFinding> findings, List<String> notes) {
    this(toolVersion, findings, notes, null, List.of());
  }

  /**
   * @param total classes in the inputs
   * @param analyzed of those, the ones analyzed completely (the others are named in notes)
   */
  public record Classes(int total, int analyzed) {}
}
