-- What the model list shows without reading the weights: file size, SHA-256 of the model file (hex),
-- where it came from ('trained' or 'uploaded'), and the parameter count. Valid on H2 and PostgreSQL.
ALTER TABLE saved_model ADD COLUMN size_bytes BIGINT;
ALTER TABLE saved_model ADD COLUMN checksum VARCHAR(64);
ALTER TABLE saved_model ADD COLUMN source VARCHAR(16);
ALTER TABLE saved_model ADD COLUMN parameters BIGINT;
CREATE INDEX saved_model_owner_created ON saved_model (owner, created_at);
