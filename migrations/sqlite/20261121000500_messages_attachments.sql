-- Messages of a conversation and their file attachments.
--
-- Index sets: the postgres version of this file additionally has a trigram (pg_trgm) GIN index
-- on messages.content for the conversation search (`q`, ILIKE '%q%' on message content). Like the
-- contact ones it is the intentional postgres-only difference; SQLite gets no equivalent here
-- (full-text search comes later). The pg_trgm extension is created in the contacts file.

create table messages (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    inbox_id integer not null references inboxes (id) on delete cascade,
    conversation_id integer not null references conversations (id) on delete cascade,
    content text,
    -- incoming 0, outgoing 1, activity 2, template 3
    message_type integer not null default 0,
    -- text 0, input_text 1, input_textarea 2, input_email 3, input_select 4, cards 5, form 6,
    -- article 7, incoming_email 8, input_csat 9, integrations 10, sticker 11, voice_call 12
    content_type integer not null default 0,
    -- sent 0, delivered 1, read 2, failed 3
    status integer not null default 0,
    -- private note (visible to agents only)
    private boolean not null default 0,
    -- id of the message in the external system
    source_id text,
    -- Polymorphic sender: 'User', 'Contact', 'AgentBot', or both null for system/automation
    -- messages. No foreign key: a message keeps its sender reference after the sender is gone.
    sender_type text,
    sender_id integer,
    -- submitted_email, items, submitted_values, in_reply_to, deleted, ... (interfaces.md §7)
    content_attributes text not null default '{}',
    external_source_ids text not null default '{}',
    -- campaign_id, template_params
    additional_attributes text not null default '{}',
    processed_message_content text,
    sentiment text not null default '{}',
    -- client-generated id the dashboard/widget uses to match its optimistic message with the
    -- broadcast of the stored one
    echo_id text,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
-- The message list (benchmarked on 1M messages) pages through a conversation by id.
create index messages_conversation_id_idx on messages (conversation_id, id);
-- first-reply / unread counts / reports per conversation and type
create index messages_conversation_type_created_idx on messages (conversation_id, message_type, created_at);
-- account-wide reports by day and type; also serves account_id lookups
create index messages_account_created_type_idx on messages (account_id, created_at, message_type);
create index messages_inbox_id_idx on messages (inbox_id);
create index messages_source_id_idx on messages (source_id);
create index messages_sender_idx on messages (sender_type, sender_id);
-- trigram search index: postgres only, see the note at the top of this file

create table attachments (
    id integer primary key autoincrement,
    account_id integer not null references accounts (id) on delete cascade,
    message_id integer not null references messages (id) on delete cascade,
    -- image 0, audio 1, video 2, file 3, location 4, fallback 5, share 6, story_mention 7,
    -- contact 8, ig_reel 9, ig_post 10, ig_story 11, embed 12
    file_type integer not null default 0,
    external_url text,
    coordinates_lat real default 0,
    coordinates_long real default 0,
    fallback_title text,
    extension text,
    -- e.g. transcribed_text
    meta text not null default '{}',
    -- OneChat keeps uploads on disk instead of ActiveStorage: path inside the storage directory
    -- plus the blob metadata the API returns (content type, size, image dimensions, file name).
    file_path text,
    content_type text,
    file_size integer,
    width integer,
    height integer,
    file_name text,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%f+00:00','now'))
);
create index attachments_message_id_idx on attachments (message_id);
create index attachments_account_id_idx on attachments (account_id);
