-- Numbering rules (编号规则) and their counters. A number is allocated by one atomic upsert of
-- the counter of (rule, period): INSERT ... ON CONFLICT DO UPDATE SET value = value + 1 RETURNING
-- value. The period is '*' for rules that never reset, else the business date cut to the reset
-- policy ('20261123', '202611', '2026').

CREATE TABLE numbering_rules (
    rule_key      varchar(64)  PRIMARY KEY,
    name          varchar(100) NOT NULL,
    pattern       varchar(64)  NOT NULL,
    reset_policy  varchar(16)  NOT NULL
        CONSTRAINT numbering_rules_reset_policy_check
        CHECK (reset_policy IN ('NEVER', 'DAILY', 'MONTHLY', 'YEARLY')),
    version       bigint       NOT NULL,
    created_at    timestamptz  NOT NULL,
    created_by    uuid,
    updated_at    timestamptz  NOT NULL,
    updated_by    uuid
);

CREATE TABLE numbering_counters (
    rule_key    varchar(64) NOT NULL REFERENCES numbering_rules (rule_key) ON DELETE CASCADE,
    period      varchar(16) NOT NULL,
    value       bigint      NOT NULL CONSTRAINT numbering_counters_value_check CHECK (value > 0),
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (rule_key, period)
);

INSERT INTO numbering_rules (rule_key, name, pattern, reset_policy, version, created_at, updated_at)
VALUES
    ('customer',    '客户编号',   'KH{yyyyMMdd}{seq:4}', 'DAILY', 0, now(), now()),
    ('contact',     '联系人编号', 'LXR{seq:6}',          'NEVER', 0, now(), now()),
    ('contract',    '合同编号',   'HT{yyyyMMdd}{seq:3}', 'DAILY', 0, now(), now()),
    ('payment',     '回款编号',   'HK{yyyyMMdd}{seq:3}', 'DAILY', 0, now(), now()),
    ('quote',       '报价单号',   'BJ{yyyyMMdd}{seq:3}', 'DAILY', 0, now(), now()),
    ('sales-order', '订单编号',   'DD{yyyyMMdd}{seq:3}', 'DAILY', 0, now(), now());
