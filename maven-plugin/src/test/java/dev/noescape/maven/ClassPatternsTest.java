package dev.noescape.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ClassPatternsTest {
  @Test
  void emptyIncludesMeanEverything() {
    assertTrue(ClassPatterns.filter(List.of(), List.of()).test("a.B"));
  }

  @Test
  void singleStarStaysInOnePackage() {
    Predicate<String> p = ClassPatterns.filter(List.of("com.acme.*"), List.of());
    assertTrue(p.test("com.acme.Book"));
    assertTrue(p.test("com.acme.Book$Entry"));
    assertFalse(p.test("com.acme.engine.Matcher"));
    assertFalse(p.test("org.other.Book"));
  }

  @Test
  void doubleStarCrossesPackages() {
    Predicate<String> p = ClassPatterns.filter(List.of("com.acme.**"), List.of("**.generated.**", "*.acme.*Test"));
    assertTrue(p.test("com.acme.engine.Matcher"));
    assertFalse(p.test("com.acme.generated.Parser"));
    assertFalse(p.test("com.acme.BookTest"));
  }

  @Test
  void nestedClassesFollowTheirOutermostClass() {
    Predicate<String> p = ClassPatterns.filter(List.of(), List.of("com.acme.Book"));
    assertFalse(p.test("com.acme.Book$1"));
    assertTrue(p.test("com.acme.Books"));
  }
}
