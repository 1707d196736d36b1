//! The thread header's actions: status (resolve, reopen, pending, snooze — presets or a chosen
//! time), assignee, team, labels and priority. Each is a small form, so it also works without
//! JavaScript.

use leptos::prelude::*;

use super::action_fns::{
    AssignConversation, AssignTeam, SetConversationLabels, SetConversationPriority,
    SetConversationStatus,
};
use super::models::ThreadDetails;
use super::options::{PRIORITIES, SNOOZES, priority_label, snooze_label};
use super::server_fns::ToggleConversationStatus;
use super::thread_fns::{DeleteMessage, SendTranscript, SetMuted, SetParticipants, SnoozeUntil};
use crate::i18n::{tu_string, use_i18n};
use crate::ids;
use crate::post_form::{FormAction, PostForm};
use onechat_core::domain::ConversationStatus;

/// The forms that change a conversation; the list and the thread refetch after any.
#[derive(Clone, Copy)]
pub struct ThreadActions {
    /// Resolve / Reopen.
    pub toggle: FormAction,
    /// Pending and snooze.
    pub status: FormAction,
    /// The agent.
    pub assign: FormAction,
    /// The team.
    pub team: FormAction,
    /// The labels.
    pub labels: FormAction,
    /// The priority.
    pub priority: FormAction,
    /// Snooze until a chosen time.
    pub snooze_at: FormAction,
    /// The participants.
    pub participants: FormAction,
    /// Mute / unmute.
    pub mute: FormAction,
    /// Deleting a message.
    pub delete: FormAction,
    /// Sending the transcript (changes nothing shown, so not part of [`Self::version`]).
    pub transcript: FormAction,
    /// Choices picked in the detail selects but not saved yet.
    pub drafts: Drafts,
}

/// What the agent picked in a detail select and has not saved yet, by conversation. The
/// selects are re-created whenever a live update changes what they show; they start from
/// the draft, so an update landing between picking and saving never loses the choice.
#[derive(Clone, Copy)]
pub struct Drafts {
    /// The assignee select.
    pub assignee: RwSignal<Option<(i64, String)>>,
    /// The team select.
    pub team: RwSignal<Option<(i64, String)>>,
    /// The priority select.
    pub priority: RwSignal<Option<(i64, String)>>,
    /// The label checkboxes: the whole set as ticked.
    pub labels: RwSignal<Option<(i64, Vec<String>)>>,
}

impl Drafts {
    fn new() -> Drafts {
        Drafts {
            assignee: RwSignal::new(None),
            team: RwSignal::new(None),
            priority: RwSignal::new(None),
            labels: RwSignal::new(None),
        }
    }
}

/// The value a detail select starts from: the unsaved draft for this conversation, else what
/// the server says.
fn start_value(draft: RwSignal<Option<(i64, String)>>, display_id: i64, saved: String) -> String {
    draft
        .get_untracked()
        .filter(|(id, _)| *id == display_id)
        .map_or(saved, |(_, value)| value)
}

/// Clears `draft` whenever `version` (a save's completion count) moves.
fn clear_after_save<T: Send + Sync + 'static>(
    version: impl Fn() -> usize + Send + Sync + 'static,
    draft: RwSignal<Option<T>>,
) {
    Effect::new(move |previous: Option<usize>| {
        let now = version();
        if previous.is_some_and(|p| p != now) {
            draft.set(None);
        }
        now
    });
}

/// Remembers what the agent picked in a select (`on:change`).
fn keep_draft(draft: RwSignal<Option<(i64, String)>>, display_id: i64, ev: &leptos::ev::Event) {
    draft.set(Some((display_id, event_target_value(ev))));
}

impl ThreadActions {
    /// One of each, owned by the calling component.
    pub fn new() -> ThreadActions {
        let actions = ThreadActions {
            toggle: FormAction::of::<ToggleConversationStatus>(),
            status: FormAction::of::<SetConversationStatus>(),
            assign: FormAction::of::<AssignConversation>(),
            team: FormAction::of::<AssignTeam>(),
            labels: FormAction::of::<SetConversationLabels>(),
            priority: FormAction::of::<SetConversationPriority>(),
            snooze_at: FormAction::of::<SnoozeUntil>(),
            participants: FormAction::of::<SetParticipants>(),
            mute: FormAction::of::<SetMuted>(),
            delete: FormAction::of::<DeleteMessage>(),
            transcript: FormAction::of::<SendTranscript>(),
            drafts: Drafts::new(),
        };
        // A completed save makes the server's value the truth again.
        let drafts = actions.drafts;
        clear_after_save(move || actions.assign.version().get(), drafts.assignee);
        clear_after_save(move || actions.team.version().get(), drafts.team);
        clear_after_save(move || actions.priority.version().get(), drafts.priority);
        clear_after_save(move || actions.labels.version().get(), drafts.labels);
        actions
    }

    /// Changes whenever any action completes: read it in a resource's source to refetch.
    pub fn version(self) -> usize {
        self.toggle.version().get()
            + self.status.version().get()
            + self.assign.version().get()
            + self.team.version().get()
            + self.labels.version().get()
            + self.priority.version().get()
            + self.snooze_at.version().get()
            + self.participants.version().get()
            + self.mute.version().get()
            + self.delete.version().get()
    }

    /// Some action is on its way.
    pub(super) fn pending(self) -> bool {
        self.toggle.pending().get()
            || self.status.pending().get()
            || self.assign.pending().get()
            || self.team.pending().get()
            || self.labels.pending().get()
            || self.priority.pending().get()
            || self.snooze_at.pending().get()
            || self.participants.pending().get()
            || self.mute.pending().get()
            || self.delete.pending().get()
    }

    /// The error of a failed action, if any.
    fn error(self) -> Option<String> {
        [
            self.toggle,
            self.status,
            self.assign,
            self.team,
            self.labels,
            self.priority,
            self.snooze_at,
            self.participants,
            self.mute,
            self.delete,
        ]
        .into_iter()
        .find_map(FormAction::error)
    }
}

/// The hidden fields every action form carries.
#[component]
pub(super) fn Target(account_id: i64, display_id: i64) -> impl IntoView {
    view! {
        <input type="hidden" name="account_id" value=account_id />
        <input type="hidden" name="display_id" value=display_id />
    }
}

/// Status buttons, shown in the header next to the contact's name.
#[component]
pub fn StatusActions(
    thread_status: ConversationStatus,
    account_id: i64,
    display_id: i64,
    actions: ThreadActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let busy = move || actions.pending();
    let is_open = thread_status == ConversationStatus::Open;
    let pending_button = (thread_status != ConversationStatus::Pending).then(|| {
        view! {
            <PostForm action=actions.status attr:class="inline-form">
                <Target account_id display_id />
                <input type="hidden" name="status" value="pending" />
                <button type="submit" class="button" disabled=busy>{tu_string!(i18n, thread.actions.mark_pending)}</button>
            </PostForm>
        }
    });
    let snoozes = SNOOZES
        .iter()
        .map(|&(value, _)| {
            let label = snooze_label(locale, value);
            view! {
                <PostForm action=actions.status attr:class="inline-form">
                    <Target account_id display_id />
                    <input type="hidden" name="status" value="snoozed" />
                    <input type="hidden" name="snooze" value=value />
                    <button type="submit" class="snooze-option" disabled=busy>{label}</button>
                </PostForm>
            }
        })
        .collect_view();
    view! {
        <PostForm action=actions.toggle attr:class="inline-form">
            <Target account_id display_id />
            <button type="submit" class="button" disabled=busy>
                {if is_open {
                    tu_string!(i18n, thread.actions.resolve)
                } else {
                    tu_string!(i18n, thread.actions.reopen)
                }}
            </button>
        </PostForm>
        {pending_button}
        <details class="snooze-menu">
            <summary class="button">{tu_string!(i18n, thread.actions.snooze)}</summary>
            <div class="snooze-list">
                {snoozes}
                <SnoozeAt account_id display_id actions />
            </div>
        </details>
    }
}

/// "Until a chosen time": a `datetime-local` in the agent's time. The browser's UTC offset
/// goes along in a hidden field (filled in by script; without it the server reads UTC).
#[component]
fn SnoozeAt(account_id: i64, display_id: i64, actions: ThreadActions) -> impl IntoView {
    let i18n = use_i18n();
    let busy = move || actions.pending();
    let offset = RwSignal::new(String::new());
    // Effects run in the browser only: the server render leaves the field empty.
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        offset.set(js_sys::Date::new_0().get_timezone_offset().to_string());
    });
    view! {
        <PostForm action=actions.snooze_at attr:class="snooze-at">
            <Target account_id display_id />
            <input type="hidden" name="tz_offset" prop:value=move || offset.get() />
            <label>
                {tu_string!(i18n, thread.actions.until_datetime)}
                <input type="datetime-local" name="until" required />
            </label>
            <button type="submit" class="snooze-option" disabled=busy>{tu_string!(i18n, thread.actions.snooze_until_then)}</button>
        </PostForm>
    }
}

/// Assignee, team, labels and priority, under the header.
#[component]
pub fn ConversationDetails(
    details: ThreadDetails,
    account_id: i64,
    display_id: i64,
    actions: ThreadActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let thread = details;
    let busy = move || actions.pending();
    let drafts = actions.drafts;
    let id_text = |id: Option<i64>| id.map(|id| id.to_string()).unwrap_or_default();
    let current_assignee = start_value(drafts.assignee, display_id, id_text(thread.assignee_id));
    let current_team = start_value(drafts.team, display_id, id_text(thread.team_id));
    let agents = thread
        .choices
        .agents
        .into_iter()
        .map(|a| {
            let selected = current_assignee == a.id.to_string();
            view! { <option value=a.id selected=selected>{a.name}</option> }
        })
        .collect_view();
    let teams = thread
        .choices
        .teams
        .into_iter()
        .map(|t| {
            let selected = current_team == t.id.to_string();
            view! { <option value=t.id selected=selected>{t.name}</option> }
        })
        .collect_view();
    let current_priority = start_value(
        drafts.priority,
        display_id,
        thread.priority.unwrap_or_else(|| "none".to_owned()),
    );
    let priorities = PRIORITIES
        .iter()
        .map(|&(value, _)| {
            let label = priority_label(locale, value);
            let selected = current_priority == value;
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view();
    let no_labels = thread.choices.labels.is_empty();
    let saved_labels = thread.labels;
    let ticked = drafts
        .labels
        .get_untracked()
        .filter(|(id, _)| *id == display_id)
        .map_or_else(|| saved_labels.clone(), |(_, labels)| labels);
    let labels = thread
        .choices
        .labels
        .into_iter()
        .enumerate()
        .map(|(i, title)| {
            let checked = ticked.contains(&title);
            let saved = saved_labels.clone();
            let this = title.clone();
            let on_change = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                drafts.labels.update(|draft| {
                    let mut set = match draft.take() {
                        Some((id, set)) if id == display_id => set,
                        _ => saved.clone(),
                    };
                    set.retain(|l| *l != this);
                    if on {
                        set.push(this.clone());
                    }
                    *draft = Some((display_id, set));
                });
            };
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        name=format!("labels[{i}]")
                        value=title.clone()
                        checked=checked
                        on:change=on_change
                    />
                    {title}
                </label>
            }
        })
        .collect_view();
    view! {
        <div id=ids::THREAD_ACTIONS class="thread-actions" role="group" aria-label=tu_string!(i18n, thread.actions.details)>
            <PostForm action=actions.assign attr:class="detail-form">
                <Target account_id display_id />
                <label>
                    {tu_string!(i18n, thread.actions.assignee)}
                    <select
                        name="assignee_id"
                        on:change=move |ev| keep_draft(drafts.assignee, display_id, &ev)
                    >
                        <option value="" selected=current_assignee.is_empty()>{tu_string!(i18n, thread.actions.none)}</option>
                        {agents}
                    </select>
                </label>
                <button type="submit" class="button" disabled=busy>{tu_string!(i18n, thread.actions.save_assignee)}</button>
            </PostForm>
            <PostForm action=actions.team attr:class="detail-form">
                <Target account_id display_id />
                <label>
                    {tu_string!(i18n, thread.actions.team)}
                    <select
                        name="team_id"
                        on:change=move |ev| keep_draft(drafts.team, display_id, &ev)
                    >
                        <option value="" selected=current_team.is_empty()>{tu_string!(i18n, thread.actions.no_team)}</option>
                        {teams}
                    </select>
                </label>
                <button type="submit" class="button" disabled=busy>{tu_string!(i18n, thread.actions.save_team)}</button>
            </PostForm>
            <PostForm action=actions.priority attr:class="detail-form">
                <Target account_id display_id />
                <label>
                    {tu_string!(i18n, thread.actions.priority)}
                    <select
                        name="priority"
                        on:change=move |ev| keep_draft(drafts.priority, display_id, &ev)
                    >
                        {priorities}
                    </select>
                </label>
                <button type="submit" class="button" disabled=busy>{tu_string!(i18n, thread.actions.save_priority)}</button>
            </PostForm>
            <PostForm action=actions.labels attr:class="detail-form">
                <Target account_id display_id />
                <fieldset class="label-list">
                    <legend>{tu_string!(i18n, thread.actions.labels)}</legend>
                    {no_labels.then(|| view! { <span class="muted">{tu_string!(i18n, thread.actions.no_labels)}</span> })}
                    {labels}
                </fieldset>
                <button type="submit" class="button" disabled=busy>{tu_string!(i18n, thread.actions.save_labels)}</button>
            </PostForm>
            <p class="form-error" role="alert">{move || actions.error()}</p>
        </div>
    }
}
