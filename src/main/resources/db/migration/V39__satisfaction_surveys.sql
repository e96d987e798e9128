-- Satisfaction surveys and return visits (满意度调查, 回访): one after each closed service request and
-- each fully delivered sales order, answered with a score, an NPS answer and a comment; low answers
-- open a follow-up task for the customer's owner.

CREATE TABLE satisfaction_surveys (
    id                  uuid PRIMARY KEY,
    kind                varchar(16)  NOT NULL,
    customer_id         uuid         NOT NULL REFERENCES customers (id),
    contact_id          uuid REFERENCES contacts (id),
    request_id          uuid REFERENCES service_requests (id),
    order_id            uuid REFERENCES sales_orders (id),
    status              varchar(16)  NOT NULL,
    score               integer,
    nps                 integer,
    comment             text,
    answered_at         timestamptz,
    follow_up_task_id   uuid,
    version             bigint       NOT NULL,
    created_at          timestamptz  NOT NULL,
    created_by          uuid,
    updated_at          timestamptz  NOT NULL,
    updated_by          uuid,
    deleted_at          timestamptz,
    CONSTRAINT satisfaction_surveys_score_check CHECK (score IS NULL OR score BETWEEN 1 AND 5),
    CONSTRAINT satisfaction_surveys_nps_check CHECK (nps IS NULL OR nps BETWEEN 0 AND 10)
);
CREATE UNIQUE INDEX satisfaction_surveys_request_id_key ON satisfaction_surveys (request_id)
    WHERE request_id IS NOT NULL AND kind = 'SERVICE' AND deleted_at IS NULL;
CREATE UNIQUE INDEX satisfaction_surveys_order_id_key ON satisfaction_surveys (order_id)
    WHERE order_id IS NOT NULL AND kind = 'DELIVERY' AND deleted_at IS NULL;
CREATE INDEX satisfaction_surveys_customer_idx ON satisfaction_surveys (customer_id, answered_at, id) WHERE deleted_at IS NULL;
CREATE INDEX satisfaction_surveys_contact_idx ON satisfaction_surveys (contact_id);
CREATE INDEX satisfaction_surveys_request_idx ON satisfaction_surveys (request_id);
CREATE INDEX satisfaction_surveys_order_idx ON satisfaction_surveys (order_id);
CREATE INDEX satisfaction_surveys_status_idx ON satisfaction_surveys (status, id) WHERE deleted_at IS NULL;
CREATE INDEX satisfaction_surveys_live_id_idx ON satisfaction_surveys (id) WHERE deleted_at IS NULL;
CREATE INDEX satisfaction_surveys_created_at_idx ON satisfaction_surveys (created_at, id) WHERE deleted_at IS NULL;
