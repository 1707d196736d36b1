//! Server functions of the thread's own actions: deleting a message, snoozing until a chosen
//! time, participants, mute and the transcript. Each is a thin call into
//! `onechat_core::services` under the signed-in user's scope.

use leptos::prelude::*;

use crate::error::DashboardError;

/// Soft-deletes message `message_id` (its text becomes "This message was deleted", its files
/// go). Agents delete their own replies and notes, administrators any reply or note.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn delete_message(
    account_id: i64,
    display_id: i64,
    message_id: i64,
) -> Result<(), DashboardError> {
    use onechat_core::services::messages;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    // The one message, read through the same window the thread uses.
    let (_, around) = messages::list(
        &ctx.services,
        &scope,
        display_id,
        Some(message_id.saturating_add(1)),
        Some(message_id.saturating_sub(1)),
    )
    .await?;
    let message = around
        .iter()
        .find(|m| m.id == message_id)
        .ok_or(DashboardError::NotAuthorized)?;
    if !super::thread_render::may_delete(message, &scope) {
        return Err(DashboardError::NotAuthorized);
    }
    messages::delete(&ctx.services, &scope, display_id, message_id).await?;
    Ok(())
}

/// Snoozes until `until`, a `datetime-local` value in the agent's browser time; `tz_offset` is
/// the browser's `getTimezoneOffset()` in minutes (filled in by script; UTC when empty).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn snooze_until(
    account_id: i64,
    display_id: i64,
    until: String,
    #[server(default)] tz_offset: String,
) -> Result<(), DashboardError> {
    use super::action_fns::invalid;
    use onechat_core::services::conversations;
    use onechat_core::wire::conversation::ToggleStatusParams;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let offset = match tz_offset.trim() {
        "" => 0,
        value => value.parse::<i64>().map_err(|_| invalid("tz_offset"))?,
    };
    let at =
        super::options::local_datetime_to_unix(&until, offset).ok_or_else(|| invalid("until"))?;
    if at <= super::server_fns::unix_now() {
        return Err(DashboardError::Invalid {
            message: "Pick a time in the future".into(),
            fields: vec!["until".into()],
        });
    }
    let params = ToggleStatusParams {
        status: Some("snoozed".into()),
        snoozed_until: Some(at),
    };
    conversations::toggle_status(&ctx.services, &scope, display_id, &params).await?;
    Ok(())
}

/// Makes the participants exactly `user_ids` (form fields `user_ids[N]`; none clears them).
/// Every agent must be able to see the conversation's inbox.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn set_participants(
    account_id: i64,
    display_id: i64,
    #[server(default)] user_ids: Vec<String>,
) -> Result<(), DashboardError> {
    use onechat_core::services::conversations;
    use onechat_core::services::inbox_members::Change;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let ids = user_ids
        .iter()
        .map(|id| id.trim().parse::<i64>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| super::action_fns::invalid("user_ids"))?;
    conversations::set_participants(&ctx.services, &scope, display_id, &ids, Change::Set).await?;
    Ok(())
}

/// Mutes (`mute` = `true`: resolves and blocks the contact) or unmutes the conversation.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn set_muted(account_id: i64, display_id: i64, mute: bool) -> Result<(), DashboardError> {
    use onechat_core::services::conversations;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    if mute {
        conversations::mute(&ctx.services, &scope, display_id).await?;
    } else {
        conversations::unmute(&ctx.services, &scope, display_id).await?;
    }
    Ok(())
}

/// Asks for the transcript to be emailed to `email`. OneChat has no outgoing mail yet, so after
/// checking the request this answers `false` (not sent) and the form says so.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn send_transcript(
    account_id: i64,
    display_id: i64,
    email: String,
) -> Result<bool, DashboardError> {
    use onechat_core::services::conversations;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    // The conversation must be one the agent can open.
    conversations::show(&ctx.services, &scope, display_id).await?;
    let email = email.trim();
    let (local, domain) = email.split_once('@').unwrap_or_default();
    if local.is_empty() || !domain.contains('.') || email.chars().any(char::is_whitespace) {
        return Err(DashboardError::Invalid {
            message: "Enter a valid email address".into(),
            fields: vec!["email".into()],
        });
    }
    Ok(false)
}

/// The thread's messages: the latest page, or with `before` the page before that message and
/// everything after it (so loading earlier pages and live refetches agree). Oldest first,
/// with whether older messages may exist.
#[cfg(feature = "ssr")]
pub(super) async fn load_messages(
    services: &onechat_core::Services,
    scope: &onechat_core::services::access::Scope,
    display_id: i64,
    before: Option<i64>,
) -> Result<(Vec<onechat_core::wire::message::Message>, bool), DashboardError> {
    use onechat_core::services::messages;

    /// Core's page size without `after`.
    const PAGE: usize = 20;
    let Some(before) = before else {
        let (_, latest) = messages::list(services, scope, display_id, None, None).await?;
        let more = latest.len() >= PAGE;
        return Ok((latest, more));
    };
    let (_, mut earlier) = messages::list(services, scope, display_id, Some(before), None).await?;
    let more = earlier.len() >= PAGE;
    // Up to 1000 from `before` on (core's limit with both bounds), newest kept.
    let (_, rest) = messages::list(
        services,
        scope,
        display_id,
        Some(i64::MAX),
        Some(before.saturating_sub(1)),
    )
    .await?;
    earlier.extend(rest);
    Ok((earlier, more))
}
