//! The agent's typing indicator: `toggle_typing_status` raises `conversation.typing_on` or
//! `conversation.typing_off`, which `/cable` sends to everyone else on the conversation.

use serde_json::json;

use super::render_one;
use crate::events::Event;
use crate::services::access::Scope;
use crate::services::messages::render::user_push;
use crate::store::account_users;
use crate::{Error, Result, Services};

/// The typing event name for a `typing_status` of `on` or `off`.
pub(crate) fn event_name(status: Option<&str>) -> Result<&'static str> {
    match status {
        Some("on") => Ok("conversation.typing_on"),
        Some("off") => Ok("conversation.typing_off"),
        _ => Err(Error::invalid(
            "typing_status",
            "Typing status must be on or off",
        )),
    }
}

/// The signed-in agent started (`on`) or stopped (`off`) typing a reply, or a private note
/// when `is_private`.
pub async fn toggle_typing(
    svc: &Services,
    scope: &Scope,
    display_id: i64,
    status: Option<&str>,
    is_private: bool,
) -> Result<()> {
    let name = event_name(status)?;
    let user_id = scope.user_id().ok_or(Error::BotNotAllowed)?;
    let mut handle = svc.db.read().await?;
    let conversation = super::load(handle.conn(), scope, display_id).await?;
    let agent = account_users::find_agents(handle.conn(), scope.account_id, &[user_id])
        .await?
        .pop()
        .ok_or(Error::NotFound)?;
    let user = user_push(svc, scope.account_id, agent);
    let rendered = render_one(svc, handle.conn(), &conversation, None).await?;
    svc.events.publish(Event {
        account_id: scope.account_id,
        name,
        data: json!({ "conversation": rendered, "user": user, "is_private": is_private }),
    });
    Ok(())
}

/// Tells agents the conversation's contact started (`on`) or stopped (`off`) typing; shared by
/// the client API and the widget.
pub(crate) async fn contact_typing(
    svc: &Services,
    conn: crate::db::Conn<'_>,
    conversation: &crate::store::conversations::Conversation,
    contact: &crate::store::contacts::Contact,
    status: Option<&str>,
) -> Result<()> {
    let name = event_name(status)?;
    let rendered = render_one(svc, conn, conversation, None).await?;
    svc.events.publish(Event {
        account_id: conversation.account_id,
        name,
        data: json!({
            "conversation": rendered,
            "user": crate::services::contacts::render::push(contact),
            "is_private": false,
        }),
    });
    Ok(())
}
