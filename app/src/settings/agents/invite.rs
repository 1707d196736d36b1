//! The invite form and the one-time link it produces: shown in the form's answer when the
//! page is live, or read from the list's URL after a plain form post.

use leptos::prelude::*;

use super::server_fns::{Invitation, InviteAgent};
use crate::i18n::{fill, tu_string, use_i18n};
use crate::settings::forms::{Outcome, Refresh, invalid, last_result};

/// "Add agent": name, email and role.
#[component]
pub fn InviteForm(account_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<InviteAgent>::new();
    let result = last_result(action);
    Refresh::use_it().after(result);
    let invited = move || action.value().get().and_then(Result::ok);
    view! {
        <details class="card settings-add">
            <summary class="button primary">{tu_string!(i18n, settings.agents.add)}</summary>
            <ActionForm action attr:id="agent-invite-form" attr:class="form">
                <input type="hidden" name="account_id" value=account_id />
                <label for="agent-new-name">{tu_string!(i18n, settings.agents.agent_name)}</label>
                <input
                    id="agent-new-name"
                    name="name"
                    required
                    autocomplete="off"
                    aria-invalid=invalid(result, "name")
                />
                <label for="agent-new-role">{tu_string!(i18n, settings.agents.role)}</label>
                <select id="agent-new-role" name="role" aria-invalid=invalid(result, "role")>
                    <option value="agent">{tu_string!(i18n, settings.agents.agent)}</option>
                    <option value="administrator">{tu_string!(i18n, settings.agents.administrator)}</option>
                </select>
                <label for="agent-new-email">{tu_string!(i18n, settings.agents.email)}</label>
                <input
                    id="agent-new-email"
                    name="email"
                    type="email"
                    required
                    autocomplete="off"
                    aria-invalid=invalid(result, "email")
                />
                <Outcome result done=tu_string!(i18n, settings.agents.added) />
                <button type="submit" class="button primary" disabled=action.pending()>
                    {tu_string!(i18n, settings.agents.add)}
                </button>
            </ActionForm>
        </details>
        {move || invited().map(|invitation| view! { <LinkPanel invitation /> })}
    }
}

/// The one-time link to hand over, with a copy button.
#[component]
pub fn LinkPanel(invitation: Invitation) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    match invitation.link {
        None => view! {
            <div class="card settings-link" role="status">
                <p>{tu_string!(i18n, settings.agents.has_login)}</p>
            </div>
        }
        .into_any(),
        Some(link) => {
            let copy_text = link.clone();
            let copy = move |_| {
                #[cfg(feature = "hydrate")]
                copy_to_clipboard(&copy_text);
                #[cfg(not(feature = "hydrate"))]
                let _ = &copy_text;
                copied.set(true);
            };
            view! {
                <div class="card settings-link" role="status" id="agent-link">
                    <p>
                        {if invitation.name.is_empty() {
                            tu_string!(i18n, settings.agents.link_text_anonymous).to_string()
                        } else {
                            fill(tu_string!(i18n, settings.agents.link_text), &[("name", &invitation.name)])
                        }}
                    </p>
                    <label for="agent-link-url">{tu_string!(i18n, settings.agents.link_label)}</label>
                    <div class="token-row">
                        <input id="agent-link-url" class="token" readonly value=link />
                        <button type="button" class="button" on:click=copy>
                            {move || {
                                if copied.get() {
                                    tu_string!(i18n, settings.agents.copied)
                                } else {
                                    tu_string!(i18n, settings.agents.copy)
                                }
                            }}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        }
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
