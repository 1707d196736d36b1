//! The contacts list (`/app/accounts/:account_id/contacts`): search, sort, paging and the
//! AND/OR filter, as a server-rendered table driven by the query string.

mod models;
mod page;
mod server_fns;

pub use models::{ContactList, ContactRow, ListQuery, SORT_KEYS};
pub use page::{ContactsPage, ContactsTable};
pub use server_fns::{CreateContact, ListContacts, create_contact, list_contacts};
#[cfg(feature = "ssr")]
pub(crate) use server_fns::{contact_params, unix_now};
