//! What the widget does against the API, each a small async function over the `Chat` store.

pub mod reply;
pub mod send;
pub mod session;

/// A random id for optimistic messages (`echo_id`), unique enough within one page.
pub fn random_id() -> String {
    format!(
        "{:x}{:x}",
        (js_sys::Math::random() * 1e12) as u64,
        js_sys::Date::now() as u64
    )
}

/// Now in unix seconds, the unit of `created_at`.
pub fn now_secs() -> f64 {
    (js_sys::Date::now() / 1000.0).floor()
}
