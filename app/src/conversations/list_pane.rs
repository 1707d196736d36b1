//! The conversation list: search box, sort, status filter, assignee tabs with counts and the
//! rows, which grow page by page as the agent scrolls. Every control is also a plain link or
//! GET form, so the list works without JavaScript.

use leptos::prelude::*;

pub use super::list_filters::Filters;
use super::list_filters::{MAX_PAGES, SORTS, STATUSES, TABS, sort_label, status_label, tab_label};
use super::list_row::Row;
use super::models::ConversationPage;
use crate::i18n::fill;
use crate::i18n::{tu_string, use_i18n};
use crate::{ids, routes};

/// How many pages the list shows: the query string's `page`, or more once the agent
/// scrolled further in the same view.
#[derive(Debug, Clone, Copy)]
pub struct Paging {
    /// The view (without its page) the scrolled pages belong to, and the pages reached.
    more: RwSignal<(Filters, i64)>,
    /// The pages to fetch.
    pub pages: Memo<i64>,
}

impl Paging {
    /// Paging of the view `filters`; changing the view drops the scrolled pages.
    pub fn new(filters: Memo<Filters>) -> Paging {
        let more = RwSignal::new((Filters::default(), 0));
        let pages = Memo::new(move |_| {
            let filters = filters.get();
            let reached = more.with(|(view, reached)| {
                if *view == filters.first_page() {
                    *reached
                } else {
                    0
                }
            });
            filters.page.max(reached).min(MAX_PAGES)
        });
        Paging { more, pages }
    }

    /// Asks for one page more than `shown`, unless that page is already on its way.
    fn load_after(self, filters: &Filters, shown: i64) {
        if self.pages.get_untracked() != shown || shown >= MAX_PAGES {
            return;
        }
        self.more.set((filters.first_page(), shown + 1));
    }
}

/// The left pane.
#[component]
pub fn ConversationList(
    account_id: i64,
    filters: Memo<Filters>,
    selected: Memo<Option<i64>>,
    list: crate::json_resource::JsonResource<ConversationPage>,
    paging: Paging,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let base = routes::dashboard(account_id);
    let title = move || match filters.get().conversation_type {
        Some("mention") => tu_string!(i18n, conversations.mentions),
        Some("unattended") => tu_string!(i18n, conversations.unattended),
        _ => tu_string!(i18n, conversations.title),
    };
    let status_links = {
        let base = base.clone();
        move || {
            let current = filters.get();
            if current.filter.is_some() {
                let clear = format!("{base}{}", current.base().query());
                return view! {
                    <p class="filter-note">
                        {tu_string!(i18n, conversations.advanced_filter_applied)}
                        <a href=clear>{tu_string!(i18n, conversations.clear_filter)}</a>
                    </p>
                }
                .into_any();
            }
            let links = STATUSES
                .iter()
                .map(|&(key, _)| {
                    let label = status_label(locale, key);
                    let f = Filters {
                        status: key,
                        ..current.first_page()
                    };
                    let href = format!("{base}{}", f.query());
                    let aria = (current.status == key).then_some("page");
                    view! { <a class="chip" href=href aria-current=aria>{label}</a> }
                })
                .collect_view();
            view! { <nav class="status-filter" aria-label=tu_string!(i18n, conversations.status_nav)>{links}</nav> }.into_any()
        }
    };
    // Loads the next page when the agent scrolls near the bottom of the rows.
    let on_scroll = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(el) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            if el.scroll_top() + el.client_height() + 200 < el.scroll_height() {
                return;
            }
            let shown = list
                .with_untracked(|page| match page {
                    Ok(page) if page.has_more => Some(page.pages),
                    _ => None,
                })
                .flatten();
            if let Some(shown) = shown {
                paging.load_after(&filters.get_untracked(), shown);
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };

    let tabs_base = base.clone();
    let rows_base = base.clone();
    view! {
        <aside id=ids::CONVERSATION_LIST class="conversation-list" aria-label=tu_string!(i18n, conversations.list_label)>
            <header class="list-header">
                <div class="list-title-row">
                    <h1>{title}</h1>
                    <SortForm base filters />
                    <super::filters::FilterButton account_id />
                </div>
                <form class="list-search" role="search" method="get" action=routes::search(account_id)>
                    <label class="visually-hidden" for=ids::LIST_SEARCH>{tu_string!(i18n, conversations.search_label)}</label>
                    <input id=ids::LIST_SEARCH type="search" name="q" placeholder=tu_string!(i18n, conversations.search_placeholder) />
                </form>
                {status_links}
            </header>
            <Transition fallback=|| ()>
                {
                    move || {
                        let base = tabs_base.clone();
                        Suspend::new(async move {
                            match list.await {
                                Ok(page) if filters.get_untracked().filter.is_none() => {
                                    view! { <Tabs page base filters /> }.into_any()
                                }
                                Ok(page) => view! {
                                    <p class="muted list-count">
                                        {fill(
                                            tu_string!(i18n, conversations.matching),
                                            &[("count", &page.counts.all_count)],
                                        )}
                                    </p>
                                }
                                    .into_any(),
                                Err(_) => ().into_any(),
                            }
                        })
                    }
                }
            </Transition>
            <div class="list-scroll" on:scroll=on_scroll>
                <Transition fallback=move || view! { <p class="muted list-note">{tu_string!(i18n, conversations.loading)}</p> }>
                    {
                        move || {
                            let base = rows_base.clone();
                            Suspend::new(async move {
                                match list.await {
                                    Ok(page) => view! {
                                        <Rows page base account_id filters selected paging />
                                    }
                                        .into_any(),
                                    Err(error) => view! {
                                        <p class="form-error list-note" role="alert">{error.to_string()}</p>
                                    }
                                        .into_any(),
                                }
                            })
                        }
                    }
                </Transition>
            </div>
        </aside>
    }
}

/// The assignee tabs with their counts.
#[component]
fn Tabs(page: ConversationPage, base: String, filters: Memo<Filters>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let counts = [
        page.counts.mine_count,
        page.counts.unassigned_count,
        page.counts.all_count,
    ];
    let current = filters.get_untracked();
    let tabs = TABS
        .iter()
        .zip(counts)
        .map(|(&(key, _), count)| {
            let label = tab_label(locale, key);
            let f = Filters {
                assignee: key,
                ..current.first_page()
            };
            let href = format!("{base}{}", f.query());
            let aria = move || (filters.get().assignee == key).then_some("page");
            view! {
                <a class="tab" href=href aria-current=aria>
                    {label}
                    <span class="tab-count">{count}</span>
                </a>
            }
        })
        .collect_view();
    view! { <nav class="tabs" aria-label=tu_string!(i18n, conversations.assignee_nav)>{tabs}</nav> }
}

/// The sort select: a GET form (its button is hidden once the page is live, when a change
/// navigates at once).
#[component]
fn SortForm(base: String, filters: Memo<Filters>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let navigate = leptos_router::hooks::use_navigate();
    let action = base.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if let Some(&(sort, _)) = SORTS.iter().find(|(key, _)| *key == value) {
            let f = Filters {
                sort,
                ..filters.get_untracked().first_page()
            };
            navigate(&format!("{base}{}", f.query()), Default::default());
        }
    };
    // The other filters ride along as hidden fields, so a plain submit keeps them.
    let hidden = move || {
        let f = filters.get();
        let mut fields: Vec<(&'static str, String)> = vec![
            ("assignee", f.assignee.to_owned()),
            ("status", f.status.to_owned()),
        ];
        fields.extend(f.inbox_id.map(|id| ("inbox_id", id.to_string())));
        fields.extend(f.team_id.map(|id| ("team_id", id.to_string())));
        fields.extend(f.label.map(|label| ("label", label)));
        fields.extend(
            f.conversation_type
                .map(|t| ("conversation_type", t.to_owned())),
        );
        fields.extend(f.filter.map(|filter| ("filter", filter)));
        fields
            .into_iter()
            .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
            .collect_view()
    };
    let options = SORTS
        .iter()
        .map(|&(key, _)| {
            let label = sort_label(locale, key);
            let selected = move || filters.get().sort == key;
            view! { <option value=key selected=selected>{label}</option> }
        })
        .collect_view();
    view! {
        <form class="list-sort" method="get" action=action>
            {hidden}
            <label for=ids::LIST_SORT>{tu_string!(i18n, conversations.sort)}</label>
            <select id=ids::LIST_SORT name="sort" on:change=on_change>{options}</select>
            <button class="button small sort-apply" type="submit">{tu_string!(i18n, conversations.apply)}</button>
        </form>
    }
}

/// The rows and, while more follow, the "Load more" link.
#[component]
fn Rows(
    page: ConversationPage,
    base: String,
    account_id: i64,
    filters: Memo<Filters>,
    selected: Memo<Option<i64>>,
    paging: Paging,
) -> impl IntoView {
    let i18n = use_i18n();
    let now = page.now;
    let pages = page.pages;
    let empty = page.rows.is_empty();
    let rows = page
        .rows
        .into_iter()
        .map(|row| view! { <Row row account_id now pages filters selected /> })
        .collect_view();
    let more = page.has_more.then(|| {
        let href = format!(
            "{base}{}",
            filters.get_untracked().with_page(pages + 1).query()
        );
        let on_click = move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            paging.load_after(&filters.get_untracked(), pages);
        };
        view! {
            <a id=ids::LOAD_MORE class="load-more" href=href on:click=on_click>{tu_string!(i18n, conversations.load_more)}</a>
        }
    });

    view! {
        {empty.then(|| view! { <p class="muted list-note">{tu_string!(i18n, conversations.empty)}</p> })}
        <ul class="rows">{rows}</ul>
        {more}
    }
}
