-- Obecni schema, version 1. Every table carries organization_id in its primary key, so the same
-- schema can be sharded by organization (Citus) when one database is no longer enough.

-- One global sequence for record changes: pull cursors only ever grow.
CREATE SEQUENCE change_seq AS bigint;

CREATE TABLE organizations (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE users (
  organization_id text NOT NULL REFERENCES organizations (id),
  id text NOT NULL,
  login text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  roles jsonb NOT NULL,
  unit_ids jsonb NOT NULL,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  PRIMARY KEY (organization_id, id)
);
CREATE UNIQUE INDEX users_login_key ON users (login);

CREATE TABLE devices (
  organization_id text NOT NULL,
  id text NOT NULL,
  user_id text NOT NULL,
  name text NOT NULL,
  token_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, user_id) REFERENCES users (organization_id, id)
);
CREATE UNIQUE INDEX devices_token_hash_key ON devices (token_hash);

-- The merged current state of every synced record (tombstones included).
CREATE TABLE records (
  organization_id text NOT NULL REFERENCES organizations (id),
  entity text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  field_hlc jsonb NOT NULL,
  hlc text NOT NULL,
  deleted boolean NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (organization_id, entity, id)
);
CREATE INDEX records_pull_idx ON records (organization_id, seq);

-- The append-only history: every accepted change, with old and new values of what it changed.
CREATE TABLE mutations (
  organization_id text NOT NULL REFERENCES organizations (id),
  mutation_id text NOT NULL,
  seq bigint,
  entity text NOT NULL,
  record_id text NOT NULL,
  user_id text NOT NULL,
  device_id text NOT NULL,
  hlc text NOT NULL,
  patch jsonb NOT NULL,
  old_values jsonb NOT NULL,
  applied_fields jsonb NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (organization_id, mutation_id)
);
CREATE INDEX mutations_record_idx ON mutations (organization_id, entity, record_id);

CREATE TABLE audit_log (
  organization_id text NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL,
  user_id text,
  device_id text,
  action text NOT NULL,
  entity text,
  record_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (organization_id, id)
);
