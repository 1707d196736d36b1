//! Chatwoot's account search (`GET /search/messages`): messages of the last three months
//! whose text contains `q`, in the inboxes the caller may see, newest first, 15 a page.

use std::collections::HashMap;

use chrono::{TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{ContentType, StoredEnum as _};
use crate::services::access::Scope;
use crate::services::messages::render::{self, Extras};
use crate::store::message_search::{self, MessageQuery};
use crate::store::{inboxes, messages};
use crate::wire::message::Sender;
use crate::{Error, Result, Services};

/// Messages per page (Chatwoot's).
pub const PAGE_SIZE: i64 = 15;
/// How far back messages are searched (Chatwoot: three months).
const SEARCH_DAYS: i64 = 90;

/// The query string of the search routes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct SearchParams {
    /// The text to find (required, trimmed).
    pub q: Option<String>,
    /// 1-based page.
    pub page: Option<i64>,
}

/// The inbox of a found message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FoundInbox {
    /// Inbox id.
    pub id: i64,
    /// The channel row's id.
    pub channel_id: i64,
    /// Inbox name.
    pub name: String,
    /// e.g. `Channel::Api`.
    pub channel_type: String,
}

/// A found message, as Chatwoot's search renders it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FoundMessage {
    /// Message id.
    pub id: i64,
    /// The text.
    pub content: Option<String>,
    /// 0 incoming, 1 outgoing, 2 activity, 3 template.
    pub message_type: i16,
    /// How the content renders.
    pub content_type: ContentType,
    /// The channel's id for the message.
    pub source_id: Option<String>,
    /// The inbox.
    pub inbox_id: i64,
    /// The conversation's display id.
    pub conversation_id: i64,
    /// Unix seconds.
    pub created_at: i64,
    /// Who sent it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<Sender>,
    /// The inbox, briefly.
    pub inbox: Option<FoundInbox>,
}

/// Paging of a search answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchPageMeta {
    /// The page returned.
    pub current_page: i64,
    /// Matches in all pages.
    pub total_count: i64,
    /// Pages in all.
    pub total_pages: i64,
}

/// `payload` of `GET /search/messages`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageResults {
    /// The page of messages.
    pub messages: Vec<FoundMessage>,
    /// Paging.
    pub meta: SearchPageMeta,
}

/// One page of messages containing `params.q` (a fixed number of queries per page).
pub async fn messages(
    svc: &Services,
    scope: &Scope,
    params: &SearchParams,
) -> Result<MessageResults> {
    let Some(q) = params.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) else {
        return Err(Error::MissingParam("q".into()));
    };
    let page = params.page.unwrap_or(1).clamp(1, 10_000);
    let query = MessageQuery {
        account_id: scope.account_id,
        inboxes: scope.inbox_filter(),
        q,
        since: Utc::now() - TimeDelta::days(SEARCH_DAYS),
    };
    let mut handle = svc.db.read().await?;
    let mut conn = handle.conn();
    let (hits, total) =
        message_search::page(conn.reborrow(), &query, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let rows: Vec<messages::Message> = hits.iter().map(|h| h.message.clone()).collect();
    let mut inbox_ids: Vec<i64> = rows.iter().map(|r| r.inbox_id).collect();
    inbox_ids.sort_unstable();
    inbox_ids.dedup();
    let inboxes: HashMap<i64, FoundInbox> =
        inboxes::find_many(conn.reborrow(), scope.account_id, &inbox_ids)
            .await?
            .into_iter()
            .map(|i| {
                (
                    i.id,
                    FoundInbox {
                        id: i.id,
                        channel_id: i.channel_id,
                        name: i.name,
                        channel_type: i.channel_type,
                    },
                )
            })
            .collect();
    let extras = Extras::senders(svc, conn, scope.account_id, &rows).await?;
    let found = hits
        .iter()
        .map(|hit| {
            let row = &hit.message;
            FoundMessage {
                id: row.id,
                content: row.content.clone(),
                message_type: row.message_type.to_i16(),
                content_type: row.content_type,
                source_id: row.source_id.clone(),
                inbox_id: row.inbox_id,
                conversation_id: hit.display_id,
                created_at: row.created_at.timestamp(),
                sender: render::message(row, hit.display_id, &extras).sender,
                inbox: inboxes.get(&row.inbox_id).cloned(),
            }
        })
        .collect();
    Ok(MessageResults {
        messages: found,
        meta: SearchPageMeta {
            current_page: page,
            total_count: total,
            total_pages: (total + PAGE_SIZE - 1) / PAGE_SIZE,
        },
    })
}
