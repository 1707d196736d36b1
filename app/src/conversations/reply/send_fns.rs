//! Server functions of the reply box: sending a reply or private note (with attachments,
//! template variables and the agent's signature) and the agents a note can mention. Thin
//! calls into `onechat_core::services` under the signed-in user's scope.

use leptos::prelude::*;

use crate::conversations::models::Choice;
use crate::error::DashboardError;
use crate::uploads::ReplyFile;

/// Posts the agent's message; `mode` is `note` for a private note, anything else replies.
///
/// Template variables (`{{ contact.first_name || 'there' }}`) are replaced in replies and notes
/// alike, as Chatwoot does for every outgoing message; replies get the agent's signature
/// first (so it may use variables too). `attachments` only come from the browser: the plain
/// form without JavaScript sends text.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn send_reply(
    account_id: i64,
    display_id: i64,
    content: String,
    mode: String,
    #[server(default)] attachments: Vec<ReplyFile>,
) -> Result<(), DashboardError> {
    use onechat_core::Error;
    use onechat_core::services::messages;
    use onechat_core::wire::message::MessageParams;

    let ctx = crate::context::dashboard()?;
    let (user, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let private = mode == "note";
    let files = crate::uploads::decode(attachments).map_err(Error::Unprocessable)?;
    if content.trim().is_empty() && files.is_empty() {
        return Err(Error::Unprocessable("Type a message or attach a file".into()).into());
    }
    let mut content = content;
    if !private
        && !content.trim().is_empty()
        && let Some(signature) = signature(&user)
    {
        content = format!("{}\n\n{signature}", content.trim_end());
    }
    if content.contains("{{") {
        let sources = variable_sources(&ctx, &scope, &user, display_id).await?;
        content = messages::variables::substitute(&content, &sources);
    }
    let params = MessageParams {
        content: Some(content).filter(|c| !c.trim().is_empty()),
        private: Some(private),
        ..Default::default()
    };
    messages::create(&ctx.services, &scope, display_id, &params, files).await?;
    Ok(())
}

/// The account's agents, for the `@` picker of private notes.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn list_mention_agents(account_id: i64) -> Result<Vec<Choice>, DashboardError> {
    use onechat_core::services::agents;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    Ok(agents::list(&ctx.services, &scope)
        .await?
        .into_iter()
        .map(|a| Choice {
            id: a.id,
            name: a.available_name,
        })
        .collect())
}

/// The agent's signature when replies should carry it: set in the profile, and not turned
/// off in the UI settings (`send_with_signature: false`, Chatwoot's key).
#[cfg(feature = "ssr")]
fn signature(user: &onechat_core::store::users::User) -> Option<String> {
    let off = user.ui_settings.0.get("send_with_signature") == Some(&false.into());
    user.message_signature
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty() && !off)
        .map(str::to_owned)
}

/// What the variables of a message on `display_id` can be filled from. Parts the agent may not
/// read (or that are gone) are left empty, so fallbacks apply.
#[cfg(feature = "ssr")]
async fn variable_sources(
    ctx: &crate::context::DashboardContext,
    scope: &onechat_core::services::access::Scope,
    user: &onechat_core::store::users::User,
    display_id: i64,
) -> Result<onechat_core::services::messages::variables::Sources, DashboardError> {
    use onechat_core::services::messages::variables::{Person, Sources};
    use onechat_core::services::{accounts, conversations, inboxes};

    let conversation = conversations::show(&ctx.services, scope, display_id).await?;
    let sender = conversation.meta.sender;
    let inbox = inboxes::show(&ctx.services, scope, conversation.inbox_id)
        .await
        .ok()
        .map(|inbox| (inbox.id, inbox.name));
    let account = accounts::show(&ctx.services, scope)
        .await
        .ok()
        .map(|account| (account.id, account.name));
    Ok(Sources {
        conversation_id: Some(display_id),
        contact: Some(Person {
            id: sender.id,
            name: sender.name,
            email: sender.email,
            phone_number: sender.phone_number,
        }),
        agent: Some(Person {
            id: user.id,
            name: user.available_name().to_owned(),
            email: Some(user.email.clone()),
            phone_number: None,
        }),
        inbox,
        account,
    })
}
