//! The "Filter" button of the contacts page and its dialog: conditions joined by AND/OR
//! (the conversation builder's rows over the contact attributes). "Apply filter" opens the
//! list with `?filter=<payload>`; "Save as segment" stores it and opens the segment. The
//! dialog keeps the focus inside while open, Escape closes it, and the focus returns to the
//! button.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::catalog::{build, catalog};
use super::server_fns::save_segment;
use crate::contacts::list::ListQuery;
use crate::conversations::filters::payload::{Join, Row};
use crate::conversations::filters::{DialogKind, FilterChoices, FilterDialog};
use crate::i18n::{Locale, td_string, tu_string, use_i18n};
use crate::routes;

/// The contacts list showing the conditions `filter` (JSON text).
pub fn filter_url(account_id: i64, filter: &str) -> String {
    let query = ListQuery {
        filter: filter.to_owned(),
        ..ListQuery::default()
    };
    format!("{}{}", routes::contacts(account_id), query.query())
}

/// The button (and "Clear filters" while a filter is shown); the dialog is only built while
/// open, in the browser.
#[component]
pub fn ContactFilterButton(account_id: i64, segment: Memo<Option<i64>>) -> impl IntoView {
    let i18n = use_i18n();
    let kind = contacts_kind(i18n.get_locale_untracked());
    let open = RwSignal::new(false);
    let button = NodeRef::<html::Button>::new();
    let query = use_query_map();
    let active = move || query.read().get("filter").is_some() || segment.get().is_some();
    view! {
        <button
            type="button"
            id="contacts-filter-button"
            node_ref=button
            class="button filter-button"
            class:active=active
            aria-haspopup="dialog"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.set(true)
        >
            {move || if active() { tu_string!(i18n, contacts.filter.button_on) } else { tu_string!(i18n, contacts.filter.button) }}
        </button>
        {move || active().then(|| view! {
            <a class="button" href=routes::contacts(account_id)>{tu_string!(i18n, contacts.filter.clear)}</a>
        })}
        <Show when=move || open.get()>
            <FilterDialog kind account_id open button />
        </Show>
    }
}

/// The contacts list's filter in `locale`: on the name, the contact attributes, saved as a
/// segment.
fn contacts_kind(locale: Locale) -> DialogKind {
    DialogKind {
        title_id: "contacts-filter-title",
        title: td_string!(locale, contacts.filter.title),
        save_as: td_string!(locale, contacts.filter.save_as),
        name_label: td_string!(locale, contacts.filter.name_label),
        save: td_string!(locale, contacts.filter.save),
        name_missing: td_string!(locale, contacts.filter.name_missing),
        first_row: || Row {
            attribute: "name".into(),
            operator: "contains".into(),
            value: String::new(),
            join: Join::And,
        },
        catalog,
        build,
        load: load_choices,
        apply_url: filter_url,
        store: |account_id, name, filter| {
            Box::pin(async move {
                let segment = save_segment(account_id, name, filter).await?;
                Ok(routes::contact_segment(account_id, segment.id))
            })
        },
    }
}

/// Loads the selects' choices (browser only; the dialog never renders on the server).
fn load_choices(account_id: i64, choices: RwSignal<Option<FilterChoices>>) {
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        if let Ok(loaded) = super::server_fns::get_contact_filter_choices(account_id).await {
            choices.set(Some(loaded));
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (account_id, choices);
}
