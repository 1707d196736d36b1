//! All SQL of OneChat, one module per table. Each function takes a [`Conn`](crate::db::Conn)
//! (a read handle or a transaction) and runs the same statement on SQLite and PostgreSQL.
//! Row types are plain records; the services turn them into wire types.

pub mod access_tokens;
pub mod account_users;
pub mod accounts;
pub mod agent_bots;
pub mod attachments;
pub mod bulk;
pub mod campaigns;
pub mod canned_responses;
pub mod channels;
pub mod contact_inboxes;
pub mod contacts;
pub mod conversations;
pub mod csat;
pub mod custom_attribute_definitions;
pub mod custom_filters;
pub mod data_imports;
pub mod due;
pub mod filter_sql;
pub mod inbox_members;
pub mod inboxes;
pub mod installation;
pub mod labels;
pub mod message_search;
pub mod messages;
pub mod notes;
pub mod notifications;
pub mod participants;
pub mod password_resets;
pub mod realtime;
pub mod taggings;
pub mod team_members;
pub mod teams;
pub mod user_sessions;
pub mod users;

use chrono::{DateTime, DurationRound, TimeDelta, Utc};

/// The current time at microsecond precision: what PostgreSQL keeps, so a timestamp reads
/// back equal on both backends.
pub fn now() -> DateTime<Utc> {
    let now = Utc::now();
    now.duration_trunc(TimeDelta::microseconds(1))
        .unwrap_or(now)
}

/// Appends `(id1, id2, …)` as bound parameters. Callers never pass an empty list (`in ()` is
/// invalid SQL); they answer an empty result without querying.
pub(crate) fn push_id_list<DB>(builder: &mut sqlx::QueryBuilder<DB>, ids: &[i64])
where
    DB: sqlx::Database,
    for<'t> i64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    builder.push("(");
    let mut list = builder.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
    list.push_unseparated(")");
}

/// `%text%` for a LIKE, with `\`, `%` and `_` in `text` escaped (use with `escape '\'`).
pub(crate) fn like_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// The case-insensitive LIKE operator: PostgreSQL's `ilike`; SQLite's `like` already ignores
/// ASCII case.
pub(crate) fn case_insensitive_like(backend: crate::db::Backend) -> &'static str {
    match backend {
        crate::db::Backend::Postgres => "ilike",
        crate::db::Backend::Sqlite => "like",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(super::like_pattern("50%_off\\"), "%50\\%\\_off\\\\%");
        assert_eq!(super::like_pattern("ada"), "%ada%");
    }
}
