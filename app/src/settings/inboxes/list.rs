//! `…/settings/inboxes/list`: every inbox with its channel, a link to its settings and a
//! delete button that asks first (a `<details>` disclosure, so it works without JavaScript).

use leptos::prelude::*;

use super::forms::{LastResult, account_id};
use super::models::{InboxRow, channel_name};
use super::paths;
use super::server_fns::{DeleteInbox, list_inboxes};
use crate::i18n::{tu_string, use_i18n};
use crate::settings::nav::{Section, SettingsFrame};

/// The inbox list page.
#[component]
pub fn InboxListPage() -> impl IntoView {
    let i18n = use_i18n();
    let account_id = account_id();
    let delete = ServerAction::<DeleteInbox>::new();
    let inboxes = crate::json_resource::new(
        move || delete.version().get(),
        move |_| list_inboxes(account_id),
    );
    let result: LastResult<()> = Signal::derive(move || delete.value().get());

    view! {

        <SettingsFrame section=Section::Inboxes>
        <div id="inbox-settings" class="inbox-settings">
            <header class="settings-header">
                <div>
                    <p class="muted">
                        {tu_string!(i18n, settings_inboxes.list.intro)}
                    </p>
                </div>
                <a class="button primary" href=paths::new(account_id)>{tu_string!(i18n, settings_inboxes.list.add)}</a>
            </header>
            <p class="form-error" role="alert">
                {move || result.get().and_then(Result::err).map(|e| e.to_string())}
            </p>
            <Transition fallback=move || view! { <p class="muted">{tu_string!(i18n, settings_inboxes.loading)}</p> }>
                {move || Suspend::new(async move {
                    match inboxes.await {
                        Ok(rows) if rows.is_empty() => {
                            view! {
                                <p class="muted empty-state">
                                    {tu_string!(i18n, settings_inboxes.list.empty)}
                                </p>
                            }
                                .into_any()
                        }
                        Ok(rows) => {
                            view! {
                                <table class="inbox-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{tu_string!(i18n, settings_inboxes.name)}</th>
                                            <th scope="col">{tu_string!(i18n, settings_inboxes.list.channel)}</th>
                                            <th scope="col">
                                                <span class="visually-hidden">{tu_string!(i18n, settings_inboxes.actions)}</span>
                                            </th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {rows
                                            .into_iter()
                                            .map(|row| view! { <Row account_id row delete /> })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            }
                                .into_any()
                        }
                        Err(err) => view! { <p role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </div>
        </SettingsFrame>
    }
}

#[component]
fn Row(account_id: i64, row: InboxRow, delete: ServerAction<DeleteInbox>) -> impl IntoView {
    let i18n = use_i18n();
    let settings = paths::inbox(account_id, row.id, "");
    let name = row.name.clone();
    view! {
        <tr data-inbox-id=row.id>
            <td>
                <a href=settings.clone()>{row.name}</a>
                <div class="muted small">{row.detail}</div>
            </td>
            <td>{channel_name(i18n.get_locale_untracked(), &row.channel_type)}</td>
            <td class="row-actions">
                <a class="button" href=settings>{tu_string!(i18n, settings_inboxes.list.settings)}</a>
                <details class="confirm-delete">
                    <summary class="button danger">{tu_string!(i18n, settings_inboxes.delete)}</summary>
                    <div class="confirm-box" role="group" aria-label=tu_string!(i18n, settings_inboxes.list.confirm_deletion)>
                        <p>
                            {tu_string!(i18n, settings_inboxes.list.delete_before)}
                            <strong>{name}</strong>
                            {tu_string!(i18n, settings_inboxes.list.delete_after)}
                        </p>
                        <ActionForm action=delete>
                            <input type="hidden" name="account_id" value=account_id />
                            <input type="hidden" name="inbox_id" value=row.id />
                            <button type="submit" class="button danger">{tu_string!(i18n, settings_inboxes.yes_delete)}</button>
                        </ActionForm>
                    </div>
                </details>
            </td>
        </tr>
    }
}
