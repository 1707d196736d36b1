//! `/app/accounts/:account_id/search?q=…&page=N`: a GET form and the matching messages, each
//! linking to its conversation. Works without JavaScript; matches are shown as text nodes.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::models::{SearchHit, SearchResults};
use super::server_fns::search_messages;
use crate::conversations::list_filters::{Filters, encode};
use crate::conversations::models::relative_time;
use crate::i18n::{fill, tu_string, use_i18n};
use crate::layout::CurrentAccount;
use crate::{ids, routes};

/// The search page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let Some(current) = use_context::<CurrentAccount>() else {
        return ().into_any();
    };
    let account_id = current.account.id;
    let query = use_query_map();
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default().trim().to_owned());
    let page = Memo::new(move |_| {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<i64>().ok())
            .unwrap_or(1)
            .clamp(1, 1_000)
    });
    let results = crate::json_resource::new(
        move || (q.get(), page.get()),
        move |(q, page)| async move {
            if q.is_empty() {
                Ok(None)
            } else {
                search_messages(account_id, q, Some(page)).await.map(Some)
            }
        },
    );

    view! {
        <Title text=tu_string!(i18n, search.title) />
        <div id=ids::SEARCH_PAGE class="search-page">
            <form id=ids::SEARCH_FORM class="search-form" role="search" method="get" action=routes::search(account_id)>
                <label for="search-q">{tu_string!(i18n, search.label)}</label>
                <div class="search-row">
                    <input id="search-q" type="search" name="q" value=q />
                    <button class="button primary" type="submit">{tu_string!(i18n, search.submit)}</button>
                </div>
            </form>
            <Suspense fallback=move || view! { <p class="muted">{tu_string!(i18n, search.searching)}</p> }>
                {move || Suspend::new(async move {
                    match results.await {
                        Ok(None) => view! {
                            <p class="muted">{tu_string!(i18n, search.intro)}</p>
                        }
                            .into_any(),
                        Ok(Some(found)) => view! {
                            <Results found account_id q=q.get_untracked() page=page.get_untracked() />
                        }
                            .into_any(),
                        Err(error) => view! {
                            <p class="form-error" role="alert">{error.to_string()}</p>
                        }
                            .into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
    .into_any()
}

#[component]
fn Results(found: SearchResults, account_id: i64, q: String, page: i64) -> impl IntoView {
    let i18n = use_i18n();
    let now = found.now;
    let summary = match found.total {
        0 => fill(tu_string!(i18n, search.no_match), &[("q", &q)]),
        1 => fill(tu_string!(i18n, search.one_match), &[("q", &q)]),
        n => fill(
            tu_string!(i18n, search.many_matches),
            &[("count", &n), ("q", &q)],
        ),
    };
    let hits = found
        .hits
        .into_iter()
        .map(|hit| view! { <Hit hit account_id now /> })
        .collect_view();
    let base = format!("{}?q={}", routes::search(account_id), encode(&q));
    let previous = (page > 1).then(|| {
        let href = format!("{base}&page={}", page - 1);
        view! { <a class="button" href=href rel="prev">{tu_string!(i18n, search.previous_page)}</a> }
    });
    let next = found.has_more.then(|| {
        let href = format!("{base}&page={}", page + 1);
        view! { <a class="button" href=href rel="next">{tu_string!(i18n, search.next_page)}</a> }
    });
    view! {
        <p class="muted" role="status">{summary}</p>
        <ul class="search-results">{hits}</ul>
        <nav class="search-pager" aria-label=tu_string!(i18n, search.result_pages)>{previous}{next}</nav>
    }
}

#[component]
fn Hit(hit: SearchHit, account_id: i64, now: i64) -> impl IntoView {
    // The list beside the thread shows every status and assignee, so the hit is in it.
    let shown = Filters {
        assignee: "all",
        status: "all",
        ..Filters::default()
    };
    let href = format!(
        "{}{}",
        routes::conversation(account_id, hit.display_id),
        shown.query()
    );
    let messages = hit
        .messages
        .into_iter()
        .map(|m| {
            view! {
                <li class="search-message" data-message-id=m.id>
                    <p class="snippet">
                        {m.sender_name.map(|name| view! { <span class="sender">{name}": "</span> })}
                        {m.before}
                        {(!m.matched.is_empty()).then(|| view! { <mark>{m.matched}</mark> })}
                        {m.after}
                    </p>
                    <time class="muted">{relative_time(crate::i18n::page_locale(), m.created_at, now)}</time>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="search-hit">
            <a class="search-hit-link" href=href data-display-id=hit.display_id>
                <span class="search-hit-head">
                    <span class="contact-name">{hit.contact_name}</span>
                    <span class="muted">{hit.inbox_name}</span>
                    <span class="muted">{format!("#{}", hit.display_id)}</span>
                </span>
                <ul class="search-messages">{messages}</ul>
            </a>
        </li>
    }
}
