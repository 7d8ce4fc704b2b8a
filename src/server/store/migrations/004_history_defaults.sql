-- Obecni schema: the history tells a create-only default from a value the user set. A mutation's
-- ifAbsent fields that applied (the field had never been set, so the default landed with the
-- lowest stamp) are listed in mutations.default_fields, a subset of applied_fields. Rows written
-- before this migration list none (they cannot be told apart any more).
ALTER TABLE mutations ADD COLUMN default_fields jsonb NOT NULL DEFAULT '[]'::jsonb;
