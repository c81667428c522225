-- What the portal told each person: shown under the bell, and sent by mail (or kept in the dev
-- mailbox when no SMTP server is configured).
create table notification (
    id                   bigserial    primary key,
    recipient_id         bigint       not null references account (id),
    -- the event and the recipient: a notification is made once, however often its event is delivered
    dedupe_key           varchar(300) not null unique,
    kind                 varchar(60)  not null,
    subject_reference    varchar(60)  not null,
    link                 varchar(300) not null,
    arguments            text[]       not null default '{}',
    created_at           timestamptz  not null,
    read_at              timestamptz,
    mail_to              varchar(320) not null,
    mail_subject         varchar(300) not null,
    mail_body            text         not null,
    -- the same mail in HTML, everything a person typed escaped
    mail_html            text         not null,
    mail_sent_at         timestamptz,
    mail_attempts        int          not null default 0,
    mail_next_attempt_at timestamptz,
    mail_last_error      varchar(500)
);
create index notification_by_recipient on notification (recipient_id, created_at desc);
create index notification_mail_due on notification (mail_next_attempt_at) where mail_sent_at is null;
