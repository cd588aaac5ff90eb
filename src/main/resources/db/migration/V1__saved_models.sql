-- Trained models that users keep: the spec as JSON, the weights in the engine's model-file format.
CREATE TABLE saved_model (
    id          VARCHAR(36)   PRIMARY KEY,
    owner       VARCHAR(64)   NOT NULL,
    name        VARCHAR(120)  NOT NULL,
    spec_json   TEXT          NOT NULL,
    model_file  BLOB          NOT NULL,
    metrics     TEXT,
    created_at  TIMESTAMP     NOT NULL
);
CREATE INDEX saved_model_owner ON saved_model (owner);
