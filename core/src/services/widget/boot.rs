//! Starting the chat window: the channel configuration the `/widget` page and
//! `POST /widget/config` hand over, and the visitor's session (a new one when the token is
//! missing, invalid or for another inbox).

use serde_json::{Value, json};

use crate::db::Conn;
use crate::store::{accounts, agent_bots, inboxes};
use crate::wire::inbox::WorkingHour;
use crate::wire::widget::{GlobalConfig, WebChannel, WidgetConfig, WidgetSessionContact};
use crate::{Error, Result, Services};

use super::contact::start_session;
use super::session::{self, Channel, Session};
use super::token;
use crate::services::inboxes::hours;

/// Everything the chat window starts with.
#[derive(Debug, Clone)]
pub struct Boot {
    /// `window.chatwootWebChannel`.
    pub channel: WebChannel,
    /// `window.globalConfig`.
    pub global: GlobalConfig,
    /// The session token (`window.authToken`, the `cw_conversation` cookie).
    pub auth_token: String,
    /// The contact's session.
    pub contact: WidgetSessionContact,
    /// Sites allowed to embed the widget (empty = any).
    pub allowed_domains: Vec<String>,
    /// A new visitor was created for this boot.
    pub new_session: bool,
}

/// Largest attachment a visitor may send, in MB.
pub const MAX_UPLOAD_MB: u64 = 40;

/// Boots the widget of `website_token` for the session of `auth`, or a new one.
pub async fn boot(svc: &Services, website_token: &str, auth: Option<&str>) -> Result<Boot> {
    let existing = {
        let mut handle = svc.db.read().await?;
        match session::session(svc, handle.conn(), website_token, auth).await {
            Ok(session) => Some(session),
            Err(Error::NotFound) => {
                // An unknown website token is a 404; a stale session token starts afresh.
                session::channel(handle.conn(), website_token).await?;
                None
            }
            Err(err) => return Err(err),
        }
    };
    let (session, new_session) = match existing {
        Some(session) => (session, false),
        None => (start_session(svc, website_token).await?, true),
    };
    let mut handle = svc.db.read().await?;
    let channel = web_channel(handle.conn(), &session.channel).await?;
    let auth_token = if new_session {
        token::issue(
            &svc.secret_key,
            &session.link.source_id,
            session.channel.inbox.id,
        )
    } else {
        auth.unwrap_or_default().to_owned()
    };
    Ok(Boot {
        channel,
        global: global_config(),
        auth_token,
        contact: session_contact(&session),
        allowed_domains: session
            .channel
            .widget
            .allowed_domains
            .split([',', ' ', '\n'])
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_owned)
            .collect(),
        new_session,
    })
}

/// `POST /api/v1/widget/config`.
pub async fn config(
    svc: &Services,
    website_token: &str,
    auth: Option<&str>,
) -> Result<WidgetConfig> {
    let boot = boot(svc, website_token, auth).await?;
    let c = &boot.channel;
    Ok(WidgetConfig {
        website_channel_config: json!({
            "allow_messages_after_resolved": c.allow_messages_after_resolved,
            "api_host": "",
            "auth_token": boot.auth_token,
            "avatar_url": c.avatar_url,
            "csat_survey_enabled": c.csat_survey_enabled,
            "disable_branding": c.disable_branding,
            "enabled_features": c.enabled_features,
            "enabled_languages": c.enabled_languages,
            "locale": c.locale,
            "out_of_office_message": c.out_of_office_message,
            "portal": c.portal,
            "pre_chat_form_enabled": c.pre_chat_form_enabled,
            "pre_chat_form_options": c.pre_chat_form_options,
            "reply_time": c.reply_time,
            "timezone": c.timezone,
            "utc_off_set": c.utc_offset,
            "website_name": c.website_name,
            "website_token": c.website_token,
            "welcome_tagline": c.welcome_tagline,
            "welcome_title": c.welcome_title,
            "widget_color": c.widget_color,
            "working_hours": c.working_hours,
            "working_hours_enabled": c.working_hours_enabled,
        }),
        contact: boot.contact,
        global_config: boot.global,
    })
}

pub(super) fn session_contact(session: &Session) -> WidgetSessionContact {
    WidgetSessionContact {
        id: session.contact.id,
        name: session.contact.name.clone(),
        email: session.contact.email.clone(),
        phone_number: session.contact.phone_number.clone(),
        identifier: session.contact.identifier.clone(),
        pubsub_token: session.link.pubsub_token.clone(),
    }
}

fn global_config() -> GlobalConfig {
    GlobalConfig {
        LOGO_THUMBNAIL: "/logo.svg".into(),
        BRAND_NAME: "OneChat".into(),
        WIDGET_BRAND_URL: "https://github.com/onechat".into(),
        DIRECT_UPLOADS_ENABLED: false,
        MAXIMUM_FILE_UPLOAD_SIZE: MAX_UPLOAD_MB,
        INSTALLATION_NAME: "OneChat".into(),
    }
}

const REPLY_TIMES: [&str; 3] = ["in_a_few_minutes", "in_a_few_hours", "in_a_day"];

/// The pre-chat options, with Chatwoot's defaults filled in.
fn pre_chat_options(raw: &Value) -> Value {
    let mut options = if raw.is_object() {
        raw.clone()
    } else {
        json!({})
    };
    if options.get("pre_chat_message").is_none() {
        options["pre_chat_message"] = json!("Share your queries or comments here.");
    }
    if !options.get("pre_chat_fields").is_some_and(Value::is_array) {
        options["pre_chat_fields"] = json!([
            {"field_type": "standard", "label": "Email Id", "name": "emailAddress", "type": "email", "required": true, "enabled": false},
            {"field_type": "standard", "label": "Full name", "name": "fullName", "type": "text", "required": false, "enabled": false},
            {"field_type": "standard", "label": "Phone number", "name": "phoneNumber", "type": "text", "required": false, "enabled": false}
        ]);
    }
    options
}

async fn web_channel(mut conn: Conn<'_>, channel: &Channel) -> Result<WebChannel> {
    let inbox = &channel.inbox;
    let widget = &channel.widget;
    let hours = inboxes::working_hours(conn.reborrow(), inbox.id).await?;
    // The widget's default language is the account's (Chatwoot's fallback for the widget).
    let locale = accounts::find(conn.reborrow(), inbox.account_id)
        .await?
        .map_or_else(|| "en".to_owned(), |account| account.locale);
    let has_bot = agent_bots::for_inbox(conn, inbox.id)
        .await?
        .is_some_and(|(_, active)| active);
    let features = [
        (1, "attachments"),
        (2, "emoji_picker"),
        (4, "end_conversation"),
        (8, "use_inbox_avatar_for_bot"),
    ]
    .into_iter()
    .filter(|(bit, _)| channel.feature(*bit))
    .map(|(_, name)| name.to_owned())
    .collect();
    let now = crate::store::now();
    Ok(WebChannel {
        avatar_url: String::new(),
        has_a_connected_agent_bot: if has_bot {
            "AgentBot".into()
        } else {
            String::new()
        },
        locale,
        website_name: inbox.name.clone(),
        website_token: widget.website_token.clone(),
        welcome_tagline: widget.welcome_tagline.clone().unwrap_or_default(),
        welcome_title: widget.welcome_title.clone().unwrap_or_default(),
        widget_color: widget.widget_color.clone(),
        portal: Value::Null,
        enabled_features: features,
        enabled_languages: json!([
            {"name": "English (en)", "iso_639_1_code": "en"},
            {"name": "Français (fr)", "iso_639_1_code": "fr"},
            {"name": "Español (es)", "iso_639_1_code": "es"}
        ]),
        reply_time: REPLY_TIMES
            .get(usize::try_from(widget.reply_time).unwrap_or(0))
            .copied()
            .unwrap_or(REPLY_TIMES[0])
            .into(),
        pre_chat_form_enabled: widget.pre_chat_form_enabled,
        pre_chat_form_options: pre_chat_options(&widget.pre_chat_form_options.0),
        working_hours_enabled: inbox.working_hours_enabled,
        csat_survey_enabled: inbox.csat_survey_enabled,
        working_hours: hours.iter().map(WorkingHour::from).collect(),
        out_of_office_message: inbox.out_of_office_message.clone().unwrap_or_default(),
        utc_offset: hours::utc_offset(&inbox.timezone, now),
        timezone: inbox.timezone.clone(),
        allow_messages_after_resolved: inbox.allow_messages_after_resolved,
        disable_branding: false,
    })
}
