//! The conversation list: tab counts, filters, sorting and pages (domain.md §2.9). A page
//! costs a fixed number of queries, whatever it holds: one for the counts, one for the
//! rows, and the batched loads of the renderer.

use std::collections::HashMap;

use chrono::{TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::ConversationStatus;
use crate::domain::StoredEnum as _;
use crate::services::messages::render::Extras;
use crate::store::conversations::{
    self, AssigneeType, ConversationType, Counts, ListFilter, SortBy,
};
use crate::store::{contacts, inboxes, messages};
use crate::wire::conversation::{
    Conversation, ListMeta, SearchContact, SearchHit, SearchInbox, SearchMessage, SearchMeta,
};
use crate::{Error, Result, Services};

use super::PAGE_SIZE;
use super::render::render_many;
use crate::services::access::Scope;
use crate::services::filters::{self, FilterParams, Model};

/// The query string of `GET /conversations` and `/conversations/meta`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct ListParams {
    /// open (default), resolved, pending, snoozed or all.
    pub status: Option<String>,
    /// me, unassigned, assigned or all (default).
    pub assignee_type: Option<String>,
    /// Only this inbox.
    pub inbox_id: Option<i64>,
    /// Only this team.
    pub team_id: Option<i64>,
    /// Any of these labels (`labels[]=a&labels[]=b`).
    #[serde(default, rename = "labels[]", alias = "labels")]
    pub labels: Vec<String>,
    /// Search in message content (skips the status filter).
    pub q: Option<String>,
    /// The contact's source id in the inbox.
    pub source_id: Option<String>,
    /// mention, participating or unattended.
    pub conversation_type: Option<String>,
    /// last_activity_at_desc (default), last_activity_at_asc, created_at_desc,
    /// created_at_asc, priority_desc, priority_asc, waiting_since_asc, waiting_since_desc.
    pub sort_by: Option<String>,
    /// 1-based page.
    pub page: Option<i64>,
    /// Only conversations changed in the last this-many seconds, unpaginated.
    pub updated_within: Option<i64>,
}

fn list_meta(counts: Counts) -> ListMeta {
    ListMeta {
        mine_count: counts.mine,
        assigned_count: counts.all - counts.unassigned,
        unassigned_count: counts.unassigned,
        all_count: counts.all,
    }
}

fn base_filter(scope: &Scope, params: &ListParams) -> Result<(ListFilter, AssigneeType, SortBy)> {
    let status = match params.status.as_deref().unwrap_or("open") {
        "all" => None,
        name => Some(
            name.parse::<ConversationStatus>()
                .map_err(|_| Error::invalid("status", format!("Status {name} is not valid")))?,
        ),
    };
    let assignee = match params.assignee_type.as_deref().unwrap_or("all") {
        "all" => AssigneeType::All,
        "me" | "mine" => AssigneeType::Me,
        "unassigned" => AssigneeType::Unassigned,
        "assigned" => AssigneeType::Assigned,
        other => {
            return Err(Error::invalid(
                "assignee_type",
                format!("Assignee type {other} is not valid"),
            ));
        }
    };
    let conversation_type = match params.conversation_type.as_deref() {
        None | Some("") => None,
        Some("mention") => Some(ConversationType::Mention),
        Some("participating") => Some(ConversationType::Participating),
        Some("unattended") => Some(ConversationType::Unattended),
        Some(other) => {
            return Err(Error::invalid(
                "conversation_type",
                format!("Conversation type {other} is not valid"),
            ));
        }
    };
    let sort = match params.sort_by.as_deref() {
        None | Some("") => SortBy::default(),
        Some(raw) => SortBy::parse(raw)
            .ok_or_else(|| Error::invalid("sort_by", format!("Sort {raw} is not valid")))?,
    };
    let filter = ListFilter {
        account_id: scope.account_id,
        user_id: scope.user_id(),
        visible_inboxes: scope.inbox_filter().map(<[i64]>::to_vec),
        status,
        inbox_id: params.inbox_id,
        team_id: params.team_id,
        labels: params
            .labels
            .iter()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect(),
        q: params
            .q
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_owned),
        source_id: params.source_id.clone().filter(|s| !s.is_empty()),
        conversation_type,
        updated_since: params
            .updated_within
            .filter(|s| *s > 0)
            .map(|s| Utc::now() - TimeDelta::seconds(s.min(31_536_000))),
        condition: None,
    };
    Ok((filter, assignee, sort))
}

/// The tab counts and one page of conversations.
pub async fn list(
    svc: &Services,
    scope: &Scope,
    params: &ListParams,
) -> Result<(ListMeta, Vec<Conversation>)> {
    let (filter, assignee, sort) = base_filter(scope, params)?;
    let page = params.page.unwrap_or(1).max(1);
    let unpaginated = filter.updated_since.is_some();
    let mut handle = svc.db.read().await?;
    let counts = conversations::counts(handle.conn(), &filter).await?;
    let limit = (!unpaginated).then_some(PAGE_SIZE);
    let rows = conversations::page(
        handle.conn(),
        &filter,
        assignee,
        sort,
        limit,
        (page - 1) * PAGE_SIZE,
    )
    .await?;
    let payload = render_many(svc, handle.conn(), &rows, scope.user_id()).await?;
    Ok((list_meta(counts), payload))
}

/// Only the tab counts.
pub async fn meta(svc: &Services, scope: &Scope, params: &ListParams) -> Result<ListMeta> {
    let (filter, _, _) = base_filter(scope, params)?;
    let counts = conversations::counts(svc.db.read().await?.conn(), &filter).await?;
    Ok(list_meta(counts))
}

/// At most this many matching messages are returned per conversation (the newest).
const SEARCH_MESSAGES_PER_CONVERSATION: i64 = 20;

/// Conversations whose incoming or outgoing messages contain `q` (any status, newest
/// activity first), each with its matching messages, and the counts of all matches.
/// A page costs a fixed number of queries.
pub async fn search(
    svc: &Services,
    scope: &Scope,
    params: &ListParams,
) -> Result<(SearchMeta, Vec<SearchHit>)> {
    let Some(q) = params.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) else {
        return Err(Error::MissingParam("q".into()));
    };
    let (filter, assignee, sort) = base_filter(scope, params)?;
    let page = params.page.unwrap_or(1).max(1);
    let mut handle = svc.db.read().await?;
    let mut conn = handle.conn();
    let counts = conversations::counts(conn.reborrow(), &filter).await?;
    let rows = conversations::page(
        conn.reborrow(),
        &filter,
        assignee,
        sort,
        Some(PAGE_SIZE),
        (page - 1) * PAGE_SIZE,
    )
    .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let contact_ids = unique(rows.iter().filter_map(|r| r.contact_id));
    let inbox_ids = unique(rows.iter().map(|r| r.inbox_id));
    let contacts: HashMap<i64, String> =
        contacts::find_many(conn.reborrow(), scope.account_id, &contact_ids)
            .await?
            .into_iter()
            .map(|c| (c.id, c.name.unwrap_or_default()))
            .collect();
    let inboxes: HashMap<i64, SearchInbox> =
        inboxes::find_many(conn.reborrow(), scope.account_id, &inbox_ids)
            .await?
            .into_iter()
            .map(|i| {
                (
                    i.id,
                    SearchInbox {
                        id: i.id,
                        name: i.name,
                        channel_type: i.channel_type,
                    },
                )
            })
            .collect();
    let found =
        messages::matching(conn.reborrow(), &ids, q, SEARCH_MESSAGES_PER_CONVERSATION).await?;
    let extras = Extras::load(svc, conn, scope.account_id, &found).await?;
    let mut by_conversation: HashMap<i64, Vec<SearchMessage>> = HashMap::new();
    for row in &found {
        by_conversation
            .entry(row.conversation_id)
            .or_default()
            .push(SearchMessage {
                content: row.content.clone(),
                id: row.id,
                sender_name: extras.sender_name(row),
                message_type: row.message_type.to_i16(),
                created_at: row.created_at.timestamp(),
            });
    }
    let hits = rows
        .into_iter()
        .map(|row| SearchHit {
            id: row.display_id,
            uuid: row.uuid,
            created_at: row.created_at.timestamp(),
            contact: SearchContact {
                id: row.contact_id.unwrap_or_default(),
                name: row
                    .contact_id
                    .and_then(|id| contacts.get(&id).cloned())
                    .unwrap_or_default(),
            },
            inbox: inboxes.get(&row.inbox_id).cloned().unwrap_or(SearchInbox {
                id: row.inbox_id,
                name: String::new(),
                channel_type: String::new(),
            }),
            messages: by_conversation.remove(&row.id).unwrap_or_default(),
            account_id: row.account_id,
        })
        .collect();
    let meta = SearchMeta {
        mine_count: counts.mine,
        unassigned_count: counts.unassigned,
        all_count: counts.all,
    };
    Ok((meta, hits))
}

fn unique(ids: impl Iterator<Item = i64>) -> Vec<i64> {
    let mut ids: Vec<i64> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Conversations matching an advanced filter (any status unless the filter says), newest
/// activity first.
pub async fn filter(
    svc: &Services,
    scope: &Scope,
    params: &FilterParams,
) -> Result<(ListMeta, Vec<Conversation>)> {
    let mut handle = svc.db.read().await?;
    let custom_keys =
        crate::store::filter_sql::custom_attribute_keys(handle.conn(), scope.account_id, 0).await?;
    let condition = filters::build(
        Model::Conversation,
        svc.db.backend(),
        &params.payload,
        &custom_keys,
    )?;
    let base = ListParams {
        status: Some("all".into()),
        ..ListParams::default()
    };
    let (mut filter, _, sort) = base_filter(scope, &base)?;
    filter.condition = Some(condition);
    let page = params.page.unwrap_or(1).max(1);
    let counts = conversations::counts(handle.conn(), &filter).await?;
    let rows = conversations::page(
        handle.conn(),
        &filter,
        AssigneeType::All,
        sort,
        Some(PAGE_SIZE),
        (page - 1) * PAGE_SIZE,
    )
    .await?;
    let payload = render_many(svc, handle.conn(), &rows, scope.user_id()).await?;
    Ok((list_meta(counts), payload))
}
