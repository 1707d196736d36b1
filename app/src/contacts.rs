//! Contacts in the dashboard: the contact panel beside an open conversation, and the
//! contacts section (the list with search, sort, filters and segments; one contact's page).

pub mod details;
pub mod import;
pub mod list;
pub mod panel;
mod routes;
pub mod segments;

pub use panel::{ContactPanel, PanelOpen};
pub use routes::{ContactRoute, ContactsRoute};
pub use segments::SegmentsNav;
