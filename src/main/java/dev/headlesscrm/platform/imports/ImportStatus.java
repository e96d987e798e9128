package dev.headlesscrm.platform.imports;

/** Where an import job is: uploading, waiting, running, and how it ended. */
public enum ImportStatus {
  /** Created; the file's parts are being uploaded. */
  UPLOADING,
  /** Started; waiting for a replica to take it. */
  QUEUED,
  RUNNING,
  /** Every row was read; the counts say how each fared. */
  COMPLETED,
  /** Stopped by the service (an unreadable file, a lost owner); failureReason says why. */
  FAILED,
  /** Stopped on request; rows written before stay. */
  CANCELLED;

  public boolean finished() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
