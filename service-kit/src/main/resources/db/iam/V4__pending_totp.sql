-- A new TOTP seed waits here until a code from it is confirmed; the confirmed seed stays in force until then.
alter table api_clients
  add column totp_pending_key_version int,
  add column totp_pending_ciphertext  bytea,
  add constraint api_clients_totp_pending_whole check ((totp_pending_ciphertext is null) = (totp_pending_key_version is null));

-- Seeds enrolled before this migration and never confirmed become pending ones.
update api_clients
   set totp_pending_key_version = totp_key_version, totp_pending_ciphertext = totp_ciphertext,
       totp_key_version = null, totp_ciphertext = null
 where totp_ciphertext is not null and totp_confirmed_at is null;
