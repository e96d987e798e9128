-- Knowledge base (解决方案库 / FAQ): articles searched when handling a service request, their use
-- on requests and readers' votes counted on them, and diagnosis trees (横向决策树) whose answers lead
-- to further questions or to a solution article.

INSERT INTO numbering_rules (rule_key, name, pattern, reset_policy, version, created_at, updated_at)
VALUES ('knowledge-article', '知识库文章编号', 'KB{yyyyMMdd}{seq:4}', 'DAILY', 0, now(), now())
ON CONFLICT DO NOTHING;

CREATE TABLE knowledge_articles (
    id                  uuid PRIMARY KEY,
    number              varchar(64)  NOT NULL,
    title               varchar(200) NOT NULL,
    summary             varchar(1000),
    content             text,
    kind                varchar(24)  NOT NULL,
    product_id          uuid REFERENCES products (id),
    category            varchar(64),
    tags                text[]       NOT NULL DEFAULT '{}',
    status              varchar(16)  NOT NULL,
    published_at        timestamptz,
    retired_at          timestamptz,
    usage_count         integer      NOT NULL DEFAULT 0,
    helpful_count       integer      NOT NULL DEFAULT 0,
    not_helpful_count   integer      NOT NULL DEFAULT 0,
    search_text         text         NOT NULL DEFAULT '',
    search_tokens       text[]       NOT NULL DEFAULT '{}',
    version             bigint       NOT NULL,
    created_at          timestamptz  NOT NULL,
    created_by          uuid,
    updated_at          timestamptz  NOT NULL,
    updated_by          uuid,
    deleted_at          timestamptz
);
CREATE UNIQUE INDEX knowledge_articles_number_key ON knowledge_articles (number);
CREATE INDEX knowledge_articles_product_idx ON knowledge_articles (product_id) WHERE deleted_at IS NULL;
CREATE INDEX knowledge_articles_category_idx ON knowledge_articles (category, id) WHERE deleted_at IS NULL;
CREATE INDEX knowledge_articles_status_idx ON knowledge_articles (status, id) WHERE deleted_at IS NULL;
CREATE INDEX knowledge_articles_kind_idx ON knowledge_articles (kind, id) WHERE deleted_at IS NULL;
CREATE INDEX knowledge_articles_title_idx ON knowledge_articles (title, id) WHERE deleted_at IS NULL;
CREATE INDEX knowledge_articles_published_idx ON knowledge_articles (published_at, id) WHERE deleted_at IS NULL;
CREATE INDEX knowledge_articles_retired_idx ON knowledge_articles (retired_at, id) WHERE deleted_at IS NULL;
CREATE INDEX knowledge_articles_usage_idx ON knowledge_articles (usage_count, id) WHERE deleted_at IS NULL;
CREATE INDEX knowledge_articles_helpful_idx ON knowledge_articles (helpful_count, id) WHERE deleted_at IS NULL;
CREATE INDEX knowledge_articles_not_helpful_idx ON knowledge_articles (not_helpful_count, id) WHERE deleted_at IS NULL;
CREATE INDEX knowledge_articles_live_id_idx ON knowledge_articles (id) WHERE deleted_at IS NULL;
CREATE INDEX knowledge_articles_created_at_idx ON knowledge_articles (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX knowledge_articles_updated_at_idx ON knowledge_articles (updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX knowledge_articles_tags_idx ON knowledge_articles USING gin (tags);
CREATE INDEX knowledge_articles_search_text_idx ON knowledge_articles USING gin (search_text gin_trgm_ops);
CREATE INDEX knowledge_articles_search_tokens_idx ON knowledge_articles USING gin (search_tokens);

-- An article used to resolve a request: once per request (usage_count counts them).
CREATE TABLE knowledge_article_uses (
    article_id  uuid        NOT NULL REFERENCES knowledge_articles (id),
    request_id  uuid        NOT NULL REFERENCES service_requests (id),
    used_by     uuid,
    used_at     timestamptz NOT NULL,
    PRIMARY KEY (article_id, request_id)
);
CREATE INDEX knowledge_article_uses_request_idx ON knowledge_article_uses (request_id);

-- Readers' votes: one per person and article, changeable (helpful_count / not_helpful_count).
CREATE TABLE knowledge_article_votes (
    article_id  uuid          NOT NULL REFERENCES knowledge_articles (id),
    voter_id    uuid          NOT NULL,
    helpful     boolean       NOT NULL,
    comment     varchar(2000),
    request_id  uuid REFERENCES service_requests (id),
    voted_at    timestamptz   NOT NULL,
    PRIMARY KEY (article_id, voter_id)
);
CREATE INDEX knowledge_article_votes_request_idx ON knowledge_article_votes (request_id);

CREATE TABLE diagnosis_trees (
    id              uuid PRIMARY KEY,
    name            varchar(200) NOT NULL,
    description     text,
    product_id      uuid REFERENCES products (id),
    category        varchar(64),
    active          boolean      NOT NULL DEFAULT true,
    root_node_key   varchar(64)  NOT NULL,
    nodes           jsonb        NOT NULL DEFAULT '[]',
    version         bigint       NOT NULL,
    created_at      timestamptz  NOT NULL,
    created_by      uuid,
    updated_at      timestamptz  NOT NULL,
    updated_by      uuid,
    deleted_at      timestamptz
);
CREATE INDEX diagnosis_trees_product_idx ON diagnosis_trees (product_id) WHERE deleted_at IS NULL;
CREATE INDEX diagnosis_trees_category_idx ON diagnosis_trees (category, id) WHERE deleted_at IS NULL;
CREATE INDEX diagnosis_trees_name_idx ON diagnosis_trees (name, id) WHERE deleted_at IS NULL;
CREATE INDEX diagnosis_trees_active_idx ON diagnosis_trees (active, id) WHERE deleted_at IS NULL;
CREATE INDEX diagnosis_trees_live_id_idx ON diagnosis_trees (id) WHERE deleted_at IS NULL;
CREATE INDEX diagnosis_trees_created_at_idx ON diagnosis_trees (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX diagnosis_trees_updated_at_idx ON diagnosis_trees (updated_at, id) WHERE deleted_at IS NULL;
-- Which trees lead to an article (an article's solutions are found without scanning every tree).
CREATE INDEX diagnosis_trees_nodes_idx ON diagnosis_trees USING gin (nodes jsonb_path_ops);
