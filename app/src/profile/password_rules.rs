//! The password rules of the profile page (the seeds' "Configure your profile"), checked as
//! the agent types. Core enforces them when the form is submitted
//! (`onechat_core::secrets::check_password_rules`, whose messages the form then shows); the
//! list explains them early and the tests keep both in step.

use leptos::prelude::*;

use crate::i18n::{Locale, fill, td_string, tu_string, use_i18n};
use crate::ids;

/// The special characters a password may use to meet the rule (core's `PASSWORD_SPECIALS`).
pub const SPECIALS: &str = "!@#$%^&*()_+-=[]{}|'\"/^.,`<>:;?~\\";

/// Each rule, in `locale`, with whether `password` meets it.
pub fn rules(locale: Locale, password: &str, confirmation: &str) -> [(String, bool); 5] {
    let length = password.chars().count();
    [
        (
            td_string!(locale, profile.rules.length).to_owned(),
            (6..=128).contains(&length),
        ),
        (
            td_string!(locale, profile.rules.uppercase).to_owned(),
            password.chars().any(|c| c.is_ascii_uppercase()),
        ),
        (
            td_string!(locale, profile.rules.number).to_owned(),
            password.chars().any(|c| c.is_ascii_digit()),
        ),
        (
            fill(
                td_string!(locale, profile.rules.special),
                &[("characters", &"!@#$%^&*()_+-=[]{}|'\"/^.,`<>:;?~")],
            ),
            password.chars().any(|c| SPECIALS.contains(c)),
        ),
        (
            td_string!(locale, profile.rules.confirmation).to_owned(),
            !password.is_empty() && password == confirmation,
        ),
    ]
}

/// Whether `password` meets every rule.
#[cfg(test)]
fn all_met(password: &str, confirmation: &str) -> bool {
    rules(Locale::en, password, confirmation)
        .iter()
        .all(|(_, met)| *met)
}

/// The checklist under the new password field, ticking rules off as the agent types.
#[component]
pub fn PasswordRules(password: RwSignal<String>, confirmation: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let items = move || {
        let password = password.read();
        let confirmation = confirmation.read();
        rules(locale, &password, &confirmation)
            .into_iter()
            .map(|(rule, met)| {
                view! {
                    <li class:met=met>
                        {rule}
                        <span class="visually-hidden">{if met { td_string!(locale, profile.rules.met) } else { td_string!(locale, profile.rules.not_met) }}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <ul id=ids::PASSWORD_RULES class="password-rules" aria-label=tu_string!(i18n, profile.rules.label) aria-live="polite">
            {items}
        </ul>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn specials_match_core() {
        assert_eq!(SPECIALS, onechat_core::secrets::PASSWORD_SPECIALS);
    }

    #[test]
    fn rules_agree_with_core() {
        for (password, ok) in [
            ("Passw0rd!", true),
            ("passw0rd!", false),
            ("Password!", false),
            ("Passw0rd", false),
            ("P0!a", false),
        ] {
            let mut errors = onechat_core::error::Validation::default();
            onechat_core::secrets::check_password_rules(password, &mut errors);
            assert_eq!(errors.finish().is_ok(), ok, "{password}");
            assert_eq!(all_met(password, password), ok, "{password}");
        }
        assert!(!all_met("Passw0rd!", "Passw0rd?"));
    }
}
