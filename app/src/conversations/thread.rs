//! The open conversation: header with its actions, the messages (formatted content, files,
//! interactive prompts, delivery state, delete), earlier pages, and the reply box.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};
use onechat_core::domain::{ConversationStatus, StoredEnum as _};

use super::actions::{ConversationDetails, StatusActions, Target, ThreadActions};
use super::live::{Live, TypingIndicator};
use super::models::{MessageKind, Thread, ThreadMessage, relative_time};
use super::reply_box::ReplyBox;
use super::server_fns::get_thread;
use super::thread_models::{AttachmentKind, Interactive, ThreadAttachment};
use super::thread_settings::ThreadSettingsBar;
use crate::i18n::{Locale, td_string, tu_string, use_i18n};
use crate::ids;
use crate::post_form::{FormAction, PostForm};

/// Scroll state of the message pane, owned by [`ThreadView`] so refetches keep it.
#[derive(Clone, Copy)]
struct Pane {
    /// The agent is looking at the newest message.
    at_bottom: RwSignal<bool>,
    /// Messages arrived while the agent was reading further up.
    unseen: RwSignal<bool>,
    /// The `before` id last asked for by scrolling, so one scroll asks once.
    #[cfg(feature = "hydrate")]
    requested: StoredValue<Option<i64>>,
}

/// The right pane for `display_id`. The reply box sits outside the refetched part, so a live
/// update never wipes what the agent is typing. `?before=<id>` keeps earlier pages loaded
/// across refetches (and makes "Load earlier messages" work without JavaScript).
#[component]
pub fn ThreadView(
    account_id: i64,
    display_id: i64,
    live: Live,
    reply: FormAction,
    actions: ThreadActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let before = Memo::new(move |_| {
        query
            .read()
            .get("before")
            .and_then(|id| id.trim().parse::<i64>().ok())
    });
    let thread = crate::json_resource::new(
        move || {
            (
                live.tick.get(),
                reply.version().get(),
                actions.version(),
                before.get(),
            )
        },
        move |(.., before)| get_thread(account_id, display_id, before),
    );
    let pane = Pane {
        at_bottom: RwSignal::new(true),
        unseen: RwSignal::new(false),
        #[cfg(feature = "hydrate")]
        requested: StoredValue::new(None),
    };
    // A newer last message while the agent reads further up: offer to jump down. At the
    // bottom, the column-reverse pane stays pinned to the newest message by itself.
    let newest = StoredValue::new(None::<i64>);
    Effect::new(move |_| {
        let Some(Ok(thread)) = thread.get() else {
            return;
        };
        let last = thread.messages.last().map(|m| m.id);
        let previous = newest.get_value();
        newest.set_value(last);
        if previous.is_some() && last > previous && !pane.at_bottom.get_untracked() {
            pane.unseen.set(true);
        }
    });
    // The agent's own reply: show it.
    Effect::new(move |previous: Option<usize>| {
        let version = reply.version().get();
        if previous.is_some_and(|p| p != version) {
            scroll_to_bottom(pane);
        }
        version
    });
    view! {
        <Transition fallback=move || view! { <p class="muted list-note">{tu_string!(i18n, thread.loading)}</p> }>
            {move || Suspend::new(async move {
                match thread.await {
                    Ok(thread) => view! { <ThreadBody thread account_id actions pane /> }.into_any(),
                    Err(error) => view! {
                        <p class="form-error list-note" role="alert">{error.to_string()}</p>
                    }.into_any(),
                }
            })}
        </Transition>
        <button
            type="button"
            class="new-messages"
            hidden=move || !pane.unseen.get()
            on:click=move |_| scroll_to_bottom(pane)
        >
            {tu_string!(i18n, thread.new_messages)}
        </button>
        <TypingIndicator display_id />
        <ReplyBox account_id display_id action=reply />
    }
}

/// Scrolls the pane to the newest message (0 is the bottom of a column-reverse pane).
fn scroll_to_bottom(pane: Pane) {
    pane.unseen.set(false);
    pane.at_bottom.set(true);
    #[cfg(feature = "hydrate")]
    if let Some(el) = document().get_element_by_id(ids::THREAD_SCROLL) {
        el.set_scroll_top(0);
    }
}

/// Tracks where the agent is; near the top, follows the "Load earlier messages" link (the
/// router turns that into a refetch with `?before=`).
#[cfg(feature = "hydrate")]
fn on_scroll(pane: Pane) {
    use leptos::wasm_bindgen::JsCast;
    /// How close (px) to an edge counts as being there.
    const EDGE: i32 = 48;

    let document = document();
    let Some(el) = document.get_element_by_id(ids::THREAD_SCROLL) else {
        return;
    };
    // column-reverse: scrollTop is 0 at the bottom and negative above it.
    let from_bottom = el.scroll_top().abs();
    let at_bottom = from_bottom < EDGE;
    if at_bottom != pane.at_bottom.get_untracked() {
        pane.at_bottom.set(at_bottom);
    }
    if at_bottom {
        pane.unseen.set(false);
    }
    let from_top = el.scroll_height() - el.client_height() - from_bottom;
    if from_top > EDGE {
        return;
    }
    let Some(link) = document.get_element_by_id(ids::LOAD_EARLIER) else {
        return;
    };
    let wanted = link
        .get_attribute("data-before")
        .and_then(|id| id.parse::<i64>().ok());
    if wanted.is_some() && wanted != pane.requested.get_value() {
        pane.requested.set_value(wanted);
        if let Ok(link) = link.dyn_into::<leptos::web_sys::HtmlElement>() {
            link.click();
        }
    }
}

/// The current URL with `before=<id>` set (other filters kept).
fn earlier_href(before: i64) -> String {
    let location = use_location();
    let mut query = location.query.get_untracked();
    query.replace("before", before.to_string());
    format!(
        "{}{}",
        location.pathname.get_untracked(),
        query.to_query_string()
    )
}

#[component]
fn ThreadBody(
    thread: Thread,
    account_id: i64,
    actions: ThreadActions,
    pane: Pane,
) -> impl IntoView {
    let Thread {
        display_id,
        contact_name,
        status: thread_status,
        details,
        settings,
        messages,
        has_earlier,
        now,
    } = thread;
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let agents = details.choices.agents.clone();
    let earlier = messages
        .first()
        .filter(|_| has_earlier)
        .map(|first| {
            let before = first.id;
            view! {
                <a id=ids::LOAD_EARLIER class="load-earlier" href=earlier_href(before) data-before=before>
                    {tu_string!(i18n, thread.load_earlier)}
                </a>
            }
        });
    view! {
        <header class="thread-header">
            <h2>{contact_name}</h2>
            <span class="status-badge">{status_badge(locale, thread_status)}</span>
            // Keyed, so the forms are re-created when what they show changes (which also
            // closes the snooze menu), and left alone by refetches that change nothing else.
            <For each=move || [thread_status] key=|status| status.as_str() let:thread_status>
                <StatusActions thread_status account_id display_id actions />
            </For>
        </header>
        <For each=move || [details.clone()] key=|details| details.clone() let:details>
            <ConversationDetails details account_id display_id actions />
        </For>
        <ThreadSettingsBar settings agents account_id display_id actions />
        // column-reverse keeps the view pinned to the newest message as messages arrive,
        // and keeps what the agent reads in place when earlier pages are added above.
        <div
            id=ids::THREAD_SCROLL
            class="thread-scroll"
            on:scroll=move |_| {
                #[cfg(feature = "hydrate")]
                on_scroll(pane);
                #[cfg(not(feature = "hydrate"))]
                let _ = pane;
            }
        >
            <div class="thread-inner">
                {earlier}
                <ol id=ids::THREAD class="thread" aria-label=tu_string!(i18n, thread.messages)>
                    // Keyed by the whole message: unchanged ones (and their open menus) stay.
                    <For each=move || messages.clone() key=|m| m.clone() let:message>
                        <MessageItem message now account_id display_id actions />
                    </For>
                </ol>
            </div>
        </div>
    }
}

#[component]
fn MessageItem(
    message: ThreadMessage,
    now: i64,
    account_id: i64,
    display_id: i64,
    actions: ThreadActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let time = relative_time(crate::i18n::page_locale(), message.created_at, now);
    let ThreadMessage {
        id,
        kind,
        html,
        sender_name,
        attachments,
        interactive,
        delivery,
        delivery_error,
        deleted,
        deletable,
        ..
    } = message;
    let body = if deleted {
        view! { <p class="content deleted">{tu_string!(i18n, thread.deleted)}</p> }.into_any()
    } else if html.is_empty() {
        ().into_any()
    } else {
        // Rendered from markdown and sanitised on the server (`markdown.rs`).
        view! { <div class="content" inner_html=html></div> }.into_any()
    };
    let files = (!attachments.is_empty()).then(|| {
        let items = attachments
            .into_iter()
            .map(|file| view! { <li>{attachment(file)}</li> })
            .collect_view();
        view! { <ul class="attachments" aria-label=tu_string!(i18n, thread.attachments)>{items}</ul> }
    });
    let status = delivery.map(|d| {
        view! {
            <span class=d.class() title=d.label(locale)>
                <span aria-hidden="true">{d.icon()}</span>
                <span class="visually-hidden">{d.label(locale)}</span>
            </span>
        }
    });
    let error = delivery_error.map(|e| view! { <span class="delivery-error">{e}</span> });
    let menu = (deletable && !deleted && kind != MessageKind::Activity).then(|| {
        view! {
            <details class="message-menu">
                <summary aria-label=tu_string!(i18n, thread.message_actions) title=tu_string!(i18n, thread.message_actions)>"⋯"</summary>
                <div class="message-menu-list">
                    <details class="confirm">
                        <summary>{tu_string!(i18n, thread.delete)}</summary>
                        <PostForm action=actions.delete attr:class="confirm-form">
                            <Target account_id display_id />
                            <input type="hidden" name="message_id" value=id />
                            <p>{tu_string!(i18n, thread.delete_confirm)}</p>
                            <button type="submit" class="button danger">{tu_string!(i18n, thread.yes_delete)}</button>
                        </PostForm>
                    </details>
                </div>
            </details>
        }
    });
    view! {
        <li class=kind.class() class:deleted=deleted data-message-id=id>
            {sender_name.map(|name| view! { <span class="sender">{name}</span> })}
            {body}
            {files}
            {interactive.map(|shown| interactive_view(locale, shown))}
            <div class="message-meta">
                <time class="muted">{time}</time>
                {status}
                {error}
                {menu}
            </div>
        </li>
    }
}

/// A conversation status as its header badge shows it, in `locale`.
fn status_badge(locale: Locale, status: ConversationStatus) -> &'static str {
    match status {
        ConversationStatus::Open => td_string!(locale, thread.status_badge.open),
        ConversationStatus::Resolved => td_string!(locale, thread.status_badge.resolved),
        ConversationStatus::Pending => td_string!(locale, thread.status_badge.pending),
        ConversationStatus::Snoozed => td_string!(locale, thread.status_badge.snoozed),
    }
}

/// The kind of prompt as shown in `locale`. The server names it in English
/// (`thread_render.rs`); anything else is shown as it came.
fn interactive_title(locale: Locale, title: &str) -> String {
    let shown = match title {
        "Options" => td_string!(locale, thread.interactive.options),
        "Form" => td_string!(locale, thread.interactive.form),
        "Cards" => td_string!(locale, thread.interactive.cards),
        "Articles" => td_string!(locale, thread.interactive.articles),
        "Email requested" => td_string!(locale, thread.interactive.email_requested),
        "Satisfaction survey" => td_string!(locale, thread.interactive.survey),
        other => return other.to_owned(),
    };
    shown.to_owned()
}

/// The answers the server labels itself ("Email", "Rating", "Feedback") in `locale`; `None`
/// for a form field's own label.
fn answer_label(locale: Locale, label: &str) -> Option<&'static str> {
    Some(match label {
        "Email" => td_string!(locale, thread.answers.email),
        "Rating" => td_string!(locale, thread.answers.rating),
        "Feedback" => td_string!(locale, thread.answers.feedback),
        _ => return None,
    })
}

/// A file: image thumbnail (opens full size), player, or download link.
fn attachment(file: ThreadAttachment) -> AnyView {
    let ThreadAttachment {
        kind,
        url,
        thumb_url,
        name,
        size,
    } = file;
    match kind {
        AttachmentKind::Image => view! {
            <a href=url target="_blank" rel="noopener noreferrer" class="attachment-image">
                <img src=thumb_url alt=name loading="lazy" />
            </a>
        }
        .into_any(),
        AttachmentKind::Video => view! {
            <video src=url controls preload="metadata" class="attachment-media" aria-label=name></video>
        }
        .into_any(),
        AttachmentKind::Audio => view! {
            <audio src=url controls preload="metadata" aria-label=name></audio>
        }
        .into_any(),
        AttachmentKind::File => view! {
            <a href=url target="_blank" rel="noopener noreferrer" download class="attachment-file">
                <span aria-hidden="true">"📄 "</span>
                {name}
                {size.map(|s| view! { <span class="muted">{format!(" ({s})")}</span> })}
            </a>
        }
        .into_any(),
    }
}

/// What an interactive message offered, and the answer once given.
fn interactive_view(locale: Locale, shown: Interactive) -> impl IntoView {
    let Interactive {
        title,
        offers,
        answers,
        answerable,
    } = shown;
    let offers = (!offers.is_empty()).then(|| {
        let items = offers
            .into_iter()
            .map(|offer| {
                let title = match offer.link {
                    Some(link) => view! {
                        <a href=link target="_blank" rel="noopener noreferrer nofollow">{offer.title}</a>
                    }
                    .into_any(),
                    None => view! { <span>{offer.title}</span> }.into_any(),
                };
                view! {
                    <li>
                        {title}
                        {offer.detail.map(|d| view! { <span class="muted">{format!(" — {d}")}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="offers">{items}</ul> }
    });
    let title = interactive_title(locale, &title);
    let answer = if !answerable {
        ().into_any()
    } else if answers.is_empty() {
        view! { <p class="muted answer-none">{td_string!(locale, thread.not_answered)}</p> }
            .into_any()
    } else {
        let items = answers
            .into_iter()
            .map(|a| {
                let label = if a.label.is_empty() {
                    td_string!(locale, thread.answer).to_owned()
                } else {
                    answer_label(locale, &a.label).map_or(a.label, str::to_owned)
                };
                view! { <dt>{label}</dt><dd>{a.value}</dd> }
            })
            .collect_view();
        view! { <dl class="answers">{items}</dl> }.into_any()
    };
    view! {
        <div class="interactive">
            <span class="interactive-title">{title}</span>
            {offers}
            {answer}
        </div>
    }
}
