//! Server functions only the command bar needs: the open conversation's status, mute and
//! labels (so it offers Resolve or Reopen, Mute or Unmute), and adding one label. Thin
//! calls into `onechat_core::services` under the signed-in user's scope.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::DashboardError;

/// What the command bar knows of the open conversation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandTarget {
    /// `open`, `pending`, `resolved` or `snoozed`.
    pub status: String,
    /// Whether it is muted.
    pub muted: bool,
    /// Its labels.
    pub labels: Vec<String>,
}

/// The status, mute and labels of conversation `display_id`.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn get_command_target(
    account_id: i64,
    display_id: i64,
) -> Result<CommandTarget, DashboardError> {
    use onechat_core::domain::StoredEnum as _;
    use onechat_core::services::conversations;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let conversation = conversations::show(&ctx.services, &scope, display_id).await?;
    Ok(CommandTarget {
        status: conversation.status.as_str().to_owned(),
        muted: conversation.muted,
        labels: conversation.labels,
    })
}

/// Adds the label `label` to conversation `display_id`, keeping the others.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn add_conversation_label(
    account_id: i64,
    display_id: i64,
    label: String,
) -> Result<(), DashboardError> {
    use onechat_core::services::conversations;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let label = label.trim().to_owned();
    if label.is_empty() {
        return Err(DashboardError::Invalid {
            message: "Pick a label".into(),
            fields: vec!["label".into()],
        });
    }
    let mut labels = conversations::labels(&ctx.services, &scope, display_id).await?;
    if !labels.contains(&label) {
        labels.push(label);
        conversations::set_labels(&ctx.services, &scope, display_id, &labels).await?;
    }
    Ok(())
}
