//! `settings/canned-response/list`: saved replies by short code. Every member adds and edits
//! them; only administrators delete them (core decides).

mod page;
mod server_fns;

pub use page::CannedPage;
pub use server_fns::{
    CannedItem, CreateCannedResponse, DeleteCannedResponse, ListCannedResponses,
    UpdateCannedResponse,
};
