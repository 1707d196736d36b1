//! Inbox rows to Inbox JSON, several at a time with a fixed number of queries.

use std::collections::HashMap;

use crate::db::Conn;
use crate::store::channels;
use crate::store::inboxes::{self, API, WEB_WIDGET};
use crate::wire::inbox::{Inbox, InboxSlim, WorkingHour};
use crate::{Result, Services};

use super::settings::{feature_flag_names, reply_time_name, sender_name_type_name};

/// Renders inboxes (3 queries whatever their number). `admin` adds the HMAC tokens.
pub async fn render_many(
    svc: &Services,
    mut conn: Conn<'_>,
    rows: Vec<inboxes::Inbox>,
    admin: bool,
) -> Result<Vec<Inbox>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let widget_ids: Vec<i64> = rows
        .iter()
        .filter(|r| r.channel_type == WEB_WIDGET)
        .map(|r| r.channel_id)
        .collect();
    let api_ids: Vec<i64> = rows
        .iter()
        .filter(|r| r.channel_type == API)
        .map(|r| r.channel_id)
        .collect();
    let widgets: HashMap<i64, channels::WebWidget> =
        channels::web_widgets_by_ids(conn.reborrow(), &widget_ids)
            .await?
            .into_iter()
            .map(|w| (w.id, w))
            .collect();
    let apis: HashMap<i64, channels::ApiChannel> = channels::apis_by_ids(conn.reborrow(), &api_ids)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let mut hours: HashMap<i64, Vec<WorkingHour>> = HashMap::new();
    for day in inboxes::working_hours_of(conn, &ids).await? {
        hours
            .entry(day.inbox_id)
            .or_default()
            .push(working_hour(day.hour));
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let mut inbox = common(&row, hours.remove(&row.id).unwrap_or_default());
            if let Some(widget) = widgets
                .get(&row.channel_id)
                .filter(|_| row.channel_type == WEB_WIDGET)
            {
                add_widget(svc, &mut inbox, widget, admin);
            }
            if let Some(api) = apis
                .get(&row.channel_id)
                .filter(|_| row.channel_type == API)
            {
                add_api(&mut inbox, api, admin);
            }
            inbox
        })
        .collect())
}

/// The short form inside contact JSON.
pub fn slim(row: &inboxes::Inbox) -> InboxSlim {
    InboxSlim {
        id: row.id,
        avatar_url: String::new(),
        channel_id: row.channel_id,
        name: row.name.clone(),
        channel_type: row.channel_type.clone(),
        provider: None,
    }
}

fn working_hour(row: inboxes::WorkingHour) -> WorkingHour {
    WorkingHour::from(&row)
}

fn common(row: &inboxes::Inbox, working_hours: Vec<WorkingHour>) -> Inbox {
    Inbox {
        id: row.id,
        avatar_url: String::new(),
        channel_id: row.channel_id,
        name: row.name.clone(),
        channel_type: row.channel_type.clone(),
        greeting_enabled: row.greeting_enabled,
        greeting_message: row.greeting_message.clone(),
        working_hours_enabled: row.working_hours_enabled,
        enable_email_collect: row.enable_email_collect,
        csat_survey_enabled: row.csat_survey_enabled,
        csat_config: row.csat_config.0.clone(),
        enable_auto_assignment: row.enable_auto_assignment,
        auto_assignment_config: row.auto_assignment_config.0.clone(),
        out_of_office_message: row.out_of_office_message.clone(),
        working_hours,
        timezone: row.timezone.clone(),
        callback_webhook_url: None,
        allow_messages_after_resolved: row.allow_messages_after_resolved,
        lock_to_single_conversation: row.lock_to_single_conversation,
        sender_name_type: sender_name_type_name(row.sender_name_type).to_owned(),
        business_name: row.business_name.clone(),
        allowed_domains: None,
        widget_color: None,
        website_url: None,
        hmac_mandatory: None,
        welcome_title: None,
        welcome_tagline: None,
        web_widget_script: None,
        website_token: None,
        selected_feature_flags: None,
        reply_time: None,
        hmac_token: None,
        pre_chat_form_enabled: None,
        pre_chat_form_options: None,
        continuity_via_email: None,
        webhook_url: None,
        inbox_identifier: None,
        additional_attributes: None,
    }
}

fn add_widget(svc: &Services, inbox: &mut Inbox, widget: &channels::WebWidget, admin: bool) {
    inbox.allowed_domains = Some(widget.allowed_domains.clone());
    inbox.widget_color = Some(widget.widget_color.clone());
    inbox.website_url = Some(widget.website_url.clone().unwrap_or_default());
    inbox.hmac_mandatory = Some(widget.hmac_mandatory);
    inbox.welcome_title = Some(widget.welcome_title.clone().unwrap_or_default());
    inbox.welcome_tagline = Some(widget.welcome_tagline.clone().unwrap_or_default());
    inbox.web_widget_script = Some(widget_script(&svc.public_url, &widget.website_token));
    inbox.website_token = Some(widget.website_token.clone());
    inbox.selected_feature_flags = Some(feature_flag_names(widget.feature_flags));
    inbox.reply_time = Some(reply_time_name(widget.reply_time).to_owned());
    inbox.hmac_token = admin.then(|| widget.hmac_token.clone());
    inbox.pre_chat_form_enabled = Some(widget.pre_chat_form_enabled);
    inbox.pre_chat_form_options = Some(widget.pre_chat_form_options.0.clone());
    inbox.continuity_via_email = Some(widget.continuity_via_email);
}

fn add_api(inbox: &mut Inbox, api: &channels::ApiChannel, admin: bool) {
    inbox.hmac_mandatory = Some(api.hmac_mandatory);
    inbox.hmac_token = admin.then(|| api.hmac_token.clone());
    inbox.webhook_url = Some(api.webhook_url.clone().unwrap_or_default());
    inbox.inbox_identifier = Some(api.identifier.clone());
    inbox.additional_attributes = Some(api.additional_attributes.0.clone());
}

/// The snippet a site owner pastes before `</body>`. Chatwoot's snippet with OneChat's
/// names (`window.chatwootSDK.run` works too).
pub fn widget_script(base_url: &str, website_token: &str) -> String {
    format!(
        "<script>\n  (function(d,t) {{\n    var BASE_URL=\"{base_url}\";\n    var g=d.createElement(t),s=d.getElementsByTagName(t)[0];\n    g.src=BASE_URL+\"/packs/js/sdk.js\";\n    g.defer = true;\n    g.async = true;\n    s.parentNode.insertBefore(g,s);\n    g.onload=function(){{\n      window.OneChatSDK.run({{\n        websiteToken: '{website_token}',\n        baseUrl: BASE_URL\n      }})\n    }}\n  }})(document,\"script\");\n</script>\n"
    )
}
