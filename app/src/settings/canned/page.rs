//! The canned responses page: the add form and one row per response with its edit form; the
//! delete form only for administrators (the server refuses it to agents anyway).

use leptos::prelude::*;
use onechat_core::domain::Role;

use super::server_fns::{
    CannedItem, CreateCannedResponse, DeleteCannedResponse, UpdateCannedResponse,
    list_canned_responses,
};
use crate::i18n::{tu_string, use_i18n};
use crate::settings::forms::{LastResult, Outcome, Refresh, invalid, last_result};
use crate::settings::nav::{Section, SettingsFrame, current};

/// `settings/canned-response/list`.
#[component]
pub fn CannedPage() -> impl IntoView {
    let i18n = use_i18n();
    let (account_id, role) = current().unwrap_or((0, Role::Agent));
    let admin = role == Role::Administrator;
    let refresh = Refresh::provide();
    let items = crate::json_resource::blocking(
        move || refresh.get(),
        move |_| list_canned_responses(account_id),
    );
    view! {
        <SettingsFrame section=Section::Canned>
            <p class="muted">
                {tu_string!(i18n, settings.canned.intro)}
            </p>
            <AddCanned account_id />
            <Transition fallback=move || view! { <p class="muted">{tu_string!(i18n, settings.loading)}</p> }>
                {move || Suspend::new(async move {
                    match items.await {
                        Ok(items) if items.is_empty() => {
                            view! { <p class="muted">{tu_string!(i18n, settings.canned.empty)}</p> }.into_any()
                        }
                        Ok(items) => {
                            let rows = items
                                .into_iter()
                                .map(|item| view! { <CannedRow account_id admin item /> })
                                .collect_view();
                            view! {
                                <table class="settings-table" id="canned-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{tu_string!(i18n, settings.canned.short_code)}</th>
                                            <th scope="col">{tu_string!(i18n, settings.canned.content)}</th>
                                            <th scope="col">{tu_string!(i18n, settings.actions)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            }
                                .into_any()
                        }
                        Err(err) => view! { <p role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </SettingsFrame>
    }
}

#[component]
fn AddCanned(account_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CreateCannedResponse>::new();
    let result = last_result(action);
    Refresh::use_it().after(result);
    view! {
        <details class="card settings-add">
            <summary class="button primary">{tu_string!(i18n, settings.canned.add)}</summary>
            <ActionForm action attr:id="canned-create-form" attr:class="form">
                <CannedFields account_id result prefix="canned-new" item=None />
                <Outcome result done=tu_string!(i18n, settings.canned.added) />
                <button type="submit" class="button primary" disabled=action.pending()>
                    {tu_string!(i18n, settings.create)}
                </button>
            </ActionForm>
        </details>
    }
}

#[component]
fn CannedRow(account_id: i64, admin: bool, item: CannedItem) -> impl IntoView {
    let i18n = use_i18n();
    let update = ServerAction::<UpdateCannedResponse>::new();
    let updated = last_result(update);
    let delete = ServerAction::<DeleteCannedResponse>::new();
    let deleted = last_result(delete);
    let refresh = Refresh::use_it();
    refresh.after(updated);
    refresh.after(deleted);
    let prefix = format!("canned-{}", item.id);
    let id = item.id;
    let code = item.short_code.clone();
    let (shown_code, shown_content, data_code) = (
        item.short_code.clone(),
        item.content.clone(),
        item.short_code.clone(),
    );
    view! {
        <tr data-short-code=data_code>
            <td><code>{shown_code}</code></td>
            <td class="settings-wrap">{shown_content}</td>
            <td class="settings-actions">
                <details>
                    <summary class="button">{tu_string!(i18n, settings.edit)}</summary>
                    <ActionForm action=update attr:class="form">
                        <input type="hidden" name="canned_response_id" value=id />
                        <CannedFields account_id result=updated prefix item=Some(item) />
                        <Outcome result=updated />
                        <button type="submit" class="button primary">{tu_string!(i18n, settings.update)}</button>
                    </ActionForm>
                </details>
                {admin.then(|| view! {
                    <details>
                        <summary class="button danger">{tu_string!(i18n, settings.delete)}</summary>
                        <ActionForm action=delete attr:class="form">
                            <input type="hidden" name="account_id" value=account_id />
                            <input type="hidden" name="canned_response_id" value=id />
                            <p>
                                {tu_string!(i18n, settings.delete_before)}
                                <code>{code}</code>
                                {tu_string!(i18n, settings.canned.delete_after)}
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

/// The fields of the add and edit forms.
#[component]
fn CannedFields(
    account_id: i64,
    result: LastResult,
    #[prop(into)] prefix: String,
    item: Option<CannedItem>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = move |field: &str| format!("{prefix}-{field}");
    let (code, content) = item.map_or_else(Default::default, |i| (i.short_code, i.content));
    view! {
        <input type="hidden" name="account_id" value=account_id />
        <label for=id("code")>{tu_string!(i18n, settings.canned.short_code)}</label>
        <input
            id=id("code")
            name="short_code"
            required
            value=code
            aria-invalid=invalid(result, "short_code")
        />
        <label for=id("content")>{tu_string!(i18n, settings.canned.message)}</label>
        <textarea
            id=id("content")
            name="content"
            rows="4"
            required
            aria-invalid=invalid(result, "content")
        >
            {content}
        </textarea>
    }
}
