//! Who is calling the widget API: the website token names the inbox, the session token
//! (`X-Auth-Token`) names the visitor's contact inbox in it (interfaces.md §4.2). A token
//! for another inbox, or for a session that no longer exists, is no session at all.

use serde_json::Value;

use crate::db::Conn;
use crate::domain::AccountStatus;
use crate::secrets::{random_token, uuid};
use crate::store::accounts;
use crate::store::channels::{self, WebWidget};
use crate::store::contact_inboxes::{self, ContactInbox};
use crate::store::contacts::{self, Contact, ContactFields};
use crate::store::conversations::{self, Conversation};
use crate::store::inboxes::{self, Inbox};
use crate::{Error, Result, Services};

use super::token;
use crate::services::public_api::visible_links;

/// A website inbox and its widget settings.
#[derive(Debug, Clone)]
pub struct Channel {
    /// The inbox.
    pub inbox: Inbox,
    /// Its widget channel.
    pub widget: WebWidget,
}

impl Channel {
    /// Whether a widget feature (1 attachments, 2 emoji, 4 end conversation) is on.
    pub fn feature(&self, bit: i64) -> bool {
        self.widget.feature_flags & bit != 0
    }
}

/// A visitor's session.
#[derive(Debug, Clone)]
pub struct Session {
    /// Their inbox.
    pub channel: Channel,
    /// Their contact inbox (source id, pubsub token, verification).
    pub link: ContactInbox,
    /// Their contact.
    pub contact: Contact,
}

impl Session {
    /// The account.
    pub fn account_id(&self) -> i64 {
        self.channel.inbox.account_id
    }
}

/// The website inbox of `website_token`; an unknown token, or a suspended account, is
/// `NotFound` / `AccountSuspended`.
pub async fn channel(mut conn: Conn<'_>, website_token: &str) -> Result<Channel> {
    if website_token.is_empty() || website_token.len() > 128 {
        return Err(Error::NotFound);
    }
    let widget = channels::web_widget_by_token(conn.reborrow(), website_token)
        .await?
        .ok_or(Error::NotFound)?;
    let inbox = inboxes::find_by_channel(conn.reborrow(), inboxes::WEB_WIDGET, widget.id)
        .await?
        .ok_or(Error::NotFound)?;
    let account = accounts::find(conn, inbox.account_id)
        .await?
        .ok_or(Error::NotFound)?;
    if account.status == AccountStatus::Suspended {
        return Err(Error::AccountSuspended);
    }
    Ok(Channel { inbox, widget })
}

/// The session of `auth_token` in the inbox of `website_token`: `NotFound` without a valid
/// token for this inbox.
pub async fn session(
    svc: &Services,
    mut conn: Conn<'_>,
    website_token: &str,
    auth_token: Option<&str>,
) -> Result<Session> {
    let channel = channel(conn.reborrow(), website_token).await?;
    let claims = auth_token
        .and_then(|t| token::verify(&svc.secret_key, t))
        .filter(|c| c.inbox_id == channel.inbox.id)
        .ok_or(Error::NotFound)?;
    let link =
        contact_inboxes::find_by_source(conn.reborrow(), channel.inbox.id, &claims.source_id)
            .await?
            .ok_or(Error::NotFound)?;
    let contact = contacts::find(conn, channel.inbox.account_id, link.contact_id)
        .await?
        .ok_or(Error::NotFound)?;
    Ok(Session {
        channel,
        link,
        contact,
    })
}

/// A new anonymous visitor in `channel`: a contact with a friendly generated name and its
/// contact inbox, inside the caller's transaction.
pub async fn start(mut conn: Conn<'_>, channel: &Channel) -> Result<(Contact, ContactInbox)> {
    let contact = contacts::insert(
        conn.reborrow(),
        channel.inbox.account_id,
        &ContactFields {
            name: visitor_name(),
            additional_attributes: Value::Object(Default::default()),
            custom_attributes: Value::Object(Default::default()),
            ..Default::default()
        },
    )
    .await?;
    let link = contact_inboxes::insert(
        conn,
        contact.id,
        channel.inbox.id,
        &uuid(),
        &random_token(24),
        false,
    )
    .await?;
    Ok((contact, link))
}

/// A name agents can tell visitors apart by until they say who they are ("amber-falcon-4821").
fn visitor_name() -> String {
    const FIRST: [&str; 16] = [
        "amber",
        "bold",
        "calm",
        "crimson",
        "gentle",
        "golden",
        "hidden",
        "lively",
        "misty",
        "nimble",
        "quiet",
        "rapid",
        "silent",
        "sunny",
        "swift",
        "wandering",
    ];
    const SECOND: [&str; 16] = [
        "brook", "cloud", "dawn", "falcon", "field", "forest", "harbor", "lake", "meadow", "moon",
        "pine", "river", "sky", "star", "stone", "wind",
    ];
    let token = random_token(6);
    let seed: usize = token.bytes().map(usize::from).sum();
    let number = token
        .bytes()
        .fold(0usize, |acc, b| acc * 31 + usize::from(b))
        % 9000
        + 1000;
    format!(
        "{}-{}-{number}",
        FIRST[seed % FIRST.len()],
        SECOND[(seed / 7) % SECOND.len()]
    )
}

/// The session's conversations, oldest first: its own, or every verified session's of the
/// same contact when verified.
pub async fn conversations(mut conn: Conn<'_>, session: &Session) -> Result<Vec<Conversation>> {
    let links = visible_links(conn.reborrow(), &session.link).await?;
    let mut rows = conversations::of_contact_inboxes(conn, &links).await?;
    rows.retain(|c| c.inbox_id == session.channel.inbox.id);
    rows.sort_by_key(|c| c.id);
    Ok(rows)
}

/// The current conversation: the session's last one.
pub async fn current(conn: Conn<'_>, session: &Session) -> Result<Option<Conversation>> {
    Ok(conversations(conn, session).await?.pop())
}
