//! The filter dialog shared by the conversation list and the contacts list: condition rows
//! joined by AND/OR, "Apply filter", and "Save as …" with a name. What differs (the
//! attributes, the payload, where the buttons lead, the words) comes in a [`DialogKind`]. The
//! dialog keeps the focus inside while open, Escape closes it, and the focus returns to the
//! button that opened it.

use std::future::Future;
use std::pin::Pin;

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::builder::{ConditionRow, Rows, focus_edge, wrap};
use super::payload::{self, Attribute, Row};
use super::server_fns::FilterChoices;
use crate::error::DashboardError;
use crate::i18n::{tu_string, use_i18n};

/// An account custom attribute as the catalogs take it: key, name, display type, values.
pub(crate) type CustomAttribute = (String, String, String, Vec<String>);

/// A saved filter's URL, once stored.
pub(crate) type Saved = Pin<Box<dyn Future<Output = Result<String, DashboardError>>>>;

/// What one filter dialog filters, and its words.
#[derive(Clone, Copy)]
pub(crate) struct DialogKind {
    /// `aria-labelledby` target of the title.
    pub title_id: &'static str,
    /// "Filter conversations".
    pub title: &'static str,
    /// "Save as view".
    pub save_as: &'static str,
    /// "View name".
    pub name_label: &'static str,
    /// "Save view".
    pub save: &'static str,
    /// "Give the view a name."
    pub name_missing: &'static str,
    /// The first condition when no filter is shown.
    pub first_row: fn() -> Row,
    /// The attributes offered, given the account's custom ones.
    pub catalog: fn(&[CustomAttribute]) -> Vec<Attribute>,
    /// The payload (JSON text) of the rows, or what is wrong with them.
    pub build: fn(&[Row], &[Attribute]) -> Result<String, String>,
    /// Fetches the selects' choices (browser only).
    pub load: fn(i64, RwSignal<Option<FilterChoices>>),
    /// The list URL showing a filter.
    pub apply_url: fn(i64, &str) -> String,
    /// Stores `(account, name, filter)`; resolves to the saved filter's URL.
    pub store: fn(i64, String, String) -> Saved,
}

#[component]
pub(crate) fn FilterDialog(
    kind: DialogKind,
    account_id: i64,
    open: RwSignal<bool>,
    button: NodeRef<html::Button>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let dialog = NodeRef::<html::Div>::new();
    let choices = RwSignal::new(None::<FilterChoices>);
    (kind.load)(account_id, choices);
    let attributes = Memo::new(move |_| {
        choices.with(|c| {
            let custom: Vec<CustomAttribute> = c
                .as_ref()
                .map(|c| {
                    c.attributes
                        .iter()
                        .map(|a| {
                            (
                                a.key.clone(),
                                a.name.clone(),
                                a.display_type.clone(),
                                a.values.clone(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            (kind.catalog)(&custom)
        })
    });
    // Opens on the filter shown, or on the kind's first condition.
    let initial = query
        .read_untracked()
        .get("filter")
        .map(|f| payload::rows_from(&f))
        .filter(|rows| !rows.is_empty())
        .unwrap_or_else(|| vec![(kind.first_row)()]);
    let next_key = StoredValue::new(initial.len() as u32);
    let rows: Rows = RwSignal::new((0u32..).zip(initial).collect());
    let error = RwSignal::new(None::<String>);
    let naming = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let busy = RwSignal::new(false);

    let close = move || {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    // The focus goes to the first control once the dialog is in the page: on the next
    // frame, because a lazily loaded dialog is built before its `Suspense` mounts it.
    Effect::new(move |_| {
        if let Some(el) = dialog.get() {
            request_animation_frame(move || focus_edge(&el, false));
        }
    });
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            ev.stop_propagation();
            close();
        }
    };
    let add = move |_| {
        let Some(first) = attributes.with_untracked(|a| a.first().cloned()) else {
            return;
        };
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|rows| rows.push((key, Row::on(&first))));
    };
    let built = move || {
        let list: Vec<Row> =
            rows.with_untracked(|r| r.iter().map(|(_, row)| row.clone()).collect());
        attributes.with_untracked(|a| (kind.build)(&list, a))
    };
    let apply = {
        let navigate = navigate.clone();
        move |_| match built() {
            Ok(filter) => {
                navigate(&(kind.apply_url)(account_id, &filter), Default::default());
                close();
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let filter = match built() {
            Ok(filter) => filter,
            Err(message) => return error.set(Some(message)),
        };
        let saved_name = name.get_untracked();
        if saved_name.trim().is_empty() {
            return error.set(Some(kind.name_missing.into()));
        }
        busy.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let saved = (kind.store)(account_id, saved_name, filter).await;
            busy.set(false);
            match saved {
                Ok(url) => {
                    navigate(&url, Default::default());
                    close();
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };

    view! {
        <div class="filter-backdrop" on:click=move |_| close()></div>
        <div
            node_ref=dialog
            class="filter-dialog"
            role="dialog"
            aria-modal="true"
            aria-labelledby=kind.title_id
            on:keydown=on_keydown
        >
            // Focus trap: tabbing past either end wraps to the other.
            <span tabindex="0" class="focus-guard" on:focus=move |_| wrap(dialog, true)></span>
            <h2 id=kind.title_id>{kind.title}</h2>
            <p class="muted">{tu_string!(i18n, filters.intro)}</p>
            <For each=move || rows.get() key=|(key, _)| *key let:entry>
                <ConditionRow key=entry.0 rows attributes choices />
            </For>
            <button type="button" class="button" on:click=add>{tu_string!(i18n, filters.add_condition)}</button>
            <p class="form-error" role="alert">{move || error.get()}</p>
            <div class="filter-actions">
                <button type="button" class="button primary" on:click=apply>{tu_string!(i18n, filters.apply)}</button>
                <button
                    type="button"
                    class="button"
                    aria-expanded=move || naming.get().to_string()
                    on:click=move |_| naming.update(|n| *n = !*n)
                >
                    {kind.save_as}
                </button>
                <button type="button" class="button filter-cancel" on:click=move |_| close()>{tu_string!(i18n, filters.cancel)}</button>
            </div>
            <form class="filter-save" hidden=move || !naming.get() on:submit=save>
                <label>
                    {kind.name_label}
                    <input
                        type="text"
                        maxlength="255"
                        required
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </label>
                <button type="submit" class="button primary" disabled=move || busy.get()>{kind.save}</button>
            </form>
            <span tabindex="0" class="focus-guard" on:focus=move |_| wrap(dialog, false)></span>
        </div>
    }
}
