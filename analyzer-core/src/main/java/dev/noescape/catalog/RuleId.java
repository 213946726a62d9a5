package dev.noescape.catalog;


/**
 * The rules, one per declaration ({@link RuleDoc}): the declaration gives the public ID and the
 * default level. The {@link #id()}s are a public contract: Error Prone check names, SARIF ruleIds,
 * {@code @SuppressWarnings} keys and baseline keys. Never rename one.
 */
public enum RuleId {
  HEAP_ESCAPE(HeapEscapeDoc.DOC),
  LEAKING_PARAMETER(LeakingParameterDoc.DOC),
  BOXING_ALLOCATION(BoxingAllocationDoc.DOC),
  VARARGS_ALLOCATION(VarargsAllocationDoc.DOC),
  CAPTURING_LAMBDA(CapturingLambdaDoc.DOC),
  UNPRESIZED_COLLECTION(UnpresizedCollectionDoc.DOC),
  HASH_MAP_CAPACITY(HashMapCapacityDoc.DOC),
  STRING_CONCAT_IN_LOOP(StringConcatInLoopDoc.DOC),
  NOT_SCALAR_REPLACED(NotScalarReplacedDoc.DOC),
  ALLOCATION_CONTRACT(AllocationContractDoc.DOC);

  private final RuleDoc doc;

  RuleId(RuleDoc doc) {
    this.doc = doc;
  }

  /** The public name: {@code HeapEscape}. */
  public String id() {
    return doc.id();
  }

  public Severity defaultSeverity() {
    return doc.level();
  }

  /** What users are told about the rule: summary, explanation, example, options. */
  public RuleDoc doc() {
    return doc;
  }

  /** The rule with this public name, or null. */
  public static RuleId byId(String id) {
    for (RuleId r : values()) if (r.id().equals(id)) return r;
    return null;
  }

  @Override
  public String toString() {
    return id();
  }
}
