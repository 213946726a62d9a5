package dev.noescape.lsp.analysis;

import java.net.URI;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.tools.SimpleJavaFileObject;

/**
 * A document's text as javac's input, under the document's URI (so javac's diagnostics name it). A URI
 * without a path ({@code untitled:Untitled-1}) is named by the whole URI.
 */
final class SourceText extends SimpleJavaFileObject {
  private final String text;

  SourceText(URI uri, String text) {
    super(uri, Kind.SOURCE);
    this.text = text;
  }

  @Override
  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
    return text;
  }

  @Override
  public String getName() {
    return uri.getPath() != null ? uri.getPath() : uri.toString();
  }

  @Override
  public boolean isNameCompatible(String simpleName, Kind kind) {
    String name = getName();
    String base = simpleName + kind.extension;
    return kind == Kind.SOURCE && (name.equals(base) || name.endsWith("/" + base));
  }

  @Override
  public NestingKind getNestingKind() {
    return null;
  }

  @Override
  public Modifier getAccessLevel() {
    return null;
  }
}
