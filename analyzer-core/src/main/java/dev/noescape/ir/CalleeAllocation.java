package dev.noescape.ir;

/**
 * An allocation that code the program calls makes on its behalf, inside a callee C2 inlines into
 * the calling method (the {@code byte[]} of {@code Arrays.copyOf}, the exception of a bounds check
 * in {@code String.charAt}, the iterator {@code ArrayList.iterator()} returns), with the C2
 * model's prediction for it. The allocation is named as a compilation log names it: the method it
 * is in and its bytecode offset there.
 *
 * @param caller the analyzed method that makes the call
 * @param call where the call is (its line, and its bytecode offset when the front end knows it)
 * @param callee the method the call names, as written ({@code String.charAt})
 * @param allocator the method whose bytecode allocates, as a method key
 *     ({@code java.lang.StringLatin1#charAt(byte[],int)})
 * @param bci the allocation's bytecode offset in {@code allocator}
 * @param what the instruction: {@code new java.lang.StringIndexOutOfBoundsException}, {@code newarray byte[]}
 * @param runtime the prediction
 */
public record CalleeAllocation(MethodRef caller, SourcePos call, String callee, String allocator, int bci, String what,
    RuntimePrediction runtime) {}
