-- The lifecycle stage (客户生命周期, issue 13) is derived from won deals, payments and follow-up
-- recency (customer/domain/LifecycleRules), not written: the facts it needs are kept here.
ALTER TABLE customers
    ADD COLUMN won_deals       integer     NOT NULL DEFAULT 0,
    ADD COLUMN first_won_at    timestamptz,
    ADD COLUMN last_payment_at timestamptz;

-- What was already won counts once: the customers marked won before this migration.
UPDATE customers SET won_deals = 1, first_won_at = COALESCE(last_won_at, updated_at),
    last_won_at = COALESCE(last_won_at, updated_at)
 WHERE status = 'WON' AND won_deals = 0;

-- The customer-status dictionary keeps the sales status a person sets (潜在, 正式, 成交); its
-- DORMANT and LOST entries said what the lifecycle stage now derives (AT_RISK, LOST), so they are
-- no longer offered. Customers that carry them keep them (entries are never removed).
UPDATE dictionary_items SET active = false
 WHERE kind = 'customer-status' AND code IN ('DORMANT', 'LOST');

-- "Won customers not heard from in N days" is the lifecycle job's scan.
CREATE INDEX customers_won_idx ON customers (id) WHERE won_deals > 0 AND deleted_at IS NULL;
