package dev.noescape.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that the annotated method does not allocate on the heap: no {@code new}, no array,
 * no allocating boxing, no varargs array, no capturing lambda, no string concatenation and no
 * call to a method that allocates. noescape's {@code AllocationContract} rule checks it at
 * compile time; every allocation rule also treats the method as hot.
 *
 * <p>noescape matches annotations by simple name, so Error Prone's
 * {@code com.google.errorprone.annotations.NoAllocation} or a project's own
 * {@code @NoAllocation} work the same.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface NoAllocation {
  /** Why an allocation the contract would reject is acceptable here, when the rule is suppressed. */
  String reason() default "";
}
