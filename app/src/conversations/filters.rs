//! The advanced filter builder ("Filter" above the conversation list) and the agent's saved
//! views ("Folders" in the sidebar), stored as custom filters.

mod builder;
mod dialog;
pub mod payload;
mod saved_views;
mod server_fns;

pub use builder::FilterButton;
// The contacts list has the same dialog, over the contact attributes.
pub(crate) use dialog::{DialogKind, FilterDialog};
pub use saved_views::SavedViewsNav;
pub use server_fns::{
    AttributeChoice, Choice, DeleteSavedView, FilterChoices, GetFilterChoices, ListSavedViews,
    SaveView, SavedView, delete_saved_view, get_filter_choices, list_saved_views, save_view,
};
