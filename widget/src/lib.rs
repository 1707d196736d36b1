//! The visitor chat window: a small client-rendered Leptos bundle that the `/widget` page
//! boots inside the iframe `sdk.js` opens. (The chat itself arrives with the widget issue.)

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

/// The chat window.
#[component]
pub fn ChatWindow() -> impl IntoView {
    view! {
        <main class="chat-window">
            <header class="chat-header">
                <h1>"Hi there! 👋"</h1>
                <p>"We make it simple to connect with us."</p>
            </header>
        </main>
    }
}

/// Entry point, run when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(root) = document().get_element_by_id("onechat-widget") else {
        return;
    };
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else {
        return;
    };
    leptos::mount::mount_to(root, ChatWindow).forget();
}
