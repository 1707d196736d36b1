//! Server functions of the general settings: `accounts::show` and `accounts::update`, for
//! administrators. The auto-resolve delay travels as a number and a unit and is stored in
//! minutes (`settings.auto_resolve_after`, read by the scheduled auto-resolve job).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::DashboardError;

/// The languages the dashboard offers, by locale code and native name.
pub const LANGUAGES: &[(&str, &str)] = &[("en", "English"), ("fr", "Français"), ("es", "Español")];

/// Units of the auto-resolve delay, in minutes.
#[cfg(any(feature = "ssr", test))]
const UNITS: &[(&str, i64)] = &[("days", 1440), ("hours", 60), ("minutes", 1)];

/// What the general settings page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneralSettings {
    /// Account name.
    pub name: String,
    /// Account language (locale code).
    pub locale: String,
    /// The auto-resolve delay in its largest whole unit; `None` when off.
    pub auto_resolve_value: Option<i64>,
    /// `minutes`, `hours` or `days`.
    pub auto_resolve_unit: String,
    /// Sent when a conversation is auto-resolved; empty for none.
    pub auto_resolve_message: String,
}

/// The account's general settings (administrators).
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn get_general_settings(account_id: i64) -> Result<GeneralSettings, DashboardError> {
    use onechat_core::services::accounts;

    let (ctx, scope) = crate::settings::scope::admin(account_id).await?;
    let details = accounts::show(&ctx.services, &scope).await?;
    let minutes = details.settings["auto_resolve_after"].as_i64();
    let (value, unit) = split_minutes(minutes);
    Ok(GeneralSettings {
        name: details.name,
        locale: details.locale,
        auto_resolve_value: value,
        auto_resolve_unit: unit.to_owned(),
        auto_resolve_message: details.settings["auto_resolve_message"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    })
}

/// Saves the general settings (administrators). An empty delay turns auto-resolve off.
#[server(prefix = "/_srv", output = crate::json_text::JsonText)]
pub async fn update_general_settings(
    account_id: i64,
    name: String,
    locale: String,
    auto_resolve_value: String,
    auto_resolve_unit: String,
    auto_resolve_message: String,
) -> Result<(), DashboardError> {
    use onechat_core::services::accounts;
    use onechat_core::wire::account::AccountParams;

    let (ctx, scope) = crate::settings::scope::admin(account_id).await?;
    let minutes = join_minutes(&auto_resolve_value, &auto_resolve_unit)
        .map_err(|message| crate::settings::scope::bad_input("auto_resolve_after", message))?;
    let params = AccountParams {
        name: Some(name),
        locale: Some(locale),
        auto_resolve_after: Some(minutes),
        auto_resolve_message: Some(Some(auto_resolve_message)),
        ..Default::default()
    };
    accounts::update(&ctx.services, &scope, &params).await?;
    Ok(())
}

#[cfg(any(feature = "ssr", test))]
/// Minutes as the largest unit that divides them (`90` → 90 minutes, `2880` → 2 days).
fn split_minutes(minutes: Option<i64>) -> (Option<i64>, &'static str) {
    match minutes {
        None => (None, "days"),
        Some(minutes) => UNITS
            .iter()
            .find(|(_, size)| minutes % size == 0)
            .map_or((Some(minutes), "minutes"), |(unit, size)| {
                (Some(minutes / size), *unit)
            }),
    }
}

#[cfg(any(feature = "ssr", test))]
/// The delay typed in the form, in minutes (`None`: off).
fn join_minutes(value: &str, unit: &str) -> Result<Option<i64>, &'static str> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let bad = || "Auto resolve after must be a whole number";
    let count: i64 = value.parse().map_err(|_| bad())?;
    let size = UNITS
        .iter()
        .find(|(name, _)| *name == unit)
        .map(|(_, size)| *size)
        .ok_or_else(bad)?;
    count.checked_mul(size).map(Some).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::{join_minutes, split_minutes};

    #[test]
    fn delays_round_trip_through_their_largest_unit() {
        assert_eq!(split_minutes(Some(2880)), (Some(2), "days"));
        assert_eq!(split_minutes(Some(120)), (Some(2), "hours"));
        assert_eq!(split_minutes(Some(90)), (Some(90), "minutes"));
        assert_eq!(split_minutes(None), (None, "days"));
        assert_eq!(join_minutes("2", "days"), Ok(Some(2880)));
        assert_eq!(join_minutes(" ", "days"), Ok(None));
        assert!(join_minutes("two", "days").is_err());
        assert!(join_minutes("2", "weeks").is_err());
    }
}
