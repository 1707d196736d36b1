//! Pure rules with no DOM or Leptos in them, so `cargo test` can reach them on the host.

pub mod hours;
pub mod i18n;
pub mod linkify;
pub mod url_match;
pub mod validate;
