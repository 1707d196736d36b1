//! The password rules of the profile page (the seeds' "Configure your profile"), checked as
//! the agent types. Core enforces them when the form is submitted
//! (`onechat_core::secrets::check_password_rules`, whose messages the form then shows); the
//! list explains them early and the tests keep both in step.

use leptos::prelude::*;

use crate::ids;

/// The special characters a password may use to meet the rule (core's `PASSWORD_SPECIALS`).
pub const SPECIALS: &str = "!@#$%^&*()_+-=[]{}|'\"/^.,`<>:;?~\\";

/// Each rule with whether `password` meets it.
pub fn rules(password: &str, confirmation: &str) -> [(&'static str, bool); 5] {
    let length = password.chars().count();
    [
        ("6 to 128 characters", (6..=128).contains(&length)),
        (
            "At least one uppercase character (A-Z)",
            password.chars().any(|c| c.is_ascii_uppercase()),
        ),
        (
            "At least one number character (0-9)",
            password.chars().any(|c| c.is_ascii_digit()),
        ),
        (
            "At least one special character (!@#$%^&*()_+-=[]{}|'\"/^.,`<>:;?~)",
            password.chars().any(|c| SPECIALS.contains(c)),
        ),
        (
            "The confirmation matches",
            !password.is_empty() && password == confirmation,
        ),
    ]
}

/// Whether `password` meets every rule.
#[cfg(test)]
fn all_met(password: &str, confirmation: &str) -> bool {
    rules(password, confirmation).iter().all(|(_, met)| *met)
}

/// The checklist under the new password field, ticking rules off as the agent types.
#[component]
pub fn PasswordRules(password: RwSignal<String>, confirmation: RwSignal<String>) -> impl IntoView {
    let items = move || {
        let password = password.read();
        let confirmation = confirmation.read();
        rules(&password, &confirmation)
            .into_iter()
            .map(|(rule, met)| {
                view! {
                    <li class:met=met>
                        {rule}
                        <span class="visually-hidden">{if met { " (met)" } else { " (not met)" }}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <ul id=ids::PASSWORD_RULES class="password-rules" aria-label="Password rules" aria-live="polite">
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
