package dev.noescape.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A recording's samples credited to the program: each sample's weight goes to the first frame of its
 * stack, from the top, whose class the program has, so an allocation the JDK (or a library) makes on
 * the program's behalf ({@code ArrayList.grow} inside {@code list.add(x)}, boxing in
 * {@code Integer.valueOf}) is credited to the program line that asked for it; the frames above it are
 * kept as the path. Samples without such a frame are counted apart.
 *
 * @param recordings the recordings, as named by the user
 * @param problems one line per recording that was not used
 * @param hits the program's samples, by the frame they are credited to, the path and the class
 * @param sampledBytes every sampled byte
 * @param outsideBytes sampled bytes without a frame in the program
 */
public record Attribution(List<String> recordings, List<String> problems, List<Hit> hits, long sampledBytes,
    long outsideBytes) {

  public Attribution {
    recordings = List.copyOf(recordings);
    problems = List.copyOf(problems);
    hits = List.copyOf(hits);
  }

  /**
   * Samples credited to one frame of the program.
   *
   * @param at the program's frame
   * @param via the frames above it, the callee {@code at} called first, the allocating frame last;
   *     empty when {@code at} allocated itself
   * @param objectClass the allocated class
   * @param bytes their weight
   * @param samples how many events
   */
  public record Hit(Frame at, List<Frame> via, String objectClass, long bytes, long samples) {
    public Hit {
      via = List.copyOf(via);
    }
  }

  /** Credits {@code profile}'s samples to the frames of the classes {@code programClass} accepts. */
  public static Attribution of(AllocationProfile profile, Predicate<String> programClass) {
    record Key(Frame at, List<Frame> via, String objectClass) {}
    Map<Key, long[]> sums = new LinkedHashMap<>();
    long outside = 0;
    for (StackSample s : profile.stacks()) {
      List<Frame> frames = s.frames();
      int k = 0;
      while (k < frames.size() && !programClass.test(frames.get(k).type())) k++;
      if (k == frames.size()) {
        outside += s.bytes();
        continue;
      }
      List<Frame> via = new ArrayList<>(frames.subList(0, k));
      Collections.reverse(via);
      long[] sum = sums.computeIfAbsent(new Key(frames.get(k), List.copyOf(via), s.objectClass()), x -> new long[2]);
      sum[0] += s.bytes();
      sum[1] += s.samples();
    }
    List<Hit> hits = new ArrayList<>(sums.size());
    sums.forEach((k, v) -> hits.add(new Hit(k.at(), k.via(), k.objectClass(), v[0], v[1])));
    return new Attribution(profile.recordings(), profile.problems(), hits, profile.bytes(), outside);
  }
}
