-- Obecni schema: erasure of a person (GDPR art. 17). The ledger keeps, per organization, which
-- records were erased and when (ids and dates only, numbered 1, 2, … in the organization), so a
-- restore of an older backup can apply every erasure made after it again.
CREATE TABLE erasures (
  organization_id text NOT NULL REFERENCES organizations (id),
  entity text NOT NULL,
  record_id text NOT NULL,
  no integer NOT NULL,
  erased_at timestamptz NOT NULL,
  PRIMARY KEY (organization_id, entity, record_id)
);
CREATE UNIQUE INDEX erasures_no_key ON erasures (organization_id, no);

-- Participants deleted before this migration still hold every field: the only way to delete one
-- was the administrator's erasure, so they are erased now (numbered in the order of their
-- sequence), their history loses its values, and devices receive the tombstone on their next pull.
INSERT INTO erasures (organization_id, entity, record_id, no, erased_at)
SELECT organization_id, entity, id, row_number() OVER (PARTITION BY organization_id ORDER BY seq), now()
FROM records WHERE entity = 'participants' AND deleted AND NOT (data ? 'erasure');

UPDATE records r SET
  data = jsonb_build_object('id', r.id, 'organizationId', r.organization_id, 'hlc', r.hlc, 'changedBy', r.data->'changedBy',
    'deleted', true, 'unitId', r.data->'unitId', 'erasure', e.no),
  field_hlc = jsonb_build_object('deleted', COALESCE(r.field_hlc->'deleted', to_jsonb(r.hlc))),
  seq = nextval('change_seq')
FROM erasures e
WHERE r.organization_id = e.organization_id AND r.entity = e.entity AND r.id = e.record_id AND NOT (r.data ? 'erasure');

UPDATE mutations m SET patch = '{}'::jsonb, old_values = '{}'::jsonb
FROM erasures e
WHERE m.organization_id = e.organization_id AND m.entity = e.entity AND m.record_id = e.record_id;
