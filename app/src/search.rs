//! Message search: the results page (`/app/accounts/:account_id/search?q=…`) listing matching
//! messages with their conversations, and its server function.

mod models;
mod page;
mod server_fns;
#[cfg(feature = "ssr")]
mod snippet;

pub use models::{SearchHit, SearchResults, SearchSnippet};
pub use page::SearchPage;
pub use server_fns::{SearchMessages, search_messages};
