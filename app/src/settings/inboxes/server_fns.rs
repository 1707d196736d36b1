//! Server functions of Settings → Inboxes: thin calls into `onechat_core::services::inboxes`
//! and `inbox_members` under the signed-in user's scope. Administrators only: every function
//! checks the role first, so an agent gets "not authorized" rather than a partial page.

use leptos::prelude::*;

use super::models::{
    DayForm, InboxRow, InboxSettings, PreChatFieldForm, SettingsForm, WebsiteForm, WidgetForm,
};
use crate::error::DashboardError;

/// The account's inboxes, for the list.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn list_inboxes(account_id: i64) -> Result<Vec<InboxRow>, DashboardError> {
    use onechat_core::services::inboxes;

    let (ctx, scope) = admin(account_id).await?;
    let list = inboxes::list(&ctx.services, &scope).await?;
    Ok(list
        .into_iter()
        .map(|inbox| InboxRow {
            id: inbox.id,
            detail: inbox
                .website_url
                .clone()
                .or(inbox.webhook_url.clone())
                .unwrap_or_default(),
            name: inbox.name,
            channel_type: inbox.channel_type,
        })
        .collect())
}

/// Deletes an inbox with its conversations.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn delete_inbox(account_id: i64, inbox_id: i64) -> Result<(), DashboardError> {
    use onechat_core::services::inboxes;

    let (ctx, scope) = admin(account_id).await?;
    inboxes::delete(&ctx.services, &scope, inbox_id).await?;
    Ok(())
}

/// Creates a website inbox, then goes on to the "add agents" step.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn create_website_inbox(
    account_id: i64,
    form: WebsiteForm,
) -> Result<i64, DashboardError> {
    use onechat_core::wire::inbox::{ChannelParams, InboxParams};

    if form.website_url.trim().is_empty() {
        return Err(invalid("website_url", "Website domain can't be blank"));
    }
    let params = InboxParams {
        name: Some(form.name),
        channel: Some(ChannelParams {
            kind: Some("web_widget".into()),
            website_url: Some(form.website_url.trim().to_owned()),
            widget_color: Some(form.widget_color),
            welcome_title: Some(form.welcome_title),
            welcome_tagline: Some(form.welcome_tagline),
            reply_time: Some(form.reply_time).filter(|r| !r.is_empty()),
            ..Default::default()
        }),
        ..Default::default()
    };
    create(account_id, params).await
}

/// Creates an API inbox (name and callback URL), then goes on to "add agents".
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn create_api_inbox(
    account_id: i64,
    name: String,
    #[server(default)] webhook_url: String,
) -> Result<i64, DashboardError> {
    use onechat_core::wire::inbox::{ChannelParams, InboxParams};

    let params = InboxParams {
        name: Some(name),
        channel: Some(ChannelParams {
            kind: Some("api".into()),
            webhook_url: Some(webhook_url.trim().to_owned()),
            ..Default::default()
        }),
        ..Default::default()
    };
    create(account_id, params).await
}

/// One inbox with its collaborators, the account's agents and custom attributes.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn get_inbox_settings(
    account_id: i64,
    inbox_id: i64,
) -> Result<InboxSettings, DashboardError> {
    use super::models::{AgentChoice, AttributeChoice};
    use onechat_core::domain::StoredEnum as _;
    use onechat_core::services::{agents, custom_attribute_definitions, inbox_members, inboxes};

    let (ctx, scope) = admin(account_id).await?;
    let svc = &ctx.services;
    let inbox = inboxes::show(svc, &scope, inbox_id).await?;
    let member_ids = inbox_members::list(svc, &scope, inbox_id)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let agents = agents::list(svc, &scope)
        .await?
        .into_iter()
        .map(|a| AgentChoice {
            id: a.id,
            name: a.available_name,
            email: a.email,
        })
        .collect();
    let attributes = custom_attribute_definitions::list(svc, &scope, None)
        .await?
        .into_iter()
        .map(|d| AttributeChoice {
            field_type: d.attribute_model.as_str().to_owned(),
            key: d.attribute_key,
            name: d.attribute_display_name,
        })
        .collect();
    Ok(InboxSettings {
        inbox,
        member_ids,
        agents,
        attributes,
    })
}

/// Makes the inbox's collaborators exactly `user_ids`. From the "Add inbox" wizard
/// (`wizard`), goes on to the finish page.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn set_inbox_agents(
    account_id: i64,
    inbox_id: i64,
    #[server(default)] user_ids: Vec<i64>,
    #[server(default)] wizard: bool,
) -> Result<Vec<i64>, DashboardError> {
    use onechat_core::services::inbox_members::{self, Change};

    let (ctx, scope) = admin(account_id).await?;
    let members =
        inbox_members::change(&ctx.services, &scope, inbox_id, &user_ids, Change::Set).await?;
    if wizard {
        leptos_axum::redirect(&super::paths::finish(account_id, inbox_id));
    }
    Ok(members.into_iter().map(|a| a.id).collect())
}

/// The Settings tab: name, greeting, email collect, CSAT, single conversation, allowed
/// domains and reply time (the last two for website inboxes).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn update_inbox_settings(
    account_id: i64,
    inbox_id: i64,
    form: SettingsForm,
) -> Result<(), DashboardError> {
    use onechat_core::wire::inbox::{ChannelParams, InboxParams};

    let widget = form.allowed_domains.is_some() || form.reply_time.is_some();
    save(
        account_id,
        inbox_id,
        InboxParams {
            name: Some(form.name),
            greeting_enabled: Some(form.greeting_enabled),
            greeting_message: Some(form.greeting_message.trim().to_owned()),
            enable_email_collect: Some(form.enable_email_collect),
            csat_survey_enabled: Some(form.csat_survey_enabled),
            lock_to_single_conversation: Some(form.lock_to_single_conversation),
            channel: widget.then(|| ChannelParams {
                allowed_domains: form.allowed_domains.map(|d| d.trim().to_owned()),
                reply_time: form.reply_time,
                ..Default::default()
            }),
            ..Default::default()
        },
    )
    .await
}

/// The widget builder: colour, welcome heading and tagline, reply time.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn update_widget(
    account_id: i64,
    inbox_id: i64,
    form: WidgetForm,
) -> Result<(), DashboardError> {
    use onechat_core::wire::inbox::{ChannelParams, InboxParams};

    save(
        account_id,
        inbox_id,
        InboxParams {
            channel: Some(ChannelParams {
                widget_color: Some(form.widget_color.trim().to_owned()),
                welcome_title: Some(form.welcome_title.trim().to_owned()),
                welcome_tagline: Some(form.welcome_tagline.trim().to_owned()),
                reply_time: Some(form.reply_time),
                ..Default::default()
            }),
            ..Default::default()
        },
    )
    .await
}

/// Turns round-robin assignment of new conversations on or off.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn set_auto_assignment(
    account_id: i64,
    inbox_id: i64,
    #[server(default)] enable_auto_assignment: bool,
) -> Result<(), DashboardError> {
    use onechat_core::wire::inbox::InboxParams;

    save(
        account_id,
        inbox_id,
        InboxParams {
            enable_auto_assignment: Some(enable_auto_assignment),
            ..Default::default()
        },
    )
    .await
}

/// The Business hours tab: on/off, time zone, out-of-office message and the seven days.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn update_business_hours(
    account_id: i64,
    inbox_id: i64,
    #[server(default)] working_hours_enabled: bool,
    timezone: String,
    #[server(default)] out_of_office_message: String,
    #[server(default)] days: Vec<DayForm>,
) -> Result<(), DashboardError> {
    use onechat_core::wire::inbox::InboxParams;

    let working_hours = days.iter().map(working_hour).collect::<Result<_, _>>()?;
    save(
        account_id,
        inbox_id,
        InboxParams {
            working_hours_enabled: Some(working_hours_enabled),
            timezone: Some(timezone),
            out_of_office_message: Some(out_of_office_message.trim().to_owned()),
            working_hours: Some(working_hours),
            ..Default::default()
        },
    )
    .await
}

/// The Pre-chat form tab: on/off, the message and every field's choices, in order.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn update_pre_chat_form(
    account_id: i64,
    inbox_id: i64,
    #[server(default)] pre_chat_form_enabled: bool,
    #[server(default)] pre_chat_message: String,
    #[server(default)] fields: Vec<PreChatFieldForm>,
) -> Result<(), DashboardError> {
    use onechat_core::services::custom_attribute_definitions;
    use onechat_core::services::inboxes::{self, pre_chat};
    use onechat_core::wire::inbox::{ChannelParams, InboxParams};

    let (ctx, scope) = admin(account_id).await?;
    let definitions = custom_attribute_definitions::list(&ctx.services, &scope, None).await?;
    let choices: Vec<pre_chat::FieldChoice> = fields
        .into_iter()
        .map(|f| pre_chat::FieldChoice {
            field_type: f.field_type,
            name: f.name,
            enabled: f.enabled,
            required: f.required,
            label: f.label,
            placeholder: f.placeholder,
        })
        .collect();
    let options = pre_chat::options(&pre_chat_message, &choices, &definitions)?;
    let params = InboxParams {
        channel: Some(ChannelParams {
            pre_chat_form_enabled: Some(pre_chat_form_enabled),
            pre_chat_form_options: Some(options),
            ..Default::default()
        }),
        ..Default::default()
    };
    inboxes::update(&ctx.services, &scope, inbox_id, &params).await?;
    Ok(())
}

/// The identity-validation switch ("make it mandatory").
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn set_identity_enforced(
    account_id: i64,
    inbox_id: i64,
    #[server(default)] hmac_mandatory: bool,
) -> Result<(), DashboardError> {
    use onechat_core::wire::inbox::{ChannelParams, InboxParams};

    save(
        account_id,
        inbox_id,
        InboxParams {
            channel: Some(ChannelParams {
                hmac_mandatory: Some(hmac_mandatory),
                ..Default::default()
            }),
            ..Default::default()
        },
    )
    .await
}

/// An API inbox's callback URL ("" removes it).
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn update_callback_url(
    account_id: i64,
    inbox_id: i64,
    #[server(default)] webhook_url: String,
) -> Result<(), DashboardError> {
    use onechat_core::wire::inbox::{ChannelParams, InboxParams};

    save(
        account_id,
        inbox_id,
        InboxParams {
            channel: Some(ChannelParams {
                webhook_url: Some(webhook_url.trim().to_owned()),
                ..Default::default()
            }),
            ..Default::default()
        },
    )
    .await
}

/// Every IANA time zone, for the business-hours picker.
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn list_time_zones() -> Result<Vec<String>, DashboardError> {
    use onechat_core::services::inboxes::hours;

    let ctx = crate::context::dashboard()?;
    crate::context::require_user(&ctx).await?;
    Ok(hours::zone_names().into_iter().map(str::to_owned).collect())
}

/// The dashboard context and the caller's scope, refused unless they administer the account.
#[cfg(feature = "ssr")]
async fn admin(
    account_id: i64,
) -> Result<
    (
        crate::context::DashboardContext,
        onechat_core::services::access::Scope,
    ),
    DashboardError,
> {
    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    scope.require_admin()?;
    Ok((ctx, scope))
}

#[cfg(feature = "ssr")]
async fn create(
    account_id: i64,
    params: onechat_core::wire::inbox::InboxParams,
) -> Result<i64, DashboardError> {
    use onechat_core::services::inboxes;

    let (ctx, scope) = admin(account_id).await?;
    let inbox = inboxes::create(&ctx.services, &scope, &params).await?;
    leptos_axum::redirect(&super::paths::agents(account_id, inbox.id));
    Ok(inbox.id)
}

#[cfg(feature = "ssr")]
async fn save(
    account_id: i64,
    inbox_id: i64,
    params: onechat_core::wire::inbox::InboxParams,
) -> Result<(), DashboardError> {
    use onechat_core::services::inboxes;

    let (ctx, scope) = admin(account_id).await?;
    inboxes::update(&ctx.services, &scope, inbox_id, &params).await?;
    Ok(())
}

/// A form field the server refused before reaching core, with a 422 like core's errors.
#[cfg(feature = "ssr")]
fn invalid(field: &str, message: &str) -> DashboardError {
    onechat_core::Error::invalid(field, message).into()
}

#[cfg(feature = "ssr")]
fn working_hour(day: &DayForm) -> Result<onechat_core::wire::inbox::WorkingHour, DashboardError> {
    use super::models::parse_time;

    const DAYS: [&str; 7] = [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ];
    let name = usize::try_from(day.day_of_week)
        .ok()
        .and_then(|d| DAYS.get(d))
        .unwrap_or(&"A day");
    let (open, close) = match day.mode.as_str() {
        "open" => {
            let open = parse_time(&day.open).ok_or_else(|| {
                invalid("working_hours", &format!("{name}: opening time is invalid"))
            })?;
            let close = parse_time(&day.close).ok_or_else(|| {
                invalid("working_hours", &format!("{name}: closing time is invalid"))
            })?;
            (Some(open), Some(close))
        }
        "all_day" | "closed" => (None, None),
        _ => {
            return Err(invalid(
                "working_hours",
                &format!("{name}: choose open, all day or closed"),
            ));
        }
    };
    Ok(onechat_core::wire::inbox::WorkingHour {
        day_of_week: day.day_of_week,
        closed_all_day: day.mode == "closed",
        open_all_day: day.mode == "all_day",
        open_hour: open.map(|t| t.0),
        open_minutes: open.map(|t| t.1),
        close_hour: close.map(|t| t.0),
        close_minutes: close.map(|t| t.1),
    })
}
