//! `settings/labels/list`: label definitions (title rules, description, colour, shown on the
//! sidebar), managed by administrators.

mod page;
mod server_fns;

pub use page::LabelsPage;
pub use server_fns::{CreateLabel, DeleteLabel, LabelItem, ListLabels, UpdateLabel};
