package it.findings;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** The project's own hot-method annotation: noescape matches {@code HotPath} by simple name. */
@Retention(RetentionPolicy.CLASS)
public @interface HotPath {}
