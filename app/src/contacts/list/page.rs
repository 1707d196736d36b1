//! The contacts page: a search form (GET, so it works without JavaScript), the filter button,
//! the "New contact" form and the table with sortable columns and pages. The same page shows
//! a saved segment at `…/contacts/segments/:segment_id`.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::models::{ContactList, ContactRow, ListQuery, SORT_KEYS};
use super::server_fns::{CreateContact, list_contacts};
use crate::contacts::segments::{ContactFilterButton, DeleteSegment};
use crate::conversations::models::relative_time;
use crate::i18n::{fill, tu_string, use_i18n};
use crate::layout::CurrentAccount;
use crate::routes;

/// The contacts list, or a segment's contacts when the route names one.
#[component]
pub fn ContactsPage() -> impl IntoView {
    let i18n = use_i18n();
    let Some(current) = use_context::<CurrentAccount>() else {
        return ().into_any();
    };
    let account_id = current.account.id;
    let params = use_params_map();
    let query = use_query_map();
    let segment_id = Memo::new(move |_| {
        params
            .read()
            .get("segment_id")
            .and_then(|id| id.parse::<i64>().ok())
    });
    let state = Memo::new(move |_| ListQuery::from_query(|name| query.read().get(name)));
    let list = crate::json_resource::new(
        move || (segment_id.get(), state.get()),
        move |(segment_id, state)| {
            list_contacts(
                account_id,
                state.q,
                state.sort,
                Some(state.page),
                state.filter,
                segment_id,
            )
        },
    );
    let base = move || match segment_id.get() {
        Some(id) => routes::contact_segment(account_id, id),
        None => routes::contacts(account_id),
    };

    view! {
        <Title text=tu_string!(i18n, contacts.title) />
        <div id="contacts-page" class="contacts-page">
            <header class="contacts-header">
                // The segment's name once loaded (inside Suspense, so the server renders it).
                <Suspense fallback=move || view! { <h1>{tu_string!(i18n, contacts.title)}</h1> }>
                    {move || Suspend::new(async move {
                        let title = list
                            .await
                            .ok()
                            .and_then(|l| l.segment.map(|(_, name)| name))
                            .unwrap_or_else(|| tu_string!(i18n, contacts.title).to_owned());
                        view! { <h1>{title}</h1> }
                    })}
                </Suspense>
                <form
                    id="contacts-search"
                    class="contacts-search"
                    role="search"
                    method="get"
                    action=move || routes::contacts(account_id)
                >
                    <label for="contacts-q" class="visually-hidden">{tu_string!(i18n, contacts.search_label)}</label>
                    <input
                        id="contacts-q"
                        type="search"
                        name="q"
                        placeholder=tu_string!(i18n, contacts.search_placeholder)
                        value=move || state.get().q
                    />
                    <input type="hidden" name="sort" value=move || state.get().sort />
                    <button class="button" type="submit">{tu_string!(i18n, contacts.search)}</button>
                </form>
                <ContactFilterButton account_id segment=segment_id />
                {move || segment_id.get().map(|id| view! { <DeleteSegmentForm account_id id /> })}
                <NewContact account_id />
                <a id=crate::ids::CONTACT_IMPORT_LINK class="button" href=crate::contacts::import::import_page(account_id)>
                    {tu_string!(i18n, contacts.import)}
                </a>
            </header>
            <Suspense fallback=move || view! { <p class="muted">{tu_string!(i18n, contacts.loading)}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(found) => {
                            let sortable = segment_id.get_untracked().is_none()
                                && found.filter.is_empty();
                            view! {
                                <ContactsTable found account_id state=state.get_untracked() base=base() sortable />
                            }
                                .into_any()
                        }
                        Err(error) => view! { <p class="form-error" role="alert">{error.to_string()}</p> }
                            .into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
    .into_any()
}

/// The table of one page, with sortable headers (when `sortable`) and the pager.
#[component]
pub fn ContactsTable(
    found: ContactList,
    account_id: i64,
    state: ListQuery,
    base: String,
    sortable: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let now = found.now;
    let summary = match found.count {
        0 if !state.q.is_empty() => {
            fill(tu_string!(i18n, contacts.no_match), &[("query", &state.q)])
        }
        0 => tu_string!(i18n, contacts.empty).to_owned(),
        1 => tu_string!(i18n, contacts.one_contact).to_owned(),
        n => fill(
            tu_string!(i18n, contacts.many_contacts),
            &[("count", &n.to_string())],
        ),
    };
    let header = |key: &'static str, title: &'static str| {
        if !sortable {
            return view! { <th scope="col">{title}</th> }.into_any();
        }
        let (arrow, aria) = if state.sort == key {
            (" ▲", "ascending")
        } else if state.sort == format!("-{key}") {
            (" ▼", "descending")
        } else {
            ("", "none")
        };
        let href = format!("{base}{}", state.sorted_by(key).query());
        view! {
            <th scope="col" aria-sort=aria>
                <a href=href class="sort-link" data-sort=key>{title}{arrow}</a>
            </th>
        }
        .into_any()
    };
    let head = [
        header(SORT_KEYS[0].0, tu_string!(i18n, contacts.columns.name)),
        header(SORT_KEYS[1].0, tu_string!(i18n, contacts.columns.email)),
        header(SORT_KEYS[2].0, tu_string!(i18n, contacts.columns.phone)),
        view! { <th scope="col">{tu_string!(i18n, contacts.columns.company)}</th> }.into_any(),
        view! { <th scope="col">{tu_string!(i18n, contacts.columns.location)}</th> }.into_any(),
        header(
            SORT_KEYS[3].0,
            tu_string!(i18n, contacts.columns.last_activity),
        ),
    ];
    let rows = found
        .rows
        .into_iter()
        .map(|row| view! { <Row row account_id now /> })
        .collect_view();
    let pages = (found.count + found.page_size - 1) / found.page_size.max(1);
    let previous = (found.page > 1).then(|| {
        let href = format!("{base}{}", state.on_page(found.page - 1).query());
        view! { <a class="button" href=href rel="prev">{tu_string!(i18n, contacts.previous_page)}</a> }
    });
    let next = (found.page < pages).then(|| {
        let href = format!("{base}{}", state.on_page(found.page + 1).query());
        view! { <a class="button" href=href rel="next">{tu_string!(i18n, contacts.next_page)}</a> }
    });
    let position = (pages > 1).then(|| {
        view! { <span class="muted">{fill(tu_string!(i18n, contacts.page_of), &[("page", &found.page.to_string()), ("pages", &pages.to_string())])}</span> }
    });
    view! {
        <p class="muted" role="status">{summary}</p>
        <table id="contacts-table" class="contacts-table">
            <thead>
                <tr>{head}</tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <nav class="contacts-pager" aria-label=tu_string!(i18n, contacts.pages_label)>{previous}{position}{next}</nav>
    }
}

#[component]
fn Row(row: ContactRow, account_id: i64, now: i64) -> impl IntoView {
    let href = routes::contact(account_id, row.id);
    let avatar = if row.thumbnail.is_empty() {
        view! { <span class="avatar initials" aria-hidden="true">{row.initials()}</span> }
            .into_any()
    } else {
        view! { <img class="avatar" src=row.thumbnail.clone() alt="" /> }.into_any()
    };
    let activity = row
        .last_activity_at
        .map(|at| relative_time(crate::i18n::page_locale(), at, now))
        .unwrap_or_else(|| "—".to_owned());
    view! {
        <tr data-contact-id=row.id>
            <td>
                <a class="contact-link" href=href>
                    {avatar}
                    <span>{row.name}</span>
                </a>
            </td>
            <td>{row.email}</td>
            <td>{row.phone_number}</td>
            <td>{row.company}</td>
            <td>{row.location}</td>
            <td>{activity}</td>
        </tr>
    }
}

/// "Delete segment": a folded confirmation, so a slip does not delete it.
#[component]
fn DeleteSegmentForm(account_id: i64, id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let delete = ServerAction::<DeleteSegment>::new();
    view! {
        <details class="contacts-delete-segment">
            <summary class="button">{tu_string!(i18n, contacts.delete_segment)}</summary>
            <ActionForm action=delete>
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="back" value="true" />
                <p>{tu_string!(i18n, contacts.delete_segment_confirm)}</p>
                <button type="submit" class="button danger" disabled=delete.pending()>
                    {tu_string!(i18n, contacts.yes_delete)}
                </button>
            </ActionForm>
            <p class="form-error" role="alert">
                {move || delete.value().get().and_then(Result::err).map(|e| e.to_string())}
            </p>
        </details>
    }
}

/// "New contact": a folded form; once saved, the server opens the new contact's page.
#[component]
fn NewContact(account_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateContact>::new();
    let error = move || {
        create
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.to_string())
    };
    view! {
        <details class="contacts-new">
            <summary class="button primary">{tu_string!(i18n, contacts.new_contact)}</summary>
            <ActionForm action=create attr:id="new-contact-form" attr:class="form compact">
                <input type="hidden" name="account_id" value=account_id />
                <crate::contacts::details::ContactFields prefix="new-contact" values=Default::default() />
                <p class="form-error" role="alert">{error}</p>
                <button type="submit" class="button primary" disabled=create.pending()>
                    {tu_string!(i18n, contacts.create_contact)}
                </button>
            </ActionForm>
        </details>
    }
}
