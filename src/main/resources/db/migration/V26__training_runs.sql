-- Training runs as the server knew them (runs themselves live in memory): when each started and ended, so that
-- after a restart the owners of runs that were going can be told, once, that the restart stopped them.
CREATE TABLE training_run (
    id           VARCHAR(36)   PRIMARY KEY,
    owner        VARCHAR(64)   NOT NULL,
    network      VARCHAR(120)  NOT NULL,
    data_set     VARCHAR(64)   NOT NULL,
    data_size    INTEGER       NOT NULL,
    started_at   TIMESTAMP     NOT NULL,
    ended_at     TIMESTAMP,
    outcome      VARCHAR(16),
    notified     BOOLEAN       DEFAULT FALSE NOT NULL
);
CREATE INDEX training_run_owner ON training_run (owner);
CREATE INDEX training_run_open ON training_run (ended_at);
