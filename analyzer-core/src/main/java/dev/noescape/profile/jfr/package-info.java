/**
 * Reading JDK Flight Recorder recordings with the JDK's own {@code jdk.jfr.consumer} API
 * ({@link dev.noescape.profile.jfr.RecordingReader}): allocation events in, an
 * {@link dev.noescape.profile.AllocationProfile} out, one problem line per recording that cannot be
 * used.
 */
package dev.noescape.profile.jfr;
