/**
 * The glue between the bytecode analysis, the source mapping and the report writers that the
 * command line and the Maven goals share ({@link dev.noescape.pipeline.Pipeline}), the recordings
 * they rank findings by ({@link dev.noescape.pipeline.Profiles}), and the baseline file
 * ({@link dev.noescape.pipeline.Baseline}).
 */
package dev.noescape.pipeline;
