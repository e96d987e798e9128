/**
 * The change log every service writes to, once per change, in its own transaction: {@link
 * dev.headlesscrm.platform.audit.ChangeLog#record} stores a field-level history entry (table {@code
 * history_entries}, kept forever, read by {@code GET /x/{id}/history}) and appends the matching
 * outbox event ({@code platform.events}). {@link dev.headlesscrm.platform.audit.ChangeLog#diff}
 * computes the changed fields from two views, so history and events show values exactly as REST
 * responses do.
 */
package dev.headlesscrm.platform.audit;
