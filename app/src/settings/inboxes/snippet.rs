//! A read-only value with a Copy button: the install snippet, the identity-validation token
//! and the API inbox identifier. Without JavaScript the text can still be selected.

use leptos::prelude::*;

use crate::i18n::{tu_string, use_i18n};

/// `text` in a read-only box labelled `label`, with a button that copies it.
#[component]
pub fn CopyBox(
    id: &'static str,
    label: &'static str,
    #[prop(into)] text: Signal<String>,
    /// A multi-line box (the snippet) rather than one line.
    #[prop(optional)]
    multiline: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        write_clipboard(&text.get_untracked());
        copied.set(true);
    };
    let field = if multiline {
        view! {
            <textarea id=id class="copy-text code" readonly rows="16" prop:value=text>
                {text.get_untracked()}
            </textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id class="copy-text code" readonly value=text.get_untracked() prop:value=text />
        }
        .into_any()
    };
    view! {
        <div class="copy-box">
            <label for=id>{label}</label>
            {field}
            <button type="button" class="button" on:click=copy aria-controls=id>
                {move || if copied.get() { tu_string!(i18n, settings_inboxes.copied) } else { tu_string!(i18n, settings_inboxes.copy) }}
            </button>
        </div>
    }
}

/// Writes `text` to the clipboard through `navigator.clipboard.writeText`, when available
/// (only on https or localhost pages).
#[cfg(feature = "hydrate")]
fn write_clipboard(text: &str) {
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
