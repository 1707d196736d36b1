//! `taggings`: labels attached to conversations and contacts, by name.

use crate::db::Conn;
use crate::{Result, on_conn};

/// What carries labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taggable {
    /// A conversation.
    Conversation,
    /// A contact.
    Contact,
}

impl Taggable {
    fn name(self) -> &'static str {
        match self {
            Taggable::Conversation => "Conversation",
            Taggable::Contact => "Contact",
        }
    }
}

/// The labels of one record, alphabetically.
pub async fn labels_of(conn: Conn<'_>, kind: Taggable, id: i64) -> Result<Vec<String>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar(
            "select name from taggings where taggable_type = $1 and taggable_id = $2 order by name",
        )
        .bind(kind.name())
        .bind(id)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// The labels of several records (one query): `(record id, label)` pairs, alphabetical.
pub async fn labels_of_many(
    conn: Conn<'_>,
    kind: Taggable,
    ids: &[i64],
) -> Result<Vec<(i64, String)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(
            "select taggable_id, name from taggings where taggable_type = ",
        );
        builder.push_bind(kind.name()).push(" and taggable_id in ");
        super::push_id_list(&mut builder, ids);
        builder.push(" order by name");
        builder
            .build_query_as::<(i64, String)>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// Makes a record's labels exactly `labels`.
pub async fn replace(
    conn: Conn<'_>,
    account_id: i64,
    kind: Taggable,
    id: i64,
    labels: &[String],
) -> Result<()> {
    let now = super::now();
    on_conn!(conn, |c| {
        sqlx::query("delete from taggings where taggable_type = $1 and taggable_id = $2")
            .bind(kind.name())
            .bind(id)
            .execute(&mut *c)
            .await?;
        for label in labels {
            sqlx::query(
                "insert into taggings (account_id, taggable_type, taggable_id, name, created_at, updated_at) \
                 values ($1, $2, $3, $4, $5, $5) on conflict (taggable_type, taggable_id, name) do nothing",
            )
            .bind(account_id)
            .bind(kind.name())
            .bind(id)
            .bind(label)
            .bind(now)
            .execute(&mut *c)
            .await?;
        }
        Ok::<(), sqlx::Error>(())
    })?;
    Ok(())
}
