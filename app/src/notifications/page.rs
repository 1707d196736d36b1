//! `/app/accounts/:account_id/notifications`: the list, newest first. Opening an item is a
//! form post that marks it read and redirects to the conversation, so it works without
//! JavaScript too.

use leptos::prelude::*;
use leptos_meta::Title;

use super::bell::Bell;
use super::models::NotificationRow;
use super::server_fns::list_notifications;
use crate::conversations::models::relative_time;
use crate::i18n::{fill, tu_string, use_i18n};
use crate::ids;
use crate::layout::CurrentAccount;
use crate::post_form::{FormAction, PostForm};

/// The notification list page.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let (Some(current), Some(bell)) = (use_context::<CurrentAccount>(), use_context::<Bell>())
    else {
        // Only reachable outside the workspace frame, which provides both.
        return ().into_any();
    };
    let account_id = current.account.id;
    let read_all = bell.read_all;
    let open = bell.open;
    let live = bell.live;
    let list = crate::json_resource::new(
        move || (read_all.version().get(), live.map(|n| n.get())),
        move |_| list_notifications(account_id),
    );

    view! {
        <Title text=tu_string!(i18n, notifications.title) />
        <div class="notifications-page">
            <header class="notifications-header">
                <h1>{tu_string!(i18n, notifications.title)}</h1>
                <PostForm action=read_all attr:id=ids::MARK_ALL_READ_FORM>
                    <input type="hidden" name="account_id" value=account_id />
                    <button type="submit" class="button" disabled=read_all.pending()>
                        {tu_string!(i18n, notifications.mark_all_read)}
                    </button>
                </PostForm>
            </header>
            <Transition fallback=move || view! { <p class="muted">{tu_string!(i18n, notifications.loading)}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(page) if page.rows.is_empty() => {
                            view! { <p class="muted empty-state">{tu_string!(i18n, notifications.empty)}</p> }
                                .into_any()
                        }
                        Ok(page) => {
                            let now = page.now;
                            view! {
                                <ul id=ids::NOTIFICATION_LIST class="notification-list">
                                    {page
                                        .rows
                                        .into_iter()
                                        .map(|row| view! { <Item account_id row now open /> })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(err) => view! { <p role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
    .into_any()
}

#[component]
fn Item(account_id: i64, row: NotificationRow, now: i64, open: FormAction) -> impl IntoView {
    let i18n = use_i18n();
    let class = if row.read {
        "notification read"
    } else {
        "notification unread"
    };
    view! {
        <li class=class>
            <PostForm action=open>
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="notification_id" value=row.id />
                <input type="hidden" name="display_id" value=row.display_id />
                <button type="submit" class="notification-open">
                    {(!row.read).then(|| view! {
                        <span class="unread-dot" aria-hidden="true" />
                        <span class="visually-hidden">{tu_string!(i18n, notifications.unread_prefix)}</span>
                    })}
                    <span class="notification-title">{row.title}</span>
                    <span class="muted">{fill(tu_string!(i18n, notifications.conversation), &[("id", &row.display_id)])}</span>
                    <time class="muted">{relative_time(crate::i18n::page_locale(), row.created_at, now)}</time>
                </button>
            </PostForm>
        </li>
    }
}
