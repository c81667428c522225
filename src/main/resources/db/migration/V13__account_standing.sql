-- An approved account can be disabled by an admin (and enabled again). Every session an account
-- holds carries the generation it was signed in at: raising it (disabled, password changed, "sign
-- out everywhere") ends them all, on every instance.
alter table account drop constraint account_status_check;
alter table account add constraint account_status_check
    check (status in ('PENDING', 'APPROVED', 'REJECTED', 'DISABLED'));
alter table account add column session_generation int not null default 0;
