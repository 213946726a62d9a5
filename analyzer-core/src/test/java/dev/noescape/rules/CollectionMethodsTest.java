package dev.noescape.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectionMethodsTest {
  /** The shipped table: a plain add, adds for absent keys, bulk, lookups, queries; unlisted methods may shrink it. */
  @ParameterizedTest
  @CsvSource({"put, ADD", "offerLast, ADD", "computeIfAbsent, ADD_ABSENT", "merge, ADD_ABSENT", "addAll, BULK",
      "getOrDefault, LOOKUP", "size, QUERY", "remove, OTHER", "computeIfPresent, OTHER"})
  void shippedTableKinds(String method, CollectionMethods.Kind kind) {
    assertEquals(kind, CollectionMethods.kind(method));
    assertEquals(kind == CollectionMethods.Kind.ADD || kind == CollectionMethods.Kind.ADD_ABSENT, kind.addsOne());
  }

  @Test
  void malformedLinesNameTheProblem() {
    assertEquals(CollectionMethods.Kind.ADD_ABSENT, CollectionMethods.parse(ModelFiles.rows(List.of("# c", "", "merge  add-absent"))).get("merge"));
    assertTrue(assertThrows(IllegalStateException.class, () -> CollectionMethods.parse(ModelFiles.rows(List.of("merge"))))
        .getMessage().contains("expected 'method kind'"));
    assertTrue(assertThrows(IllegalStateException.class, () -> CollectionMethods.parse(ModelFiles.rows(List.of("merge adds"))))
        .getMessage().contains("unknown kind 'adds'"));
    assertTrue(assertThrows(IllegalStateException.class, () -> CollectionMethods.parse(ModelFiles.rows(List.of("put add", "put add"))))
        .getMessage().contains("listed twice"));
    assertTrue(assertThrows(IllegalStateException.class, () -> CollectionMethods.parse(ModelFiles.rows(List.of("remove other"))))
        .getMessage().contains("'other'"));
  }
}
