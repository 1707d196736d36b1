//! `conversations`: threads between a contact and the team, numbered per account by
//! `display_id`.

use chrono::{DateTime, Utc};
use serde_json::Value;
use sqlx::types::Json;

use crate::db::{Backend, Conn};
use crate::domain::{ConversationStatus, StoredEnum as _};
use crate::{Result, execute, on_conn};

/// One conversation.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Conversation {
    /// Primary key (never shown: the API uses `display_id`).
    pub id: i64,
    /// Owning account.
    pub account_id: i64,
    /// The inbox.
    pub inbox_id: i64,
    /// Number within the account.
    pub display_id: i64,
    /// Public id.
    pub uuid: String,
    /// open, resolved, pending, snoozed.
    #[sqlx(try_from = "i16")]
    pub status: ConversationStatus,
    /// low 0 … urgent 3.
    pub priority: Option<i16>,
    /// The contact.
    pub contact_id: Option<i64>,
    /// The contact's link to the inbox.
    pub contact_inbox_id: Option<i64>,
    /// Assigned agent.
    pub assignee_id: Option<i64>,
    /// Assigned agent bot.
    pub assignee_agent_bot_id: Option<i64>,
    /// Assigned team.
    pub team_id: Option<i64>,
    /// The campaign that started it.
    pub campaign_id: Option<i64>,
    /// External id.
    pub identifier: Option<String>,
    /// browser, referer, initiated_at…
    pub additional_attributes: Json<Value>,
    /// Attributes defined by the account.
    pub custom_attributes: Json<Value>,
    /// Comma-joined labels.
    pub cached_label_list: Option<String>,
    /// Muted by an agent.
    pub muted: bool,
    /// Contact read up to here.
    pub contact_last_seen_at: Option<DateTime<Utc>>,
    /// Agents read up to here (one value for all agents).
    pub agent_last_seen_at: Option<DateTime<Utc>>,
    /// The assignee read up to here.
    pub assignee_last_seen_at: Option<DateTime<Utc>>,
    /// Last message of any kind.
    pub last_activity_at: DateTime<Utc>,
    /// Snoozed until (none: until the next reply).
    pub snoozed_until: Option<DateTime<Utc>>,
    /// First human reply.
    pub first_reply_created_at: Option<DateTime<Utc>>,
    /// Waiting for a reply since.
    pub waiting_since: Option<DateTime<Utc>>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

macro_rules! columns {
    ($p:literal) => {
        concat!(
            $p,
            "id, ",
            $p,
            "account_id, ",
            $p,
            "inbox_id, ",
            $p,
            "display_id, ",
            $p,
            "uuid, ",
            $p,
            "status, ",
            $p,
            "priority, ",
            $p,
            "contact_id, ",
            $p,
            "contact_inbox_id, ",
            $p,
            "assignee_id, ",
            $p,
            "assignee_agent_bot_id, ",
            $p,
            "team_id, ",
            $p,
            "campaign_id, ",
            $p,
            "identifier, ",
            $p,
            "additional_attributes, ",
            $p,
            "custom_attributes, ",
            $p,
            "cached_label_list, ",
            $p,
            "muted, ",
            $p,
            "contact_last_seen_at, ",
            $p,
            "agent_last_seen_at, ",
            $p,
            "assignee_last_seen_at, ",
            $p,
            "last_activity_at, ",
            $p,
            "snoozed_until, ",
            $p,
            "first_reply_created_at, ",
            $p,
            "waiting_since, ",
            $p,
            "created_at, ",
            $p,
            "updated_at"
        )
    };
}

/// What a new conversation is made of.
#[derive(Debug, Clone)]
pub struct NewConversation {
    /// Owning account.
    pub account_id: i64,
    /// The inbox.
    pub inbox_id: i64,
    /// From the account's counter.
    pub display_id: i64,
    /// Public id.
    pub uuid: String,
    /// Starting status.
    pub status: ConversationStatus,
    /// The contact.
    pub contact_id: i64,
    /// The contact's link to the inbox.
    pub contact_inbox_id: i64,
    /// Assigned agent.
    pub assignee_id: Option<i64>,
    /// Assigned team.
    pub team_id: Option<i64>,
    /// Campaign.
    pub campaign_id: Option<i64>,
    /// Additional attributes.
    pub additional_attributes: Value,
    /// Custom attributes.
    pub custom_attributes: Value,
    /// Snoozed until.
    pub snoozed_until: Option<DateTime<Utc>>,
    /// Creation time (also the first `waiting_since` and `last_activity_at`).
    pub at: DateTime<Utc>,
}

/// Creates a conversation.
pub async fn insert(conn: Conn<'_>, new: &NewConversation) -> Result<Conversation> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Conversation>(concat!(
            "insert into conversations (account_id, inbox_id, display_id, uuid, status, contact_id, \
             contact_inbox_id, assignee_id, team_id, campaign_id, additional_attributes, \
             custom_attributes, snoozed_until, last_activity_at, waiting_since, created_at, \
             updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, \
             $14, $14) returning ",
            columns!("")
        ))
        .bind(new.account_id)
        .bind(new.inbox_id)
        .bind(new.display_id)
        .bind(&new.uuid)
        .bind(new.status.to_i16())
        .bind(new.contact_id)
        .bind(new.contact_inbox_id)
        .bind(new.assignee_id)
        .bind(new.team_id)
        .bind(new.campaign_id)
        .bind(Json(&new.additional_attributes))
        .bind(Json(&new.custom_attributes))
        .bind(new.snoozed_until)
        .bind(new.at)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// Writes every mutable column of `conversation` back and bumps `updated_at`.
pub async fn save(conn: Conn<'_>, conversation: &Conversation) -> Result<Conversation> {
    let now = super::now();
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Conversation>(concat!(
            "update conversations set status = $2, priority = $3, assignee_id = $4, \
             assignee_agent_bot_id = $5, team_id = $6, additional_attributes = $7, \
             custom_attributes = $8, cached_label_list = $9, muted = $10, contact_last_seen_at = $11, \
             agent_last_seen_at = $12, assignee_last_seen_at = $13, last_activity_at = $14, \
             snoozed_until = $15, first_reply_created_at = $16, waiting_since = $17, \
             contact_id = $18, contact_inbox_id = $19, updated_at = $20 where id = $1 returning ",
            columns!("")
        ))
        .bind(conversation.id)
        .bind(conversation.status.to_i16())
        .bind(conversation.priority)
        .bind(conversation.assignee_id)
        .bind(conversation.assignee_agent_bot_id)
        .bind(conversation.team_id)
        .bind(&conversation.additional_attributes)
        .bind(&conversation.custom_attributes)
        .bind(&conversation.cached_label_list)
        .bind(conversation.muted)
        .bind(conversation.contact_last_seen_at)
        .bind(conversation.agent_last_seen_at)
        .bind(conversation.assignee_last_seen_at)
        .bind(conversation.last_activity_at)
        .bind(conversation.snoozed_until)
        .bind(conversation.first_reply_created_at)
        .bind(conversation.waiting_since)
        .bind(conversation.contact_id)
        .bind(conversation.contact_inbox_id)
        .bind(now)
        .fetch_one(&mut *c)
        .await
    })?)
}

/// A conversation by its number in the account.
pub async fn find_by_display_id(
    conn: Conn<'_>,
    account_id: i64,
    display_id: i64,
) -> Result<Option<Conversation>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Conversation>(concat!(
            "select ",
            columns!(""),
            " from conversations where account_id = $1 and display_id = $2"
        ))
        .bind(account_id)
        .bind(display_id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// A conversation by primary key.
pub async fn find(conn: Conn<'_>, id: i64) -> Result<Option<Conversation>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Conversation>(concat!(
            "select ",
            columns!(""),
            " from conversations where id = $1"
        ))
        .bind(id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// The newest conversation of a contact inbox (any status).
pub async fn latest_for_contact_inbox(
    conn: Conn<'_>,
    contact_inbox_id: i64,
) -> Result<Option<Conversation>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, Conversation>(concat!(
            "select ",
            columns!(""),
            " from conversations where contact_inbox_id = $1 order by id desc limit 1"
        ))
        .bind(contact_inbox_id)
        .fetch_optional(&mut *c)
        .await
    })?)
}

/// The newest conversations of a contact, in the given inboxes when limited.
pub async fn of_contact(
    conn: Conn<'_>,
    account_id: i64,
    contact_id: i64,
    inboxes: Option<&[i64]>,
    limit: i64,
) -> Result<Vec<Conversation>> {
    if inboxes.is_some_and(<[i64]>::is_empty) {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            columns!(""),
            " from conversations where account_id = "
        ));
        builder
            .push_bind(account_id)
            .push(" and contact_id = ")
            .push_bind(contact_id);
        if let Some(ids) = inboxes {
            builder.push(" and inbox_id in ");
            super::push_id_list(&mut builder, ids);
        }
        builder
            .push(" order by last_activity_at desc, id desc limit ")
            .push_bind(limit);
        builder
            .build_query_as::<Conversation>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// The conversations of a contact inbox, newest first.
pub async fn of_contact_inboxes(
    conn: Conn<'_>,
    contact_inbox_ids: &[i64],
) -> Result<Vec<Conversation>> {
    if contact_inbox_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            columns!(""),
            " from conversations where contact_inbox_id in "
        ));
        super::push_id_list(&mut builder, contact_inbox_ids);
        builder.push(" order by id desc");
        builder
            .build_query_as::<Conversation>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// Moves a contact's conversations to another contact (contact merge).
pub async fn move_contact(conn: Conn<'_>, from: i64, to: i64) -> Result<()> {
    execute!(
        conn,
        sqlx::query("update conversations set contact_id = $2 where contact_id = $1")
            .bind(from)
            .bind(to)
    )?;
    Ok(())
}

/// Unassigns every conversation of a user in an account (agent removal).
pub async fn unassign_user(conn: Conn<'_>, account_id: i64, user_id: i64) -> Result<()> {
    execute!(
        conn,
        sqlx::query(
            "update conversations set assignee_id = null where account_id = $1 and assignee_id = $2"
        )
        .bind(account_id)
        .bind(user_id)
    )?;
    Ok(())
}

/// Deletes a conversation; messages, participants and mentions cascade.
pub async fn delete(conn: Conn<'_>, id: i64) -> Result<()> {
    on_conn!(conn, |c| {
        sqlx::query(
            "delete from taggings where taggable_type = 'Conversation' and taggable_id = $1",
        )
        .bind(id)
        .execute(&mut *c)
        .await?;
        sqlx::query("delete from conversations where id = $1")
            .bind(id)
            .execute(&mut *c)
            .await?;
        Ok::<(), sqlx::Error>(())
    })?;
    Ok(())
}

/// Which assignees a list keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AssigneeType {
    /// Everyone's.
    #[default]
    All,
    /// The caller's.
    Me,
    /// Nobody's.
    Unassigned,
    /// Somebody's.
    Assigned,
}

/// Special views of the conversation list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConversationType {
    /// The caller was mentioned.
    Mention,
    /// The caller participates.
    Participating,
    /// No first reply yet, or waiting for a reply.
    Unattended,
}

/// Sort orders of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Last activity, newest first (the default).
    #[default]
    LastActivityDesc,
    /// Last activity, oldest first.
    LastActivityAsc,
    /// Created, newest first.
    CreatedDesc,
    /// Created, oldest first.
    CreatedAsc,
    /// Priority, highest first (none last), then last activity.
    PriorityDesc,
    /// Priority, lowest first (none last), then last activity.
    PriorityAsc,
    /// Waiting longest first (none last), then created.
    WaitingSinceAsc,
    /// Waiting shortest first (none last), then created.
    WaitingSinceDesc,
}

impl SortBy {
    /// Chatwoot's `sort_by` values (and the legacy names).
    pub fn parse(raw: &str) -> Option<SortBy> {
        Some(match raw {
            "last_activity_at_desc" | "latest" => SortBy::LastActivityDesc,
            "last_activity_at_asc" => SortBy::LastActivityAsc,
            "created_at_desc" => SortBy::CreatedDesc,
            "created_at_asc" | "sort_on_created_at" => SortBy::CreatedAsc,
            "priority_desc" | "sort_on_priority" => SortBy::PriorityDesc,
            "priority_asc" => SortBy::PriorityAsc,
            "waiting_since_asc" | "sort_on_waiting_since" => SortBy::WaitingSinceAsc,
            "waiting_since_desc" => SortBy::WaitingSinceDesc,
            _ => return None,
        })
    }

    fn order_by(self) -> &'static str {
        match self {
            SortBy::LastActivityDesc => "c.last_activity_at desc, c.id desc",
            SortBy::LastActivityAsc => "c.last_activity_at asc, c.id asc",
            SortBy::CreatedDesc => "c.created_at desc, c.id desc",
            SortBy::CreatedAsc => "c.created_at asc, c.id asc",
            SortBy::PriorityDesc => {
                "(c.priority is null), c.priority desc, c.last_activity_at desc, c.id desc"
            }
            SortBy::PriorityAsc => {
                "(c.priority is null), c.priority asc, c.last_activity_at desc, c.id desc"
            }
            SortBy::WaitingSinceAsc => {
                "(c.waiting_since is null), c.waiting_since asc, c.created_at asc, c.id asc"
            }
            SortBy::WaitingSinceDesc => {
                "(c.waiting_since is null), c.waiting_since desc, c.created_at asc, c.id asc"
            }
        }
    }
}

/// The conversation list's filters.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// The account.
    pub account_id: i64,
    /// The caller (for `me`, mentions, participation).
    pub user_id: Option<i64>,
    /// Inboxes the caller may see (`None`: all).
    pub visible_inboxes: Option<Vec<i64>>,
    /// One status, or `None` for all.
    pub status: Option<ConversationStatus>,
    /// Only this inbox.
    pub inbox_id: Option<i64>,
    /// Only this team.
    pub team_id: Option<i64>,
    /// Any of these labels.
    pub labels: Vec<String>,
    /// Incoming or outgoing message content contains this.
    pub q: Option<String>,
    /// The contact's source id in the inbox.
    pub source_id: Option<String>,
    /// Mentions, participating or unattended.
    pub conversation_type: Option<ConversationType>,
    /// Changed at or after this time (unpaginated lists).
    pub updated_since: Option<DateTime<Utc>>,
    /// Extra conditions from the filter API, already built.
    pub condition: Option<super::filter_sql::Condition>,
}

/// The counts shown on the list's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, sqlx::FromRow)]
pub struct Counts {
    /// Assigned to the caller.
    pub mine: i64,
    /// Assigned to nobody.
    pub unassigned: i64,
    /// All.
    pub all: i64,
}

/// The tab counts of a list (one query).
pub async fn counts(conn: Conn<'_>, filter: &ListFilter) -> Result<Counts> {
    let backend = conn.backend();
    if filter.visible_inboxes.as_ref().is_some_and(Vec::is_empty) {
        return Ok(Counts::default());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new("select count(case when c.assignee_id = ");
        builder.push_bind(filter.user_id.unwrap_or(0));
        builder.push(
            " then 1 end) as mine, count(case when c.assignee_id is null then 1 end) as unassigned, \
             count(*) as \"all\" from conversations c where ",
        );
        push_filter(&mut builder, backend, filter);
        builder.build_query_as::<Counts>().fetch_one(&mut *c).await
    })?)
}

/// One page of a list (one query). `limit: None` returns every match.
pub async fn page(
    conn: Conn<'_>,
    filter: &ListFilter,
    assignee: AssigneeType,
    sort: SortBy,
    limit: Option<i64>,
    offset: i64,
) -> Result<Vec<Conversation>> {
    let backend = conn.backend();
    if filter.visible_inboxes.as_ref().is_some_and(Vec::is_empty) {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            columns!("c."),
            " from conversations c where "
        ));
        push_filter(&mut builder, backend, filter);
        match assignee {
            AssigneeType::All => {}
            AssigneeType::Me => {
                builder
                    .push(" and c.assignee_id = ")
                    .push_bind(filter.user_id.unwrap_or(0));
            }
            AssigneeType::Unassigned => {
                builder.push(" and c.assignee_id is null");
            }
            AssigneeType::Assigned => {
                builder.push(" and c.assignee_id is not null");
            }
        }
        builder.push(" order by ").push(sort.order_by());
        if let Some(limit) = limit {
            builder
                .push(" limit ")
                .push_bind(limit)
                .push(" offset ")
                .push_bind(offset);
        }
        builder
            .build_query_as::<Conversation>()
            .fetch_all(&mut *c)
            .await
    })?)
}

fn push_filter<DB>(builder: &mut sqlx::QueryBuilder<DB>, backend: Backend, filter: &ListFilter)
where
    DB: sqlx::Database,
    for<'t> i64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> i16: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> String: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> DateTime<Utc>: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> f64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> bool: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    builder.push("c.account_id = ").push_bind(filter.account_id);
    if let Some(ids) = &filter.visible_inboxes {
        builder.push(" and c.inbox_id in ");
        super::push_id_list(builder, ids);
    }
    // Chatwoot skips the status filter while searching.
    if let (Some(status), None) = (filter.status, &filter.q) {
        builder.push(" and c.status = ").push_bind(status.to_i16());
    }
    if let Some(inbox_id) = filter.inbox_id {
        builder.push(" and c.inbox_id = ").push_bind(inbox_id);
    }
    if let Some(team_id) = filter.team_id {
        builder.push(" and c.team_id = ").push_bind(team_id);
    }
    if !filter.labels.is_empty() {
        builder.push(
            " and exists (select 1 from taggings t where t.taggable_type = 'Conversation' \
             and t.taggable_id = c.id and t.name in (",
        );
        let mut names = builder.separated(", ");
        for label in &filter.labels {
            names.push_bind(label.clone());
        }
        names.push_unseparated("))");
    }
    if let Some(q) = &filter.q {
        let op = super::case_insensitive_like(backend);
        builder.push(format_args!(
            " and exists (select 1 from messages m where m.conversation_id = c.id and m.message_type in (0, 1) \
             and m.content {op} "
        ));
        builder
            .push_bind(super::like_pattern(q))
            .push(" escape '\\')");
    }
    if let Some(source_id) = &filter.source_id {
        builder
            .push(" and exists (select 1 from contact_inboxes ci where ci.id = c.contact_inbox_id and ci.source_id = ")
            .push_bind(source_id.clone())
            .push(")");
    }
    match filter.conversation_type {
        Some(ConversationType::Mention) => {
            builder
                .push(" and exists (select 1 from mentions mn where mn.conversation_id = c.id and mn.user_id = ")
                .push_bind(filter.user_id.unwrap_or(0))
                .push(")");
        }
        Some(ConversationType::Participating) => {
            builder
                .push(" and exists (select 1 from conversation_participants p where p.conversation_id = c.id and p.user_id = ")
                .push_bind(filter.user_id.unwrap_or(0))
                .push(")");
        }
        Some(ConversationType::Unattended) => {
            builder.push(" and (c.first_reply_created_at is null or c.waiting_since is not null)");
        }
        None => {}
    }
    if let Some(since) = filter.updated_since {
        builder.push(" and c.updated_at >= ").push_bind(since);
    }
    if let Some(condition) = &filter.condition {
        builder.push(" and ");
        condition.push(builder);
    }
}

/// A team as shown in a conversation's `meta`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AssignedTeam {
    /// Team id.
    pub id: i64,
    /// Account.
    pub account_id: i64,
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Auto-assignment within the team.
    pub allow_auto_assign: bool,
    /// Whether the viewer belongs to it.
    pub is_member: bool,
}

/// The teams a page of conversations is assigned to (one query).
pub async fn assigned_teams(
    conn: Conn<'_>,
    account_id: i64,
    team_ids: &[i64],
    viewer: Option<i64>,
) -> Result<Vec<AssignedTeam>> {
    if team_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(
            "select t.id, t.account_id, t.name, t.description, t.allow_auto_assign, \
             exists (select 1 from team_members tm where tm.team_id = t.id and tm.user_id = ",
        );
        builder
            .push_bind(viewer.unwrap_or(0))
            .push(") as is_member from teams t where t.account_id = ");
        builder.push_bind(account_id).push(" and t.id in ");
        super::push_id_list(&mut builder, team_ids);
        builder
            .build_query_as::<AssignedTeam>()
            .fetch_all(&mut *c)
            .await
    })?)
}

/// What the message rules need about a conversation's inbox and contact.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RulesContext {
    /// The inbox's channel type.
    pub channel_type: String,
    /// An agent bot is attached to the inbox and active.
    pub inbox_has_bot: bool,
    /// The contact is blocked.
    pub contact_blocked: bool,
    /// Messages the conversation received since the `since` given (the flood guard).
    pub recent_messages: i64,
}

/// The [`RulesContext`] of a conversation (one query); `None` when its inbox is gone.
pub async fn rules_context(
    conn: Conn<'_>,
    conversation: &Conversation,
    since: DateTime<Utc>,
) -> Result<Option<RulesContext>> {
    Ok(on_conn!(conn, |c| {
        sqlx::query_as::<_, RulesContext>(
            "select i.channel_type, \
             exists (select 1 from agent_bot_inboxes abi where abi.inbox_id = i.id and abi.status = 0) \
               as inbox_has_bot, \
             coalesce((select ct.blocked from contacts ct where ct.id = $2), false) as contact_blocked, \
             (select count(*) from messages m where m.conversation_id = $3 and m.created_at > $4) \
               as recent_messages \
             from inboxes i where i.id = $1",
        )
        .bind(conversation.inbox_id)
        .bind(conversation.contact_id)
        .bind(conversation.id)
        .bind(since)
        .fetch_optional(&mut *c)
        .await
    })?)
}

#[derive(sqlx::FromRow)]
struct WithRulesContext {
    #[sqlx(flatten)]
    conversation: Conversation,
    #[sqlx(flatten)]
    context: RulesContext,
}

/// A conversation by display id with its [`RulesContext`], in one query.
pub async fn find_with_rules_context(
    conn: Conn<'_>,
    account_id: i64,
    display_id: i64,
    since: DateTime<Utc>,
) -> Result<Option<(Conversation, RulesContext)>> {
    let row: Option<WithRulesContext> = on_conn!(conn, |c| {
        sqlx::query_as::<_, WithRulesContext>(concat!(
            "select ",
            columns!("c."),
            ", i.channel_type, \
             exists (select 1 from agent_bot_inboxes abi where abi.inbox_id = i.id and abi.status = 0) \
               as inbox_has_bot, \
             coalesce((select ct.blocked from contacts ct where ct.id = c.contact_id), false) \
               as contact_blocked, \
             (select count(*) from messages m where m.conversation_id = c.id and m.created_at > $3) \
               as recent_messages \
             from conversations c join inboxes i on i.id = c.inbox_id \
             where c.account_id = $1 and c.display_id = $2"
        ))
        .bind(account_id)
        .bind(display_id)
        .bind(since)
        .fetch_optional(&mut *c)
        .await
    })?;
    Ok(row.map(|r| (r.conversation, r.context)))
}

/// Conversations of an account by primary key, in no particular order (one query).
pub async fn find_many(conn: Conn<'_>, account_id: i64, ids: &[i64]) -> Result<Vec<Conversation>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(on_conn!(conn, |c| {
        let mut builder = sqlx::QueryBuilder::new(concat!(
            "select ",
            columns!(""),
            " from conversations where account_id = "
        ));
        builder.push_bind(account_id).push(" and id in ");
        super::push_id_list(&mut builder, ids);
        builder
            .build_query_as::<Conversation>()
            .fetch_all(&mut *c)
            .await
    })?)
}
