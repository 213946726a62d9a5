package dev.noescape.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as latency-critical: noescape's allocation rules ({@code BoxingAllocation},
 * {@code VarargsAllocation}, {@code CapturingLambda}) report allocations anywhere in it, not only
 * inside loops. Matched by simple name, so a project may declare its own {@code @HotPath}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
public @interface HotPath {}
