-- Step-ups this service accepted, per API key: the last TOTP step used (a code is never accepted twice), and until
-- when the key may do privileged operations without another code.
create table step_ups (
  key_id         text        primary key,
  last_step      bigint      not null,
  elevated_until timestamptz not null
);
