//! Inbox and channel settings: defaults, validation and the names Chatwoot uses for the
//! stored numbers.

use serde_json::{Value, json};

use crate::error::Validation;
use crate::store::channels::{ApiChannel, ApiChannelFields, WebWidget, WebWidgetFields};
use crate::store::inboxes::{Inbox, InboxFields, WorkingHour};
use crate::wire::inbox::{ChannelParams, InboxParams, WorkingHour as WireHour};
use crate::{Error, Result};

use crate::services::validate;

const FEATURE_FLAGS: [(i64, &str); 4] = [
    (1, "attachments"),
    (2, "emoji_picker"),
    (4, "end_conversation"),
    (8, "use_inbox_avatar_for_bot"),
];
const REPLY_TIMES: [&str; 3] = ["in_a_few_minutes", "in_a_few_hours", "in_a_day"];
const SENDER_NAME_TYPES: [&str; 2] = ["friendly", "professional"];

/// Names of the features set in a widget's bitmask.
pub fn feature_flag_names(flags: i64) -> Vec<String> {
    FEATURE_FLAGS
        .iter()
        .filter(|(bit, _)| flags & bit != 0)
        .map(|(_, name)| (*name).to_owned())
        .collect()
}

fn feature_flag_bits(names: &[String], errors: &mut Validation) -> i64 {
    let mut bits = 0;
    for name in names {
        match FEATURE_FLAGS.iter().find(|(_, n)| n == name) {
            Some((bit, _)) => bits |= bit,
            None => errors.push(
                "selected_feature_flags",
                format!("Selected feature flags has an unknown flag {name}"),
            ),
        }
    }
    bits
}

/// The wire name of a stored reply time.
pub fn reply_time_name(value: i16) -> &'static str {
    REPLY_TIMES
        .get(usize::try_from(value).unwrap_or(0))
        .copied()
        .unwrap_or(REPLY_TIMES[0])
}

/// The wire name of a stored sender name type.
pub fn sender_name_type_name(value: i16) -> &'static str {
    SENDER_NAME_TYPES
        .get(usize::try_from(value).unwrap_or(0))
        .copied()
        .unwrap_or(SENDER_NAME_TYPES[0])
}

fn position(names: &[&str], name: &str) -> Option<i16> {
    names
        .iter()
        .position(|n| *n == name)
        .and_then(|i| i16::try_from(i).ok())
}

/// Monday to Friday, 9:00 to 17:00; closed at the weekend (Chatwoot's default).
pub fn default_working_hours() -> Vec<WorkingHour> {
    (0..7)
        .map(|day| {
            let weekend = day == 0 || day == 6;
            WorkingHour {
                day_of_week: day,
                closed_all_day: weekend,
                open_all_day: false,
                open_hour: (!weekend).then_some(9),
                open_minutes: (!weekend).then_some(0),
                close_hour: (!weekend).then_some(17),
                close_minutes: (!weekend).then_some(0),
            }
        })
        .collect()
}

/// The pre-chat form a new widget starts with (Chatwoot's defaults, disabled).
pub fn default_pre_chat_form_options() -> Value {
    json!({
        "pre_chat_message": "Share your queries or comments here.",
        "pre_chat_fields": [
            { "field_type": "standard", "label": "Email Id", "name": "emailAddress", "type": "email", "required": true, "enabled": false },
            { "field_type": "standard", "label": "Full name", "name": "fullName", "type": "text", "required": false, "enabled": false },
            { "field_type": "standard", "label": "Phone number", "name": "phoneNumber", "type": "text", "required": false, "enabled": false }
        ]
    })
}

/// Validated business hours.
pub fn working_hours(days: &[WireHour]) -> Result<Vec<WorkingHour>> {
    let mut errors = Validation::default();
    let mut seen = [false; 7];
    let mut out = Vec::with_capacity(days.len());
    for day in days {
        let Some(index) = usize::try_from(day.day_of_week).ok().filter(|d| *d < 7) else {
            errors.push("working_hours", "Day of week must be between 0 and 6");
            continue;
        };
        if std::mem::replace(&mut seen[index], true) {
            errors.push("working_hours", "Day of week is listed twice");
        }
        let open = day.open_hour.unwrap_or(0) * 60 + day.open_minutes.unwrap_or(0);
        let close = day.close_hour.unwrap_or(0) * 60 + day.close_minutes.unwrap_or(0);
        let in_range = |h: Option<i64>, m: Option<i64>| {
            h.is_none_or(|h| (0..=23).contains(&h)) && m.is_none_or(|m| (0..=59).contains(&m))
        };
        if !in_range(day.open_hour, day.open_minutes)
            || !in_range(day.close_hour, day.close_minutes)
        {
            errors.push("working_hours", "Hours must be 0-23 and minutes 0-59");
        } else if !day.closed_all_day && !day.open_all_day && close <= open {
            errors.push("working_hours", "Closing time must be after opening time");
        }
        out.push(WorkingHour {
            day_of_week: day.day_of_week,
            closed_all_day: day.closed_all_day,
            open_all_day: day.open_all_day,
            open_hour: day.open_hour,
            open_minutes: day.open_minutes,
            close_hour: day.close_hour,
            close_minutes: day.close_minutes,
        });
    }
    errors.finish()?;
    Ok(out)
}

/// The common inbox settings from `params`, over `current` when updating.
pub fn inbox_fields(params: &InboxParams, current: Option<&Inbox>) -> Result<InboxFields> {
    let mut errors = Validation::default();
    let name = match (&params.name, current) {
        (Some(name), _) => name.trim().to_owned(),
        (None, Some(c)) => c.name.clone(),
        (None, None) => String::new(),
    };
    if name.is_empty() {
        errors.push("name", "Name can't be blank");
    } else if name.chars().count() > 255 {
        errors.push("name", "Name is too long (maximum is 255 characters)");
    }
    let timezone = params
        .timezone
        .clone()
        .or(current.map(|c| c.timezone.clone()))
        .unwrap_or_else(|| "UTC".into());
    if !validate::timezone(&timezone) {
        errors.push("timezone", "Timezone is not a valid time zone");
    }
    let sender_name_type = match &params.sender_name_type {
        Some(name) => position(&SENDER_NAME_TYPES, name).unwrap_or_else(|| {
            errors.push(
                "sender_name_type",
                "Sender name type is not included in the list",
            );
            0
        }),
        None => current.map(|c| c.sender_name_type).unwrap_or(0),
    };
    for (field, text) in [
        ("greeting_message", &params.greeting_message),
        ("out_of_office_message", &params.out_of_office_message),
    ] {
        if text.as_ref().is_some_and(|t| t.chars().count() > 10_000) {
            errors.push(field, "is too long (maximum is 10000 characters)");
        }
    }
    errors.finish()?;
    let pick = |new: Option<bool>, old: Option<bool>, default: bool| new.or(old).unwrap_or(default);
    Ok(InboxFields {
        name,
        enable_auto_assignment: pick(
            params.enable_auto_assignment,
            current.map(|c| c.enable_auto_assignment),
            true,
        ),
        greeting_enabled: pick(
            params.greeting_enabled,
            current.map(|c| c.greeting_enabled),
            false,
        ),
        greeting_message: params
            .greeting_message
            .clone()
            .or_else(|| current.and_then(|c| c.greeting_message.clone())),
        working_hours_enabled: pick(
            params.working_hours_enabled,
            current.map(|c| c.working_hours_enabled),
            false,
        ),
        out_of_office_message: params
            .out_of_office_message
            .clone()
            .or_else(|| current.and_then(|c| c.out_of_office_message.clone())),
        timezone,
        enable_email_collect: pick(
            params.enable_email_collect,
            current.map(|c| c.enable_email_collect),
            true,
        ),
        csat_survey_enabled: pick(
            params.csat_survey_enabled,
            current.map(|c| c.csat_survey_enabled),
            false,
        ),
        allow_messages_after_resolved: pick(
            params.allow_messages_after_resolved,
            current.map(|c| c.allow_messages_after_resolved),
            true,
        ),
        auto_assignment_config: params
            .auto_assignment_config
            .clone()
            .or_else(|| current.map(|c| c.auto_assignment_config.0.clone()))
            .unwrap_or_else(|| json!({})),
        lock_to_single_conversation: pick(
            params.lock_to_single_conversation,
            current.map(|c| c.lock_to_single_conversation),
            false,
        ),
        sender_name_type,
        business_name: params
            .business_name
            .clone()
            .or_else(|| current.and_then(|c| c.business_name.clone())),
        csat_config: params
            .csat_config
            .clone()
            .or_else(|| current.map(|c| c.csat_config.0.clone()))
            .unwrap_or_else(|| json!({})),
    })
}

/// Widget settings from `params`, over `current` when updating.
pub fn widget_fields(
    params: &ChannelParams,
    current: Option<&WebWidget>,
) -> Result<WebWidgetFields> {
    let mut errors = Validation::default();
    let widget_color = params
        .widget_color
        .clone()
        .or_else(|| current.map(|c| c.widget_color.clone()))
        .unwrap_or_else(|| "#1f93ff".into());
    if !validate::hex_color(&widget_color) {
        errors.push("widget_color", "Widget color is invalid");
    }
    let reply_time = match &params.reply_time {
        Some(name) => position(&REPLY_TIMES, name).unwrap_or_else(|| {
            errors.push("reply_time", "Reply time is not included in the list");
            0
        }),
        None => current.map(|c| c.reply_time).unwrap_or(0),
    };
    let feature_flags = match &params.selected_feature_flags {
        Some(names) => feature_flag_bits(names, &mut errors),
        None => current.map(|c| c.feature_flags).unwrap_or(7),
    };
    if let Some(options) = &params.pre_chat_form_options
        && !options.is_object()
    {
        errors.push(
            "pre_chat_form_options",
            "Pre chat form options must be an object",
        );
    }
    errors.finish()?;
    Ok(WebWidgetFields {
        website_url: params
            .website_url
            .clone()
            .or_else(|| current.and_then(|c| c.website_url.clone())),
        widget_color,
        welcome_title: params
            .welcome_title
            .clone()
            .or_else(|| current.and_then(|c| c.welcome_title.clone())),
        welcome_tagline: params
            .welcome_tagline
            .clone()
            .or_else(|| current.and_then(|c| c.welcome_tagline.clone())),
        feature_flags,
        reply_time,
        pre_chat_form_enabled: params
            .pre_chat_form_enabled
            .or(current.map(|c| c.pre_chat_form_enabled))
            .unwrap_or(false),
        pre_chat_form_options: params
            .pre_chat_form_options
            .clone()
            .or_else(|| current.map(|c| c.pre_chat_form_options.0.clone()))
            .unwrap_or_else(default_pre_chat_form_options),
        hmac_mandatory: params
            .hmac_mandatory
            .or(current.map(|c| c.hmac_mandatory))
            .unwrap_or(false),
        continuity_via_email: params
            .continuity_via_email
            .or(current.map(|c| c.continuity_via_email))
            .unwrap_or(true),
        allowed_domains: params
            .allowed_domains
            .clone()
            .or_else(|| current.map(|c| c.allowed_domains.clone()))
            .unwrap_or_default(),
    })
}

/// API channel settings from `params`, over `current` when updating.
pub fn api_fields(
    params: &ChannelParams,
    current: Option<&ApiChannel>,
) -> Result<ApiChannelFields> {
    let webhook_url = params
        .webhook_url
        .clone()
        .or_else(|| current.and_then(|c| c.webhook_url.clone()));
    let webhook_url = webhook_url.filter(|url| !url.trim().is_empty());
    if let Some(url) = &webhook_url
        && (!(url.starts_with("http://") || url.starts_with("https://")) || url.len() > 2048)
    {
        return Err(Error::invalid("webhook_url", "Webhook url is invalid"));
    }
    let additional_attributes = params
        .additional_attributes
        .clone()
        .or_else(|| current.map(|c| c.additional_attributes.0.clone()))
        .unwrap_or_else(|| json!({}));
    if !additional_attributes.is_object() {
        return Err(Error::invalid(
            "additional_attributes",
            "Additional attributes must be an object",
        ));
    }
    Ok(ApiChannelFields {
        webhook_url,
        hmac_mandatory: params
            .hmac_mandatory
            .or(current.map(|c| c.hmac_mandatory))
            .unwrap_or(false),
        additional_attributes,
    })
}

/// An IANA-looking zone name (`UTC`, `Europe/Berlin`, `America/Argentina/Buenos_Aires`).
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_flags_round_trip() {
        assert_eq!(
            feature_flag_names(7),
            ["attachments", "emoji_picker", "end_conversation"]
        );
        let mut errors = Validation::default();
        assert_eq!(
            feature_flag_bits(
                &["emoji_picker".into(), "use_inbox_avatar_for_bot".into()],
                &mut errors
            ),
            10
        );
        assert!(errors.errors.is_empty());
        feature_flag_bits(&["nope".into()], &mut errors);
        assert_eq!(errors.attributes(), ["selected_feature_flags"]);
    }

    #[test]
    fn working_hours_are_checked() {
        let day = |d, open: i64, close: i64| WireHour {
            day_of_week: d,
            closed_all_day: false,
            open_all_day: false,
            open_hour: Some(open),
            open_minutes: Some(0),
            close_hour: Some(close),
            close_minutes: Some(0),
        };
        assert!(working_hours(&[day(1, 9, 17), day(2, 8, 12)]).is_ok());
        assert!(working_hours(&[day(1, 17, 9)]).is_err());
        assert!(working_hours(&[day(7, 9, 17)]).is_err());
        assert!(working_hours(&[day(1, 9, 17), day(1, 9, 17)]).is_err());
        assert!(working_hours(&[day(1, 9, 25)]).is_err());
        assert_eq!(default_working_hours().len(), 7);
    }
}
