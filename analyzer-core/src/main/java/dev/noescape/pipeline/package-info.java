/**
 * The glue between the bytecode analysis, the source mapping and the report writers that the
 * command line and the Maven goals share ({@link dev.noescape.pipeline.Pipeline}), and the
 * baseline file ({@link dev.noescape.pipeline.Baseline}).
 */
package dev.noescape.pipeline;
