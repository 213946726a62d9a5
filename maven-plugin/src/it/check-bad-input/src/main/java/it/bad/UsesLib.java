package it.bad;

/** Calls lib.Foo (lib/lib.jar), whose own dependency (missing.Bar) is not on the class path. */
public class UsesLib {
  public static void run(Object o) {
    lib.Foo.use(o);
  }
}
