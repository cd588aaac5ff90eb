-- Lab tasks a browser's owner has completed: one row per owner, lab and task, kept like saved models.
CREATE TABLE lab_progress (
    owner         VARCHAR(64)   NOT NULL,
    lab           VARCHAR(32)   NOT NULL,
    task          VARCHAR(32)   NOT NULL,
    completed_at  TIMESTAMP     NOT NULL,
    CONSTRAINT lab_progress_unique UNIQUE (owner, lab, task)
);
