package dev.noescape.report;

/**
 * A {@code @NoAllocation} contract waived with {@code @SuppressWarnings("AllocationContract")}:
 * reports list them so a waiver stays visible, with the reason the code gives in
 * {@code @NoAllocation(reason = "...")}.
 *
 * @param file source path (relative to the project root, as findings)
 * @param line the line of the method's declaration
 * @param method the method ({@code OrderBook.onTick})
 * @param reason the stated reason, or null when the code gives none (then a finding says so too)
 * @param findings how many {@code AllocationContract} findings the waiver silences
 */
public record Waiver(String file, int line, String method, String reason, int findings) {}
