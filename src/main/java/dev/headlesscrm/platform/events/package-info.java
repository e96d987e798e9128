/**
 * The transactional outbox and the change feed ({@code GET /api/v1/events}).
 *
 * <p>Owns table {@code events}. {@link dev.headlesscrm.platform.events.EventOutbox} appends an
 * event in the business transaction (sequence NULL); {@link
 * dev.headlesscrm.platform.events.EventPublisher} later numbers committed events in commit order,
 * one replica at a time; {@link dev.headlesscrm.platform.events.EventFeed} serves only numbered
 * events, so a reader that has seen sequence N never later finds a new event below N. Events older
 * than {@code crm.events.retention} are purged. Which events a caller may see is decided by {@link
 * dev.headlesscrm.platform.events.EventVisibility}. Services do not call this package directly:
 * they call {@code platform.audit.ChangeLog}, which writes history and the event together.
 */
package dev.headlesscrm.platform.events;
