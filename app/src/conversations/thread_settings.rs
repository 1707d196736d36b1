//! Under the thread header: the participants (and a form to change them), mute / unmute with
//! its state, and "Send transcript". Small forms, so they also work without JavaScript.

use leptos::prelude::*;

use super::actions::{Target, ThreadActions};
use super::models::Choice;
use super::thread_models::ThreadSettings;
use crate::i18n::{tu_string, use_i18n};
use crate::ids;
use crate::post_form::PostForm;

/// Participants, mute and transcript for the open conversation. Rebuilt in place on every
/// refetch; only the part whose data changed is re-created, so a menu the agent opened stays
/// open when something else changes.
#[component]
pub fn ThreadSettingsBar(
    settings: ThreadSettings,
    agents: Vec<Choice>,
    account_id: i64,
    display_id: i64,
    actions: ThreadActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let ThreadSettings {
        muted,
        participant_ids,
    } = settings;
    let names: Vec<String> = agents
        .iter()
        .filter(|a| participant_ids.contains(&a.id))
        .map(|a| a.name.clone())
        .collect();
    let shown = if names.is_empty() {
        tu_string!(i18n, thread.settings.no_participants).to_owned()
    } else {
        names.join(", ")
    };
    let transcript_note = move || match actions.transcript.value().get() {
        // The function answers `true` (sent) or `false`; never claim a send that did not happen.
        Some(Ok(sent)) if sent.trim() == "true" => {
            tu_string!(i18n, thread.settings.transcript_sent).to_owned()
        }
        Some(Ok(_)) => tu_string!(i18n, thread.settings.transcript_not_sent).to_owned(),
        Some(Err(error)) => error.to_string(),
        None => String::new(),
    };
    view! {
        <div id=ids::THREAD_SETTINGS class="thread-settings" role="group" aria-label=tu_string!(i18n, thread.settings.label)>
            <p class="participants">
                <span class="settings-label">{tu_string!(i18n, thread.settings.participants_prefix)}</span>
                <span data-testid="participant-names">{shown}</span>
            </p>
            <For
                each=move || [(participant_ids.clone(), agents.clone())]
                key=|entry| entry.clone()
                let:entry
            >
                <ParticipantsEditor
                    participant_ids=entry.0
                    agents=entry.1
                    account_id
                    display_id
                    actions
                />
            </For>
            <For each=move || [muted] key=|muted| *muted let:muted>
                <MuteForm muted account_id display_id actions />
            </For>
            <details class="settings-menu">
                <summary class="button small">{tu_string!(i18n, thread.settings.send_transcript)}</summary>
                <PostForm action=actions.transcript attr:class="settings-form">
                    <Target account_id display_id />
                    <label>
                        {tu_string!(i18n, thread.settings.send_to_email)}
                        <input type="email" name="email" required autocomplete="email" />
                    </label>
                    <button type="submit" class="button" disabled=move || actions.transcript.pending().get()>
                        {tu_string!(i18n, thread.settings.send_transcript)}
                    </button>
                    <p class="muted">{tu_string!(i18n, thread.settings.email_not_set_up)}</p>
                    <p class="transcript-result" role="status">{transcript_note}</p>
                </PostForm>
            </details>
        </div>
    }
}

/// "Edit participants": a checkbox per agent (keyed on the participants, so the boxes are
/// re-created with the right state when they change).
#[component]
fn ParticipantsEditor(
    participant_ids: Vec<i64>,
    agents: Vec<Choice>,
    account_id: i64,
    display_id: i64,
    actions: ThreadActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let busy = move || actions.pending();
    let boxes = agents
        .into_iter()
        .enumerate()
        .map(|(i, agent)| {
            let checked = participant_ids.contains(&agent.id);
            view! {
                <label class="check">
                    <input type="checkbox" name=format!("user_ids[{i}]") value=agent.id checked=checked />
                    {agent.name}
                </label>
            }
        })
        .collect_view();
    view! {
        <details class="settings-menu">
            <summary class="button small">{tu_string!(i18n, thread.settings.edit_participants)}</summary>
            <PostForm action=actions.participants attr:class="settings-form">
                <Target account_id display_id />
                <fieldset class="label-list">
                    <legend>{tu_string!(i18n, thread.settings.participants)}</legend>
                    {boxes}
                </fieldset>
                <button type="submit" class="button" disabled=busy>{tu_string!(i18n, thread.settings.save_participants)}</button>
            </PostForm>
        </details>
    }
}

/// Mute / Unmute, with the state shown next to it.
#[component]
fn MuteForm(
    muted: bool,
    account_id: i64,
    display_id: i64,
    actions: ThreadActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let busy = move || actions.pending();
    view! {
        <PostForm action=actions.mute attr:class="inline-form">
            <Target account_id display_id />
            <input type="hidden" name="mute" value=(!muted).to_string() />
            {muted.then(|| view! { <span class="status-badge muted-badge">{tu_string!(i18n, thread.settings.muted)}</span> })}
            <button type="submit" class="button small" disabled=busy>
                {if muted {
                    tu_string!(i18n, thread.settings.unmute)
                } else {
                    tu_string!(i18n, thread.settings.mute)
                }}
            </button>
        </PostForm>
    }
}
