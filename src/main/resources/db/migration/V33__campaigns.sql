-- Marketing's first resources (营销活动管理): campaigns and their target lists, whose planned
-- contacts the customer care rule (issue 13, point 4) compares care with.

INSERT INTO dictionary_items (kind, code, name_zh, name_en, sort_order) VALUES
    ('campaign-type', 'PROMOTION',    '促销',     'Promotion', 1),
    ('campaign-type', 'CONFERENCE',   '会议',     'Conference', 2),
    ('campaign-type', 'SEMINAR',      '研讨会',   'Seminar', 3),
    ('campaign-type', 'TRADE_SHOW',   '展会',     'Trade show', 4),
    ('campaign-type', 'ADVERTISING',  '广告',     'Advertising', 5),
    ('campaign-type', 'DIRECT_MAIL',  '直邮',     'Direct mail', 6),
    ('campaign-type', 'TELEMARKETING','电话营销', 'Telemarketing', 7),
    ('campaign-channel', 'PHONE',     '电话',     'Phone', 1),
    ('campaign-channel', 'SMS',       '短信',     'SMS', 2),
    ('campaign-channel', 'EMAIL',     '电子邮件', 'Email', 3),
    ('campaign-channel', 'WECHAT',    '微信',     'WeChat', 4),
    ('campaign-channel', 'MAIL',      '邮寄',     'Post', 5),
    ('campaign-channel', 'OFFLINE',   '线下',     'In person', 6),
    ('campaign-channel', 'ONLINE_ADS','网络广告', 'Online ads', 7),
    ('campaign-response', 'SENT',         '已发送', 'Sent', 1),
    ('campaign-response', 'OPENED',       '已打开', 'Opened', 2),
    ('campaign-response', 'RESPONDED',    '已回应', 'Responded', 3),
    ('campaign-response', 'REGISTERED',   '已报名', 'Registered', 4),
    ('campaign-response', 'ATTENDED',     '已参加', 'Attended', 5),
    ('campaign-response', 'NOT_INTERESTED','无兴趣', 'Not interested', 6),
    ('campaign-response', 'OPTED_OUT',    '退订',   'Opted out', 7);

CREATE TABLE campaigns (
    id                  uuid PRIMARY KEY,
    name                varchar(200)  NOT NULL,
    type                varchar(64)   NOT NULL,
    channel             varchar(64),
    status              varchar(16)   NOT NULL,
    start_date          date,
    end_date            date,
    budget              numeric(18, 2),
    actual_cost         numeric(18, 2),
    expected_revenue    numeric(18, 2),
    description         text,
    launched_at         timestamptz,
    closed_at           timestamptz,
    owner_id            uuid REFERENCES employees (id),
    version             bigint        NOT NULL,
    created_at          timestamptz   NOT NULL,
    created_by          uuid,
    updated_at          timestamptz   NOT NULL,
    updated_by          uuid,
    deleted_at          timestamptz,
    CONSTRAINT campaigns_end_date_check CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    CONSTRAINT campaigns_budget_check CHECK (budget IS NULL OR budget >= 0),
    CONSTRAINT campaigns_actual_cost_check CHECK (actual_cost IS NULL OR actual_cost >= 0)
);
CREATE INDEX campaigns_owner_idx ON campaigns (owner_id);
CREATE INDEX campaigns_live_id_idx ON campaigns (id) WHERE deleted_at IS NULL;
CREATE INDEX campaigns_name_idx ON campaigns (name, id) WHERE deleted_at IS NULL;
CREATE INDEX campaigns_start_date_idx ON campaigns (start_date, id) WHERE deleted_at IS NULL;
CREATE INDEX campaigns_created_at_idx ON campaigns (created_at, id) WHERE deleted_at IS NULL;

-- A campaign's target list (目标客户列表): one row per customer, the contact it reaches (optional),
-- when the marketing contact is planned and when it happened, and the customer's response.
CREATE TABLE campaign_members (
    id                  uuid PRIMARY KEY,
    campaign_id         uuid          NOT NULL REFERENCES campaigns (id),
    customer_id         uuid          NOT NULL REFERENCES customers (id),
    contact_id          uuid REFERENCES contacts (id),
    planned_at          timestamptz   NOT NULL,
    contacted_at        timestamptz,
    response            varchar(64),
    responded_at        timestamptz,
    note                text,
    owner_id            uuid REFERENCES employees (id),
    owner_department_id uuid REFERENCES departments (id),
    version             bigint        NOT NULL,
    created_at          timestamptz   NOT NULL,
    created_by          uuid,
    updated_at          timestamptz   NOT NULL,
    updated_by          uuid,
    deleted_at          timestamptz
);
CREATE UNIQUE INDEX campaign_members_customer_id_key ON campaign_members (campaign_id, customer_id)
    WHERE deleted_at IS NULL;
-- The care rule's question: a customer's marketing contacts in a time window.
CREATE INDEX campaign_members_customer_idx
    ON campaign_members (customer_id, (COALESCE(contacted_at, planned_at)), id)
    WHERE deleted_at IS NULL;
CREATE INDEX campaign_members_campaign_idx ON campaign_members (campaign_id, planned_at, id);
CREATE INDEX campaign_members_contact_idx ON campaign_members (contact_id);
CREATE INDEX campaign_members_owner_idx ON campaign_members (owner_id);
CREATE INDEX campaign_members_owner_department_idx ON campaign_members (owner_department_id);
CREATE INDEX campaign_members_live_id_idx ON campaign_members (id) WHERE deleted_at IS NULL;
CREATE INDEX campaign_members_planned_at_idx ON campaign_members (planned_at, id) WHERE deleted_at IS NULL;
CREATE INDEX campaign_members_created_at_idx ON campaign_members (created_at, id) WHERE deleted_at IS NULL;

-- Care planned within care-before-marketing-days before a marketing contact of the same customer
-- carries that contact (the seeds: care right before a promotion looks insincere).
ALTER TABLE customer_cares
    ADD COLUMN marketing_conflict_at          timestamptz,
    ADD COLUMN marketing_conflict_campaign_id uuid,
    ADD COLUMN marketing_conflict_member_id   uuid;
CREATE INDEX customer_cares_marketing_conflict_idx ON customer_cares (marketing_conflict_at, id)
    WHERE deleted_at IS NULL AND marketing_conflict_at IS NOT NULL;
