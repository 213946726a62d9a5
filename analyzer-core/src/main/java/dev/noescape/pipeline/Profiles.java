package dev.noescape.pipeline;

import dev.noescape.bytecode.BytecodeAnalysis;
import dev.noescape.profile.AllocationProfile;
import dev.noescape.profile.ProfileJoin;
import dev.noescape.profile.ProfileRanking;
import dev.noescape.profile.RuntimePredictor;
import dev.noescape.profile.jfr.RecordingReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * The recordings of a run ({@code --profile}, the Maven goals' {@code profiles}): read on a thread of
 * their own while the analysis runs (reading is I/O and parsing, the analysis mostly one core), then
 * joined to the analysis' results for the input classes.
 */
public final class Profiles {
  private Profiles() {}

  /** Recordings being read. */
  public static final class Pending {
    private final FutureTask<AllocationProfile> task;

    private Pending(FutureTask<AllocationProfile> task) {
      this.task = task;
    }

    /** The samples, once read; problems with single recordings are in {@link AllocationProfile#problems()}. */
    public AllocationProfile get() {
      try {
        return task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the recordings", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error err) throw err;
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /**
   * Starts reading {@code inputs} (recordings, or directories of {@code *.jfr}); {@code shown} names a
   * path as the user gave it, for the notes.
   */
  public static Pending start(List<Path> inputs, Function<Path, String> shown) {
    FutureTask<AllocationProfile> task = new FutureTask<>(() -> RecordingReader.read(inputs, shown));
    Thread t = new Thread(task, "noescape-profile");
    t.setDaemon(true);
    t.start();
    return new Pending(task);
  }

  /**
   * The ranking of {@code profile} over the input classes of {@code result} (which must have been run
   * with {@link BytecodeAnalysis.Options#keepResults()}); null when no recording could be used.
   */
  public static ProfileRanking rank(AllocationProfile profile, BytecodeAnalysis.Result result) {
    if (profile == null || profile.isEmpty()) return null;
    return ProfileJoin.join(profile, result.inputClasses()::contains, result.inputResults(), RuntimePredictor.NONE);
  }

  /** The line the command line and the Maven goals print for a ranking: {@code profile: …}. */
  public static String summary(ProfileRanking ranking) {
    return "profile: " + ranking.summary();
  }
}
