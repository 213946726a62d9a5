package dev.noescape.errorprone;

import com.google.errorprone.bugpatterns.BugChecker;
import java.util.List;

/**
 * The plugin's checkers, one per rule, in rule order. The same list is registered for
 * {@code ServiceLoader} in {@code META-INF/services/com.google.errorprone.bugpatterns.BugChecker};
 * use this one to build a {@code ScannerSupplier} without plugin discovery.
 */
public final class NoEscapeCheckers {
  private NoEscapeCheckers() {}

  public static final List<Class<? extends BugChecker>> ALL =
      List.of(
          HeapEscapeChecker.class,
          LeakingParameterChecker.class,
          BoxingAllocationChecker.class,
          VarargsAllocationChecker.class,
          CapturingLambdaChecker.class,
          UnpresizedCollectionChecker.class,
          HashMapCapacityChecker.class,
          StringConcatInLoopChecker.class,
          NotScalarReplacedChecker.class,
          AllocationContractChecker.class);
}
