//! Conversations: the list with its tab counts, creation, and every change agents, bots and
//! contacts make to them. All changes follow domain.md §2 and publish their events after the
//! transaction commits.

mod assignment;
mod changes;
mod create;
mod details;
mod list;
pub mod render;
mod scheduled;
mod status;
mod typing;

pub use assignment::{Assignment, AssignmentParams, assign};
pub use changes::{publish_changes, publish_changes_with};
pub use create::{Opening, create, open_for_contact};
pub(crate) use details::seen_by_contact;
pub use details::{
    attachments, labels, mark_unread, participants, set_custom_attributes, set_labels,
    set_participants, update_last_seen, update_priority,
};
pub use list::{ListParams, filter, list, meta, search};
pub use scheduled::{JobReport, run_due_jobs};
pub(crate) use status::survey_if_resolved;
pub use status::{mute, toggle_priority, toggle_status, unmute};
pub use typing::toggle_typing;
pub(crate) use typing::{contact_typing, event_name as typing_event_name};

use crate::db::Conn;
use crate::store::conversations::{self, Conversation};
use crate::store::inboxes;
use crate::wire::conversation::Conversation as ConversationJson;
use crate::{Error, Result, Services};

use super::access::Scope;
use super::messages::post::Context;

/// Conversations per page (Chatwoot's `CONVERSATION_RESULTS_PER_PAGE`).
pub const PAGE_SIZE: i64 = 25;

/// The conversation `display_id` of the scope's account, if the caller may see its inbox.
pub async fn load(conn: Conn<'_>, scope: &Scope, display_id: i64) -> Result<Conversation> {
    let conversation = conversations::find_by_display_id(conn, scope.account_id, display_id)
        .await?
        .ok_or(Error::NotFound)?;
    scope.require_inbox(conversation.inbox_id)?;
    Ok(conversation)
}

/// One conversation.
pub async fn show(svc: &Services, scope: &Scope, display_id: i64) -> Result<ConversationJson> {
    let mut handle = svc.db.read().await?;
    let conversation = load(handle.conn(), scope, display_id).await?;
    render_one(svc, handle.conn(), &conversation, scope.user_id()).await
}

/// Renders one conversation.
pub async fn render_one(
    svc: &Services,
    conn: Conn<'_>,
    conversation: &Conversation,
    viewer: Option<i64>,
) -> Result<ConversationJson> {
    render::render_many(svc, conn, std::slice::from_ref(conversation), viewer)
        .await?
        .pop()
        .ok_or(Error::NotFound)
}

/// The conversation `display_id` with what the message rules need to know about it (one
/// query), if the caller may see its inbox.
pub async fn load_with_context(
    conn: Conn<'_>,
    scope: &Scope,
    display_id: i64,
) -> Result<(Conversation, Context)> {
    let since = crate::store::now() - chrono::TimeDelta::minutes(1);
    let (conversation, found) =
        conversations::find_with_rules_context(conn, scope.account_id, display_id, since)
            .await?
            .ok_or(Error::NotFound)?;
    scope.require_inbox(conversation.inbox_id)?;
    Ok((conversation, rules_context(found)))
}

fn rules_context(found: conversations::RulesContext) -> Context {
    Context {
        inbox_has_bot: found.inbox_has_bot,
        api_inbox: found.channel_type == inboxes::API,
        contact_blocked: found.contact_blocked,
        messages_last_minute: found.recent_messages,
    }
}

/// What the message rules need to know about a conversation's inbox, contact and recent
/// traffic (one query).
pub async fn context(conn: Conn<'_>, conversation: &Conversation) -> Result<Context> {
    let since = crate::store::now() - chrono::TimeDelta::minutes(1);
    let found = conversations::rules_context(conn, conversation, since)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(rules_context(found))
}

/// Deletes a conversation with its messages (administrators).
pub async fn delete(svc: &Services, scope: &Scope, display_id: i64) -> Result<()> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    let conversation = load(tx.conn(), scope, display_id).await?;
    conversations::delete(tx.conn(), conversation.id).await?;
    tx.commit().await?;
    svc.events.publish(crate::events::Event {
        account_id: scope.account_id,
        name: "conversation.deleted",
        data: serde_json::json!({ "id": display_id, "inbox_id": conversation.inbox_id }),
    });
    Ok(())
}
