package dev.headlesscrm.platform.records;

/** The outcome of an upsert by external id: the record and whether it was created. */
public record Upserted<V>(V view, boolean created) {}
