//! Importing contacts from a CSV file: the upload page (`…/contacts/import`, a plain
//! multipart form posted to the server's upload route, so it works without JavaScript) and
//! the import's page (`…/contacts/imports/:import_id`), which follows the progress while the
//! rows are processed, then shows what was created, updated and rejected, and why.
//!
//! Both pages are lazy routes: their code is a separate WASM chunk.

mod server_fns;
mod status_page;
mod upload_page;

pub use server_fns::{GetContactImport, get_contact_import};
pub use status_page::ImportStatusPage;
pub use upload_page::ImportPage;

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

/// The upload page of an account.
pub fn import_page(account_id: i64) -> String {
    format!("/app/accounts/{account_id}/contacts/import")
}

/// Where the upload form posts (the server's cookie-authenticated route).
pub fn upload_action(account_id: i64) -> String {
    format!("/app/accounts/{account_id}/contacts/import/upload")
}

/// One import's page.
pub fn status_page(account_id: i64, import_id: i64) -> String {
    format!("/app/accounts/{account_id}/contacts/imports/{import_id}")
}

/// The sample file (served by the server, valid input for the importer).
pub const SAMPLE_URL: &str = "/downloads/import-contacts-sample.csv";

/// `…/contacts/import`.
pub struct ImportRoute;

#[lazy_route]
impl LazyRoute for ImportRoute {
    fn data() -> Self {
        ImportRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <ImportPage /> }.into_any()
    }
}

/// `…/contacts/imports/:import_id`.
pub struct ImportStatusRoute;

#[lazy_route]
impl LazyRoute for ImportStatusRoute {
    fn data() -> Self {
        ImportStatusRoute
    }

    fn view(_this: Self) -> AnyView {
        view! { <ImportStatusPage /> }.into_any()
    }
}
