-- The message thread between a request's officials and the coordinators, and the files attached
-- to a request. Files live in the database with the type recognised from their content.

create table request_message (
    id               bigserial    primary key,
    request_id       bigint       not null references assistance_request (id) on delete cascade,
    sent_at          timestamptz  not null,
    author_id        bigint       not null references account (id),
    author_name      varchar(120) not null,
    from_coordinator boolean      not null,
    body             varchar(5000) not null
);
create index request_message_by_request on request_message (request_id, sent_at);

create table request_attachment (
    id          bigserial    primary key,
    request_id  bigint       not null references assistance_request (id) on delete cascade,
    file_name   varchar(255) not null,
    media_type  varchar(100) not null,
    size_bytes  bigint       not null check (size_bytes between 1 and 10485760),
    content     bytea        not null,
    uploaded_at timestamptz  not null,
    uploaded_by bigint       not null references account (id)
);
create index request_attachment_by_request on request_attachment (request_id);
