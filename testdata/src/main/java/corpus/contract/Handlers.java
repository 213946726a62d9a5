// corpus-rules: AllocationContract
package corpus.contract;

import dev.noescape.annotations.NoAllocation;

/** Overrides inherit the contract of the method they override. */
interface TickHandler {
  @NoAllocation
  void onTick(long price);
}

final class RecordingHandler implements TickHandler {
  private Object last;

  @Override
  public void onTick(long price) {
    last = price; // expect: AllocationContract(inherited from TickHandler.onTick)
  }
}

final class CountingHandler implements TickHandler {
  private long ticks;

  @Override
  public void onTick(long price) {
    ticks += price; // ok: AllocationContract -- the override keeps the contract
  }
}

/** A project's own annotation with the same simple name counts too. */
final class OwnAnnotation {
  @interface NoAllocation {}

  private Object last;

  @NoAllocation
  void keep(double value) {
    last = value; // expect: AllocationContract(boxes double to Double)
  }

  @NoAllocation
  long half(long a) {
    return Pricing.half(a); // ok: AllocationContract -- Pricing.half, in another file, only divides
  }
}
