//! `settings/general`: the account's name, language and auto-resolve after inactivity.

mod page;
mod server_fns;

pub use page::GeneralPage;
pub use server_fns::{GeneralSettings, GetGeneralSettings, LANGUAGES, UpdateGeneralSettings};
