-- Recovery codes (ASVS V6.5.2): a code's first group of four is its lookup, kept in clear, which finds
-- the one row to check; the whole code is kept as a salted Argon2 hash (the password encoder's), so a
-- typed code costs one Argon2 check, not ten. Codes made before (V17 to V21) have no lookup and keep
-- their SHA-256 hash in code_hash: they cannot be hashed again without the codes themselves, which
-- only their owners have, so they are still accepted, each once, until their owners set up the
-- second factor again. The demo accounts have no recovery codes.
alter table recovery_code add column lookup varchar(8);
alter table recovery_code alter column code_hash type varchar(255);
create unique index recovery_code_lookup on recovery_code (account_id, lookup);

-- Wrong second-factor codes in a row, counted on the app and reset only by a right code (not by a
-- right password): after app.security.max-failed-sign-ins of them the account is locked.
-- (The last accepted time step, which makes every TOTP code single-use, is last_used_step, since V17.)
alter table authenticator_app add column failed_codes integer not null default 0;
