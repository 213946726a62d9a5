package dev.noescape.jitbench.classfile;

import java.util.ArrayList;
import java.util.List;

/** Allocations in the shapes the bytecode walk must get right: switches (padding), wide locals, branches. */
@SuppressWarnings("unused")
final class Fixture {
  static Object branches(boolean c, int n) {
    Object o;
    if (c) {
      o = new StringBuilder();
    } else {
      o = new int[n];
    }
    return o;
  }

  static Object switches(int k) {
    switch (k) {
      case 1:
        return new Object[2];
      case 2:
        return new long[3][4];
      case 3:
        return "x";
      default:
        break;
    }
    switch (k * 1000) {
      case 1000:
        return new ArrayList<String>();
      case 7000000:
        return new double[1];
      default:
        return List.of();
    }
  }

  /** 130 long locals (260 slots): the int[] below is stored with a wide istore. */
  static int wideLocals(int a) {
    long l0 = a, l1 = a, l2 = a, l3 = a, l4 = a, l5 = a, l6 = a, l7 = a, l8 = a, l9 = a, m0 = a, m1 = a, m2 = a, m3 = a, m4 = a, m5 = a, m6 = a, m7 = a, m8 = a, m9 = a, n0 = a, n1 = a, n2 = a, n3 = a, n4 = a, n5 = a, n6 = a, n7 = a, n8 = a, n9 = a, p0 = a, p1 = a, p2 = a, p3 = a, p4 = a, p5 = a, p6 = a, p7 = a, p8 = a, p9 = a, q0 = a, q1 = a, q2 = a, q3 = a;
    long q4 = a, q5 = a, q6 = a, q7 = a, q8 = a, q9 = a, r0 = a, r1 = a, r2 = a, r3 = a, r4 = a, r5 = a, r6 = a, r7 = a, r8 = a, r9 = a, s0 = a, s1 = a, s2 = a, s3 = a, s4 = a, s5 = a, s6 = a, s7 = a, s8 = a, s9 = a, t0 = a, t1 = a, t2 = a, t3 = a, t4 = a, t5 = a, t6 = a, t7 = a, t8 = a, t9 = a, u0 = a, u1 = a, u2 = a, u3 = a, u4 = a, u5 = a, u6 = a, u7 = a;
    long u8 = a, u9 = a, v0 = a, v1 = a, v2 = a, v3 = a, v4 = a, v5 = a, v6 = a, v7 = a, v8 = a, v9 = a, w0 = a, w1 = a, w2 = a, w3 = a, w4 = a, w5 = a, w6 = a, w7 = a, w8 = a, w9 = a, x0 = a, x1 = a, x2 = a, x3 = a, x4 = a, x5 = a, x6 = a, x7 = a, x8 = a, x9 = a, y0 = a, y1 = a, y2 = a, y3 = a, y4 = a, y5 = a, y6 = a, y7 = a, y8 = a, y9 = a;
    long z0 = a;
    z0 += 300;
    int[] after = new int[(int) (z0 + y9)];
    return after.length;
  }

  static int checked(Object o) {
    if (o == null) {
      throw new NullPointerException("o");
    }
    return o.hashCode();
  }

  static Object handler(String s) {
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException e) {
      return new IllegalStateException(e);
    }
  }
}
