-- Follow-up records (跟进记录) and the customer's last and next follow-up (issue 13).

INSERT INTO dictionary_items (kind, code, name_zh, name_en, sort_order) VALUES
    ('follow-up-method', 'CALL',    '电话',   'Phone call', 1),
    ('follow-up-method', 'VISIT',   '拜访',   'Visit', 2),
    ('follow-up-method', 'WECHAT',  '微信',   'WeChat', 3),
    ('follow-up-method', 'EMAIL',   '邮件',   'Email', 4),
    ('follow-up-method', 'MEETING', '会议',   'Meeting', 5),
    ('follow-up-method', 'NOTE',    '备注',   'Note', 6);

-- A follow-up is on one record: a customer, or a contact, opportunity or contract of one (then
-- customer_id is that record's customer), or a lead (no customer until it is converted).
CREATE TABLE follow_ups (
    id                        uuid PRIMARY KEY,
    customer_id               uuid REFERENCES customers (id),
    contact_id                uuid REFERENCES contacts (id),
    lead_id                   uuid REFERENCES leads (id),
    opportunity_id            uuid REFERENCES opportunities (id),
    contract_id               uuid REFERENCES contracts (id),
    method                    varchar(64)   NOT NULL,
    content                   text          NOT NULL,
    followed_up_at            timestamptz   NOT NULL,
    location                  varchar(200),
    participant_employee_ids  uuid[]        NOT NULL DEFAULT '{}',
    participant_contact_ids   uuid[]        NOT NULL DEFAULT '{}',
    next_follow_up_at         timestamptz,
    next_follow_up_content    varchar(500),
    owner_id                  uuid REFERENCES employees (id),
    owner_department_id       uuid REFERENCES departments (id),
    version                   bigint        NOT NULL,
    created_at                timestamptz   NOT NULL,
    created_by                uuid,
    updated_at                timestamptz   NOT NULL,
    updated_by                uuid,
    deleted_at                timestamptz,
    CONSTRAINT follow_ups_subject_check CHECK (customer_id IS NOT NULL OR lead_id IS NOT NULL)
);
-- The customer's latest follow-up is read through this index on every write of one.
CREATE INDEX follow_ups_customer_idx ON follow_ups (customer_id, followed_up_at DESC, id)
    WHERE deleted_at IS NULL;
CREATE INDEX follow_ups_contact_idx ON follow_ups (contact_id);
CREATE INDEX follow_ups_lead_idx ON follow_ups (lead_id);
CREATE INDEX follow_ups_opportunity_idx ON follow_ups (opportunity_id);
CREATE INDEX follow_ups_contract_idx ON follow_ups (contract_id);
CREATE INDEX follow_ups_owner_idx ON follow_ups (owner_id);
CREATE INDEX follow_ups_owner_department_idx ON follow_ups (owner_department_id);
CREATE INDEX follow_ups_live_id_idx ON follow_ups (id) WHERE deleted_at IS NULL;
CREATE INDEX follow_ups_followed_up_at_idx ON follow_ups (followed_up_at, id) WHERE deleted_at IS NULL;
CREATE INDEX follow_ups_next_idx ON follow_ups (next_follow_up_at, id)
    WHERE deleted_at IS NULL AND next_follow_up_at IS NOT NULL;

-- Kept on the customer from its latest live follow-up (by followed_up_at), changed through the
-- customer's version like any other change.
ALTER TABLE customers
    ADD COLUMN last_follow_up_at       timestamptz,
    ADD COLUMN last_follow_up_content  varchar(500),
    ADD COLUMN last_follow_up_by       uuid,
    ADD COLUMN next_follow_up_at       timestamptz;
CREATE INDEX customers_last_follow_up_idx ON customers (last_follow_up_at, id) WHERE deleted_at IS NULL;
CREATE INDEX customers_next_follow_up_idx ON customers (next_follow_up_at, id) WHERE deleted_at IS NULL;
