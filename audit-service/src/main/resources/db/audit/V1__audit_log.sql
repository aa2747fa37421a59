-- The append-only, hash-chained audit log. docs/audit-log.md describes the hash chain and how to re-verify it.
comment on schema audit is 'Owned by audit-service. No other service writes here.';

-- One row per audited record, in the order audit-service appended them. Every column is covered by the row's hash.
create table audit_log (
  sequence         bigint      primary key, -- 1, 2, 3 ... without gaps: taken from chain_head under its row lock
  chain_id         text        not null,
  event_id         uuid        not null unique,
  event_type       text        not null,    -- full Avro name of the audited record
  source_topic     text        not null,
  source_partition int         not null,
  source_offset    bigint      not null,
  occurred_at      timestamptz not null,
  mode             text        not null,
  actor_client_id  text        not null,
  request_id       text        not null,
  subject_ids      jsonb       not null,    -- {"cardId": "...", ...}: the record's top-level *Id fields
  payload          text        not null,    -- the record in Avro's JSON encoding with its writer's schema
  previous_hash    bytea       not null,
  hash             bytea       not null,    -- SHA-256(previous_hash || canonical form of this row)
  recorded_at      timestamptz not null
);

-- Finds the entries about a card, a cardholder, a command ...: where subject_ids @> '{"cardId": "..."}'.
create index audit_log_subject_ids on audit_log using gin (subject_ids);

-- The last entry of each chain. Every append locks its chain's row (select ... for update), which serializes the
-- appenders of all instances and keeps sequences gap-free: an append that rolls back leaves the head as it was.
create table chain_head (
  chain_id      text   primary key,
  last_sequence bigint not null,
  last_hash     bytea  not null
);

-- The one chain audit-service appends to (ChainHead.KADI), at its genesis: nothing recorded, and the hash the first
-- entry links to, 32 zero bytes.
insert into chain_head (chain_id, last_sequence, last_hash) values ('kadi', 0, decode(repeat('00', 32), 'hex'));

-- The database itself refuses to change or remove entries, whoever asks. (A superuser can still disable triggers:
-- the hash chain is what reveals that.)
create function refuse_audit_log_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % is refused', tg_op
    using hint = 'Entries can only be appended. See docs/audit-log.md.';
end;
$$;

create trigger audit_log_entries_never_change
  before update or delete on audit_log
  for each row execute function refuse_audit_log_change();

create trigger audit_log_is_never_truncated
  before truncate on audit_log
  for each statement execute function refuse_audit_log_change();
