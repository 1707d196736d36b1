//! The Collaborators tab (and the wizard's "add agents" step): which agents work the inbox,
//! and whether new conversations are assigned to them round robin.

use leptos::prelude::*;

use super::forms::{LastResult, Outcome, Switch};
use super::models::InboxSettings;
use super::server_fns::{SetAutoAssignment, SetInboxAgents};
use crate::i18n::{tu_string, use_i18n};

/// A checkbox per account member; saving makes the ticked ones the inbox's collaborators.
#[component]
pub fn AgentsForm(
    account_id: i64,
    shown: InboxSettings,
    #[prop(optional)] wizard: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SetInboxAgents>::new();
    let result: LastResult<Vec<i64>> = Signal::derive(move || action.value().get());
    let inbox_id = shown.inbox.id;
    let members = shown.member_ids.clone();
    let rows = shown
        .agents
        .into_iter()
        .enumerate()
        .map(|(i, agent)| {
            let id = format!("inbox-agent-{}", agent.id);
            // Indexed names: the ticked boxes arrive as `user_ids[i]`, gaps allowed.
            let name = format!("user_ids[{i}]");
            view! {
                <li class="switch-row">
                    <input
                        type="checkbox"
                        id=id.clone()
                        name=name
                        value=agent.id
                        checked=members.contains(&agent.id)
                    />
                    <label for=id>
                        {agent.name} " " <span class="muted">{agent.email}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <ActionForm action attr:id="inbox-agents-form" attr:class="form">
            <input type="hidden" name="account_id" value=account_id />
            <input type="hidden" name="inbox_id" value=inbox_id />
            {wizard.then(|| view! { <input type="hidden" name="wizard" value="true" /> })}
            <fieldset>
                <legend>{tu_string!(i18n, settings_inboxes.collaborators.agents)}</legend>
                <ul class="agent-choices">{rows}</ul>
            </fieldset>
            <Outcome result />
            <button type="submit" class="button primary" disabled=action.pending()>
                {if wizard { tu_string!(i18n, settings_inboxes.create.add_agents) } else { tu_string!(i18n, settings_inboxes.update) }}
            </button>
        </ActionForm>
    }
}

/// The Collaborators tab.
#[component]
pub fn CollaboratorsTab(account_id: i64, shown: InboxSettings) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SetAutoAssignment>::new();
    let result: LastResult<()> = Signal::derive(move || action.value().get());
    let inbox_id = shown.inbox.id;
    let enabled = shown.inbox.enable_auto_assignment;
    view! {
        <section class="card settings-section" aria-labelledby="collaborators-heading">
            <h2 id="collaborators-heading">{tu_string!(i18n, settings_inboxes.collaborators.agents)}</h2>
            <p class="muted">{tu_string!(i18n, settings_inboxes.collaborators.help)}</p>
            <AgentsForm account_id shown />
        </section>
        <section class="card settings-section" aria-labelledby="assignment-heading">
            <h2 id="assignment-heading">{tu_string!(i18n, settings_inboxes.collaborators.assignment)}</h2>
            <ActionForm action attr:id="inbox-assignment-form" attr:class="form">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="inbox_id" value=inbox_id />
                <Switch
                    id="inbox-auto-assignment"
                    name="enable_auto_assignment"
                    label=tu_string!(i18n, settings_inboxes.collaborators.auto_assignment)
                    checked=enabled
                    hint=tu_string!(i18n, settings_inboxes.collaborators.auto_assignment_hint)
                />
                <Outcome result />
                <button type="submit" class="button primary" disabled=action.pending()>
                    tu_string!(i18n, settings_inboxes.update)
                </button>
            </ActionForm>
        </section>
    }
}
