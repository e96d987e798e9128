/**
 * The platform layer shared by every context and depending on none of them: the record life, lists
 * and filters, errors, security, audit, events, idempotency, numbering, settings, approvals and
 * contract shaping are written here once and switched on by a resource's declaration.
 * ArchitectureTest keeps it free of context code.
 */
package dev.headlesscrm.platform;
