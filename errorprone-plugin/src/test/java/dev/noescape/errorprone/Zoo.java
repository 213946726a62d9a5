package dev.noescape.errorprone;

/**
 * Unusual but valid Java: the shapes a front end meets rarely. Every checker must get through it
 * without failing the build.
 */
final class Zoo {
  private Zoo() {}

  static final String SOURCE = """
      package zoo;

      import java.io.Serializable;
      import java.io.StringReader;
      import java.io.BufferedReader;
      import java.io.IOException;
      import java.util.*;
      import java.util.function.*;
      import java.util.stream.*;

      public class Zoo<T extends Comparable<? super T>> implements Iterable<T> {
        static final Map<String, Integer> CACHE = new HashMap<>();
        static { for (int i = 0; i < 3; i++) CACHE.put("k" + i, i); }
        private final List<T> items = new ArrayList<>();
        { items.clear(); }
        private final Runnable field = new Runnable() { public void run() { items.size(); } };
        private final Supplier<List<T>> sup = ArrayList::new;
        private final IntFunction<int[]> arr = int[]::new;
        int counter;

        enum Op {
          ADD { int apply(int a, int b) { return a + b; } },
          MUL { int apply(int a, int b) { return a * b; } };
          abstract int apply(int a, int b);
        }

        sealed interface Shape permits Circle, Square {}
        record Circle(double r) implements Shape {
          Circle { if (r < 0) throw new IllegalArgumentException("r=" + r); }
        }
        record Square(double side) implements Shape {}

        interface Named {
          String name();
          default String greet() { return "hi " + name(); }
          static Named of(String n) { return () -> n; }
        }

        @interface Meta { String value() default "x"; int[] nums() default {1, 2}; }

        class Inner { int v = counter; }

        @Meta(value = "m", nums = {3})
        static double area(Shape s) {
          return switch (s) {
            case Circle c when c.r() == 0 -> 0;
            case Circle c -> Math.PI * c.r() * c.r();
            case Square q -> { double a = q.side() * q.side(); yield a; }
          };
        }

        public Iterator<T> iterator() {
          return new Iterator<T>() {
            int i;
            public boolean hasNext() { return i < items.size(); }
            public T next() { return items.get(i++); }
          };
        }

        @SafeVarargs
        static <E> List<E> listOf(E... es) { return Arrays.asList(es); }

        Object everything(int n, String... names) throws IOException {
          Integer boxed = n;
          boxed++;
          boxed += 2;
          Long l = (long) n;
          Character ch = 'x';
          int[][] grid = new int[n][];
          grid[0] = new int[] {1, 2, 3};
          outer:
          for (int i = 0, j = n; i < j; i++, j--) {
            for (int[] row : grid) {
              if (row == null) continue outer;
              for (int v : row) { if (v > 2) break outer; }
            }
          }
          int k = 0;
          do { k++; } while (k < n);
          while (true) { if (k-- < 0) break; }
          String s = "";
          for (String name : names) s = s + name + (name.isEmpty() ? '?' : name.charAt(0)) + n;
          s += switch (n) { case 0 -> "zero"; case 1, 2 -> "small"; default -> { String t = "big" + n; yield t; } };
          switch (s) { case "a": s = "b"; break; default: s = s.trim(); }
          try (BufferedReader r = new BufferedReader(new StringReader(s))) {
            String line;
            while ((line = r.readLine()) != null) s = line;
          } catch (IOException | RuntimeException e) {
            throw e;
          } finally {
            counter++;
          }
          synchronized (this) { counter += boxed; }
          assert n >= 0 : "negative " + n;
          Object o = names.length > 0 ? names[0] : Integer.valueOf(n);
          if (o instanceof String str && !str.isEmpty()) o = str.length();
          Runnable r1 = (Runnable & Serializable) () -> counter++;
          BiFunction<Integer, Integer, Integer> add = Integer::sum;
          Function<String, Integer> len = String::length;
          Function<Integer, int[]> mk = int[]::new;
          Supplier<Inner> in = Inner::new;
          Zoo<T>.Inner inner = this.new Inner();
          class Local { int twice() { return counter * 2; } }
          record Pair(int a, int b) {}
          var pair = new Pair(n, new Local().twice());
          BiFunction<Integer, Integer, Integer> lam = (var a, var b) -> a + b + pair.a();
          List<Integer> nums = IntStream.range(0, n).boxed().collect(Collectors.toList());
          nums.forEach(x -> counter += x);
          nums.removeIf(x -> x > n);
          Map<String, List<Integer>> groups = nums.stream().collect(Collectors.groupingBy(x -> "g" + (x % 3)));
          groups.computeIfAbsent("z", key -> new ArrayList<>()).add(n);
          groups.merge("z", List.of(1), (a, b) -> a);
          List<Object> objs = listOf(1, "two", 3.0, 'c', null);
          Object[] explicit = {1, 2};
          List<Object> viaArray = listOf(explicit);
          String fmt = String.format("%d %s", n, s);
          T[] generic = null;
          int[] empty = {};
          ;;
          return new Object[] {boxed, l, ch, grid, s, o, r1, add, len, mk, in, inner, lam, groups, objs, viaArray, fmt,
              generic, empty, Op.ADD.apply(1, 2), area(new Circle(1)), Named.of("n").greet(), field, sup, arr, CACHE};
        }

        String longConcat(String a) {
          String s = "";
          for (int i = 0; i < 3; i++) {
            s = s + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a
                + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a + a;
          }
          return s;
        }

        static int recursive(int n) { return n <= 1 ? 1 : n * recursive(n - 1); }
        static int mutualA(int n) { return n == 0 ? 0 : mutualB(n - 1); }
        static int mutualB(int n) { return n == 0 ? 1 : mutualA(n - 1); }

        abstract static class Base { abstract Object make(); }
        static final class Impl extends Base { Object make() { return new StringBuilder(); } }
      }
      """;
}
