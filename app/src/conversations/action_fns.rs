//! Server functions behind the thread header's actions and the reply box's helpers: status,
//! assignment, labels, priority, canned responses and the typing indicator. Each is a thin
//! call into `onechat_core::services` under the signed-in user's scope.

use leptos::prelude::*;

use super::options::CannedChoice;
use crate::error::DashboardError;

/// Sets the status: `open`, `pending`, `resolved` or `snoozed`; with `snoozed`, `snooze` is
/// one of [`super::options::SNOOZES`] (computed in UTC).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn set_conversation_status(
    account_id: i64,
    display_id: i64,
    status: String,
    #[server(default)] snooze: String,
) -> Result<(), DashboardError> {
    use onechat_core::services::conversations;
    use onechat_core::wire::conversation::ToggleStatusParams;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let snoozed_until = if status == "snoozed" {
        let now = super::server_fns::unix_now();
        super::options::snooze_until(&snooze, now).ok_or_else(|| invalid("snooze"))?
    } else {
        None
    };
    let params = ToggleStatusParams {
        status: Some(status),
        snoozed_until,
    };
    conversations::toggle_status(&ctx.services, &scope, display_id, &params).await?;
    Ok(())
}

/// Assigns the agent `assignee_id` (empty unassigns).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn assign_conversation(
    account_id: i64,
    display_id: i64,
    #[server(default)] assignee_id: String,
) -> Result<(), DashboardError> {
    use onechat_core::services::conversations::{self, AssignmentParams};

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let params = AssignmentParams {
        assignee_id: Some(optional_id(&assignee_id, "assignee_id")?),
        ..Default::default()
    };
    conversations::assign(&ctx.services, &scope, display_id, &params).await?;
    Ok(())
}

/// Assigns the team `team_id` (empty removes the team).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn assign_team(
    account_id: i64,
    display_id: i64,
    #[server(default)] team_id: String,
) -> Result<(), DashboardError> {
    use onechat_core::services::conversations::{self, AssignmentParams};

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let params = AssignmentParams {
        team_id: Some(optional_id(&team_id, "team_id")?),
        ..Default::default()
    };
    conversations::assign(&ctx.services, &scope, display_id, &params).await?;
    Ok(())
}

/// Replaces the conversation's labels (form fields `labels[N]`; none clears them).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn set_conversation_labels(
    account_id: i64,
    display_id: i64,
    #[server(default)] labels: Vec<String>,
) -> Result<(), DashboardError> {
    use onechat_core::services::conversations;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    conversations::set_labels(&ctx.services, &scope, display_id, &labels).await?;
    Ok(())
}

/// Sets the priority (`none` clears it).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn set_conversation_priority(
    account_id: i64,
    display_id: i64,
    priority: String,
) -> Result<(), DashboardError> {
    use onechat_core::services::conversations;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    conversations::toggle_priority(&ctx.services, &scope, display_id, Some(&priority)).await?;
    Ok(())
}

/// The account's canned responses, for the reply box's `/` picker.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn list_canned_responses(account_id: i64) -> Result<Vec<CannedChoice>, DashboardError> {
    use onechat_core::services::canned_responses;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    Ok(canned_responses::list(&ctx.services, &scope, None)
        .await?
        .into_iter()
        .map(|c| CannedChoice {
            short_code: c.short_code,
            content: c.content,
        })
        .collect())
}

/// Tells the others on the conversation the agent started (`on`) or stopped (`off`) typing.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn set_typing(
    account_id: i64,
    display_id: i64,
    status: String,
    is_private: bool,
) -> Result<(), DashboardError> {
    use onechat_core::services::conversations;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    conversations::toggle_typing(&ctx.services, &scope, display_id, Some(&status), is_private)
        .await?;
    Ok(())
}

/// An optional id from a select: empty is `None`.
#[cfg(feature = "ssr")]
fn optional_id(value: &str, field: &str) -> Result<Option<i64>, DashboardError> {
    match value.trim() {
        "" => Ok(None),
        id => id.parse().map(Some).map_err(|_| invalid(field)),
    }
}

/// A `DashboardError::Invalid` for `field`.
#[cfg(feature = "ssr")]
pub(super) fn invalid(field: &str) -> DashboardError {
    DashboardError::Invalid {
        message: format!("{field} is not valid"),
        fields: vec![field.to_owned()],
    }
}
