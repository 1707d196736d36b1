//! The client API (`/public/api/v1/inboxes/{inbox_identifier}/…`): a visitor's own app
//! talks to an API inbox. The inbox identifier and the contact's `source_id` are the bearer
//! secrets; a conversation is reachable only through its own contact inbox, or through any
//! identity-verified contact inbox of the same contact in the same inbox.

mod render;

pub(crate) use render::raw_contact;

use chrono::TimeDelta;
use serde_json::Value;

use crate::db::Conn;
use crate::domain::{ContentType, ConversationStatus, MessageStatus, MessageType};
use crate::events::Event;
use crate::secrets::{constant_time_eq, hmac_sha256_hex, random_token, uuid};
use crate::store::channels::{self, ApiChannel};
use crate::store::contact_inboxes::{self, ContactInbox};
use crate::store::conversations::{self, Conversation};
use crate::store::inboxes::{self, Inbox};
use crate::store::{attachments, contacts, messages};
use crate::wire::public::{
    PublicContact, PublicContactParams, PublicConversation, PublicConversationParams, PublicInbox,
    PublicMessage, RawContact, SubmittedValuesParams,
};
use crate::{Error, Result, Services};

use super::contacts::{Identity, identify};
use super::conversations::{Opening, context, open_for_contact, publish_changes};
use super::messages::post::{self, Draft, SenderRef};
use super::messages::publish_posted;
use super::uploads::{self, Upload};

/// How long a CSAT answer may still be changed.
const CSAT_EDITABLE: TimeDelta = TimeDelta::days(14);

struct Channel {
    inbox: Inbox,
    api: ApiChannel,
}

async fn channel(mut conn: Conn<'_>, identifier: &str) -> Result<Channel> {
    let api = channels::api_by_identifier(conn.reborrow(), identifier)
        .await?
        .ok_or(Error::NotFound)?;
    let inbox = inboxes::find_by_channel(conn, inboxes::API, api.id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(Channel { inbox, api })
}

async fn contact_inbox(
    mut conn: Conn<'_>,
    identifier: &str,
    source_id: &str,
) -> Result<(Channel, ContactInbox)> {
    let channel = channel(conn.reborrow(), identifier).await?;
    let link = contact_inboxes::find_by_source(conn, channel.inbox.id, source_id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok((channel, link))
}

/// The contact inboxes whose conversations `link` may see: itself, plus the other verified
/// links of the same contact in the same inbox when it is verified itself.
pub(crate) async fn visible_links(conn: Conn<'_>, link: &ContactInbox) -> Result<Vec<i64>> {
    if !link.hmac_verified {
        return Ok(vec![link.id]);
    }
    let all = contact_inboxes::of_contacts(conn, &[link.contact_id]).await?;
    Ok(all
        .into_iter()
        .filter(|l| l.inbox_id == link.inbox_id && (l.id == link.id || l.hmac_verified))
        .map(|l| l.id)
        .collect())
}

async fn conversation_for(
    mut conn: Conn<'_>,
    channel: &Channel,
    link: &ContactInbox,
    display_id: i64,
) -> Result<Conversation> {
    let conversation =
        conversations::find_by_display_id(conn.reborrow(), channel.inbox.account_id, display_id)
            .await?
            .ok_or(Error::NotFound)?;
    let visible = visible_links(conn, link).await?;
    if conversation.inbox_id != channel.inbox.id
        || !conversation
            .contact_inbox_id
            .is_some_and(|id| visible.contains(&id))
    {
        return Err(Error::NotFound);
    }
    Ok(conversation)
}

/// Checks `identifier_hash` when one is given or the inbox makes it mandatory.
fn check_hmac(api: &ApiChannel, identifier: Option<&str>, hash: Option<&str>) -> Result<bool> {
    let hash = hash.map(str::trim).filter(|h| !h.is_empty());
    if hash.is_none() && !api.hmac_mandatory {
        return Ok(false);
    }
    let (Some(identifier), Some(hash)) =
        (identifier.map(str::trim).filter(|i| !i.is_empty()), hash)
    else {
        return Err(Error::HmacFailed);
    };
    let expected = hmac_sha256_hex(api.hmac_token.as_bytes(), identifier.as_bytes());
    if constant_time_eq(&expected, &hash.to_ascii_lowercase()) {
        Ok(true)
    } else {
        Err(Error::HmacFailed)
    }
}

/// The inbox's public details.
pub async fn show_inbox(svc: &Services, identifier: &str) -> Result<PublicInbox> {
    let mut handle = svc.db.read().await?;
    let channel = channel(handle.conn(), identifier).await?;
    let hours = inboxes::working_hours(handle.conn(), channel.inbox.id).await?;
    Ok(render::inbox(&channel.inbox, &channel.api, hours))
}

/// Creates a contact in the inbox (reusing one with the same identifier, email or phone).
pub async fn create_contact(
    svc: &Services,
    identifier: &str,
    params: &PublicContactParams,
) -> Result<PublicContact> {
    if params
        .custom_attributes
        .as_ref()
        .is_some_and(|c| !c.is_object())
    {
        return Err(Error::invalid(
            "custom_attributes",
            "Custom attributes must be an object",
        ));
    }
    let mut tx = svc.db.begin().await?;
    let channel = channel(tx.conn(), identifier).await?;
    let verified = check_hmac(
        &channel.api,
        params.identifier.as_deref(),
        params.identifier_hash.as_deref(),
    )?;
    let account_id = channel.inbox.account_id;
    let fresh = contacts::insert(
        tx.conn(),
        account_id,
        &contacts::ContactFields {
            name: String::new(),
            additional_attributes: Value::Object(Default::default()),
            custom_attributes: Value::Object(Default::default()),
            ..Default::default()
        },
    )
    .await?;
    let identity = Identity {
        identifier: params.identifier.clone(),
        email: params.email.clone(),
        phone_number: params.phone_number.clone(),
        name: params.name.clone(),
        custom_attributes: params.custom_attributes.clone(),
        additional_attributes: None,
    };
    let contact = identify(svc, tx.conn(), fresh, &identity).await?;
    let source_id = params
        .source_id
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(uuid);
    if contact_inboxes::find_by_source(tx.conn(), channel.inbox.id, &source_id)
        .await?
        .is_some()
    {
        return Err(Error::invalid("source_id", "Source has already been taken"));
    }
    let link = contact_inboxes::insert(
        tx.conn(),
        contact.id,
        channel.inbox.id,
        &source_id,
        &random_token(24),
        verified,
    )
    .await?;
    tx.commit().await?;
    svc.events.publish(Event {
        account_id,
        name: "contact.created",
        data: serde_json::to_value(super::contacts::render::push(&contact)).unwrap_or_default(),
    });
    Ok(render::contact(&contact, &link))
}

/// The contact behind a source id.
pub async fn show_contact(
    svc: &Services,
    identifier: &str,
    source_id: &str,
) -> Result<PublicContact> {
    let mut handle = svc.db.read().await?;
    let (channel, link) = contact_inbox(handle.conn(), identifier, source_id).await?;
    let contact = contacts::find(handle.conn(), channel.inbox.account_id, link.contact_id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(render::contact(&contact, &link))
}

/// Updates the contact behind a source id; may merge it into an existing contact.
pub async fn update_contact(
    svc: &Services,
    identifier: &str,
    source_id: &str,
    params: &PublicContactParams,
) -> Result<RawContact> {
    let mut tx = svc.db.begin().await?;
    let (channel, link) = contact_inbox(tx.conn(), identifier, source_id).await?;
    let account_id = channel.inbox.account_id;
    let current = contacts::find(tx.conn(), account_id, link.contact_id)
        .await?
        .ok_or(Error::NotFound)?;
    if params.identifier_hash.is_some() || channel.api.hmac_mandatory {
        let claimed = params
            .identifier
            .as_deref()
            .or(current.identifier.as_deref());
        if check_hmac(&channel.api, claimed, params.identifier_hash.as_deref())? {
            contact_inboxes::set_hmac_verified(tx.conn(), link.id).await?;
        }
    }
    // The identifier is fixed once the contact exists (Chatwoot ignores it here).
    let identity = Identity {
        identifier: None,
        email: params.email.clone(),
        phone_number: params.phone_number.clone(),
        name: params.name.clone(),
        custom_attributes: params.custom_attributes.clone(),
        additional_attributes: None,
    };
    let contact = identify(svc, tx.conn(), current, &identity).await?;
    tx.commit().await?;
    svc.events.publish(Event {
        account_id,
        name: "contact.updated",
        data: serde_json::to_value(super::contacts::render::push(&contact)).unwrap_or_default(),
    });
    Ok(render::raw_contact(&contact))
}

/// Starts a conversation (or, with `lock_to_single_conversation`, returns the last one).
pub async fn create_conversation(
    svc: &Services,
    identifier: &str,
    source_id: &str,
    params: &PublicConversationParams,
) -> Result<PublicConversation> {
    let custom = params
        .custom_attributes
        .clone()
        .unwrap_or_else(|| Value::Object(Default::default()));
    if !custom.is_object() {
        return Err(Error::invalid(
            "custom_attributes",
            "Custom attributes must be an object",
        ));
    }
    let mut tx = svc.db.begin().await?;
    let (channel, link) = contact_inbox(tx.conn(), identifier, source_id).await?;
    if channel.inbox.lock_to_single_conversation
        && let Some(existing) = conversations::latest_for_contact_inbox(tx.conn(), link.id).await?
    {
        let json = render::conversation(svc, tx.conn(), &existing).await?;
        tx.commit().await?;
        return Ok(json);
    }
    let opening = Opening {
        custom_attributes: custom,
        ..Opening::default()
    };
    let conversation =
        open_for_contact(tx.conn(), channel.inbox.account_id, &link, &opening).await?;
    let json = render::conversation(svc, tx.conn(), &conversation).await?;
    tx.commit().await?;
    publish_changes(svc, None, &conversation).await?;
    Ok(json)
}

/// The contact's conversations in the inbox (all verified sessions' when verified).
pub async fn list_conversations(
    svc: &Services,
    identifier: &str,
    source_id: &str,
) -> Result<Vec<PublicConversation>> {
    let mut handle = svc.db.read().await?;
    let (_, link) = contact_inbox(handle.conn(), identifier, source_id).await?;
    let links = visible_links(handle.conn(), &link).await?;
    let rows = conversations::of_contact_inboxes(handle.conn(), &links).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        out.push(render::conversation(svc, handle.conn(), row).await?);
    }
    Ok(out)
}

/// One conversation of the contact.
pub async fn show_conversation(
    svc: &Services,
    identifier: &str,
    source_id: &str,
    display_id: i64,
) -> Result<PublicConversation> {
    let mut handle = svc.db.read().await?;
    let (channel, link) = contact_inbox(handle.conn(), identifier, source_id).await?;
    let conversation = conversation_for(handle.conn(), &channel, &link, display_id).await?;
    render::conversation(svc, handle.conn(), &conversation).await
}

/// The contact resolves their conversation (nothing happens when already resolved).
pub async fn resolve(
    svc: &Services,
    identifier: &str,
    source_id: &str,
    display_id: i64,
) -> Result<PublicConversation> {
    let mut tx = svc.db.begin().await?;
    let (channel, link) = contact_inbox(tx.conn(), identifier, source_id).await?;
    let before = conversation_for(tx.conn(), &channel, &link, display_id).await?;
    if before.status == ConversationStatus::Resolved {
        let json = render::conversation(svc, tx.conn(), &before).await?;
        tx.commit().await?;
        return Ok(json);
    }
    let contact = contacts::find(tx.conn(), channel.inbox.account_id, link.contact_id)
        .await?
        .ok_or(Error::NotFound)?;
    let mut working = before.clone();
    working.status = ConversationStatus::Resolved;
    working.snoozed_until = None;
    working.waiting_since = None;
    let saved = conversations::save(tx.conn(), &working).await?;
    let name = capitalize(contact.name.as_deref().unwrap_or_default());
    let ctx = context(tx.conn(), &saved).await?;
    let posted = post::post(
        tx.conn(),
        &saved,
        ctx,
        &Draft::activity(format!("Conversation was resolved by {name}")),
    )
    .await?;
    let survey =
        super::conversations::survey_if_resolved(tx.conn(), &before, &posted.after).await?;
    let last = survey.as_ref().map_or(&posted.after, |s| &s.after);
    let json = render::conversation(svc, tx.conn(), last).await?;
    tx.commit().await?;
    publish_changes(svc, Some(&before), &saved).await?;
    publish_posted(svc, &posted).await?;
    if let Some(survey) = &survey {
        publish_posted(svc, survey).await?;
    }
    Ok(json)
}

/// Ruby's `capitalize`: first letter upper case, the rest lower case.
fn capitalize(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// The contact is typing (`on`) or stopped (`off`).
pub async fn typing(
    svc: &Services,
    identifier: &str,
    source_id: &str,
    display_id: i64,
    status: Option<&str>,
) -> Result<()> {
    let mut handle = svc.db.read().await?;
    let (channel, link) = contact_inbox(handle.conn(), identifier, source_id).await?;
    let conversation = conversation_for(handle.conn(), &channel, &link, display_id).await?;
    super::conversations::typing_event_name(status)?;
    let contact = contacts::find(handle.conn(), channel.inbox.account_id, link.contact_id)
        .await?
        .ok_or(Error::NotFound)?;
    super::conversations::contact_typing(svc, handle.conn(), &conversation, &contact, status).await
}

/// The contact has read the conversation: agents' messages up to now become read.
pub async fn update_last_seen(
    svc: &Services,
    identifier: &str,
    source_id: &str,
    display_id: i64,
) -> Result<()> {
    let mut tx = svc.db.begin().await?;
    let (channel, link) = contact_inbox(tx.conn(), identifier, source_id).await?;
    let before = conversation_for(tx.conn(), &channel, &link, display_id).await?;
    let after = super::conversations::seen_by_contact(tx.conn(), &before).await?;
    tx.commit().await?;
    publish_changes(svc, Some(&before), &after).await
}

/// The conversation's public messages: the 20 latest, or the 20 before `before`.
pub async fn list_messages(
    svc: &Services,
    identifier: &str,
    source_id: &str,
    display_id: i64,
    before: Option<i64>,
) -> Result<Vec<PublicMessage>> {
    let mut handle = svc.db.read().await?;
    let (channel, link) = contact_inbox(handle.conn(), identifier, source_id).await?;
    let conversation = conversation_for(handle.conn(), &channel, &link, display_id).await?;
    let rows = messages::window(
        handle.conn(),
        conversation.id,
        messages::Window {
            before,
            after: None,
            limit: 20,
            public_only: true,
        },
    )
    .await?;
    render::messages(
        svc,
        handle.conn(),
        conversation.account_id,
        display_id,
        &rows,
    )
    .await
}

/// The contact sends a message (with files, when given).
pub async fn create_message(
    svc: &Services,
    identifier: &str,
    source_id: &str,
    display_id: i64,
    content: Option<String>,
    echo_id: Option<String>,
    files: Vec<Upload>,
) -> Result<PublicMessage> {
    let account_id = {
        let mut handle = svc.db.read().await?;
        let (channel, link) = contact_inbox(handle.conn(), identifier, source_id).await?;
        conversation_for(handle.conn(), &channel, &link, display_id).await?;
        channel.inbox.account_id
    };
    let content = content.filter(|c| !c.trim().is_empty());
    if content.is_none() && files.is_empty() {
        return Err(Error::Unprocessable(
            "A message needs content or attachments".into(),
        ));
    }
    let staged = uploads::stage(svc, account_id, files).await?;
    let result = async {
        let mut tx = svc.db.begin().await?;
        let (channel, link) = contact_inbox(tx.conn(), identifier, source_id).await?;
        let conversation = conversation_for(tx.conn(), &channel, &link, display_id).await?;
        let draft = Draft {
            content,
            message_type: MessageType::Incoming,
            content_type: ContentType::Text,
            private: false,
            content_attributes: Value::Object(Default::default()),
            additional_attributes: Value::Object(Default::default()),
            echo_id: echo_id.filter(|e| !e.is_empty()),
            source_id: None,
            sender: SenderRef::Contact(link.contact_id),
            status: MessageStatus::Sent,
        };
        let ctx = context(tx.conn(), &conversation).await?;
        let posted = post::post(tx.conn(), &conversation, ctx, &draft).await?;
        for file in &staged {
            attachments::insert(tx.conn(), account_id, posted.message.id, &file.row).await?;
        }
        let json = render::messages(
            svc,
            tx.conn(),
            account_id,
            display_id,
            std::slice::from_ref(&posted.message),
        )
        .await?;
        tx.commit().await?;
        Ok((posted, json))
    }
    .await;
    match result {
        Ok((posted, mut json)) => {
            publish_posted(svc, &posted).await?;
            json.pop().ok_or(Error::NotFound)
        }
        Err(err) => {
            uploads::discard(&staged).await;
            Err(err)
        }
    }
}

/// The contact answers an interactive message: a select, a form, the email prompt, or the
/// CSAT survey (editable for 14 days).
pub async fn submit_values(
    svc: &Services,
    identifier: &str,
    source_id: &str,
    display_id: i64,
    message_id: i64,
    params: &SubmittedValuesParams,
) -> Result<PublicMessage> {
    let mut tx = svc.db.begin().await?;
    let (channel, link) = contact_inbox(tx.conn(), identifier, source_id).await?;
    let account_id = channel.inbox.account_id;
    let conversation = conversation_for(tx.conn(), &channel, &link, display_id).await?;
    let mut message = messages::find(tx.conn(), conversation.id, message_id)
        .await?
        .ok_or(Error::NotFound)?;
    if message.private || message.message_type == MessageType::Activity {
        return Err(Error::NotFound);
    }
    let submitted = params
        .submitted_values
        .clone()
        .ok_or_else(|| Error::MissingParam("submitted_values".into()))?;
    super::messages::answers::apply(
        svc,
        tx.conn(),
        &conversation,
        link.contact_id,
        &mut message,
        submitted,
        Some(CSAT_EDITABLE),
    )
    .await?;
    let saved = messages::save(tx.conn(), &message).await?;
    let json = render::messages(
        svc,
        tx.conn(),
        account_id,
        display_id,
        std::slice::from_ref(&saved),
    )
    .await?;
    tx.commit().await?;
    let mut handle = svc.db.read().await?;
    let data = super::messages::render::push_one(svc, handle.conn(), &conversation, &saved).await?;
    svc.events.publish(Event {
        account_id,
        name: "message.updated",
        data: serde_json::to_value(data).unwrap_or_default(),
    });
    json.into_iter().next().ok_or(Error::NotFound)
}

#[cfg(test)]
mod tests {
    use super::capitalize;

    #[test]
    fn names_are_capitalized_like_ruby() {
        assert_eq!(capitalize("grace HOPPER"), "Grace hopper");
        assert_eq!(capitalize(""), "");
        assert_eq!(capitalize("élodie"), "Élodie");
    }
}
