-- The customer timeline (issue 13) reads each kind newest first from a cursor: one index per
-- branch on (customer, time, id), so a page costs a few index probes however long the history.
CREATE INDEX tasks_customer_created_idx ON tasks (customer_id, created_at DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX quotes_customer_created_idx ON quotes (customer_id, created_at DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX contracts_customer_created_idx ON contracts (customer_id, created_at DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX opportunities_customer_created_idx
    ON opportunities (customer_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX payments_contract_created_idx ON payments (contract_id, created_at DESC, id DESC)
    WHERE deleted_at IS NULL;
