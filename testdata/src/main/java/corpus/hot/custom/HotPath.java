package corpus.hot.custom;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A project's own hot-path annotation: noescape matches annotations by simple name. */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface HotPath {}
