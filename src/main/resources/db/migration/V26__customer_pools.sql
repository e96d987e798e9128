-- The public pool (公海, issue 13): pools with members, administrators, return rules and claim
-- limits; each customer's pool state and computed return date; claims and warnings.

CREATE TABLE customer_pools (
    id                     uuid PRIMARY KEY,
    name                   varchar(100)  NOT NULL,
    description            varchar(1000),
    active                 boolean       NOT NULL,
    priority               integer       NOT NULL,
    member_employee_ids    uuid[]        NOT NULL DEFAULT '{}',
    member_department_ids  uuid[]        NOT NULL DEFAULT '{}',
    admin_ids              uuid[]        NOT NULL DEFAULT '{}',
    rules                  jsonb         NOT NULL DEFAULT '[]',
    warn_days_before       integer       NOT NULL,
    escalate_days_before   integer       NOT NULL,
    daily_claim_limit      integer,
    ownership_cap          integer,
    cap_counts_won         boolean       NOT NULL,
    cooling_off_days       integer       NOT NULL,
    lock_cap               integer,
    hidden_fields          text[]        NOT NULL DEFAULT '{}',
    version                bigint        NOT NULL,
    created_at             timestamptz   NOT NULL,
    created_by             uuid,
    updated_at             timestamptz   NOT NULL,
    updated_by             uuid,
    deleted_at             timestamptz
);
CREATE UNIQUE INDEX customer_pools_name_key ON customer_pools (lower(name)) WHERE deleted_at IS NULL;
CREATE INDEX customer_pools_created_at_idx ON customer_pools (created_at, id) WHERE deleted_at IS NULL;

-- Pools are held in every pod (the rules decide every customer write): their version moves with
-- any change, in the same transaction (V20).
INSERT INTO cache_versions (name) VALUES ('customer-pools');
CREATE TRIGGER customer_pools_cache_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON customer_pools
    FOR EACH STATEMENT EXECUTE FUNCTION crm_bump_cache_version('customer-pools');

-- A customer is in a pool when pool_id is set (then it has no owner); an owned customer governed
-- by a pool's rules carries the time it would return and why (kept by every write of it).
ALTER TABLE customers
    ADD COLUMN pool_id               uuid REFERENCES customer_pools (id),
    ADD COLUMN pool_entered_at       timestamptz,
    ADD COLUMN pool_entry_reason     varchar(500),
    ADD COLUMN previous_owner_id     uuid REFERENCES employees (id),
    ADD COLUMN owned_since           timestamptz,
    ADD COLUMN locked                boolean      NOT NULL DEFAULT false,
    ADD COLUMN locked_at             timestamptz,
    ADD COLUMN locked_by             uuid,
    ADD COLUMN last_won_at           timestamptz,
    ADD COLUMN last_contract_end_on  date,
    ADD COLUMN pool_return_at        timestamptz,
    ADD COLUMN pool_return_pool_id   uuid REFERENCES customer_pools (id),
    ADD COLUMN pool_return_rule      varchar(100),
    ADD COLUMN pool_return_criterion varchar(32),
    ADD COLUMN hidden_fields         text[]       NOT NULL DEFAULT '{}',
    ADD CONSTRAINT customers_pool_owner_check CHECK (pool_id IS NULL OR owner_id IS NULL);
-- "Who returns tonight" (the preview and the return job) reads this index, not the table.
CREATE INDEX customers_pool_return_idx ON customers (pool_return_at, id)
    WHERE pool_return_at IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX customers_pool_idx ON customers (pool_id, pool_entered_at DESC, id)
    WHERE pool_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX customers_locked_owner_idx ON customers (owner_id) WHERE locked AND deleted_at IS NULL;

-- Claims (领取) and assignments (分配) out of a pool: the daily limit counts them.
CREATE TABLE customer_pool_claims (
    id           bigserial PRIMARY KEY,
    pool_id      uuid        NOT NULL REFERENCES customer_pools (id),
    customer_id  uuid        NOT NULL REFERENCES customers (id),
    employee_id  uuid        NOT NULL REFERENCES employees (id),
    kind         varchar(16) NOT NULL,
    at           timestamptz NOT NULL,
    by_id        uuid
);
CREATE INDEX customer_pool_claims_employee_idx ON customer_pool_claims (employee_id, at);

-- Warnings before a return: one per customer, return date and level, whoever runs the job.
CREATE TABLE customer_pool_warnings (
    customer_id   uuid        NOT NULL REFERENCES customers (id),
    return_at     timestamptz NOT NULL,
    level         smallint    NOT NULL,
    recipient_id  uuid        NOT NULL REFERENCES employees (id),
    warned_at     timestamptz NOT NULL,
    PRIMARY KEY (customer_id, return_at, level)
);
