-- Network specs that a user keeps from the layer builder (no weights): the spec as JSON, per owner.
CREATE TABLE saved_spec (
    id          VARCHAR(36)   PRIMARY KEY,
    owner       VARCHAR(64)   NOT NULL,
    name        VARCHAR(120)  NOT NULL,
    spec_json   TEXT          NOT NULL,
    created_at  TIMESTAMP     NOT NULL
);
CREATE INDEX saved_spec_owner ON saved_spec (owner);
