//! The visitor's conversations: the current one, starting one (the pre-chat form), read
//! state, typing, ending it, its custom attributes and labels, and the transcript.

use serde_json::{Value, json};

use crate::db::Conn;
use crate::domain::{ConversationStatus, StoredEnum as _};
use crate::store::conversations::{self, Conversation};
use crate::store::{contacts, messages};
use crate::wire::widget::{
    WidgetConversation, WidgetConversationCreated, WidgetConversationParams,
};
use crate::{Error, Result, Services};

use super::boot::session_contact;
use super::messages::{Visitor, post_incoming, render};
use super::session::{self, Session};
use crate::services::access::{Actor, Scope};
use crate::services::contacts::{Identity, identify};
use crate::services::conversations::{Opening, open_for_contact, publish_changes};
use crate::services::messages::post::{self, Draft};
use crate::services::messages::publish_posted;

fn secs(at: Option<chrono::DateTime<chrono::Utc>>) -> Option<i64> {
    at.map(|t| t.timestamp())
}

fn summary(conversation: &Conversation) -> WidgetConversation {
    WidgetConversation {
        id: conversation.display_id,
        inbox_id: conversation.inbox_id,
        contact_last_seen_at: secs(conversation.contact_last_seen_at),
        agent_last_seen_at: secs(conversation.agent_last_seen_at),
        status: conversation.status.as_str().to_owned(),
    }
}

/// The visitor acting in their own conversations, for the shared conversation services.
pub(super) fn scope(session: &Session) -> Scope {
    Scope::inboxes(
        session.account_id(),
        Actor::Contact {
            id: session.contact.id,
            name: session.contact.name.clone().unwrap_or_default(),
        },
        vec![session.channel.inbox.id],
    )
}

async fn current_or_404(conn: Conn<'_>, session: &Session) -> Result<Conversation> {
    session::current(conn, session)
        .await?
        .ok_or(Error::NotFound)
}

/// The current conversation, if any.
pub async fn current(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
) -> Result<Option<WidgetConversation>> {
    let mut handle = svc.db.read().await?;
    let session = session::session(svc, handle.conn(), website_token, auth).await?;
    Ok(session::current(handle.conn(), &session)
        .await?
        .as_ref()
        .map(summary))
}

/// The page, browser and language a conversation starts from.
pub(super) fn opening_attributes(visitor: &Visitor, referer: Option<&str>) -> Value {
    json!({
        "browser_language": visitor.language.clone().unwrap_or_default(),
        "browser": visitor.browser(),
        "initiated_at": { "timestamp": crate::store::now().to_rfc2822() },
        "referer": referer.or(visitor.referer.as_deref()).unwrap_or_default(),
    })
}

/// Starts a new conversation (always a new one), identifying the visitor from the pre-chat
/// form and posting their first message.
pub async fn create(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
    params: &WidgetConversationParams,
    visitor: &Visitor,
) -> Result<WidgetConversationCreated> {
    let custom = params.custom_attributes.clone().unwrap_or(json!({}));
    if !custom.is_object() || custom.to_string().len() > 16 * 1024 {
        return Err(Error::invalid(
            "custom_attributes",
            "Custom attributes must be an object",
        ));
    }
    let message = params.message.clone().unwrap_or_default();
    let mut tx = svc.db.begin().await?;
    let mut session = session::session(svc, tx.conn(), website_token, auth).await?;
    if let Some(given) = &params.contact {
        let known = [
            &session.contact.email,
            &session.contact.phone_number,
            &session.contact.identifier,
        ]
        .iter()
        .any(|v| v.as_deref().is_some_and(|v| !v.is_empty()));
        let identity = Identity {
            email: given.email.clone(),
            phone_number: given.phone_number.clone(),
            // Chatwoot names the contact only while nothing else identifies it.
            name: if known { None } else { given.name.clone() },
            ..Identity::default()
        };
        session.contact = identify(svc, tx.conn(), session.contact.clone(), &identity).await?;
    }
    let conversation = open_for_contact(
        tx.conn(),
        session.account_id(),
        &session.link,
        &Opening {
            additional_attributes: opening_attributes(visitor, message.referer_url.as_deref()),
            custom_attributes: custom,
            ..Opening::default()
        },
    )
    .await?;
    let posted = match message.content.as_deref().map(str::trim) {
        Some(text) if !text.is_empty() => {
            post_incoming(
                tx.conn(),
                &session,
                &conversation,
                Some(text.to_owned()),
                message.echo_id.clone(),
            )
            .await?
        }
        _ => Vec::new(),
    };
    let last = posted.last().map_or(&conversation, |p| &p.after).clone();
    let rows = messages::window(
        tx.conn(),
        last.id,
        messages::Window {
            before: None,
            after: None,
            limit: 20,
            public_only: true,
        },
    )
    .await?;
    let rendered = render(svc, tx.conn(), &last, &rows).await?;
    tx.commit().await?;
    publish_changes(svc, None, &conversation).await?;
    for done in &posted {
        publish_posted(svc, done).await?;
    }
    Ok(WidgetConversationCreated {
        id: last.display_id,
        inbox_id: last.inbox_id,
        contact_last_seen_at: secs(last.contact_last_seen_at),
        status: last.status.as_str().to_owned(),
        messages: rendered,
        custom_attributes: last.custom_attributes.0.clone(),
        contact: session_contact(&session),
    })
}

/// The visitor has read the conversation: agents' messages so far become read.
pub async fn update_last_seen(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
) -> Result<()> {
    let mut tx = svc.db.begin().await?;
    let session = session::session(svc, tx.conn(), website_token, auth).await?;
    let Some(before) = session::current(tx.conn(), &session).await? else {
        return Ok(());
    };
    let after = crate::services::conversations::seen_by_contact(tx.conn(), &before).await?;
    tx.commit().await?;
    publish_changes(svc, Some(&before), &after).await
}

/// The visitor started (`on`) or stopped (`off`) typing.
pub async fn typing(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
    status: Option<&str>,
) -> Result<()> {
    let mut handle = svc.db.read().await?;
    let session = session::session(svc, handle.conn(), website_token, auth).await?;
    crate::services::conversations::typing_event_name(status)?;
    let conversation = current_or_404(handle.conn(), &session).await?;
    crate::services::conversations::contact_typing(
        svc,
        handle.conn(),
        &conversation,
        &session.contact,
        status,
    )
    .await
}

/// Ends the current conversation (when the inbox allows visitors to), sending the survey
/// when the inbox asks for one.
pub async fn resolve(svc: &Services, website_token: &str, auth: Option<&str>) -> Result<()> {
    let mut tx = svc.db.begin().await?;
    let session = session::session(svc, tx.conn(), website_token, auth).await?;
    if !session.channel.feature(4) {
        return Err(Error::Forbidden(
            "Ending conversations is turned off for this inbox".into(),
        ));
    }
    let before = current_or_404(tx.conn(), &session).await?;
    if before.status == ConversationStatus::Resolved {
        return Ok(());
    }
    let mut working = before.clone();
    working.status = ConversationStatus::Resolved;
    working.snoozed_until = None;
    working.waiting_since = None;
    let saved = conversations::save(tx.conn(), &working).await?;
    let name = session.contact.name.clone().unwrap_or_default();
    let ctx = crate::services::conversations::context(tx.conn(), &saved).await?;
    let mut posted = vec![
        post::post(
            tx.conn(),
            &saved,
            ctx,
            &Draft::activity(format!("Conversation was resolved by {name}")),
        )
        .await?,
    ];
    let after = posted[0].after.clone();
    if let Some(survey) =
        crate::services::conversations::survey_if_resolved(tx.conn(), &before, &after).await?
    {
        posted.push(survey);
    }
    tx.commit().await?;
    publish_changes(svc, Some(&before), &saved).await?;
    for done in &posted {
        publish_posted(svc, done).await?;
    }
    Ok(())
}

/// Replaces the current conversation's custom attributes.
pub async fn set_custom_attributes(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
    attributes: Option<Value>,
) -> Result<()> {
    let (session, conversation) = session_and_current(svc, website_token, auth).await?;
    crate::services::conversations::set_custom_attributes(
        svc,
        &scope(&session),
        conversation.display_id,
        attributes,
    )
    .await?;
    Ok(())
}

/// Removes custom attributes from the current conversation.
pub async fn destroy_custom_attributes(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
    keys: &[String],
) -> Result<Value> {
    let (session, conversation) = session_and_current(svc, website_token, auth).await?;
    let mut attributes = conversation.custom_attributes.0.clone();
    if let Some(map) = attributes.as_object_mut() {
        for key in keys {
            map.remove(key);
        }
    }
    let after = crate::services::conversations::set_custom_attributes(
        svc,
        &scope(&session),
        conversation.display_id,
        Some(attributes),
    )
    .await?;
    Ok(json!({ "id": conversation.display_id, "custom_attributes": after }))
}

/// Adds (`true`) or removes a label of the account on the current conversation; labels the
/// account does not define are ignored, as in Chatwoot.
pub async fn label(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
    label: &str,
    add: bool,
) -> Result<()> {
    let (session, conversation) = session_and_current(svc, website_token, auth).await?;
    if label.trim().is_empty() {
        return Err(Error::MissingParam("label".into()));
    }
    let defined = {
        let mut handle = svc.db.read().await?;
        crate::store::labels::list(handle.conn(), session.account_id())
            .await?
            .into_iter()
            .any(|l| l.title == label)
    };
    if !defined && add {
        return Ok(());
    }
    let mut labels: Vec<String> = conversation
        .cached_label_list
        .as_deref()
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let present = labels.iter().any(|l| l == label);
    match (add, present) {
        (true, false) => labels.push(label.to_owned()),
        (false, true) => labels.retain(|l| l != label),
        _ => return Ok(()),
    }
    crate::services::conversations::set_labels(
        svc,
        &scope(&session),
        conversation.display_id,
        &labels,
    )
    .await?;
    Ok(())
}

/// Asks for the transcript by email. OneChat has no outgoing mail yet, so this only checks
/// the request (a conversation and an address) and reports whether it could be sent.
pub async fn transcript(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
    email: Option<&str>,
) -> Result<bool> {
    let mut handle = svc.db.read().await?;
    let session = session::session(svc, handle.conn(), website_token, auth).await?;
    current_or_404(handle.conn(), &session).await?;
    let contact = contacts::find(handle.conn(), session.account_id(), session.contact.id)
        .await?
        .ok_or(Error::NotFound)?;
    let address = email.or(contact.email.as_deref()).unwrap_or_default();
    if !address.contains('@') {
        return Err(Error::invalid("email", "Email is invalid"));
    }
    Ok(false)
}

async fn session_and_current(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
) -> Result<(Session, Conversation)> {
    let mut handle = svc.db.read().await?;
    let session = session::session(svc, handle.conn(), website_token, auth).await?;
    let conversation = current_or_404(handle.conn(), &session).await?;
    Ok((session, conversation))
}
