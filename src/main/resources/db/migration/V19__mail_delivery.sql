-- A mail the portal stopped trying to send (refused for good, or failed too often): shown on the admin
-- home and in the dev mailbox.
alter table notification add column mail_given_up_at timestamptz;

-- Mails that are no notification, e.g. the link that confirms an address: written in the transaction
-- that makes them, sent by the mail thread once it commits, retried while the SMTP server fails. Their
-- text may carry a one-time secret, so it is erased once the mail is sent or given up.
create table outgoing_mail (
    id                   bigserial    primary key,
    created_at           timestamptz  not null,
    mail_to              varchar(320) not null,
    mail_subject         varchar(300) not null,
    mail_body            text         not null,
    mail_html            text,
    mail_sent_at         timestamptz,
    mail_attempts        int          not null default 0,
    mail_next_attempt_at timestamptz,
    mail_last_error      varchar(500),
    mail_given_up_at     timestamptz
);
create index outgoing_mail_due on outgoing_mail (mail_next_attempt_at) where mail_sent_at is null;
