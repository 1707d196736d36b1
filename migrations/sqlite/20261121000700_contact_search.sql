-- Contact search: PostgreSQL gets a trigram index on the company name here. SQLite has no
-- trigram index; its search skips parsing additional_attributes for rows whose raw JSON does
-- not contain the search text (see store/contacts.rs). Kept so both backends have the same
-- migration history.
select 1;
