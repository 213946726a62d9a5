package dev.noescape.jitbench.workload;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Joiner;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.Ints;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.lang3.StringUtils;
import org.apache.commons.lang3.text.WordUtils;

/**
 * Real libraries in a loop, run under {@code -XX:+LogCompilation} by {@code bench/jit/workload.sh}:
 * jackson-databind writing and reading a list of POJOs (public fields), commons-lang3's StringUtils, and guava's
 * Splitter, Joiner and immutable collections. The inputs are generated (fixed seed), so every run
 * does the same work; what C2 makes of it depends on timing (see the README).
 *
 * <p>Usage: {@code Workloads [iterations=4000]}.
 */
public final class Workloads {
  private Workloads() {}

  public static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
    ObjectMapper mapper = new ObjectMapper();
    List<Order> orders = orders(40);
    List<String> lines = csvLines(64);
    long checksum = 0;
    long start = System.nanoTime();
    for (int k = 0; k < iterations; k++) {
      checksum += jackson(mapper, orders);
      checksum += lang(lines, k);
      checksum += guava(lines, k);
    }
    System.out.printf(Locale.ROOT, "workloads: %d iterations in %d ms (checksum %d)%n", iterations,
        (System.nanoTime() - start) / 1_000_000L, checksum);
  }

  /** Serializes the orders and reads them back. */
  static long jackson(ObjectMapper mapper, List<Order> orders) throws Exception {
    String json = mapper.writeValueAsString(orders);
    List<Order> back = mapper.readValue(json, new TypeReference<List<Order>>() {});
    long sum = json.length();
    for (Order o : back) sum += o.lines.size() + (o.paid ? 1 : 0);
    return sum;
  }

  /** commons-lang3 string utilities over CSV-like lines. */
  static long lang(List<String> lines, int k) {
    long sum = 0;
    for (String line : lines) {
      String[] parts = StringUtils.split(line, ',');
      sum += parts.length;
      sum += StringUtils.join(parts, '|').length();
      sum += StringUtils.capitalize(parts[0]).length();
      sum += StringUtils.leftPad(Integer.toString(k), 8, '0').length();
      sum += StringUtils.abbreviate(line, 20).length();
      sum += StringUtils.replace(line, ",", ";").length();
      sum += StringUtils.isNumeric(parts[parts.length - 1]) ? 1 : 0;
      sum += WordUtils.capitalizeFully(parts[1]).length();
    }
    return sum;
  }

  /** guava splitting, joining and immutable collections over the same lines. */
  static long guava(List<String> lines, int k) {
    long sum = 0;
    Splitter splitter = Splitter.on(',').trimResults().omitEmptyStrings();
    Joiner joiner = Joiner.on('|').skipNulls();
    for (String line : lines) {
      List<String> parts = splitter.splitToList(line);
      sum += joiner.join(parts).length();
      ImmutableList<String> copy = ImmutableList.copyOf(parts);
      sum += copy.size();
      Integer last = Ints.tryParse(parts.get(parts.size() - 1));
      sum += last == null ? 0 : last;
      Map<String, Integer> m = ImmutableMap.of(parts.get(0), k, parts.get(1), k + 1);
      sum += m.size();
    }
    return sum;
  }

  static List<Order> orders(int count) {
    List<Order> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      List<Line> lines = new ArrayList<>();
      for (int l = 0; l < 1 + k % 5; l++) lines.add(new Line("sku-" + (k * 7 + l), 1 + l, 9.5 + k + l));
      out.add(new Order(1000 + k, "customer " + k % 13, lines, k % 3 == 0));
    }
    return out;
  }

  static List<String> csvLines(int count) {
    List<String> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      out.add("item" + k + ", warehouse " + (k % 7) + " ,  red,blue , " + (k * 31 % 1000));
    }
    return out;
  }

  /** A POJO as jackson-databind sees them: public properties, a nested list. */
  public static final class Order {
    public long id;
    public String customer;
    public List<Line> lines = new ArrayList<>();
    public boolean paid;

    public Order() {}

    Order(long id, String customer, List<Line> lines, boolean paid) {
      this.id = id;
      this.customer = customer;
      this.lines = lines;
      this.paid = paid;
    }
  }

  /** An order line. */
  public static final class Line {
    public String sku;
    public int quantity;
    public double price;

    public Line() {}

    Line(String sku, int quantity, double price) {
      this.sku = sku;
      this.quantity = quantity;
      this.price = price;
    }
  }
}
