package dev.noescape.catalog;

/** How loudly a finding is reported; ordered from quietest. */
public enum Severity {
  INFO,
  WARNING,
  ERROR
}
