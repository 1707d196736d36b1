//! `…/contacts/import`: choose a CSV file and upload it. The form is a plain multipart post
//! to the server's upload route, which redirects to the import's page, or back here with
//! `?error=` saying what is wrong with the file.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use onechat_core::domain::Role;

use super::{SAMPLE_URL, upload_action};
use crate::i18n::{tu_string, use_i18n};
use crate::layout::CurrentAccount;
use crate::{ids, routes};

/// The upload page.
#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let Some(current) = use_context::<CurrentAccount>() else {
        return ().into_any();
    };
    let account_id = current.account.id;
    let is_admin = current.account.role == Role::Administrator;
    let query = use_query_map();
    let error = move || {
        query
            .read()
            .get("error")
            .filter(|e| !e.trim().is_empty())
            .map(|message| {
                view! {
                    <p id=ids::FORM_ERROR class="form-error" role="alert">{message}</p>
                }
            })
    };

    view! {
        <Title text=tu_string!(i18n, contacts.import_page.title) />
        <div id=ids::CONTACT_IMPORT_PAGE class="contact-import">
            <nav class="contact-import-back">
                <a href=routes::contacts(account_id)>{tu_string!(i18n, contacts.import_page.back)}</a>
            </nav>
            <h1>{tu_string!(i18n, contacts.import_page.title)}</h1>
            <p>
                {tu_string!(i18n, contacts.import_page.intro)}
            </p>
            <ul class="contact-import-columns">
                <li>
                    <code>"name"</code>", "<code>"email"</code>", "<code>"phone_number"</code>
                    {tu_string!(i18n, contacts.import_page.and)}<code>"identifier"</code>
                    {tu_string!(i18n, contacts.import_page.fields_help)}
                </li>
                <li>
                    <code>"company"</code>", "<code>"city"</code>{tu_string!(i18n, contacts.import_page.and)}<code>"country"</code>
                    {tu_string!(i18n, contacts.import_page.details_help)}
                </li>
                <li>{tu_string!(i18n, contacts.import_page.blank_cells)}</li>
                <li>{tu_string!(i18n, contacts.import_page.max_size)}</li>
            </ul>
            <p>
                <a id=ids::CONTACT_IMPORT_SAMPLE href=SAMPLE_URL download="import-contacts-sample.csv">
                    {tu_string!(i18n, contacts.import_page.sample)}
                </a>
            </p>
            {error}
            {if is_admin {
                view! {
                    <form
                        id=ids::CONTACT_IMPORT_FORM
                        class="contact-import-form"
                        method="post"
                        enctype="multipart/form-data"
                        action=upload_action(account_id)
                    >
                        <label for="contact-import-file">{tu_string!(i18n, contacts.import_page.csv_file)}</label>
                        <input
                            id="contact-import-file"
                            type="file"
                            name="import_file"
                            accept=".csv,text/csv"
                            required
                        />
                        <button class="button primary" type="submit">{tu_string!(i18n, contacts.import_page.submit)}</button>
                    </form>
                }
                    .into_any()
            } else {
                view! { <p class="muted">{tu_string!(i18n, contacts.import_page.admins_only)}</p> }
                    .into_any()
            }}
        </div>
    }
    .into_any()
}
