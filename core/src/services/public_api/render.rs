//! Rows to the client API's shapes.

use crate::db::Conn;
use crate::domain::{ContactType, StoredEnum as _};
use crate::store::channels::ApiChannel;
use crate::store::contact_inboxes::ContactInbox;
use crate::store::contacts::{self, Contact};
use crate::store::conversations::Conversation;
use crate::store::inboxes::{Inbox, WorkingHour as HourRow};
use crate::store::messages::{self, Message};
use crate::wire::inbox::WorkingHour;
use crate::wire::public::{
    PublicContact, PublicConversation, PublicInbox, PublicMessage, RawContact,
};
use crate::{Error, Result, Services};

use crate::services::messages::render::Extras;

fn iso(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// The inbox's public details.
pub fn inbox(inbox: &Inbox, api: &ApiChannel, hours: Vec<HourRow>) -> PublicInbox {
    PublicInbox {
        identifier: api.identifier.clone(),
        identity_validation_enabled: api.hmac_mandatory,
        name: inbox.name.clone(),
        timezone: inbox.timezone.clone(),
        working_hours: hours.iter().map(WorkingHour::from).collect(),
        working_hours_enabled: inbox.working_hours_enabled,
        csat_survey_enabled: inbox.csat_survey_enabled,
        greeting_enabled: inbox.greeting_enabled,
    }
}

/// A contact with the session of `link`.
pub fn contact(contact: &Contact, link: &ContactInbox) -> PublicContact {
    PublicContact {
        source_id: link.source_id.clone(),
        pubsub_token: link.pubsub_token.clone(),
        id: contact.id,
        name: contact.name.clone().unwrap_or_default(),
        email: contact.email.clone(),
        phone_number: contact.phone_number.clone(),
    }
}

/// The full contact record.
pub fn raw_contact(contact: &Contact) -> RawContact {
    RawContact {
        id: contact.id,
        name: contact.name.clone().unwrap_or_default(),
        email: contact.email.clone(),
        phone_number: contact.phone_number.clone(),
        account_id: contact.account_id,
        created_at: iso(contact.created_at),
        updated_at: iso(contact.updated_at),
        additional_attributes: contact.additional_attributes.0.clone(),
        identifier: contact.identifier.clone(),
        custom_attributes: contact.custom_attributes.0.clone(),
        last_activity_at: contact.last_activity_at.map(iso),
        contact_type: ContactType::from_i16(contact.contact_type)
            .unwrap_or(ContactType::Visitor)
            .as_str()
            .to_owned(),
        blocked: contact.blocked,
    }
}

/// Messages as a contact sees them.
pub async fn messages(
    svc: &Services,
    conn: Conn<'_>,
    account_id: i64,
    display_id: i64,
    rows: &[Message],
) -> Result<Vec<PublicMessage>> {
    let extras = Extras::load(svc, conn, account_id, rows).await?;
    Ok(rows
        .iter()
        .map(|row| {
            let message = crate::services::messages::render::message(row, display_id, &extras);
            PublicMessage {
                id: message.id,
                content: message.content,
                message_type: message.message_type,
                content_type: message.content_type.as_str().to_owned(),
                content_attributes: message.content_attributes,
                created_at: message.created_at,
                conversation_id: display_id,
                attachments: message.attachments,
                sender: message.sender,
            }
        })
        .collect())
}

/// A conversation as its contact sees it, with its public messages.
pub async fn conversation(
    svc: &Services,
    mut conn: Conn<'_>,
    conversation: &Conversation,
) -> Result<PublicConversation> {
    let contact_id = conversation.contact_id.ok_or(Error::NotFound)?;
    let contact = contacts::find(conn.reborrow(), conversation.account_id, contact_id)
        .await?
        .ok_or(Error::NotFound)?;
    let rows = messages::window(
        conn.reborrow(),
        conversation.id,
        messages::Window {
            before: None,
            after: None,
            limit: 20,
            public_only: true,
        },
    )
    .await?;
    let public = messages(
        svc,
        conn,
        conversation.account_id,
        conversation.display_id,
        &rows,
    )
    .await?;
    let secs = |at: Option<chrono::DateTime<chrono::Utc>>| at.map(|t| t.timestamp()).unwrap_or(0);
    Ok(PublicConversation {
        id: conversation.display_id,
        uuid: conversation.uuid.clone(),
        inbox_id: conversation.inbox_id,
        contact_last_seen_at: secs(conversation.contact_last_seen_at),
        status: conversation.status.as_str().to_owned(),
        agent_last_seen_at: secs(conversation.agent_last_seen_at),
        messages: public,
        contact: raw_contact(&contact),
    })
}
