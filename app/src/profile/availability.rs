//! Online / Busy / Offline in the user menu. Each choice is a submit button of one form, so
//! it also works without JavaScript (the server then sends the browser back).

use leptos::prelude::*;
use onechat_core::domain::Availability;

use super::server_fns::SetAvailability;
use crate::i18n::{Locale, td_string, tu_string, use_i18n};
use crate::ids;
use crate::post_form::{FormAction, PostForm};

/// The choices with their labels in `locale`.
fn choices(locale: Locale) -> [(Availability, &'static str); 3] {
    [
        (
            Availability::Online,
            td_string!(locale, profile.availability.online),
        ),
        (
            Availability::Busy,
            td_string!(locale, profile.availability.busy),
        ),
        (
            Availability::Offline,
            td_string!(locale, profile.availability.offline),
        ),
    ]
}

/// The availability switch for `account_id`, starting at `initial`.
#[component]
pub fn AvailabilityMenu(account_id: i64, initial: Availability) -> impl IntoView {
    let i18n = use_i18n();
    let action = FormAction::of::<SetAvailability>();
    // The function answers with the availability now in force.
    let current = Signal::derive(move || {
        action
            .value()
            .get()
            .and_then(Result::ok)
            .and_then(|json| crate::json_text::from_json::<Availability>(&json).ok())
            .unwrap_or(initial)
    });

    view! {
        <PostForm action attr:id=ids::AVAILABILITY_FORM attr:class="availability-form">
            <input type="hidden" name="account_id" value=account_id />
            <p class="menu-label" id="availability-label">{tu_string!(i18n, profile.availability.title)}</p>
            <div role="group" aria-labelledby="availability-label">
                {choices(i18n.get_locale_untracked())
                    .into_iter()
                    .map(|(choice, label)| {
                        view! {
                            <button
                                type="submit"
                                name="availability"
                                value=choice.to_string()
                                class="menu-item availability-choice"
                                role="menuitemradio"
                                aria-checked=move || (current.get() == choice).to_string()
                            >
                                <span class=format!("status-dot {choice}") aria-hidden="true" />
                                {label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </PostForm>
    }
}
