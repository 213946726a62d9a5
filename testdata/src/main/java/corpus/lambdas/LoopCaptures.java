package corpus.lambdas;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * What the loop assigns among a capturing site's captures (docs/design.md, "Captures"): hoisting is
 * advised only when it assigns none of them. The bytecode front end reads an anonymous class's
 * captures from its constructor's stores into {@code val$} fields (RoaringBitmap's
 * {@code Roaring64NavigableMap.forEach} was advised to hoist a class capturing the for-each
 * variable); in the body of a lambda a stream runs per element, what the body computes is assigned
 * per iteration (HikariCP's {@code UtilityElf.createInstance}, commons-pool2's
 * {@code poolMap.forEach((key, value) -> …)}).
 */
public class LoopCaptures {
  interface Source {
    void forEach(IntConsumer c);
  }

  abstract static class Base {
    Base(int k) {}

    abstract void run();
  }

  public void forEach(List<Source> sources, LongConsumer lc) {
    for (Source s : sources) {
      s.forEach(new IntConsumer() { // expect: CapturingLambda(it cannot be hoisted out of the loop, which assigns 's')
        @Override
        public void accept(int low) {
          lc.accept(((long) s.hashCode() << 32) | low);
        }
      });
    }
  }

  public void invariant(List<Source> sources, LongConsumer lc) {
    for (Source s : sources) {
      s.forEach(new IntConsumer() { // expect: CapturingLambda('lc': hoist it out of the loop)
        @Override
        public void accept(int low) {
          lc.accept(low);
        }
      });
    }
  }

  /** The superclass constructor's argument k is no capture: only n, which the loop assigns. */
  public void withSuperArguments(List<String> names, List<Base> out) {
    for (String n : names) {
      int k = n.length();
      out.add(new Base(k) { // expect: CapturingLambda(captures 'n': it cannot be hoisted out of the loop, which assigns 'n')
        @Override
        void run() {
          System.out.println(n);
        }
      });
    }
  }

  /** The filter's body computes params per element; argClasses comes from outside the stream. */
  public static Constructor<?> find(Class<?> loaded, Object[] args) {
    Class<?>[] argClasses = new Class<?>[args.length];
    return Arrays.stream(loaded.getConstructors()).filter(c -> {
      Class<?>[] params = c.getParameterTypes();
      return IntStream.range(0, args.length).allMatch(i -> params[i].isAssignableFrom(argClasses[i])); // expect: CapturingLambda(it cannot be hoisted out of the enclosing loop, which assigns 'params')
    }).findFirst().orElse(null);
  }

  public void owners(List<List<String>> groups, String prefix) {
    groups.forEach(g -> g.removeIf(e -> !e.equals(g.get(0)))); // expect: CapturingLambda(it cannot be hoisted out of the enclosing loop, which assigns 'g')
    groups.forEach(g -> g.removeIf(e -> e.startsWith(prefix))); // expect: CapturingLambda(create it once, on first use)
  }
}
