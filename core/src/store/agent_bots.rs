//! `agent_bots` and `agent_bot_inboxes`: webhook bots and the inboxes they serve.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;

use crate::db::Conn;
use crate::{Result, on_conn};

/// One agent bot.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AgentBot {
    /// Primary key.
    pub id: i64,
    /// Owning account; `None` for an installation-wide (system) bot.
    pub account_id: Option<i64>,
    /// Display name.
    pub name: Option<String>,
    /// What it does.
    pub description: Option<String>,
    /// Where events are posted.
    pub outgoing_url: Option<String>,
    /// Always 0 (webhook).
    pub bot_type: i16,
    /// Bot-specific settings.
    pub bot_config: Json<Value>,
    /// Avatar file, if uploaded.
    pub avatar_path: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

macro_rules! columns {
    () => {
        "id, account_id, name, description, outgoing_url, bot_type, bot_config, avatar_path, \
         created_at, updated_at"
    };
}

/// A bot by id, whatever account owns it.
pub async fn find_any(conn: Conn<'_>, id: i64) -> Result<Option<AgentBot>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, AgentBot>(concat!(
            "select ",
            columns!(),
            " from agent_bots where id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// A bot usable in an account: its own, or a system bot.
pub async fn find_usable(conn: Conn<'_>, account_id: i64, id: i64) -> Result<Option<AgentBot>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, AgentBot>(concat!(
            "select ",
            columns!(),
            " from agent_bots where id = $1 and (account_id = $2 or account_id is null)"
        ))
        .bind(id)
        .bind(account_id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// The inboxes of an account a bot is attached to.
pub async fn inbox_ids_in_account(
    conn: Conn<'_>,
    bot_id: i64,
    account_id: i64,
) -> Result<Vec<i64>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_scalar(
            "select inbox_id from agent_bot_inboxes where agent_bot_id = $1 and account_id = $2 \
             order by inbox_id",
        )
        .bind(bot_id)
        .bind(account_id)
        .fetch_all(&mut *c)
        .await
    })?)
}

#[derive(sqlx::FromRow)]
struct Attached {
    #[sqlx(flatten)]
    bot: AgentBot,
    attachment_status: i16,
}

/// The bot attached to an inbox, and whether that attachment is active.
pub async fn for_inbox(conn: Conn<'_>, inbox_id: i64) -> Result<Option<(AgentBot, bool)>> {
    let row: Option<Attached> = on_conn!(conn, |c| {
        sqlx::query_as::<_, Attached>(
            "select b.id, b.account_id, b.name, b.description, b.outgoing_url, b.bot_type,              b.bot_config, b.avatar_path, b.created_at, b.updated_at,              abi.status as attachment_status              from agent_bot_inboxes abi join agent_bots b on b.id = abi.agent_bot_id              where abi.inbox_id = $1",
        )
        .bind(inbox_id)
        .fetch_optional(&mut *c)
        .await
    })?;
    Ok(row.map(|r| (r.bot, r.attachment_status == 0)))
}

/// What a bot is made of.
#[derive(Debug, Clone)]
pub struct BotFields {
    /// Display name.
    pub name: String,
    /// What it does.
    pub description: Option<String>,
    /// Where events are posted.
    pub outgoing_url: Option<String>,
    /// Bot-specific settings.
    pub bot_config: Value,
}

/// The account's bots and the system bots, by id.
pub async fn list_usable(conn: Conn<'_>, account_id: i64) -> Result<Vec<AgentBot>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, AgentBot>(concat!(
            "select ",
            columns!(),
            " from agent_bots where account_id = $1 or account_id is null order by id"
        ))
        .bind(account_id)
        .fetch_all(&mut *c)
        .await
    })?)
}

/// Creates a bot owned by an account.
pub async fn insert(conn: Conn<'_>, account_id: i64, fields: &BotFields) -> Result<AgentBot> {
    let now = crate::store::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, AgentBot>(concat!(
            "insert into agent_bots (account_id, name, description, outgoing_url, bot_config, \
             created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6) returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(&fields.name)
        .bind(&fields.description)
        .bind(&fields.outgoing_url)
        .bind(Json(&fields.bot_config))
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Replaces a bot's fields (only bots owned by the account).
pub async fn update(
    conn: Conn<'_>,
    account_id: i64,
    id: i64,
    fields: &BotFields,
) -> Result<Option<AgentBot>> {
    let now = crate::store::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, AgentBot>(concat!(
            "update agent_bots set name = $3, description = $4, outgoing_url = $5, bot_config = $6, \
             updated_at = $7 where account_id = $1 and id = $2 returning ",
            columns!()
        ))
        .bind(account_id)
        .bind(id)
        .bind(&fields.name)
        .bind(&fields.description)
        .bind(&fields.outgoing_url)
        .bind(Json(&fields.bot_config))
        .bind(now)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// Deletes a bot owned by the account, with its access token (polymorphic: no cascade).
pub async fn delete(conn: Conn<'_>, account_id: i64, id: i64) -> Result<bool> {
    let done = on_conn!(conn, |c| {
        let deleted = sqlx::query("delete from agent_bots where account_id = $1 and id = $2")
            .bind(account_id)
            .bind(id)
            .execute(&mut *c)
            .await?
            .rows_affected();
        if deleted > 0 {
            sqlx::query(
                "delete from access_tokens where owner_type = 'AgentBot' and owner_id = $1",
            )
            .bind(id)
            .execute(&mut *c)
            .await?;
        }
        Ok::<u64, sqlx::Error>(deleted)
    })?;
    Ok(done > 0)
}

/// Attaches `bot_id` (active) to an inbox, replacing any other bot; `None` detaches.
pub async fn set_for_inbox(
    conn: Conn<'_>,
    account_id: i64,
    inbox_id: i64,
    bot_id: Option<i64>,
) -> Result<()> {
    let now = crate::store::now();
    on_conn!(conn, |c| {
        sqlx::query("delete from agent_bot_inboxes where inbox_id = $1")
            .bind(inbox_id)
            .execute(&mut *c)
            .await?;
        if let Some(bot_id) = bot_id {
            sqlx::query(
                "insert into agent_bot_inboxes (account_id, inbox_id, agent_bot_id, status, \
                 created_at, updated_at) values ($1, $2, $3, 0, $4, $4)",
            )
            .bind(account_id)
            .bind(inbox_id)
            .bind(bot_id)
            .bind(now)
            .execute(&mut *c)
            .await?;
        }
        Ok::<(), sqlx::Error>(())
    })?;
    Ok(())
}

/// Bots by id, whatever account owns them (one query).
pub async fn find_many_any(conn: Conn<'_>, ids: &[i64]) -> Result<Vec<AgentBot>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            columns!(),
            " from agent_bots where id in "
        ));
        crate::store::push_id_list(&mut builder, ids);
        builder
            .build_query_as::<AgentBot>()
            .fetch_all(&mut *c)
            .await
    })?)
}
