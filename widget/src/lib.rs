//! The visitor chat window: a small client-rendered Leptos bundle that the `/widget` page boots
//! inside the iframe `sdk.js` opens. It talks to `/api/v1/widget/*`, `/cable` and the host page.

pub mod actions;
pub mod api;
pub mod bridge;
pub mod cable;
pub mod campaigns;
pub mod config;
pub mod host;
pub mod json;
pub mod logic;
pub mod state;
pub mod store;
pub mod types;
pub mod ui;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::state::Chat;

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
    let chat = Chat::new(config::read(), bridge::embedded());
    leptos::mount::mount_to(root, move || {
        provide_context(chat);
        ui::app::ChatWindow()
    })
    .forget();
    host::start(chat);
    cable::start(chat);
    spawn_local(actions::session::load(chat));
}
