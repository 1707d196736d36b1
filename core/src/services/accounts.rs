//! The account itself: its details and settings (administrators change them), the cache keys
//! the dashboard uses to know when its copies of labels, inboxes and teams are stale, and the
//! member's "last active here" mark.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::domain::StoredEnum;
use crate::error::Validation;
use crate::events::Event;
use crate::store::account_users;
use crate::store::accounts::{self, Account, AccountFields, ListFingerprints};
use crate::wire::account::{AccountDetails, AccountParams, CacheKeys};
use crate::{Error, Result, Services};

use super::access::Scope;
use super::validate;

/// The Chatwoot version whose API OneChat follows (sent as `latest_chatwoot_version`).
pub const CHATWOOT_API_VERSION: &str = "4.10.0";

/// Features OneChat provides, by their Chatwoot names, all enabled for every account.
const FEATURES: &[&str] = &[
    "agent_bots",
    "agent_management",
    "auto_resolve_conversations",
    "canned_responses",
    "channel_api",
    "channel_website",
    "crm",
    "custom_attributes",
    "inbox_management",
    "labels",
    "message_reply_to",
    "team_management",
];

/// Auto-resolve bounds in minutes (Chatwoot's settings schema).
const AUTO_RESOLVE_MINUTES: std::ops::RangeInclusive<i64> = 10..=1_439_856;

/// The account's details, for any member.
pub async fn show(svc: &Services, scope: &Scope) -> Result<AccountDetails> {
    let mut handle = svc.db.read().await?;
    let account = accounts::find(handle.conn(), scope.account_id)
        .await?
        .ok_or(Error::NotFound)?;
    let fingerprints = accounts::list_fingerprints(handle.conn(), scope.account_id).await?;
    Ok(details(account, &fingerprints))
}

/// Changes name, locale, domain, support email, settings and custom attributes
/// (administrators). Absent keys keep their value.
pub async fn update(
    svc: &Services,
    scope: &Scope,
    params: &AccountParams,
) -> Result<AccountDetails> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    let current = accounts::find(tx.conn(), scope.account_id)
        .await?
        .ok_or(Error::NotFound)?;
    let fields = checked_fields(params, &current)?;
    let account = accounts::update(tx.conn(), scope.account_id, &fields)
        .await?
        .ok_or(Error::NotFound)?;
    let fingerprints = accounts::list_fingerprints(tx.conn(), scope.account_id).await?;
    tx.commit().await?;
    let details = details(account, &fingerprints);
    svc.events.publish(Event {
        account_id: scope.account_id,
        name: "account.updated",
        data: serde_json::to_value(&details).unwrap_or_default(),
    });
    Ok(details)
}

/// The current cache keys.
pub async fn cache_keys(svc: &Services, scope: &Scope) -> Result<CacheKeys> {
    let fingerprints =
        accounts::list_fingerprints(svc.db.read().await?.conn(), scope.account_id).await?;
    Ok(keys(&fingerprints))
}

/// Records that the signed-in member is active in this account now.
pub async fn touch_active_at(svc: &Services, scope: &Scope) -> Result<()> {
    let user_id = scope.user_id().ok_or(Error::NotAuthorized)?;
    let mut tx = svc.db.begin().await?;
    if !account_users::touch_active_at(tx.conn(), scope.account_id, user_id).await? {
        return Err(Error::NotFound);
    }
    tx.commit().await
}

fn details(account: Account, fingerprints: &ListFingerprints) -> AccountDetails {
    AccountDetails {
        id: account.id,
        name: account.name,
        locale: account.locale,
        domain: account.domain,
        support_email: account.support_email,
        status: account.status.as_str().to_owned(),
        created_at: account.created_at.to_rfc3339(),
        settings: account.settings.0,
        custom_attributes: account.custom_attributes.0,
        features: FEATURES
            .iter()
            .map(|f| ((*f).to_owned(), true))
            .collect::<BTreeMap<_, _>>(),
        cache_keys: keys(fingerprints),
        latest_chatwoot_version: CHATWOOT_API_VERSION.to_owned(),
    }
}

/// A key moves whenever a row is created (count and newest time grow), changed (newest time
/// grows) or deleted (count shrinks and the newest time cannot grow).
fn keys(f: &ListFingerprints) -> CacheKeys {
    let key = |count: i64, at: Option<chrono::DateTime<chrono::Utc>>| {
        at.map_or(0, |at| at.timestamp_millis()) + count
    };
    CacheKeys {
        label: key(f.labels, f.labels_at),
        inbox: key(f.inboxes, f.inboxes_at),
        team: key(f.teams, f.teams_at),
    }
}

fn checked_fields(params: &AccountParams, current: &Account) -> Result<AccountFields> {
    let mut errors = Validation::default();
    let name = match &params.name {
        Some(name) => validate::required_text(name, "name", "Name", 255, &mut errors),
        None => current.name.clone(),
    };
    let locale = match &params.locale {
        Some(locale) => {
            let locale = locale.trim().to_owned();
            if !validate::locale(&locale) {
                errors.push("locale", "Locale is not included in the list");
            }
            locale
        }
        None => current.locale.clone(),
    };
    let domain = match &params.domain {
        Some(domain) => optional_text(domain, "domain", "Domain", 100, &mut errors),
        None => current.domain.clone(),
    };
    let support_email = match &params.support_email {
        Some(email) => {
            let email = optional_text(
                &email.to_lowercase(),
                "support_email",
                "Support email",
                100,
                &mut errors,
            );
            if let Some(email) = &email
                && !validate::looks_like_email(email)
            {
                errors.push("support_email", "Support email is invalid");
            }
            email
        }
        None => current.support_email.clone(),
    };

    let mut settings = object(&current.settings.0);
    if let Some(minutes) = params.auto_resolve_after {
        if let Some(minutes) = minutes
            && !AUTO_RESOLVE_MINUTES.contains(&minutes)
        {
            errors.push(
                "auto_resolve_after",
                "Auto resolve after must be between 10 minutes and 999 days",
            );
        }
        settings.insert("auto_resolve_after".into(), json!(minutes));
    }
    if let Some(message) = &params.auto_resolve_message {
        let message = message.as_deref().map(str::trim).filter(|m| !m.is_empty());
        if message.is_some_and(|m| m.chars().count() > 10_000) {
            errors.push(
                "auto_resolve_message",
                "Auto resolve message is too long (maximum is 10000 characters)",
            );
        }
        settings.insert("auto_resolve_message".into(), json!(message));
    }
    if let Some(ignore) = params.auto_resolve_ignore_waiting {
        settings.insert("auto_resolve_ignore_waiting".into(), json!(ignore));
    }
    if let Some(label) = &params.auto_resolve_label {
        let label = label
            .as_deref()
            .map(|l| l.trim().to_lowercase())
            .filter(|l| !l.is_empty());
        settings.insert("auto_resolve_label".into(), json!(label));
    }
    if let Some(transcribe) = params.audio_transcriptions {
        settings.insert("audio_transcriptions".into(), json!(transcribe));
    }
    if let Some(keys) = &params.conversation_required_attributes {
        let mut unique: Vec<String> = Vec::new();
        for key in keys.iter().map(|k| k.trim()).filter(|k| !k.is_empty()) {
            if !unique.iter().any(|u| u == key) {
                unique.push(key.to_owned());
            }
        }
        settings.insert("conversation_required_attributes".into(), json!(unique));
    }

    let mut custom = object(&current.custom_attributes.0);
    for (key, value) in [
        ("industry", &params.industry),
        ("company_size", &params.company_size),
        ("timezone", &params.timezone),
    ] {
        let Some(value) = value else { continue };
        let value = value.trim();
        if value.chars().count() > 255 {
            errors.push(key, "is too long (maximum is 255 characters)");
        }
        if key == "timezone" && !value.is_empty() && !validate::timezone(value) {
            errors.push("timezone", "Timezone is invalid");
        }
        custom.insert(key.into(), json!(value));
    }
    errors.finish()?;
    Ok(AccountFields {
        name,
        locale,
        domain,
        support_email,
        settings: Value::Object(settings),
        custom_attributes: Value::Object(custom),
    })
}

fn optional_text(
    raw: &str,
    field: &str,
    label: &str,
    max: usize,
    errors: &mut Validation,
) -> Option<String> {
    let text = raw.trim();
    if text.chars().count() > max {
        errors.push(
            field,
            format!("{label} is too long (maximum is {max} characters)"),
        );
    }
    (!text.is_empty()).then(|| text.to_owned())
}

fn object(value: &Value) -> Map<String, Value> {
    value.as_object().cloned().unwrap_or_default()
}
