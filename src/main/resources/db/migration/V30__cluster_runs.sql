-- Cluster (issue 19): which member trains each run, so that one node's start or a member's departure ends
-- only the runs that were really lost. NULL: a run noted before this column (or by a server alone).
ALTER TABLE training_run ADD COLUMN trained_on VARCHAR(36);
