-- Practice announcements (io.hearth.announcements): news for every patient ("the clinic is closed on Friday"), shown
-- on their home page. Not health information, so stored in the clear; the email notice only says there is news.
create table announcement (
    id            uuid                        not null primary key,
    title         varchar(120)                not null,
    body          varchar(2000)               not null,
    published_at  timestamp(6) with time zone not null,
    published_by  varchar(320)                not null,
    shown_until   timestamp(6) with time zone not null,
    notices_queued integer                    not null
);
create index announcement_shown on announcement (shown_until);
