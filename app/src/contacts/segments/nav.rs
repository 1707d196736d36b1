//! The sidebar's "Segments": the signed-in user's saved contact segments, shown on the
//! contacts pages, each a link to its list and a delete button (a plain form).

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::server_fns::{DeleteSegment, list_segments};
use crate::i18n::{fill, tu_string, use_i18n};
use crate::post_form::{FormAction, PostForm};
use crate::routes;

/// The "Segments" section; hidden outside the contacts pages and while there is none.
#[component]
pub fn SegmentsNav(account_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let delete = FormAction::of::<DeleteSegment>();
    let path = Memo::new(move |_| location.pathname.get());
    let on_contacts = Memo::new(move |_| path.get().contains("/contacts"));
    // Refetched when the page changes (a newly saved segment opens at once) or one is
    // deleted.
    let segments = crate::json_resource::new(
        move || {
            (
                on_contacts.get().then(|| path.get()),
                delete.version().get(),
            )
        },
        move |(shown, _)| async move {
            match shown {
                Some(_) => Ok(list_segments(account_id).await.unwrap_or_default()),
                None => Ok(Vec::new()),
            }
        },
    );

    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let segments = segments.await.unwrap_or_default();
                (!segments.is_empty()).then(|| {
                    let items = segments
                        .into_iter()
                        .map(|segment| {
                            let href = routes::contact_segment(account_id, segment.id);
                            let current = StoredValue::new(href.clone());
                            let shown = move || path.with(|p| current.with_value(|c| p == c));
                            let aria = move || shown().then_some("page");
                            let delete_label = fill(tu_string!(i18n, contacts.segments.delete_named), &[("name", &segment.name)]);
                            view! {
                                <li class="saved-view">
                                    <a class="sidebar-item" href=href aria-current=aria>{segment.name}</a>
                                    <PostForm action=delete attr:class="inline-form">
                                        <input type="hidden" name="account_id" value=account_id />
                                        <input type="hidden" name="id" value=segment.id />
                                        // Deleting the segment on screen goes back to the list.
                                        <input type="hidden" name="back" value=move || shown().to_string() />
                                        <button type="submit" class="icon-button" aria-label=delete_label title=tu_string!(i18n, contacts.segments.delete)>
                                            "×"
                                        </button>
                                    </PostForm>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <section id="sidebar-segments" class="sidebar-section" aria-labelledby="sidebar-segments-heading">
                            <h2 id="sidebar-segments-heading" class="sidebar-heading">{tu_string!(i18n, contacts.segments.heading)}</h2>
                            <ul>{items}</ul>
                        </section>
                    }
                })
            })}
        </Transition>
    }
}
