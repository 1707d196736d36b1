//! The visitor's own contact: reading what is known, identifying (`PATCH contact`, the
//! pre-chat form), `setUser` with identity validation, and removing custom attributes.

use serde_json::Value;

use crate::db::Conn;
use crate::events::Event;
use crate::secrets::{constant_time_eq, hmac_sha256_hex};
use crate::store::contact_inboxes;
use crate::store::contacts::{self, Contact, ContactFields};
use crate::wire::public::RawContact;
use crate::wire::widget::{WidgetContact, WidgetContactParams};
use crate::{Error, Result, Services};

use super::session::{self, Channel, Session};
use super::token;
use crate::services::contacts::{Identity, identify};

fn summary(contact: &Contact, with_identifier: bool) -> WidgetContact {
    let known = |v: &Option<String>| v.as_deref().is_some_and(|v| !v.trim().is_empty());
    WidgetContact {
        id: contact.id,
        has_email: known(&contact.email),
        has_name: known(&contact.name),
        has_phone_number: known(&contact.phone_number),
        identifier: if with_identifier {
            contact.identifier.clone()
        } else {
            None
        },
        widget_auth_token: None,
        pubsub_token: None,
    }
}

pub(super) fn publish(svc: &Services, name: &'static str, contact: &Contact) {
    svc.events.publish(Event {
        account_id: contact.account_id,
        name,
        data: serde_json::to_value(crate::services::contacts::render::push(contact))
            .unwrap_or_default(),
    });
}

fn object_or_none(value: &Option<Value>, field: &str) -> Result<()> {
    if value
        .as_ref()
        .is_some_and(|v| !v.is_object() && !v.is_null())
    {
        return Err(Error::invalid(field, format!("{field} must be an object")));
    }
    Ok(())
}

/// What is known about the visitor.
pub async fn show(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
) -> Result<WidgetContact> {
    let mut handle = svc.db.read().await?;
    let session = session::session(svc, handle.conn(), website_token, auth).await?;
    Ok(summary(&session.contact, true))
}

/// The visitor says who they are (merging into a known contact with the same email or phone;
/// attributes are deep-merged; invalid emails and phones are ignored).
pub async fn update(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
    params: &WidgetContactParams,
) -> Result<WidgetContact> {
    object_or_none(&params.custom_attributes, "custom_attributes")?;
    object_or_none(&params.additional_attributes, "additional_attributes")?;
    let mut tx = svc.db.begin().await?;
    let session = session::session(svc, tx.conn(), website_token, auth).await?;
    let contact = identify(
        svc,
        tx.conn(),
        session.contact.clone(),
        &identity(params, false),
    )
    .await?;
    tx.commit().await?;
    publish(svc, "contact.updated", &contact);
    Ok(summary(&contact, false))
}

fn identity(params: &WidgetContactParams, with_identifier: bool) -> Identity {
    Identity {
        identifier: if with_identifier {
            params.identifier.clone()
        } else {
            None
        },
        email: params.email.clone(),
        phone_number: params.phone_number.clone(),
        name: params.name.clone(),
        custom_attributes: params.custom_attributes.clone(),
        additional_attributes: params.additional_attributes.clone(),
    }
}

/// Checks `identifier_hash` when given or when the inbox makes it mandatory: the HMAC-SHA256
/// of the identifier with the inbox's secret, compared in constant time.
fn verified(channel: &Channel, identifier: &str, hash: Option<&str>) -> Result<bool> {
    let hash = hash.map(str::trim).filter(|h| !h.is_empty());
    let Some(hash) = hash else {
        return if channel.widget.hmac_mandatory {
            Err(Error::HmacFailed)
        } else {
            Ok(false)
        };
    };
    let expected = hmac_sha256_hex(channel.widget.hmac_token.as_bytes(), identifier.as_bytes());
    if constant_time_eq(&expected, &hash.to_ascii_lowercase()) {
        Ok(true)
    } else {
        Err(Error::HmacFailed)
    }
}

/// `$OneChat.setUser(identifier, user)`. A visitor already known under another identifier
/// starts a fresh contact and session (a new token is returned); otherwise the session's
/// contact is identified, merging into the contact that has this identifier, so a verified
/// visitor finds their conversations on every device.
pub async fn set_user(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
    params: &WidgetContactParams,
) -> Result<WidgetContact> {
    object_or_none(&params.custom_attributes, "custom_attributes")?;
    object_or_none(&params.additional_attributes, "additional_attributes")?;
    let mut tx = svc.db.begin().await?;
    let mut session = session::session(svc, tx.conn(), website_token, auth).await?;
    let identifier = params
        .identifier
        .as_deref()
        .map(str::trim)
        .filter(|i| !i.is_empty() && i.len() <= 255)
        .ok_or_else(|| Error::MissingParam("identifier".into()))?
        .to_owned();
    let is_verified = verified(
        &session.channel,
        &identifier,
        params.identifier_hash.as_deref(),
    )?;
    let mut fresh_session = false;
    let current_identifier = session.contact.identifier.clone().filter(|i| !i.is_empty());
    if current_identifier.is_some_and(|i| i != identifier) {
        // Someone else on this browser: never merge two identified people.
        let (contact, link) = session::start(tx.conn(), &session.channel).await?;
        session.contact = contact;
        session.link = link;
        fresh_session = true;
    }
    let mut wanted = identity(params, true);
    wanted.identifier = Some(identifier);
    let contact = identify(svc, tx.conn(), session.contact.clone(), &wanted).await?;
    if is_verified {
        contact_inboxes::set_hmac_verified(tx.conn(), session.link.id).await?;
    }
    tx.commit().await?;
    publish(svc, "contact.updated", &contact);
    let mut answer = summary(&contact, false);
    if fresh_session {
        answer.widget_auth_token = Some(token::issue(
            &svc.secret_key,
            &session.link.source_id,
            session.channel.inbox.id,
        ));
        answer.pubsub_token = Some(session.link.pubsub_token.clone());
    }
    Ok(answer)
}

/// Removes custom attributes from the visitor's contact.
pub async fn destroy_custom_attributes(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
    keys: &[String],
) -> Result<RawContact> {
    let mut tx = svc.db.begin().await?;
    let session = session::session(svc, tx.conn(), website_token, auth).await?;
    let mut fields = ContactFields::from(&session.contact);
    if let Some(map) = fields.custom_attributes.as_object_mut() {
        for key in keys {
            map.remove(key);
        }
    }
    let contact = save(tx.conn(), &session, &fields).await?;
    tx.commit().await?;
    publish(svc, "contact.updated", &contact);
    Ok(crate::services::public_api::raw_contact(&contact))
}

async fn save(conn: Conn<'_>, session: &Session, fields: &ContactFields) -> Result<Contact> {
    contacts::update(conn, session.account_id(), session.contact.id, fields)
        .await?
        .ok_or(Error::NotFound)
}

/// A new anonymous session in the inbox of `website_token`, as the `/widget` page and
/// `POST /widget/config` start one for a visitor without a valid token.
pub async fn start_session(svc: &Services, website_token: &str) -> Result<Session> {
    let mut tx = svc.db.begin().await?;
    let channel = session::channel(tx.conn(), website_token).await?;
    let (contact, link) = session::start(tx.conn(), &channel).await?;
    tx.commit().await?;
    publish(svc, "contact.created", &contact);
    Ok(Session {
        channel,
        link,
        contact,
    })
}
