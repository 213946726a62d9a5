package dev.noescape.summary;

/** Whether a call may allocate on the heap, for the {@code @NoAllocation} contract. */
public enum Allocates {
  NO,
  YES,
  UNKNOWN;

  public Allocates join(Allocates o) {
    if (this == YES || o == YES) return YES;
    if (this == UNKNOWN || o == UNKNOWN) return UNKNOWN;
    return NO;
  }
}
