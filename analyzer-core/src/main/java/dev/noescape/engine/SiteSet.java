package dev.noescape.engine;

import java.util.AbstractSet;
import java.util.BitSet;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable set of site ids backed by a {@link BitSet}: what {@link MethodResult#pointsTo()}
 * holds per variable. Iterates in increasing order; equal to any {@link java.util.Set} with the
 * same elements. Building one costs a bit copy, not a boxed insertion per element (variables of a
 * big method can each point to thousands of sites).
 */
final class SiteSet extends AbstractSet<Integer> {
  private final BitSet bits;
  private final int size;

  SiteSet(BitSet bits) {
    this.bits = bits;
    this.size = bits.cardinality();
  }

  @Override
  public boolean contains(Object o) {
    return o instanceof Integer i && i >= 0 && bits.get(i);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Iterator<Integer> iterator() {
    return new Iterator<>() {
      private int next = bits.nextSetBit(0);

      @Override
      public boolean hasNext() {
        return next >= 0;
      }

      @Override
      public Integer next() {
        if (next < 0) throw new NoSuchElementException();
        int r = next;
        next = bits.nextSetBit(next + 1);
        return r;
      }
    };
  }
}
