//! The thread header's actions: status (resolve, reopen, pending, snooze), assignee, team,
//! labels and priority. Each is a small form, so it also works without JavaScript.

use leptos::prelude::*;

use super::action_fns::{
    AssignConversation, AssignTeam, SetConversationLabels, SetConversationPriority,
    SetConversationStatus,
};
use super::models::ThreadDetails;
use super::options::{PRIORITIES, SNOOZES};
use super::server_fns::ToggleConversationStatus;
use crate::error::DashboardError;
use crate::ids;
use onechat_core::domain::ConversationStatus;

/// The server actions that change a conversation; the list and the thread refetch after any.
#[derive(Clone, Copy)]
pub struct ThreadActions {
    /// Resolve / Reopen.
    pub toggle: ServerAction<ToggleConversationStatus>,
    /// Pending and snooze.
    pub status: ServerAction<SetConversationStatus>,
    /// The agent.
    pub assign: ServerAction<AssignConversation>,
    /// The team.
    pub team: ServerAction<AssignTeam>,
    /// The labels.
    pub labels: ServerAction<SetConversationLabels>,
    /// The priority.
    pub priority: ServerAction<SetConversationPriority>,
}

impl ThreadActions {
    /// One of each, owned by the calling component.
    pub fn new() -> ThreadActions {
        ThreadActions {
            toggle: ServerAction::new(),
            status: ServerAction::new(),
            assign: ServerAction::new(),
            team: ServerAction::new(),
            labels: ServerAction::new(),
            priority: ServerAction::new(),
        }
    }

    /// Changes whenever any action completes: read it in a resource's source to refetch.
    pub fn version(self) -> usize {
        self.toggle.version().get()
            + self.status.version().get()
            + self.assign.version().get()
            + self.team.version().get()
            + self.labels.version().get()
            + self.priority.version().get()
    }

    /// Some action is on its way.
    fn pending(self) -> bool {
        self.toggle.pending().get()
            || self.status.pending().get()
            || self.assign.pending().get()
            || self.team.pending().get()
            || self.labels.pending().get()
            || self.priority.pending().get()
    }

    /// The error of a failed action, if any.
    fn error(self) -> Option<String> {
        fn err<T>(value: Option<Result<T, DashboardError>>) -> Option<String> {
            value.and_then(Result::err).map(|e| e.to_string())
        }
        err(self.toggle.value().get())
            .or_else(|| err(self.status.value().get()))
            .or_else(|| err(self.assign.value().get()))
            .or_else(|| err(self.team.value().get()))
            .or_else(|| err(self.labels.value().get()))
            .or_else(|| err(self.priority.value().get()))
    }
}

/// The hidden fields every action form carries.
#[component]
fn Target(account_id: i64, display_id: i64) -> impl IntoView {
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
    let busy = move || actions.pending();
    let is_open = thread_status == ConversationStatus::Open;
    let pending_button = (thread_status != ConversationStatus::Pending).then(|| {
        view! {
            <ActionForm action=actions.status attr:class="inline-form">
                <Target account_id display_id />
                <input type="hidden" name="status" value="pending" />
                <button type="submit" class="button" disabled=busy>"Mark as pending"</button>
            </ActionForm>
        }
    });
    let snoozes = SNOOZES
        .iter()
        .map(|&(value, label)| {
            view! {
                <ActionForm action=actions.status attr:class="inline-form">
                    <Target account_id display_id />
                    <input type="hidden" name="status" value="snoozed" />
                    <input type="hidden" name="snooze" value=value />
                    <button type="submit" class="snooze-option" disabled=busy>{label}</button>
                </ActionForm>
            }
        })
        .collect_view();
    view! {
        <ActionForm action=actions.toggle attr:class="inline-form">
            <Target account_id display_id />
            <button type="submit" class="button" disabled=busy>
                {if is_open { "Resolve" } else { "Reopen" }}
            </button>
        </ActionForm>
        {pending_button}
        <details class="snooze-menu">
            <summary class="button">"Snooze"</summary>
            <div class="snooze-list">{snoozes}</div>
        </details>
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
    let thread = details;
    let busy = move || actions.pending();
    let agents = thread
        .choices
        .agents
        .into_iter()
        .map(|a| {
            let selected = thread.assignee_id == Some(a.id);
            view! { <option value=a.id selected=selected>{a.name}</option> }
        })
        .collect_view();
    let teams = thread
        .choices
        .teams
        .into_iter()
        .map(|t| {
            let selected = thread.team_id == Some(t.id);
            view! { <option value=t.id selected=selected>{t.name}</option> }
        })
        .collect_view();
    let current_priority = thread.priority.unwrap_or_else(|| "none".to_owned());
    let priorities = PRIORITIES
        .iter()
        .map(|&(value, label)| {
            let selected = current_priority == value;
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view();
    let no_labels = thread.choices.labels.is_empty();
    let labels = thread
        .choices
        .labels
        .into_iter()
        .enumerate()
        .map(|(i, title)| {
            let checked = thread.labels.contains(&title);
            view! {
                <label class="check">
                    <input type="checkbox" name=format!("labels[{i}]") value=title.clone() checked=checked />
                    {title}
                </label>
            }
        })
        .collect_view();
    view! {
        <div id=ids::THREAD_ACTIONS class="thread-actions" role="group" aria-label="Conversation details">
            <ActionForm action=actions.assign attr:class="detail-form">
                <Target account_id display_id />
                <label>
                    "Assignee"
                    <select name="assignee_id">
                        <option value="" selected=thread.assignee_id.is_none()>"None"</option>
                        {agents}
                    </select>
                </label>
                <button type="submit" class="button" disabled=busy>"Save assignee"</button>
            </ActionForm>
            <ActionForm action=actions.team attr:class="detail-form">
                <Target account_id display_id />
                <label>
                    "Team"
                    <select name="team_id">
                        <option value="" selected=thread.team_id.is_none()>"None"</option>
                        {teams}
                    </select>
                </label>
                <button type="submit" class="button" disabled=busy>"Save team"</button>
            </ActionForm>
            <ActionForm action=actions.priority attr:class="detail-form">
                <Target account_id display_id />
                <label>
                    "Priority"
                    <select name="priority">{priorities}</select>
                </label>
                <button type="submit" class="button" disabled=busy>"Save priority"</button>
            </ActionForm>
            <ActionForm action=actions.labels attr:class="detail-form">
                <Target account_id display_id />
                <fieldset class="label-list">
                    <legend>"Labels"</legend>
                    {no_labels.then(|| view! { <span class="muted">"No labels yet"</span> })}
                    {labels}
                </fieldset>
                <button type="submit" class="button" disabled=busy>"Save labels"</button>
            </ActionForm>
            <p class="form-error" role="alert">{move || actions.error()}</p>
        </div>
    }
}
