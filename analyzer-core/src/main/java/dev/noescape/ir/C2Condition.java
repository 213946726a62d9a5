package dev.noescape.ir;

/**
 * Why HotSpot C2 keeps an allocation on the heap (or, {@link #NONE}, that nothing does), as the
 * model of C2's scalar replacement ({@code dev.noescape.jit}, {@code docs/jit-model.md}) decides
 * it. Each condition names the one HotSpot source it models ({@link #hotspot()}); its
 * {@link #id()} is what JSON and SARIF write as {@code runtime.condition}.
 */
public enum C2Condition {
  /** No condition holds: C2 scalar-replaces the object once everything it is handed to is inlined. */
  NONE("none", "escape.cpp ConnectionGraph::compute_escape; macro.cpp PhaseMacroExpand::eliminate_allocate_node"),
  /** The object escapes its method (GlobalEscape): no JIT removes it. */
  ESCAPES("escapes", "escape.cpp ConnectionGraph::add_final_edges / find_non_escaped_objects (GlobalEscape)"),
  /** {@code new T[n]} with n not a compile-time constant. */
  ARRAY_LENGTH_NOT_CONSTANT("array-length-not-constant", "escape.cpp ConnectionGraph::add_call_node (\"has a non-constant length\")"),
  /** A constant length above EliminateAllocationArraySizeLimit (64). */
  ARRAY_TOO_LONG("array-too-long", "escape.cpp ConnectionGraph::add_call_node (length > EliminateAllocationArraySizeLimit 64)"),
  /** {@code multianewarray} C2 does not expand (1 + leading dimensions > MultiArrayExpandLimit 6), or with a non-constant dimension. */
  MULTI_ARRAY("multianewarray", "parse3.cpp Parse::do_multianewarray (MultiArrayExpandLimit 6)"),
  /** An element read or written at an index that is not a constant. */
  INDEX_NOT_CONSTANT("index-not-constant", "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (\"has field with unknown offset\")"),
  /** Elements accessed in a loop the array is created outside of: one memory slice merged at the loop head. */
  ELEMENT_IN_LOOP("element-in-loop", "macro.cpp PhaseMacroExpand::scalar_replacement / value_from_mem_phi (loop memory Phi)"),
  /** Carried from one iteration of a loop to the next: merged at the loop head. */
  LOOP_CARRIED("loop-carried", "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (merged at a loop Phi; can_reduce_phi does not reduce loop Phis)"),
  /** Merged with another object or null at a join of paths that C2 cannot reduce on the target JDK. */
  MERGED("merged", "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (merged objects); can_reduce_phi (JDK 23+, ReduceAllocationMerges)"),
  /** Stored into an element of an array (a holder C2 before JDK 23 does not split). */
  ARRAY_HOLDER("array-holder", "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (\"may point to more than one object\")"),
  /** Handed to a call C2 does not inline: a real call receives the object. */
  NOT_INLINED("not-inlined", "bytecodeInfo.cpp InlineTree::should_inline / should_not_inline / try_to_inline; escape.cpp process_call_arguments (ArgEscape)"),
  /** A Thread or Reference subclass, or a class with a finalizer. */
  SPECIAL_CLASS("special-class", "escape.cpp ConnectionGraph::add_call_node (Thread, Reference subclass, has_finalizer: GlobalEscape)"),
  /** More instance fields than EliminateAllocationFieldsLimit (512). */
  TOO_MANY_FIELDS("too-many-fields", "escape.cpp ConnectionGraph::add_call_node (nof_nonstatic_fields > EliminateAllocationFieldsLimit 512)"),
  /** An exception: Throwable constructors are never inlined outside Throwable code. */
  EXCEPTION("exception", "bytecodeInfo.cpp InlineTree::should_not_inline (\"exception method\")"),
  /** A JDK intrinsic receives the object or its buffer (identity hash, arraycopy of variable length, string building). */
  INTRINSIC("intrinsic", "macro.cpp PhaseMacroExpand::can_eliminate_allocation (\"Object is passed as argument\" to an intrinsic); library_call.cpp"),
  /** A buffer the JDK allocates inside the inlined constructor or method stays (StringBuilder, ArrayList, HashMap tables). */
  JDK_BUFFER("jdk-buffer", "macro.cpp PhaseMacroExpand::can_eliminate_allocation (the buffer is merged at a Phi of the growth path and passed to intrinsics)"),
  /**
   * An allocation inside an inlined callee that the callee does not simply return: it stores it
   * into a field, passes it on or keeps it (the model does not analyze the callee's code).
   */
  KEPT_BY_CALLEE("kept-by-callee", "escape.cpp ConnectionGraph::add_final_edges / find_non_escaped_objects (stored into an escaping object or passed to a call)");

  private final String id;
  private final String hotspot;

  C2Condition(String id, String hotspot) {
    this.id = id;
    this.hotspot = hotspot;
  }

  /** The stable name JSON and SARIF write ({@code array-length-not-constant}). */
  public String id() {
    return id;
  }

  /** The HotSpot file and function the condition models. */
  public String hotspot() {
    return hotspot;
  }
}
