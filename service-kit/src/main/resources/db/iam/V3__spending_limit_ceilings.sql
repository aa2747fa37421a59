-- The largest spending limit, per currency (minor units), a program's clients may set without a TOTP step-up.
-- Empty: no ceiling, and no step-up for limits.
alter table programs add column spending_limit_ceilings jsonb not null default '{}'::jsonb;
