/**
 * Idempotency-Key (API.md §3), Stripe semantics, for every POST, PUT and PATCH under /api: the
 * first answer below 500 is stored per caller and key in PostgreSQL ({@code idempotency_keys}) for
 * at least {@code crm.idempotency.ttl} (24 h) and replayed byte for byte with {@code
 * Idempotency-Replayed: true}; the same key for a different request is 422, a retry while the first
 * runs is 409, a 5xx frees the key. Switched on for every resource at once by {@link
 * dev.headlesscrm.platform.idempotency.IdempotencyFilters}, which also explains where it hooks in.
 */
package dev.headlesscrm.platform.idempotency;
