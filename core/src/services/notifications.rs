//! An agent's notifications (mentions today; assignments and new messages later): the list
//! with its unread count, marking read and unread, and the `notification.*` pushes that keep
//! the bell live. Every call is limited to the caller's own notifications in the account.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::db::Conn;
use crate::events::Event;
use crate::store::conversations::{self, Conversation};
use crate::store::notifications::{self, Notification as Row};
use crate::wire::notification::{Notification, NotificationMeta, NotificationPage, ReadAllParams};
use crate::{Error, Result, Services};

use super::access::Scope;
use super::conversations::render::render_many;

/// Notifications per page (Chatwoot's).
pub const PER_PAGE: i64 = 15;

const TYPES: [&str; 8] = [
    "conversation_creation",
    "conversation_assignment",
    "assigned_conversation_new_message",
    "conversation_mention",
    "participating_conversation_new_message",
    "sla_missed_first_response",
    "sla_missed_next_response",
    "sla_missed_resolution",
];

fn type_name(code: i16) -> &'static str {
    usize::try_from(code - 1)
        .ok()
        .and_then(|i| TYPES.get(i))
        .copied()
        .unwrap_or("conversation_creation")
}

fn user_of(scope: &Scope) -> Result<i64> {
    scope.user_id().ok_or(Error::BotNotAllowed)
}

/// Renders notifications with their conversations, loaded and rendered together.
async fn render(
    svc: &Services,
    mut conn: Conn<'_>,
    scope: &Scope,
    rows: &[Row],
) -> Result<Vec<Notification>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.primary_actor_id).collect();
    let found: Vec<Conversation> =
        conversations::find_many(conn.reborrow(), scope.account_id, &ids).await?;
    let viewer = scope.user_id();
    let rendered = render_many(svc, conn, &found, viewer).await?;
    let by_id: HashMap<i64, (i64, Value)> = found
        .iter()
        .zip(rendered)
        .map(|(row, json)| {
            (
                row.id,
                (
                    row.display_id,
                    serde_json::to_value(json).unwrap_or_default(),
                ),
            )
        })
        .collect();
    Ok(rows
        .iter()
        .map(|row| {
            let (display_id, conversation) = by_id
                .get(&row.primary_actor_id)
                .cloned()
                .unwrap_or((0, Value::Null));
            let kind = type_name(row.notification_type);
            let title = match kind {
                "conversation_mention" => {
                    format!("You have been mentioned in conversation #{display_id}")
                }
                "conversation_assignment" => {
                    format!("Conversation #{display_id} has been assigned to you")
                }
                _ => format!("Conversation #{display_id} has a new update"),
            };
            Notification {
                id: row.id,
                notification_type: kind.to_owned(),
                push_message_title: title.clone(),
                push_message_body: title,
                primary_actor_type: row.primary_actor_type.clone(),
                primary_actor_id: display_id,
                primary_actor: conversation,
                read_at: row.read_at.map(|t| t.timestamp()),
                secondary_actor: json!({
                    "type": row.secondary_actor_type,
                    "id": row.secondary_actor_id,
                }),
                user: json!({ "id": row.user_id }),
                created_at: row.created_at.timestamp(),
                last_activity_at: row.last_activity_at.timestamp(),
                snoozed_until: row.snoozed_until.map(|t| t.timestamp()),
                meta: json!({}),
            }
        })
        .collect())
}

/// A page (from 1) of the caller's notifications, with the counts.
pub async fn list(svc: &Services, scope: &Scope, page: i64) -> Result<NotificationPage> {
    let user_id = user_of(scope)?;
    let page = page.max(1);
    let mut handle = svc.db.read().await?;
    let (unread_count, count) =
        notifications::counts(handle.conn(), scope.account_id, user_id).await?;
    let rows = notifications::page(
        handle.conn(),
        scope.account_id,
        user_id,
        (page - 1) * PER_PAGE,
        PER_PAGE,
    )
    .await?;
    let payload = render(svc, handle.conn(), scope, &rows).await?;
    Ok(NotificationPage {
        meta: NotificationMeta {
            unread_count,
            count,
            current_page: page,
        },
        payload,
    })
}

/// How many of the caller's notifications are unread.
pub async fn unread_count(svc: &Services, scope: &Scope) -> Result<i64> {
    let user_id = user_of(scope)?;
    let mut handle = svc.db.read().await?;
    Ok(
        notifications::counts(handle.conn(), scope.account_id, user_id)
            .await?
            .0,
    )
}

/// Marks one of the caller's notifications read or unread.
pub async fn set_read(svc: &Services, scope: &Scope, id: i64, read: bool) -> Result<Notification> {
    let user_id = user_of(scope)?;
    let mut tx = svc.db.begin().await?;
    notifications::find(tx.conn(), scope.account_id, user_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    notifications::set_read(tx.conn(), id, read.then(crate::store::now)).await?;
    let row = notifications::find(tx.conn(), scope.account_id, user_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    publish(svc, scope.account_id, user_id, "notification.updated", &row).await
}

/// Marks the caller's notifications read: all, or those about one conversation.
pub async fn read_all(svc: &Services, scope: &Scope, params: &ReadAllParams) -> Result<()> {
    let user_id = user_of(scope)?;
    let mut tx = svc.db.begin().await?;
    let conversation_id = match params.primary_actor_id {
        Some(display_id) => Some(
            conversations::find_by_display_id(tx.conn(), scope.account_id, display_id)
                .await?
                .ok_or(Error::NotFound)?
                .id,
        ),
        None => None,
    };
    notifications::read_all(tx.conn(), scope.account_id, user_id, conversation_id).await?;
    tx.commit().await
}

/// Deletes one of the caller's notifications.
pub async fn delete(svc: &Services, scope: &Scope, id: i64) -> Result<()> {
    let user_id = user_of(scope)?;
    let mut tx = svc.db.begin().await?;
    let row = notifications::find(tx.conn(), scope.account_id, user_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    notifications::delete(tx.conn(), id).await?;
    tx.commit().await?;
    let (unread_count, count) = {
        let mut handle = svc.db.read().await?;
        notifications::counts(handle.conn(), scope.account_id, user_id).await?
    };
    svc.events.publish(Event {
        account_id: scope.account_id,
        name: "notification.deleted",
        data: json!({ "notification": { "id": row.id }, "unread_count": unread_count, "count": count, "user_id": user_id }),
    });
    Ok(())
}

/// Pushes `notification.created` for `user_id`'s notification about `conversation_id`
/// (after commit), so their bell updates live.
pub async fn publish_created(
    svc: &Services,
    account_id: i64,
    user_id: i64,
    conversation_id: i64,
) -> Result<()> {
    let row = {
        let mut handle = svc.db.read().await?;
        notifications::for_conversation(handle.conn(), account_id, user_id, conversation_id).await?
    };
    match row {
        Some(row) => publish(svc, account_id, user_id, "notification.created", &row)
            .await
            .map(|_| ()),
        None => Ok(()),
    }
}

async fn publish(
    svc: &Services,
    account_id: i64,
    user_id: i64,
    name: &'static str,
    row: &Row,
) -> Result<Notification> {
    let scope = Scope::whole_account(account_id, super::access::Actor::System);
    let mut handle = svc.db.read().await?;
    let (unread_count, count) = notifications::counts(handle.conn(), account_id, user_id).await?;
    let notification = render(svc, handle.conn(), &scope, std::slice::from_ref(row))
        .await?
        .pop()
        .ok_or(Error::NotFound)?;
    svc.events.publish(Event {
        account_id,
        name,
        data: json!({
            "notification": notification,
            "unread_count": unread_count,
            "count": count,
            "user_id": user_id,
        }),
    });
    Ok(notification)
}
