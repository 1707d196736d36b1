//! The labels page: the add form, then one row per label with its edit and delete forms
//! (plain forms inside `<details>`, so everything works before the page is live).

use leptos::prelude::*;

use super::server_fns::{CreateLabel, DeleteLabel, LabelItem, UpdateLabel, list_labels};
use crate::i18n::{tu_string, use_i18n};
use crate::settings::forms::{Outcome, Refresh, invalid, last_result};
use crate::settings::nav::{Section, SettingsFrame, current};

/// `settings/labels/list`.
#[component]
pub fn LabelsPage() -> impl IntoView {
    let i18n = use_i18n();
    let account_id = current().map_or(0, |(id, _)| id);
    let refresh = Refresh::provide();
    let labels =
        crate::json_resource::blocking(move || refresh.get(), move |_| list_labels(account_id));
    view! {
        <SettingsFrame section=Section::Labels>
            <p class="muted">
                {tu_string!(i18n, settings.labels.intro)}
            </p>
            <AddLabel account_id />
            <Transition fallback=move || view! { <p class="muted">{tu_string!(i18n, settings.loading)}</p> }>
                {move || Suspend::new(async move {
                    match labels.await {
                        Ok(items) if items.is_empty() => {
                            view! { <p class="muted">{tu_string!(i18n, settings.labels.empty)}</p> }.into_any()
                        }
                        Ok(items) => view! { <LabelTable account_id items /> }.into_any(),
                        Err(err) => view! { <p role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </SettingsFrame>
    }
}

#[component]
fn AddLabel(account_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CreateLabel>::new();
    let result = last_result(action);
    Refresh::use_it().after(result);
    view! {
        <details class="card settings-add">
            <summary class="button primary">{tu_string!(i18n, settings.labels.add)}</summary>
            <ActionForm action attr:id="label-create-form" attr:class="form">
                <LabelFields account_id result prefix="label-new" item=None />
                <Outcome result done=tu_string!(i18n, settings.labels.added) />
                <button type="submit" class="button primary" disabled=action.pending()>
                    {tu_string!(i18n, settings.labels.create)}
                </button>
            </ActionForm>
        </details>
    }
}

#[component]
fn LabelTable(account_id: i64, items: Vec<LabelItem>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = items
        .into_iter()
        .map(|item| view! { <LabelRow account_id item /> })
        .collect_view();
    view! {
        <table class="settings-table" id="label-table">
            <thead>
                <tr>
                    <th scope="col">{tu_string!(i18n, settings.labels.title)}</th>
                    <th scope="col">{tu_string!(i18n, settings.description)}</th>
                    <th scope="col">{tu_string!(i18n, settings.labels.colour)}</th>
                    <th scope="col">{tu_string!(i18n, settings.labels.sidebar)}</th>
                    <th scope="col">{tu_string!(i18n, settings.actions)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn LabelRow(account_id: i64, item: LabelItem) -> impl IntoView {
    let i18n = use_i18n();
    let update = ServerAction::<UpdateLabel>::new();
    let updated = last_result(update);
    let delete = ServerAction::<DeleteLabel>::new();
    let deleted = last_result(delete);
    let refresh = Refresh::use_it();
    refresh.after(updated);
    refresh.after(deleted);
    let prefix = format!("label-{}", item.id);
    let id = item.id;
    let (title, description, color) = (
        item.title.clone(),
        item.description.clone(),
        item.color.clone(),
    );
    let (data_title, delete_title) = (item.title.clone(), item.title.clone());
    let dot = format!("background:{}", item.color);
    let sidebar = if item.show_on_sidebar {
        tu_string!(i18n, settings.labels.shown)
    } else {
        tu_string!(i18n, settings.labels.hidden)
    };
    view! {
        <tr data-label=data_title>
            <td>
                <span class="label-dot" style=dot aria-hidden="true"></span>
                {title}
            </td>
            <td>{description}</td>
            <td><code>{color}</code></td>
            <td>{sidebar}</td>
            <td class="settings-actions">
                <details>
                    <summary class="button">{tu_string!(i18n, settings.edit)}</summary>
                    <ActionForm action=update attr:class="form">
                        <input type="hidden" name="label_id" value=id />
                        <LabelFields account_id result=updated prefix item=Some(item) />
                        <Outcome result=updated />
                        <button type="submit" class="button primary">{tu_string!(i18n, settings.update)}</button>
                    </ActionForm>
                </details>
                <details>
                    <summary class="button danger">{tu_string!(i18n, settings.delete)}</summary>
                    <ActionForm action=delete attr:class="form">
                        <input type="hidden" name="account_id" value=account_id />
                        <input type="hidden" name="label_id" value=id />
                        <p>
                            {tu_string!(i18n, settings.labels.delete_before)}
                            <strong>{delete_title}</strong>
                            {tu_string!(i18n, settings.labels.delete_after)}
                        </p>
                        <Outcome result=deleted done=tu_string!(i18n, settings.deleted) />
                        <button type="submit" class="button danger">{tu_string!(i18n, settings.yes_delete)}</button>
                    </ActionForm>
                </details>
            </td>
        </tr>
    }
}

/// The fields of the add and edit forms; `prefix` keeps their ids unique on the page.
#[component]
fn LabelFields(
    account_id: i64,
    result: crate::settings::forms::LastResult,
    #[prop(into)] prefix: String,
    item: Option<LabelItem>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = move |field: &str| format!("{prefix}-{field}");
    let item = item.unwrap_or(LabelItem {
        id: 0,
        title: String::new(),
        description: String::new(),
        color: "#1f93ff".into(),
        show_on_sidebar: true,
    });
    view! {
        <input type="hidden" name="account_id" value=account_id />
        <label for=id("title")>{tu_string!(i18n, settings.labels.name)}</label>
        <input
            id=id("title")
            name="title"
            required
            value=item.title
            aria-invalid=invalid(result, "title")
        />
        <label for=id("description")>{tu_string!(i18n, settings.description)}</label>
        <textarea id=id("description") name="description" rows="2">{item.description}</textarea>
        <label for=id("color")>{tu_string!(i18n, settings.labels.colour)}</label>
        <input
            id=id("color")
            name="color"
            type="color"
            value=item.color
            aria-invalid=invalid(result, "color")
        />
        <label class="checkbox">
            <input type="checkbox" name="show_on_sidebar" checked=item.show_on_sidebar />
            {tu_string!(i18n, settings.labels.show_on_sidebar)}
        </label>
    }
}
