package corpus.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tiny full-text index: documents are tokenized, postings kept per term, queries ranked. */
final class InvertedIndex {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  record Posting(int doc, int freq) {}

  private final Map<String, List<Posting>> postings = new HashMap<>();
  private final List<String> titles = new ArrayList<>();

  int add(String title, String text) {
    int doc = titles.size();
    titles.add(title);
    Map<String, Integer> freq = new HashMap<>(); // ok: UnpresizedCollection -- Matcher.find loop, counting pattern
    Matcher m = WORD.matcher(text.toLowerCase());
    while (m.find()) {
      freq.merge(m.group(), 1, Integer::sum); // ok: BoxingAllocation -- cached 1; ok: CapturingLambda -- static reference
    }
    for (Map.Entry<String, Integer> e : freq.entrySet()) {
      postings.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new Posting(doc, e.getValue())); // ok: CapturingLambda -- captures nothing
    }
    return doc;
  }

  List<String> search(String query, int limit) {
    String[] terms = query.toLowerCase().split("\\s+");
    Map<Integer, Double> scores = new HashMap<>(); // ok: UnpresizedCollection -- merge inside a nested loop
    for (String t : terms) {
      List<Posting> ps = postings.getOrDefault(t, Collections.emptyList());
      double idf = Math.log(1.0 + titles.size() / (1.0 + ps.size()));
      for (Posting p : ps) {
        scores.merge(p.doc(), p.freq() * idf, Double::sum); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      }
    }
    List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(scores.entrySet()); // ok: UnpresizedCollection -- copy constructor
    ranked.sort(Map.Entry.<Integer, Double>comparingByValue().reversed());
    List<String> out = new ArrayList<>(); // ok: UnpresizedCollection -- the loop breaks at the limit
    for (Map.Entry<Integer, Double> e : ranked) {
      if (out.size() == limit) {
        break;
      }
      out.add(titles.get(e.getKey()));
    }
    return out;
  }

  Set<String> vocabulary(String[] docs) {
    Set<String> vocab = new HashSet<>(); // ok: UnpresizedCollection -- addAll of each document, not one add per iteration
    for (String d : docs) {
      vocab.addAll(Arrays.asList(d.split(" "))); // ok: VarargsAllocation -- passes the array split returns
    }
    return vocab;
  }

  Map<String, Integer> documentFrequencies() {
    Map<String, Integer> df = new TreeMap<>(); // ok: UnpresizedCollection -- TreeMap has no capacity
    for (Map.Entry<String, List<Posting>> e : postings.entrySet()) {
      df.put(e.getKey(), e.getValue().size()); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
    return df;
  }

  List<String> titlesOf(int[] docs) {
    List<String> out = new ArrayList<>(); // expect: UnpresizedCollection(docs.length)
    for (int d : docs) {
      out.add(titles.get(d));
    }
    return out;
  }

  String snippet(String text, String term, int radius) {
    int at = text.toLowerCase().indexOf(term.toLowerCase());
    if (at < 0) {
      return "";
    }
    String s = "";
    int from = Math.max(0, at - radius);
    int to = Math.min(text.length(), at + term.length() + radius);
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      s += Character.isWhitespace(c) ? ' ' : c; // expect: StringConcatInLoop
    }
    return "..." + s + "...";
  }

  String debug() {
    StringBuilder sb = new StringBuilder();
    for (String term : postings.keySet()) {
      sb.append(String.format("%-20s %s%n", term, postings.get(term))); // expect: VarargsAllocation
      sb.append(term).append('=').append(postings.get(term).size()).append('\n'); // ok: BoxingAllocation -- append(int)
    }
    return sb.toString();
  }
}
