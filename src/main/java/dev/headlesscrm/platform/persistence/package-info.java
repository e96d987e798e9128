/**
 * Base entities (UUID v7 ids, optimistic-locking version, audit columns, soft delete, owner and
 * owner department), the clock as PostgreSQL stores it, and transaction helpers.
 */
package dev.headlesscrm.platform.persistence;
