//! The Business hours tab: whether the inbox keeps business hours, its time zone, the
//! message sent outside them, and each day open between two times, all day, or closed.

use leptos::prelude::*;
use onechat_core::wire::inbox::WorkingHour;

use super::forms::{LastResult, Outcome, Switch, invalid};
use super::models::{InboxSettings, format_time};
use super::server_fns::{UpdateBusinessHours, list_time_zones};
use crate::i18n::{Locale, fill, td_string, tu_string, use_i18n};

/// A day's name in `locale` (0 = Sunday … 6 = Saturday).
fn day_name(locale: Locale, index: i64) -> &'static str {
    match index.rem_euclid(7) {
        1 => td_string!(locale, settings_inboxes.hours.days.monday),
        2 => td_string!(locale, settings_inboxes.hours.days.tuesday),
        3 => td_string!(locale, settings_inboxes.hours.days.wednesday),
        4 => td_string!(locale, settings_inboxes.hours.days.thursday),
        5 => td_string!(locale, settings_inboxes.hours.days.friday),
        6 => td_string!(locale, settings_inboxes.hours.days.saturday),
        _ => td_string!(locale, settings_inboxes.hours.days.sunday),
    }
}

/// The Business hours tab.
#[component]
pub fn HoursTab(account_id: i64, shown: InboxSettings) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<UpdateBusinessHours>::new();
    let result: LastResult<()> = Signal::derive(move || action.value().get());
    let zones = crate::json_resource::blocking(|| (), |_| list_time_zones());
    let inbox = shown.inbox;
    let timezone = inbox.timezone.clone();
    let days = (0..7)
        .map(|d| {
            let stored = inbox
                .working_hours
                .iter()
                .find(|h| h.day_of_week == d)
                .cloned();
            view! { <Day index=d stored /> }
        })
        .collect_view();
    view! {
        <section class="card settings-section" aria-labelledby="hours-heading">
            <h2 id="hours-heading">{tu_string!(i18n, settings_inboxes.tabs.business_hours)}</h2>
            <p class="muted">
                {tu_string!(i18n, settings_inboxes.hours.help)}
            </p>
            <ActionForm action attr:id="business-hours-form" attr:class="form">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="inbox_id" value=inbox.id />
                <Switch
                    id="hours-enabled"
                    name="working_hours_enabled"
                    label=tu_string!(i18n, settings_inboxes.hours.enabled)
                    checked=inbox.working_hours_enabled
                />
                <label for="hours-message">{tu_string!(i18n, settings_inboxes.hours.out_of_office)}</label>
                <textarea
                    id="hours-message"
                    name="out_of_office_message"
                    rows="3"
                    aria-invalid=invalid(result, "out_of_office_message")
                >
                    {inbox.out_of_office_message.clone().unwrap_or_default()}
                </textarea>
                <label for="hours-timezone">{tu_string!(i18n, settings_inboxes.hours.time_zone)}</label>
                <Suspense fallback=move || {
                    view! { <p class="muted">{tu_string!(i18n, settings_inboxes.hours.loading_zones)}</p> }
                }>
                    {move || {
                        let timezone = timezone.clone();
                        Suspend::new(async move {
                            let zones = zones.await.unwrap_or_default();
                            view! {
                                <select
                                    id="hours-timezone"
                                    name="timezone"
                                    aria-invalid=invalid(result, "timezone")
                                >
                                    {zones
                                        .into_iter()
                                        .map(|zone| {
                                            let selected = zone == timezone;
                                            let value = zone.clone();
                                            view! {
                                                <option value=value selected=selected>
                                                    {zone}
                                                </option>
                                            }
                                        })
                                        .collect_view()}
                                </select>
                            }
                        })
                    }}
                </Suspense>
                <div class="hours-days" aria-invalid=invalid(result, "working_hours")>
                    {days}
                </div>
                <Outcome result />
                <button type="submit" class="button primary" disabled=action.pending()>
                    {tu_string!(i18n, settings_inboxes.hours.update)}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Day(index: i64, stored: Option<WorkingHour>) -> impl IntoView {
    let i18n = use_i18n();
    let name = day_name(i18n.get_locale_untracked(), index);
    let mode = match &stored {
        Some(h) if h.closed_all_day => "closed",
        Some(h) if h.open_all_day => "all_day",
        Some(_) => "open",
        None => "closed",
    };
    let open = stored
        .as_ref()
        .filter(|h| h.open_hour.is_some())
        .map_or_else(
            || "09:00".to_owned(),
            |h| format_time(h.open_hour, h.open_minutes),
        );
    let close = stored
        .as_ref()
        .filter(|h| h.close_hour.is_some())
        .map_or_else(
            || "17:00".to_owned(),
            |h| format_time(h.close_hour, h.close_minutes),
        );
    let field = |part: &str| format!("days[{index}][{part}]");
    let id = |part: &str| format!("hours-{index}-{part}");
    view! {
        <fieldset class="hours-day">
            <legend>{name}</legend>
            <input type="hidden" name=field("day_of_week") value=index />
            <label for=id("mode") class="visually-hidden">{fill(tu_string!(i18n, settings_inboxes.hours.day_availability), &[("day", &name)])}</label>
            <select id=id("mode") name=field("mode")>
                <option value="open" selected=mode == "open">{tu_string!(i18n, settings_inboxes.hours.open)}</option>
                <option value="all_day" selected=mode == "all_day">{tu_string!(i18n, settings_inboxes.hours.open_all_day)}</option>
                <option value="closed" selected=mode == "closed">{tu_string!(i18n, settings_inboxes.hours.closed)}</option>
            </select>
            <label for=id("open")>{tu_string!(i18n, settings_inboxes.hours.from)}</label>
            <input type="time" id=id("open") name=field("open") value=open />
            <label for=id("close")>{tu_string!(i18n, settings_inboxes.hours.to)}</label>
            <input type="time" id=id("close") name=field("close") value=close />
        </fieldset>
    }
}
