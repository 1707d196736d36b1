//! Server functions of the bell and the list: thin calls into
//! `onechat_core::services::notifications` under the signed-in user's scope.

use leptos::prelude::*;

use super::models::NotificationList;
use crate::error::DashboardError;

/// The first page of the user's notifications in `account_id`.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn list_notifications(account_id: i64) -> Result<NotificationList, DashboardError> {
    use super::models::NotificationRow;
    use onechat_core::services::notifications;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    let page = notifications::list(&ctx.services, &scope, 1).await?;
    Ok(NotificationList {
        unread_count: page.meta.unread_count,
        rows: page
            .payload
            .into_iter()
            .map(|n| NotificationRow {
                id: n.id,
                title: n.push_message_title,
                display_id: n.primary_actor_id,
                read: n.read_at.is_some(),
                created_at: n.created_at,
            })
            .collect(),
        now: unix_now(),
    })
}

/// How many of the user's notifications in `account_id` are unread.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn get_unread_count(account_id: i64) -> Result<i64, DashboardError> {
    use onechat_core::services::notifications;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    Ok(notifications::unread_count(&ctx.services, &scope).await?)
}

/// Marks a notification read and opens its conversation.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn open_notification(
    account_id: i64,
    notification_id: i64,
    display_id: i64,
) -> Result<(), DashboardError> {
    use onechat_core::services::notifications;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    notifications::set_read(&ctx.services, &scope, notification_id, true).await?;
    leptos_axum::redirect(&crate::routes::conversation(account_id, display_id));
    Ok(())
}

/// Marks all the user's notifications in `account_id` read.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn mark_all_notifications_read(account_id: i64) -> Result<(), DashboardError> {
    use onechat_core::services::notifications;
    use onechat_core::wire::notification::ReadAllParams;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    notifications::read_all(&ctx.services, &scope, &ReadAllParams::default()).await?;
    Ok(())
}

/// The server's clock in unix seconds.
#[cfg(feature = "ssr")]
fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}
