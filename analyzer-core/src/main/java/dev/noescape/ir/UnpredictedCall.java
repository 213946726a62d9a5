package dev.noescape.ir;

/**
 * A call of an analyzed method into code that is not analyzed, under which the C2 model cannot say
 * all that is allocated because the code that runs depends on the receiver's type profile: an
 * interface or abstract method whose receiver's class the program does not pin down
 * ({@code appendable.append(s)} on an {@code Appendable} parameter), at the call or inside the code
 * it inlines. C2 inlines such a call when the profile it gathered shows one or two receiver
 * classes; a static tool does not have the profile. The model predicts the allocations of the
 * candidate implementations it knows (the classes the analyzed code creates); what C2 compiles
 * there for another receiver is "unknown", counted apart from the predictions ({@code bench/jit}).
 *
 * @param caller the analyzed method that makes the call
 * @param call where the call is (its line, and its bytecode offset when the front end knows it)
 * @param callee the method the call names, as written ({@code Appendable.append})
 * @param stoppedAt the first method, as a key, whose code the type profile picks: the callee
 *     itself or a call inside it ({@code java.util.stream.TerminalOp#evaluateSequential(…)})
 */
public record UnpredictedCall(MethodRef caller, SourcePos call, String callee, String stoppedAt) {}
