-- One row per owner who keeps models, locked (SELECT ... FOR UPDATE) while a save counts that owner's
-- models and inserts one, so concurrent saves cannot pass the per-owner limit together. Valid on H2 and
-- PostgreSQL.
CREATE TABLE model_owner (
    owner       VARCHAR(64)   PRIMARY KEY
);
INSERT INTO model_owner (owner) SELECT DISTINCT owner FROM saved_model;
