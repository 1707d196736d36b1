//! The plain Axum routes, one module per area.

pub mod attachments;
pub mod auth;
pub mod avatars;
pub mod contact_imports;
pub mod system;
pub mod widget;
