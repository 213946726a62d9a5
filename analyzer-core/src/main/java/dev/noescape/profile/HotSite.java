package dev.noescape.profile;

import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Finding;
import java.util.List;

/**
 * One place of the program that a recording's samples were credited to: an allocation site, a call
 * that allocated inside its callee, or a line the analysis has nothing for.
 *
 * @param methodKey the method ({@link dev.noescape.ir.MethodRef#key()}; for an unmatched frame, the
 *     frame's method)
 * @param method how messages name the method ({@code OrderBook.add})
 * @param file the source path the analysis knows for the method (package path + source file name
 *     from bytecode)
 * @param line the source line (0: unknown)
 * @param bci the bytecode offset of the site or call, -1 when not known
 * @param siteId the allocation site within the method, -1 for a call or an unmatched place
 * @param what the site's description ({@code new ArrayList<>()}), the call ({@code call to
 *     String.format}) or the frame
 * @param verdict why it is on the heap, as far as the analysis tells
 * @param bytes sampled bytes credited here
 * @param samples events credited here
 * @param insideBytes the part of {@code bytes} allocated inside calls on the site's object: its
 *     constructor, and the calls that fill it (a list's array growing in {@code add})
 * @param parts the heaviest allocated classes and paths through the callees, heaviest first
 * @param hotness the static hotness rank of the site or call ({@link dev.noescape.finding.Hotness}),
 *     0 for an unmatched place
 * @param byLine true when frames were matched by line, without a bytecode offset
 */
public record HotSite(String methodKey, String method, String file, int line, int bci, int siteId, String what,
    Verdict verdict, long bytes, long samples, long insideBytes, List<Part> parts, int hotness, boolean byLine) {

  public HotSite {
    parts = List.copyOf(parts);
  }

  /**
   * Samples of one allocated class along one path.
   *
   * @param objectClass the allocated class ({@code byte[]})
   * @param via the frames between the program's frame and the allocation, the callee the program
   *     called first and the allocating frame last; empty when the program's own code allocated
   * @param bytes their weight
   */
  public record Part(String objectClass, List<Frame> via, long bytes) {
    public Part {
      via = List.copyOf(via);
    }
  }

  /**
   * Whether {@code f} reports this place: a finding on this allocation site, or an
   * {@code AllocationContract} finding on this call (a call has no site; the contract names the line).
   */
  public boolean covers(Finding f) {
    if (f.method() == null || !f.method().key().equals(methodKey)) return false;
    if (siteId >= 0) return f.siteId() == siteId;
    return verdict instanceof Verdict.InsideCallee && f.siteId() < 0 && f.rule() == RuleId.ALLOCATION_CONTRACT
        && f.pos().line() == line;
  }
}
