package dev.noescape.profile;

import java.util.List;

/**
 * The allocation samples of one or more recordings, added up per stack and allocated class.
 *
 * @param recordings the recordings read, as the user named them, in the order read
 * @param stacks per stack and allocated class, in a deterministic order (bytes descending, then the
 *     frames' text)
 * @param bytes all sampled bytes, on every thread
 * @param samples all events
 * @param problems one line per recording that could not be used, naming it; its samples are left
 *     out
 */
public record AllocationProfile(List<String> recordings, List<StackSample> stacks, long bytes, long samples,
    List<String> problems) {
  public AllocationProfile {
    recordings = List.copyOf(recordings);
    stacks = List.copyOf(stacks);
    problems = List.copyOf(problems);
  }

  /** Whether there is anything to rank by: at least one recording read, with samples. */
  public boolean isEmpty() {
    return recordings.isEmpty() || samples == 0;
  }
}
