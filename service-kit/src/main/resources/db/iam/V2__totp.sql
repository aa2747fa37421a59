-- Each client's TOTP seed for step-up (RFC 6238), encrypted like API secrets, with the client id as associated data.
-- A seed counts once confirmed with a code from the app it was loaded into.
alter table api_clients
  add column totp_key_version  int,
  add column totp_ciphertext   bytea,
  add column totp_confirmed_at timestamptz,
  add constraint api_clients_totp_whole check ((totp_ciphertext is null) = (totp_key_version is null));
