-- Rate limits (platform/ratelimit): points taken per key (principal or client) and fixed window,
-- by all replicas together. Rows of past windows are deleted every few minutes.
CREATE TABLE rate_limit_counts (
    key           varchar(300) NOT NULL,
    window_start  timestamptz  NOT NULL,
    used          integer      NOT NULL,
    PRIMARY KEY (key, window_start)
);
