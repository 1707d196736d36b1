//! The sidebar's "Folders": the signed-in agent's saved conversation views, each a link to
//! the list with its filter, and a delete button (a plain form, so it works without
//! JavaScript).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::builder::filter_url;
use super::server_fns::{DeleteSavedView, list_saved_views};
use crate::i18n::fill;
use crate::i18n::{tu_string, use_i18n};
use crate::post_form::{FormAction, PostForm};

/// The "Folders" section; hidden while the agent has no saved view.
#[component]
pub fn SavedViewsNav(account_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let delete = FormAction::of::<DeleteSavedView>();
    // Refetched when a view is opened (a newly saved one opens at once) or deleted.
    let opened = Memo::new(move |_| query.read().get("view"));
    let views = crate::json_resource::new(
        move || (opened.get(), delete.version().get()),
        move |_| list_saved_views(account_id),
    );
    let current_filter = Memo::new(move |_| query.read().get("filter"));

    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let views = views.await.unwrap_or_default();
                (!views.is_empty()).then(|| {
                    let items = views
                        .into_iter()
                        .map(|view| {
                            let href = filter_url(account_id, &view.filter, Some(view.id));
                            let id = view.id;
                            let filter = view.filter.clone();
                            // Current while the list shows this view's filter (opening a
                            // conversation keeps the filter but not `view`).
                            let aria = move || {
                                let by_id = opened.get().as_deref() == Some(id.to_string().as_str());
                                let by_filter = current_filter.get().as_deref() == Some(filter.as_str());
                                (by_id || by_filter).then_some("page")
                            };
                            let delete_label = fill(tu_string!(i18n, filters.delete_view), &[("name", &view.name)]);
                            view! {
                                <li class="saved-view">
                                    <a class="sidebar-item" href=href aria-current=aria>{view.name}</a>
                                    <PostForm action=delete attr:class="inline-form">
                                        <input type="hidden" name="account_id" value=account_id />
                                        <input type="hidden" name="id" value=id />
                                        <button type="submit" class="icon-button" aria-label=delete_label title=tu_string!(i18n, filters.delete_view_title)>
                                            "×"
                                        </button>
                                    </PostForm>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <section class="sidebar-section" aria-labelledby="sidebar-folders">
                            <h2 id="sidebar-folders" class="sidebar-heading">{tu_string!(i18n, filters.folders)}</h2>
                            <ul>{items}</ul>
                        </section>
                    }
                })
            })}
        </Transition>
    }
}
