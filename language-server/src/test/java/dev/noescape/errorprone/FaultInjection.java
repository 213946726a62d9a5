package dev.noescape.errorprone;

/** Lets the language server's tests make the analysis fail on purpose (the plugin's test-only hook). */
public final class FaultInjection {
  private FaultInjection() {}

  /** What the hook does before the front end runs on a file (its name given). */
  @FunctionalInterface
  public interface BeforeFrontEnd {
    void before(String file) throws Exception;
  }

  public static void beforeFrontEnd(BeforeFrontEnd action) {
    Faults.hook = (stage, subject) -> {
      if (stage == Faults.Stage.FRONT_END) action.before(subject);
    };
  }

  public static void clear() {
    Faults.hook = null;
  }
}
