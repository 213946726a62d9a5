package dev.noescape.profile;

import java.util.List;

/**
 * The allocation samples of a recording that share one stack and one allocated class.
 *
 * @param frames the stack, top frame (where the object was allocated) first
 * @param objectClass the allocated class, as the JVM names it ({@code byte[]}, {@code java.lang.Long})
 * @param bytes the samples' weight: bytes the JVM allocated and attributes to this stack
 * @param samples how many events
 * @param truncated whether the recording cut the stack at its maximum depth
 */
public record StackSample(List<Frame> frames, String objectClass, long bytes, long samples, boolean truncated) {
  public StackSample {
    frames = List.copyOf(frames);
  }
}
