-- The security audit trail: sign-ins and their failures, lockouts, sign-outs, credential and factor
-- changes, accounts disabled, refusals. Written once, never changed: the portal only ever inserts.
create table security_event (
    id            bigserial    primary key,
    occurred_at   timestamptz  not null,
    kind          varchar(40)  not null,
    -- the account's address, or on a failed sign-in the address as typed (trimmed, bounded)
    account_email varchar(320),
    -- the account's id when it is known (a signed-in person); no foreign key, so that the trail
    -- outlives the account
    account_id    bigint,
    ip            varchar(45),
    user_agent    varchar(255),
    path          varchar(500),
    detail        varchar(500)
);
create index security_event_by_time on security_event (occurred_at desc, id desc);
create index security_event_by_account on security_event (lower(account_email), occurred_at desc, id desc);

-- Append-only, enforced by the database for every connection, the portal's own included. Only the
-- tables' owner can drop or disable the triggers (DDL): a portal role without ownership (DML only)
-- makes that impossible from the application too.
create function refuse_change_of_append_only_table() returns trigger
    language plpgsql as
$$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger security_event_append_only
    before update or delete on security_event
    for each row execute function refuse_change_of_append_only_table();
create trigger security_event_no_truncate
    before truncate on security_event
    for each statement execute function refuse_change_of_append_only_table();

-- The decision log is append-only too: no code changes or removes its lines (widening a column is DDL
-- and fires no trigger).
create trigger decision_log_append_only
    before update or delete on decision_log
    for each row execute function refuse_change_of_append_only_table();
create trigger decision_log_no_truncate
    before truncate on decision_log
    for each statement execute function refuse_change_of_append_only_table();
