package dev.noescape.cli;

import dev.noescape.bytecode.BytecodeAnalysis;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The progress line on stderr: {@code analyzing: 812/1,970 classes, 6.1 s}.
 *
 * <ul>
 *   <li>Nothing during the first {@link #DELAY_NANOS} (2 s): short runs print no progress at all.
 *   <li>{@link Mode#TERMINAL}: one line redrawn in place with {@code \r} at most every {@link
 *       #TERMINAL_INTERVAL_NANOS}, erased by {@link #finish()}.
 *   <li>{@link Mode#PLAIN} ({@code --progress} when stderr is not a terminal): a plain line at most
 *       every {@link #PLAIN_INTERVAL_NANOS} (2 s), for CI logs.
 * </ul>
 *
 * <p>{@link #update} comes from the analysis; {@link #tick()} from a timer, so the elapsed time
 * moves on while a phase reports nothing. Both take the time from the clock given, which tests
 * fake.
 */
final class ProgressLine implements BytecodeAnalysis.Progress {
  enum Mode {
    OFF,
    TERMINAL,
    PLAIN
  }

  static final long DELAY_NANOS = TimeUnit.SECONDS.toNanos(2);
  static final long TERMINAL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
  static final long PLAIN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final Mode mode;
  private final PrintStream err;
  private final LongSupplier clock;
  private final long start;

  private String phase;
  private int done;
  private int total;
  private boolean drawn;
  private long lastDraw;
  private int width; // of the line on screen (TERMINAL)
  private boolean finished;

  ProgressLine(Mode mode, PrintStream err, LongSupplier nanoClock) {
    this.mode = mode;
    this.err = err;
    this.clock = nanoClock;
    this.start = nanoClock.getAsLong();
  }

  Mode mode() {
    return mode;
  }

  @Override
  public synchronized void update(String phase, int done, int total) {
    this.phase = phase;
    this.done = done;
    this.total = total;
    maybeDraw();
  }

  /** Redraws if it is time (the elapsed seconds move on). */
  synchronized void tick() {
    maybeDraw();
  }

  /** Erases the terminal line, if one was drawn; prints nothing more afterwards. */
  synchronized void finish() {
    if (finished) return;
    finished = true;
    if (mode == Mode.TERMINAL && width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
    }
  }

  private void maybeDraw() {
    if (mode == Mode.OFF || finished) return;
    long now = clock.getAsLong();
    long elapsed = now - start;
    if (elapsed < DELAY_NANOS) return;
    long interval = mode == Mode.TERMINAL ? TERMINAL_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS;
    if (drawn && now - lastDraw < interval) return;
    drawn = true;
    lastDraw = now;
    String text = format(phase, done, total, elapsed);
    if (mode == Mode.TERMINAL) {
      int pad = Math.max(0, width - text.length());
      err.print("\r" + text + " ".repeat(pad));
      width = text.length();
    } else {
      err.println(text);
    }
    err.flush();
  }

  /**
   * {@code analyzing: 812/1,970 classes, 6.1 s} while classes are loaded or lowered (phases
   * {@code loading}, {@code lowering}); {@code analyzing: solving 4,000/15,700, 9.3 s} for the
   * other phases, whose units the analysis chooses; {@code analyzing: 2.4 s} before the first
   * report.
   */
  static String format(String phase, int done, int total, long elapsedNanos) {
    String seconds = String.format(Locale.ROOT, "%.1f s", elapsedNanos / 1e9);
    if (phase == null || total <= 0) return "analyzing: " + seconds;
    String count = Summary.number(done) + "/" + Summary.number(total);
    boolean classes = phase.equals("loading") || phase.equals("lowering");
    return "analyzing: " + (classes ? count + " classes" : phase + " " + count) + ", " + seconds;
  }
}
