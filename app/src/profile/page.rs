//! `/app/accounts/:account_id/profile/settings`: one form per section, each a real form so
//! the page works without JavaScript. Errors from the server are shown under their form.

use leptos::prelude::*;
use leptos_meta::Title;

use super::avatar::AvatarSection;
use super::password_rules::PasswordRules;
use super::server_fns::{
    ChangePassword, ProfileView, ResetAccessToken, UpdateProfile, UpdateSignature, get_profile,
};
use crate::error::DashboardError;
use crate::i18n::{tu_string, use_i18n};
use crate::ids;

/// The profile settings page.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let profile = crate::json_resource::blocking(|| (), |_| get_profile());

    view! {
        <Title text=tu_string!(i18n, profile.title) />
        <div id=ids::PROFILE_PAGE class="settings-page">
            <h1>{tu_string!(i18n, profile.title)}</h1>
            <Suspense fallback=move || view! { <p class="muted">{tu_string!(i18n, profile.loading)}</p> }>
                {move || Suspend::new(async move {
                    match profile.await {
                        Ok(shown) => view! { <Sections shown /> }.into_any(),
                        Err(err) => view! { <p role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Sections(shown: ProfileView) -> impl IntoView {
    view! {
        <AvatarSection avatar_url=shown.avatar_url.clone() name=shown.name.clone() />
        <ProfileSection shown=shown.clone() />
        <SignatureSection signature=shown.message_signature.clone() />
        <PasswordSection />
        <TokenSection token=shown.access_token />
    }
}

#[component]
fn ProfileSection(shown: ProfileView) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<UpdateProfile>::new();
    let result: LastResult = Signal::derive(move || action.value().get());
    view! {
        <section class="card settings-section" aria-labelledby="profile-heading">
            <h2 id="profile-heading">{tu_string!(i18n, profile.profile_heading)}</h2>
            <ActionForm action attr:id=ids::PROFILE_FORM attr:class="form">
                <label for="profile-name">{tu_string!(i18n, profile.full_name)}</label>
                <input
                    id="profile-name"
                    name="name"
                    autocomplete="name"
                    required
                    value=shown.name
                    aria-invalid=invalid(result, "name")
                />
                <label for="profile-display-name">{tu_string!(i18n, profile.display_name)}</label>
                <input
                    id="profile-display-name"
                    name="display_name"
                    autocomplete="nickname"
                    value=shown.display_name
                />
                <label for="profile-email">{tu_string!(i18n, profile.email)}</label>
                <input
                    id="profile-email"
                    type="email"
                    name="email"
                    autocomplete="email"
                    required
                    value=shown.email
                    aria-invalid=invalid(result, "email")
                />
                <Outcome result />
                <button type="submit" class="button primary" disabled=action.pending()>
                    {tu_string!(i18n, profile.update_profile)}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn SignatureSection(signature: String) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<UpdateSignature>::new();
    let result: LastResult = Signal::derive(move || action.value().get());
    view! {
        <section class="card settings-section" aria-labelledby="signature-heading">
            <h2 id="signature-heading">{tu_string!(i18n, profile.message_signature)}</h2>
            <ActionForm action attr:class="form">
                <label for="profile-signature">{tu_string!(i18n, profile.signature)}</label>
                <textarea id="profile-signature" name="message_signature" rows="3">
                    {signature}
                </textarea>
                <Outcome result />
                <button type="submit" class="button primary" disabled=action.pending()>
                    {tu_string!(i18n, profile.save_signature)}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn PasswordSection() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ChangePassword>::new();
    let result: LastResult = Signal::derive(move || action.value().get());
    // What the agent typed, for the rules checklist.
    let password = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    // Bumped when the server took the new password: the fields are rebuilt empty (a failure
    // keeps them). The inputs have no bound `value`, so hydration never wipes what was typed
    // before the page became live.
    let saved = RwSignal::new(0u32);
    // Whatever was typed before the page became live counts too: once the inputs are
    // hydrated, the checklist catches up with their current values.
    let password_input = crate::early_input::mirrored_by(password);
    let confirmation_input = crate::early_input::mirrored_by(confirmation);
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            password.set(String::new());
            confirmation.set(String::new());
            saved.update(|n| *n += 1);
        }
    });
    let fields = move || {
        saved.track();
        view! {
            <label for="profile-current-password">{tu_string!(i18n, profile.current_password)}</label>
            <input
                id="profile-current-password"
                type="password"
                name="current_password"
                autocomplete="current-password"
                required
                aria-invalid=invalid(result, "current_password")
            />
            <label for="profile-new-password">{tu_string!(i18n, profile.new_password)}</label>
            <input
                id="profile-new-password"
                type="password"
                name="password"
                autocomplete="new-password"
                required
                minlength="6"
                maxlength="128"
                aria-invalid=invalid(result, "password")
                aria-describedby=ids::PASSWORD_RULES
                node_ref=password_input
                on:input=move |ev| password.set(event_target_value(&ev))
            />
            <label for="profile-password-confirmation">{tu_string!(i18n, profile.confirm_password)}</label>
            <input
                id="profile-password-confirmation"
                type="password"
                name="password_confirmation"
                autocomplete="new-password"
                required
                aria-invalid=invalid(result, "password_confirmation")
                node_ref=confirmation_input
                on:input=move |ev| confirmation.set(event_target_value(&ev))
            />
        }
    };
    view! {
        <section class="card settings-section" aria-labelledby="password-heading">
            <h2 id="password-heading">{tu_string!(i18n, profile.change_password)}</h2>
            <ActionForm action attr:id=ids::PASSWORD_FORM attr:class="form">
                {fields}
                <PasswordRules password confirmation />
                <Outcome result />
                <button type="submit" class="button primary" disabled=action.pending()>
                    {tu_string!(i18n, profile.change_password)}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn TokenSection(token: String) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ResetAccessToken>::new();
    let error = Signal::derive(move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    });
    let token = Signal::derive(move || {
        action
            .value()
            .get()
            .and_then(Result::ok)
            .unwrap_or_else(|| token.clone())
    });
    let copied = RwSignal::new(false);
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        copy_to_clipboard(&token.get_untracked());
        copied.set(true);
    };
    view! {
        <section class="card settings-section" aria-labelledby="token-heading">
            <h2 id="token-heading">{tu_string!(i18n, profile.access_token)}</h2>
            <p class="muted">{tu_string!(i18n, profile.token_help)}</p>
            <label for=ids::ACCESS_TOKEN>{tu_string!(i18n, profile.your_token)}</label>
            <div class="token-row">
                <input id=ids::ACCESS_TOKEN class="token" readonly value=token prop:value=token />
                <button type="button" class="button" on:click=copy>
                    {move || if copied.get() { tu_string!(i18n, profile.copied) } else { tu_string!(i18n, profile.copy) }}
                </button>
                <ActionForm action>
                    <button type="submit" class="button danger" disabled=action.pending()>
                        {tu_string!(i18n, profile.reset_token)}
                    </button>
                </ActionForm>
            </div>
            <p class="form-error" role="alert">
                {move || error.get()}
            </p>
        </section>
    }
}

/// The last submission's result: `None` before any.
type LastResult = Signal<Option<Result<(), DashboardError>>>;

/// `aria-invalid` for `field`: true when the last submission named it.
fn invalid(result: LastResult, field: &'static str) -> impl Fn() -> &'static str {
    move || match result.get() {
        Some(Err(DashboardError::Invalid { fields, .. })) if fields.iter().any(|f| f == field) => {
            "true"
        }
        _ => "false",
    }
}

/// "Saved" after a success, the server's message after a failure.
#[component]
fn Outcome(result: LastResult) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="form-error" role="alert">
            {move || result.get().and_then(Result::err).map(|e| e.to_string())}
        </p>
        <p class="form-saved" role="status">
            {move || matches!(result.get(), Some(Ok(()))).then_some(tu_string!(i18n, profile.saved))}
        </p>
    }
}

/// Writes `text` to the clipboard through `navigator.clipboard.writeText`, when available.
#[cfg(feature = "hydrate")]
fn copy_to_clipboard(text: &str) {
    use wasm_bindgen::{JsCast, JsValue};

    let Some(window) = web_sys::window() else {
        return;
    };
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &JsValue::from_str(key));
    let Ok(navigator) = get(&window, "navigator") else {
        return;
    };
    let Ok(clipboard) = get(&navigator, "clipboard") else {
        return;
    };
    if let Ok(write) = get(&clipboard, "writeText").and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = write.call1(&clipboard, &JsValue::from_str(text));
    }
}
