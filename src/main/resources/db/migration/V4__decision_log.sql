-- Every state change and decision: who, when, on what, from which state to which, and why.
create table decision_log (
    id           bigserial    primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(320) not null,
    subject_type varchar(40)  not null,
    subject_id   varchar(320) not null,
    action       varchar(60)  not null,
    from_state   varchar(40),
    to_state     varchar(40),
    reason       varchar(2000)
);
create index decision_log_by_subject on decision_log (subject_type, subject_id, occurred_at desc);
create index decision_log_by_time on decision_log (occurred_at desc, id desc);
