//! The contacts' AND/OR filter builder and saved segments (custom filters of type contact):
//! the "Filter" button on the contacts page, "Save as segment", and the sidebar's
//! "Segments" section. The builder reuses the conversation builder's rows and rules.

mod catalog;
mod dialog;
mod nav;
mod server_fns;

pub use catalog::{build, catalog};
pub use dialog::ContactFilterButton;
pub use nav::SegmentsNav;
pub use server_fns::{
    DeleteSegment, GetContactFilterChoices, ListSegments, SaveSegment, Segment, delete_segment,
    get_contact_filter_choices, list_segments, save_segment,
};
