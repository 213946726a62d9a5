package corpus.inventory;

import dev.noescape.annotations.HotPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Stock keeping with streams: lambda bodies passed to stream operations run once per element. */
final class Inventory {
  record Item(String sku, String category, int quantity, double unitPrice) {}

  private final List<Item> items = new ArrayList<>();
  private final Map<String, Integer> reserved = new HashMap<>();

  Map<String, Integer> quantityByCategory() {
    return items.stream().collect(Collectors.groupingBy(Item::category, Collectors.summingInt(Item::quantity))); // ok: CapturingLambda, CapturingLambda -- unbound references; ok: BoxingAllocation -- summingInt boxes inside the JDK
  }

  List<String> lowStock(int threshold) {
    return items.stream()
        .filter(i -> i.quantity() < threshold) // ok: CapturingLambda -- created once, outside loops
        .map(Item::sku) // ok: CapturingLambda -- unbound reference
        .sorted()
        .toList();
  }

  double totalValue() {
    return items.stream().mapToDouble(i -> i.quantity() * i.unitPrice()).sum(); // ok: BoxingAllocation -- a primitive stream
  }

  List<Double> prices() {
    return items.stream().map(Item::unitPrice).toList(); // ok: BoxingAllocation -- boxing inside the metafactory adapter
  }

  List<Double> discounted(double rate) {
    return items.stream().map(i -> i.unitPrice() * (1 - rate)).toList(); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2) // ok: CapturingLambda -- created once
  }

  List<Integer> emptySlots() {
    return IntStream.range(0, items.size()).filter(i -> items.get(i).quantity() == 0).boxed().toList(); // ok: BoxingAllocation -- boxed() boxes inside the JDK; ok: CapturingLambda -- created once
  }

  void restock(int amount) {
    IntStream.range(0, items.size()).forEach(i -> items.set(i, withQuantity(items.get(i), amount))); // ok: CapturingLambda -- created once
  }

  Map<String, List<Item>> byCategory() {
    Map<String, List<Item>> out = new TreeMap<>();
    for (Item i : items) {
      out.computeIfAbsent(i.category(), c -> new ArrayList<>()).add(i); // ok: CapturingLambda -- captures nothing
    }
    return out;
  }

  Map<String, Item> bySku() {
    Map<String, Item> index = new HashMap<>(); // expect: UnpresizedCollection(items.size())
    for (Item i : items) {
      index.put(i.sku(), i);
    }
    return index;
  }

  Map<String, Double> priceIndex() {
    Map<String, Double> index = new HashMap<>(items.size()); // expect: HashMapCapacity
    for (Item i : items) {
      index.put(i.sku(), i.unitPrice()); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
    return index;
  }

  String report() {
    String out = "";
    for (Item i : items) {
      out += String.format("%-10s %5d %8.2f%n", i.sku(), i.quantity(), i.unitPrice()); // expect: StringConcatInLoop, VarargsAllocation(and 2 boxes (int, double)); ok: BoxingAllocation -- the boxed arguments are part of the varargs call's one finding
    }
    return out;
  }

  int[] histogram(int buckets) {
    int[] h = new int[buckets];
    items.forEach(i -> h[Math.min(buckets - 1, i.quantity() / 10)]++); // ok: CapturingLambda -- created once
    return h;
  }

  void reserveAll(Map<String, Integer> order) {
    order.forEach((sku, qty) -> reserved.merge(sku, qty, Integer::sum)); // ok: BoxingAllocation -- qty is already an Integer; ok: CapturingLambda, CapturingLambda -- the lambda is created once, Integer::sum is static
  }

  @HotPath
  boolean reserve(String sku, int qty) {
    Integer already = reserved.getOrDefault(sku, 0); // ok: BoxingAllocation -- the constant 0 is cached
    int available = stock(sku) - already;
    if (available < qty) {
      return false;
    }
    reserved.put(sku, already + qty); // expect: BoxingAllocation
    return true;
  }

  private int stock(String sku) {
    int total = 0;
    for (Item i : items) {
      if (i.sku().equals(sku)) {
        total += i.quantity();
      }
    }
    return total;
  }

  private static Item withQuantity(Item i, int extra) {
    return new Item(i.sku(), i.category(), i.quantity() + extra, i.unitPrice());
  }
}
