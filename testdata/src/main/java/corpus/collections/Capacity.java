package corpus.collections;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code new HashMap<>(n)} where n is the number of entries: the table rehashes once it holds
 * 0.75 * capacity, so n entries do not fit. Quiet when the constant already fits (17 -> 32 slots,
 * threshold 24), for ConcurrentHashMap (its constructor takes a size), for other sizes, and when
 * the fill is not exactly n entries.
 */
final class Capacity {
  record Account(String id, String owner, long balance) {}

  static final String[] CODES = new String[16];
  static final String[] MORE_CODES = new String[17];

  // ---- positives -------------------------------------------------------------------------------

  Map<String, Account> index(List<Account> accounts) {
    Map<String, Account> byId = new HashMap<>(accounts.size()); // expect: HashMapCapacity
    for (Account a : accounts) {
      byId.put(a.id(), a);
    }
    return byId;
  }

  Set<String> owners(Collection<Account> accounts) {
    Set<String> owners = new HashSet<>(accounts.size()); // expect: HashMapCapacity
    for (Account a : accounts) {
      owners.add(a.owner());
    }
    return owners;
  }

  Map<String, String> copy(Map<String, String> m) {
    // HashMap.putAll into a map whose table is not allocated yet presizes it for m.size() entries
    // (HashMap.putMapEntries), so n = m.size() costs no rehash here; addAll on a set does not.
    Map<String, String> copy = new HashMap<>(m.size()); // ok: HashMapCapacity -- putAll presizes an empty HashMap itself
    copy.putAll(m);
    return copy;
  }

  Set<String> union(List<String> names) {
    Set<String> set = new LinkedHashSet<>(names.size()); // expect: HashMapCapacity
    set.addAll(names);
    return set;
  }

  Map<String, Integer> sixteen() {
    Map<String, Integer> m = new HashMap<>(16); // expect: HashMapCapacity
    for (int i = 0; i < 16; i++) {
      m.put(CODES[i], i); // ok: BoxingAllocation -- i is 0..15: always from the Integer cache
    }
    return m;
  }

  Map<String, String> thirteen(String[] keys) {
    Map<String, String> m = new LinkedHashMap<>(13); // expect: HashMapCapacity
    for (int i = 0; i < 13; i++) {
      m.put(keys[i], keys[i].toUpperCase());
    }
    return m;
  }

  Map<String, Long> weak(String[] keys) {
    Map<String, Long> cache = new WeakHashMap<>(keys.length); // expect: HashMapCapacity
    for (String k : keys) {
      cache.put(k, 0L); // ok: BoxingAllocation -- 0L is cached
    }
    return cache;
  }

  Map<String, Integer> counted(String[] keys, int n) {
    Map<String, Integer> m = new HashMap<>(n); // expect: HashMapCapacity
    for (int i = 0; i < n; i++) {
      m.put(keys[i], 7); // ok: BoxingAllocation -- 7 is cached
    }
    return m;
  }

  // ---- negatives -------------------------------------------------------------------------------

  Map<String, Integer> seventeen() {
    Map<String, Integer> m = new HashMap<>(17); // ok: HashMapCapacity -- 17 rounds up to 32 slots, threshold 24
    for (int i = 0; i < 17; i++) {
      m.put(MORE_CODES[i], 1); // ok: BoxingAllocation -- cached
    }
    return m;
  }

  Map<String, String> twelve(String[] keys) {
    Map<String, String> m = new HashMap<>(12); // ok: HashMapCapacity -- 16 slots, threshold 12 holds 12
    for (int i = 0; i < 12; i++) {
      m.put(keys[i], keys[i]);
    }
    return m;
  }

  Map<String, Account> concurrent(List<Account> accounts) {
    Map<String, Account> byId = new ConcurrentHashMap<>(accounts.size()); // ok: HashMapCapacity -- ConcurrentHashMap takes a size
    for (Account a : accounts) {
      byId.put(a.id(), a);
    }
    return byId;
  }

  Map<String, Account> doubled(List<Account> accounts) {
    Map<String, Account> byId = new HashMap<>(accounts.size() * 2); // ok: HashMapCapacity -- capacity is not the entry count
    for (Account a : accounts) {
      byId.put(a.id(), a);
    }
    return byId;
  }

  Map<String, Account> unrelated(List<Account> accounts, int expected) {
    Map<String, Account> byId = new HashMap<>(expected); // ok: HashMapCapacity -- n is unrelated to the fill
    for (Account a : accounts) {
      byId.put(a.id(), a);
    }
    return byId;
  }

  Map<String, Account> correct(List<Account> accounts) {
    Map<String, Account> a1 = HashMap.newHashMap(accounts.size()); // ok: HashMapCapacity -- the fix itself
    Map<String, Account> a2 = new HashMap<>((int) Math.ceil(accounts.size() / 0.75)); // ok: HashMapCapacity -- load-factor-correct capacity
    for (Account a : accounts) {
      a1.put(a.id(), a);
      a2.put(a.owner(), a);
    }
    a1.putAll(a2);
    return a1;
  }

  Map<String, Account> conditional(List<Account> accounts) {
    Map<String, Account> rich = new HashMap<>(accounts.size()); // ok: HashMapCapacity -- conditional puts: fewer than n entries
    for (Account a : accounts) {
      if (a.balance() > 1_000_000) {
        rich.put(a.id(), a);
      }
    }
    return rich;
  }

  Map<String, Account> explicitLoadFactor(List<Account> accounts) {
    Map<String, Account> byId = new HashMap<>(accounts.size(), 1.0f); // ok: HashMapCapacity -- (n, loadFactor) is deliberate
    for (Account a : accounts) {
      byId.put(a.id(), a);
    }
    return byId;
  }

  List<String> lists(List<Account> accounts) {
    List<String> ids = new ArrayList<>(accounts.size()); // ok: HashMapCapacity -- lists have no load factor
    for (Account a : accounts) {
      ids.add(a.id());
    }
    return ids;
  }

  Set<String> unrelatedAddAll(List<String> names, List<String> other) {
    Set<String> set = new HashSet<>(names.size()); // ok: HashMapCapacity -- filled from another collection
    set.addAll(other);
    return set;
  }

  Map<String, Account> small(Account a, Account b, Account c) {
    Map<String, Account> three = new HashMap<>(3); // ok: HashMapCapacity -- 4 slots, threshold 3 holds 3
    Account[] all = {a, b, c};
    for (int i = 0; i < 3; i++) {
      three.put(all[i].id(), all[i]);
    }
    return three;
  }

  Map<String, Account> seven(Account[] all) {
    Map<String, Account> m = new HashMap<>(7); // expect: HashMapCapacity
    for (int i = 0; i < 7; i++) {
      m.put(all[i].id(), all[i]);
    }
    return m;
  }

  Map<String, Account> fortyEight(Account[] all) {
    Map<String, Account> m = new HashMap<>(48); // ok: HashMapCapacity -- 64 slots, threshold 48 holds 48
    for (int i = 0; i < 48; i++) {
      m.put(all[i].id(), all[i]);
    }
    return m;
  }

  Map<String, Account> hundred(Account[] all) {
    Map<String, Account> m = new HashMap<>(100); // expect: HashMapCapacity
    for (int i = 0; i < 100; i++) {
      m.put(all[i].id(), all[i]);
    }
    return m;
  }

  Map<String, Account> reversedFill(Account[] all, int n) {
    Map<String, Account> m = new HashMap<>(n); // expect: HashMapCapacity
    for (int i = n - 1; i >= 0; i--) {
      m.put(all[i].id(), all[i]);
    }
    return m;
  }

  Set<String> sixtyFour(String[] codes) {
    Set<String> s = new HashSet<>(64); // expect: HashMapCapacity
    for (int i = 0; i < 64; i++) {
      s.add(codes[i]);
    }
    return s;
  }

  Map<String, String> trimmed(String[] keys) {
    Map<String, String> m = new LinkedHashMap<>(keys.length); // expect: HashMapCapacity
    for (String k : keys) {
      m.put(k, k.trim());
    }
    return m;
  }

  Set<String> skipsBlank(String[] keys) {
    Set<String> s = new HashSet<>(keys.length); // ok: HashMapCapacity -- the add comes after a continue
    for (String k : keys) {
      if (k.isBlank()) {
        continue;
      }
      s.add(k);
    }
    return s;
  }
}
