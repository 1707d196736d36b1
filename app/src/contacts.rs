//! Contacts in the dashboard. For now the contact panel beside an open conversation; a full
//! contacts section can reuse it.

pub mod panel;

pub use panel::{ContactPanel, PanelOpen};
