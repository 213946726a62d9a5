package corpus.lambdas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An event bus: lambdas, method references and anonymous classes created per event. A lambda
 * allocates per evaluation only when it captures a local, a parameter or {@code this}; an
 * anonymous class always allocates; plain {@code new} of an inner or local class is not a capture.
 */
final class EventBus {
  interface Listener {
    void onEvent(Event e);

    boolean isClosed();
  }

  record Event(String topic, long timestamp, String payload) {}

  record Group(String owner, List<Event> events) {}

  private static final int GLOBAL_LIMIT = 3;
  private static int droppedEvents;

  private final List<Runnable> tasks = new ArrayList<>();
  private final List<Consumer<Event>> sinks = new ArrayList<>();
  private final List<Supplier<Object>> factories = new ArrayList<>();
  private int threshold = 10;

  /** An inner (non-static) class: creating it captures the enclosing instance like any {@code new}. */
  final class Subscription {
    final String topic;

    Subscription(String topic) {
      this.topic = topic;
    }
  }

  void dispatch(List<Event> events, Map<String, List<Listener>> listeners) {
    for (Event e : events) {
      List<Listener> ls = listeners.getOrDefault(e.topic(), List.of()); // ok: VarargsAllocation -- List.of() is fixed-arity
      ls.forEach(l -> l.onEvent(e)); // expect: CapturingLambda
      ls.removeIf(Listener::isClosed); // ok: CapturingLambda -- unbound method reference
      tasks.add(() -> droppedEvents++); // ok: CapturingLambda -- uses only a static field
      tasks.add(this::flush); // expect: CapturingLambda
      tasks.add(EventBus::reset); // ok: CapturingLambda -- static method reference
      tasks.add(() -> flush()); // expect: CapturingLambda
      sinks.add(System.out::println); // expect: CapturingLambda
      sinks.add(ev -> System.out.println(ev.payload())); // ok: CapturingLambda -- reads System.out inside the body, captures nothing
    }
  }

  void thresholds(List<Event> events, List<List<String>> batches) {
    final int minLength = 3;
    for (List<String> batch : batches) {
      batch.removeIf(s -> s.length() < minLength); // ok: CapturingLambda -- a constant local is inlined, not captured
      batch.removeIf(s -> s.length() > GLOBAL_LIMIT); // ok: CapturingLambda -- static constant
      batch.removeIf(s -> s.length() > threshold); // expect: CapturingLambda
      batch.removeIf(String::isEmpty); // ok: CapturingLambda -- unbound reference
      batch.sort(Comparator.comparing(String::length)); // ok: CapturingLambda -- unbound reference; ok: BoxingAllocation -- boxing inside the metafactory adapter
    }
    events.removeIf(e -> e.timestamp() < threshold); // ok: CapturingLambda -- created once, outside loops
  }

  void factories(int rounds) {
    for (int i = 0; i < rounds; i++) {
      factories.add(ArrayList::new); // ok: CapturingLambda -- constructor reference of a top-level class
      factories.add(() -> new int[GLOBAL_LIMIT]); // ok: CapturingLambda -- captures nothing
      factories.add(() -> new Subscription("t")); // expect: CapturingLambda
      Supplier<Subscription> s = () -> new Subscription("u"); // expect: CapturingLambda
      factories.add(s::get); // expect: CapturingLambda
      Subscription plain = new Subscription("v"); // ok: CapturingLambda -- plain new of an inner class
      factories.add(() -> plain); // expect: CapturingLambda
    }
  }

  void anonymous(List<Event> events, Executor executor) {
    Runnable once = new Runnable() { // ok: CapturingLambda -- anonymous class outside loops, cold method
      @Override
      public void run() {
        flush();
      }
    };
    tasks.add(once);
    for (Event e : events) {
      executor.execute(new Runnable() { // expect: CapturingLambda
        @Override
        public void run() {
          System.out.println("event");
        }
      });
      executor.execute(() -> System.out.println(e.payload())); // expect: CapturingLambda
    }
  }

  void localClasses(List<Event> events, String prefix) {
    class Tagged {
      final String text;

      Tagged(Event e) {
        this.text = prefix + e.payload();
      }
    }
    List<Object> tagged = new ArrayList<>(events.size()); // ok: UnpresizedCollection -- already presized
    for (Event e : events) {
      tagged.add(new Tagged(e)); // ok: CapturingLambda -- plain new of a local class, even a capturing one
    }
    System.out.println(tagged.size());
  }

  void nested(List<Group> groups) {
    // The outer lambda captures nothing and is created once; the inner one is created inside the
    // outer body, which forEach runs once per element, and captures g.
    groups.forEach(g -> g.events().removeIf(e -> !e.topic().equals(g.owner()))); // ok: CapturingLambda -- the outer lambda; expect: CapturingLambda
  }

  void initAndIterable(List<String> names, String prefix, int n) {
    int left = names.size();
    for (Predicate<String> p = s -> s.startsWith(prefix); left > 0; left--) { // ok: CapturingLambda -- for-init runs once
      System.out.println(p.test(names.get(left - 1)));
    }
    for (String s : select(names, x -> x.startsWith(prefix))) { // ok: CapturingLambda -- the iterable expression runs once
      System.out.println(s);
    }
    int total = 0;
    for (int i = 0; i < names.size(); i = advance(i, x -> x + n)) { // expect: CapturingLambda
      total += names.get(i).length(); // no output here: a loop that prints on every iteration dwarfs its lambda (varargs/CostlyCallees)
    }
    System.out.println(total);
  }

  boolean drain(List<Event> queue, long now) {
    int rounds = 0;
    do {
      rounds++;
    } while (queue.stream().anyMatch(e -> e.timestamp() < now) && rounds < 10); // expect: CapturingLambda
    return rounds > 1;
  }

  private static List<String> select(List<String> in, Predicate<String> p) {
    List<String> out = new ArrayList<>();
    for (String s : in) {
      if (p.test(s)) {
        out.add(s); // ok: UnpresizedCollection -- conditional add
      }
    }
    return out;
  }

  private static int advance(int i, IntUnaryOperator op) {
    return op.applyAsInt(i);
  }

  private void flush() {
    tasks.clear();
  }

  private static void reset() {
    droppedEvents = 0;
  }
}
