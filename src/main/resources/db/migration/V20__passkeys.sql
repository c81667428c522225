-- Passkeys (WebAuthn), the alternative second factor. The two tables are the ones Spring Security's
-- JdbcPublicKeyCredentialUserEntityRepository and JdbcUserCredentialRepository read and write, with
-- their column names; this schema adds the links to the account the passkeys belong to.

-- The WebAuthn "user handle" of an account: a random id given to the authenticator, and the
-- account's email as the name Spring Security finds it by. Follows the account's email when it changes.
create table user_entities (
    id           varchar(1000) primary key,
    name         varchar(254)  not null references account (email) on update cascade on delete cascade,
    display_name varchar(254)
);
create unique index user_entities_name_key on user_entities (name);

-- One passkey: its public key and signature counter, when it was registered and last used, and the
-- label its owner gave it.
create table user_credentials (
    credential_id                varchar(1000) primary key,
    user_entity_user_id          varchar(1000) not null references user_entities (id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null
);
create index user_credentials_user_entity_idx on user_credentials (user_entity_user_id);
