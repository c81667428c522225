-- ShedLock: which instance runs a scheduled job now, so that with several instances each job runs once.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
