//! One member's row: role, availability and confirmation, with the edit form, a new
//! set-password link, and removal (not offered on your own row; core refuses it anyway).

use leptos::prelude::*;

use super::invite::LinkPanel;
use super::server_fns::{AgentItem, DeleteAgent, IssueAgentLink, UpdateAgent};
use crate::i18n::{tu_string, use_i18n};
use crate::settings::forms::{Outcome, Refresh, invalid, last_result};

/// A member of the account.
#[component]
pub fn AgentRow(account_id: i64, agent: AgentItem) -> impl IntoView {
    let i18n = use_i18n();
    let update = ServerAction::<UpdateAgent>::new();
    let updated = last_result(update);
    let delete = ServerAction::<DeleteAgent>::new();
    let deleted = last_result(delete);
    let issue = ServerAction::<IssueAgentLink>::new();
    let issued = last_result(issue);
    let refresh = Refresh::use_it();
    refresh.after(updated);
    refresh.after(deleted);
    let id = agent.id;
    let field = move |name: &str| format!("agent-{id}-{name}");
    let option = |value: &'static str, text: &'static str, current: &str| {
        let selected = value == current;
        view! { <option value=value selected=selected>{text}</option> }
    };
    let roles = view! {
        {option("agent", tu_string!(i18n, settings.agents.agent), &agent.role)}
        {option("administrator", tu_string!(i18n, settings.agents.administrator), &agent.role)}
    };
    let availabilities = view! {
        {option("online", tu_string!(i18n, settings.agents.online), &agent.availability)}
        {option("busy", tu_string!(i18n, settings.agents.busy), &agent.availability)}
        {option("offline", tu_string!(i18n, settings.agents.offline), &agent.availability)}
    };
    let role_text = if agent.role == "administrator" {
        tu_string!(i18n, settings.agents.administrator)
    } else {
        tu_string!(i18n, settings.agents.agent)
    };
    let link = move || issue.value().get().and_then(Result::ok);
    let (name, email) = (agent.name.clone(), agent.email.clone());
    let delete_name = agent.name.clone();
    let data_email = agent.email.clone();
    view! {
        <tr data-email=data_email>
            <td>
                <strong>{name.clone()}</strong>
                <br />
                <span class="muted">{email}</span>
            </td>
            <td>{role_text}</td>
            <td>{agent.availability.clone()}</td>
            <td>
                {if agent.confirmed {
                    tu_string!(i18n, settings.agents.verified)
                } else {
                    tu_string!(i18n, settings.agents.verification_pending)
                }}
            </td>
            <td class="settings-actions">
                <details>
                    <summary class="button">{tu_string!(i18n, settings.edit)}</summary>
                    <ActionForm action=update attr:class="form">
                        <input type="hidden" name="account_id" value=account_id />
                        <input type="hidden" name="agent_id" value=id />
                        <label for=field("name")>{tu_string!(i18n, settings.agents.agent_name)}</label>
                        <input
                            id=field("name")
                            name="name"
                            required
                            value=name
                            aria-invalid=invalid(updated, "name")
                        />
                        <label for=field("role")>{tu_string!(i18n, settings.agents.role)}</label>
                        <select id=field("role") name="role" aria-invalid=invalid(updated, "role")>
                            {roles}
                        </select>
                        <label for=field("availability")>{tu_string!(i18n, settings.agents.availability)}</label>
                        <select id=field("availability") name="availability">
                            {availabilities}
                        </select>
                        <Outcome result=updated />
                        <button type="submit" class="button primary">{tu_string!(i18n, settings.update)}</button>
                    </ActionForm>
                    <ActionForm action=issue attr:class="form">
                        <input type="hidden" name="account_id" value=account_id />
                        <input type="hidden" name="agent_id" value=id />
                        <button type="submit" class="button">
                            {tu_string!(i18n, settings.agents.get_link)}
                        </button>
                    </ActionForm>
                    <Outcome result=issued done="" />
                    {move || link().map(|invitation| view! { <LinkPanel invitation /> })}
                </details>
                {(!agent.is_self).then(|| view! {
                    <details>
                        <summary class="button danger">{tu_string!(i18n, settings.delete)}</summary>
                        <ActionForm action=delete attr:class="form">
                            <input type="hidden" name="account_id" value=account_id />
                            <input type="hidden" name="agent_id" value=id />
                            <p>
                                {tu_string!(i18n, settings.agents.remove_before)}
                                <strong>{delete_name}</strong>
                                {tu_string!(i18n, settings.agents.remove_after)}
                            </p>
                            <Outcome result=deleted done=tu_string!(i18n, settings.deleted) />
                            <button type="submit" class="button danger">{tu_string!(i18n, settings.yes_delete)}</button>
                        </ActionForm>
                    </details>
                })}
            </td>
        </tr>
    }
}
