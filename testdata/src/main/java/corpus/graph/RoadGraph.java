package corpus.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/** A weighted directed graph over int node ids: BFS, Dijkstra, topological sort, components. */
final class RoadGraph {
  record Edge(int to, double km) {}

  private final List<List<Edge>> adjacency;

  RoadGraph(int nodes) {
    adjacency = new ArrayList<>(nodes); // ok: UnpresizedCollection -- already presized
    for (int i = 0; i < nodes; i++) {
      adjacency.add(new ArrayList<>());
    }
  }

  void addEdge(int from, int to, double km) {
    adjacency.get(from).add(new Edge(to, km));
  }

  List<Integer> bfs(int start) {
    List<Integer> order = new ArrayList<>(); // ok: UnpresizedCollection -- while loop over a queue
    Deque<Integer> queue = new ArrayDeque<>(); // ok: UnpresizedCollection -- an element is added before the loop
    BitSet seen = new BitSet(adjacency.size());
    queue.add(start); // ok: BoxingAllocation -- before the loop, cold method
    seen.set(start);
    while (!queue.isEmpty()) {
      int node = queue.poll();
      order.add(node); // expect: BoxingAllocation(node is unboxed from queue.poll(): keep the Integer it returns (declare node as Integer)) -- not forced: a local change keeps the queue's box
      for (Edge e : adjacency.get(node)) {
        if (!seen.get(e.to())) {
          seen.set(e.to());
          queue.add(e.to()); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
        }
      }
    }
    return order;
  }

  double[] dijkstra(int source) {
    double[] dist = new double[adjacency.size()];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    dist[source] = 0;
    PriorityQueue<double[]> pq = new PriorityQueue<>((a, b) -> Double.compare(a[1], b[1])); // ok: UnpresizedCollection -- added before the loop and inside a while loop
    pq.add(new double[] {source, 0});
    while (!pq.isEmpty()) {
      double[] top = pq.poll();
      int u = (int) top[0];
      if (top[1] > dist[u]) {
        continue;
      }
      for (Edge e : adjacency.get(u)) {
        double nd = dist[u] + e.km();
        if (nd < dist[e.to()]) {
          dist[e.to()] = nd;
          pq.add(new double[] {e.to(), nd});
        }
      }
    }
    return dist;
  }

  List<Integer> topologicalOrder() {
    int n = adjacency.size();
    int[] indegree = new int[n];
    for (List<Edge> edges : adjacency) {
      for (Edge e : edges) {
        indegree[e.to()]++;
      }
    }
    Deque<Integer> ready = new ArrayDeque<>(); // ok: UnpresizedCollection -- conditional add
    for (int i = 0; i < n; i++) {
      if (indegree[i] == 0) {
        ready.add(i); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      }
    }
    List<Integer> order = new ArrayList<>(n); // ok: UnpresizedCollection -- already presized
    while (!ready.isEmpty()) {
      int u = ready.poll();
      order.add(u); // expect: BoxingAllocation(u is unboxed from ready.poll(): keep the Integer it returns) -- not forced: a local change keeps the queue's box
      for (Edge e : adjacency.get(u)) {
        if (--indegree[e.to()] == 0) {
          ready.add(e.to()); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
        }
      }
    }
    return order;
  }

  Map<Integer, Integer> outDegrees() {
    int n = adjacency.size();
    Map<Integer, Integer> degrees = new HashMap<>(); // expect: UnpresizedCollection
    for (int i = 0; i < n; i++) {
      degrees.put(i, adjacency.get(i).size()); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
    return degrees;
  }

  Set<Integer> reachableFrom(int[] seeds) {
    Set<Integer> result = new HashSet<>(); // ok: UnpresizedCollection -- addAll of a BFS, not one add per iteration
    for (int s : seeds) {
      result.addAll(bfs(s));
    }
    return result;
  }

  Set<Integer> asSet(int[] nodes) {
    Set<Integer> set = new HashSet<>(nodes.length); // expect: HashMapCapacity
    for (int n : nodes) {
      set.add(n); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
    return set;
  }

  int[][] matrix() {
    int n = adjacency.size();
    int[][] m = new int[n][n];
    for (int u = 0; u < n; u++) {
      for (Edge e : adjacency.get(u)) {
        m[u][e.to()] = 1;
      }
    }
    return m;
  }

  List<String> describeEdges() {
    List<String> lines = new ArrayList<>(); // ok: UnpresizedCollection -- nested loops
    for (int u = 0; u < adjacency.size(); u++) {
      for (Edge e : adjacency.get(u)) {
        lines.add(u + " -> " + e.to() + " (" + e.km() + " km)");
      }
    }
    return lines;
  }
}
