//! Contact rows to contact JSON, many at a time with a fixed number of queries.

use std::collections::HashMap;

use crate::db::Conn;
use crate::store::contacts::Contact as Row;
use crate::store::{contact_inboxes, inboxes};
use crate::wire::contact::{Contact, ContactInbox, ContactPush};
use crate::{Result, Services};

use crate::services::inboxes::slim;

/// Unix seconds of a timestamp.
fn secs(at: chrono::DateTime<chrono::Utc>) -> i64 {
    at.timestamp()
}

/// The contact JSON of one row, without its inboxes.
pub fn contact(svc: &Services, row: &Row) -> Contact {
    Contact {
        additional_attributes: row.additional_attributes.0.clone(),
        availability_status: svc
            .presence
            .contact_status(row.account_id, row.id)
            .to_owned(),
        email: row.email.clone(),
        id: row.id,
        name: row.name.clone().unwrap_or_default(),
        phone_number: row.phone_number.clone(),
        blocked: row.blocked,
        identifier: row.identifier.clone(),
        thumbnail: String::new(),
        custom_attributes: row.custom_attributes.0.clone(),
        last_activity_at: row.last_activity_at.map(secs),
        created_at: secs(row.created_at),
        contact_inboxes: None,
    }
}

/// A stand-in for a conversation whose contact is gone.
pub fn missing() -> Contact {
    Contact {
        additional_attributes: serde_json::json!({}),
        availability_status: "offline".into(),
        email: None,
        id: 0,
        name: String::new(),
        phone_number: None,
        blocked: false,
        identifier: None,
        thumbnail: String::new(),
        custom_attributes: serde_json::json!({}),
        last_activity_at: None,
        created_at: 0,
        contact_inboxes: None,
    }
}

/// The contact inside events and messages.
pub fn push(row: &Row) -> ContactPush {
    ContactPush {
        additional_attributes: row.additional_attributes.0.clone(),
        custom_attributes: row.custom_attributes.0.clone(),
        email: row.email.clone(),
        id: row.id,
        identifier: row.identifier.clone(),
        name: row.name.clone().unwrap_or_default(),
        phone_number: row.phone_number.clone(),
        thumbnail: String::new(),
        blocked: row.blocked,
        kind: "contact".into(),
    }
}

/// Contact JSON with `contact_inboxes` for each row (2 queries whatever the count).
pub async fn with_inboxes(
    svc: &Services,
    mut conn: Conn<'_>,
    account_id: i64,
    rows: &[Row],
) -> Result<Vec<Contact>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let links = contact_inboxes::of_contacts(conn.reborrow(), &ids).await?;
    let mut inbox_ids: Vec<i64> = links.iter().map(|l| l.inbox_id).collect();
    inbox_ids.sort_unstable();
    inbox_ids.dedup();
    let inboxes: HashMap<i64, inboxes::Inbox> = inboxes::find_many(conn, account_id, &inbox_ids)
        .await?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    let mut by_contact: HashMap<i64, Vec<ContactInbox>> = HashMap::new();
    for link in links {
        if let Some(inbox) = inboxes.get(&link.inbox_id) {
            by_contact
                .entry(link.contact_id)
                .or_default()
                .push(ContactInbox {
                    source_id: link.source_id,
                    inbox: slim(inbox),
                });
        }
    }
    Ok(rows
        .iter()
        .map(|row| {
            let mut json = contact(svc, row);
            json.contact_inboxes = Some(by_contact.remove(&row.id).unwrap_or_default());
            json
        })
        .collect())
}
