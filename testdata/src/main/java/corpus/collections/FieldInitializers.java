package corpus.collections;

import dev.noescape.annotations.HotPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collections created by field initializers and filled in the constructor: the initializer runs
 * before the constructor's body, so a size the body computes into a local ({@code constants},
 * {@code parts}) is not in scope where the collection is created. The advice says where to create
 * it instead ("create it after 'constants' is assigned"), and there is no suggested fix: a
 * capacity naming that local would not compile in the initializer (gson's EnumTypeAdapter shape).
 * The constructors are {@code @HotPath}: a constructor is otherwise set-up code, whose loops are no
 * warning (corpus/cold/SetUpCode.java), and this file is about the advice.
 */
final class FieldInitializers<T extends Enum<T>> {
  private final Map<String, T> byName = new HashMap<>(); // expect: UnpresizedCollection(constants.length)
  private final Map<T, String> names = new HashMap<>(); // expect: UnpresizedCollection(constants.length)
  private final List<String> labels = new ArrayList<>(); // expect: UnpresizedCollection(constants.length)

  @HotPath
  FieldInitializers(Class<T> type) {
    T[] constants = type.getEnumConstants();
    for (T constant : constants) {
      byName.put(constant.name(), constant);
      names.put(constant, constant.name());
      labels.add(constant.name().toLowerCase());
    }
  }

  T byName(String name) {
    return byName.get(name);
  }

  String name(T constant) {
    return names.get(constant) + labels.size();
  }

  /**
   * A size from a constructor parameter: the advice names it ("presize it: new
   * ArrayList<>(words.length)"), which is right in the constructor's body but not in the field
   * initializer, where {@code words} is not in scope; so neither front end offers a fix here (both
   * check the names of an edit where they write it). Saying "create it in the constructor" needs to
   * know the site is a field initializer, which class files do not tell: a known gap of the message.
   */
  static final class FromParameter {
    private final List<String> parts = new ArrayList<>(); // expect: UnpresizedCollection(words.length)

    @HotPath
    FromParameter(String[] words) {
      for (String w : words) {
        parts.add(w.strip());
      }
    }

    int size() {
      return parts.size();
    }
  }
}
