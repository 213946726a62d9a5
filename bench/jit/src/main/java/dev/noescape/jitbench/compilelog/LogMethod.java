package dev.noescape.jitbench.compilelog;

/**
 * A method as the compilation log names it, resolved from the log's ids.
 *
 * @param holder binary class name with dots ({@code java.util.ArrayList$Itr})
 * @param name method name ({@code <init>} for constructors)
 * @param descriptor JVM descriptor ({@code (I)Ljava/lang/Integer;})
 */
public record LogMethod(String holder, String name, String descriptor) {
  /** The internal class name ({@code java/util/ArrayList$Itr}), as class files and jars name it. */
  public String internalHolder() {
    return holder.replace('.', '/');
  }

  @Override
  public String toString() {
    return holder + "." + name + descriptor;
  }
}
