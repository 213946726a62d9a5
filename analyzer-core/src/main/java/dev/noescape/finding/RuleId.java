package dev.noescape.finding;

/**
 * The rules. Their {@link #id()}s are a public contract: Error Prone check names, SARIF ruleIds,
 * {@code @SuppressWarnings} keys and baseline keys. Never rename one.
 */
public enum RuleId {
  HEAP_ESCAPE("HeapEscape", Severity.INFO),
  LEAKING_PARAMETER("LeakingParameter", Severity.INFO),
  BOXING_ALLOCATION("BoxingAllocation", Severity.WARNING),
  VARARGS_ALLOCATION("VarargsAllocation", Severity.WARNING),
  CAPTURING_LAMBDA("CapturingLambda", Severity.WARNING),
  UNPRESIZED_COLLECTION("UnpresizedCollection", Severity.WARNING),
  HASH_MAP_CAPACITY("HashMapCapacity", Severity.WARNING),
  STRING_CONCAT_IN_LOOP("StringConcatInLoop", Severity.WARNING),
  ALLOCATION_CONTRACT("AllocationContract", Severity.ERROR);

  private final String id;
  private final Severity defaultSeverity;

  RuleId(String id, Severity defaultSeverity) {
    this.id = id;
    this.defaultSeverity = defaultSeverity;
  }

  /** The public name: {@code HeapEscape}. */
  public String id() {
    return id;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /** The rule with this public name, or null. */
  public static RuleId byId(String id) {
    for (RuleId r : values()) if (r.id.equals(id)) return r;
    return null;
  }

  @Override
  public String toString() {
    return id;
  }
}
