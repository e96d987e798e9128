-- Recurring tasks (issue 13): a task that recurs makes its next occurrence when it is completed or
-- cancelled (skipped), until its end date; the occurrences share a series id.
ALTER TABLE tasks
    ADD COLUMN recurrence          varchar(16) NOT NULL DEFAULT 'NONE',
    ADD COLUMN recurrence_interval integer     NOT NULL DEFAULT 1,
    ADD COLUMN recurrence_until    date,
    ADD COLUMN series_id           uuid;
CREATE INDEX tasks_series_idx ON tasks (series_id) WHERE series_id IS NOT NULL;
