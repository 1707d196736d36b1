//! The custom attributes page: a tab per model (`?model=contact|conversation`, links that
//! work without JavaScript), the add form, and one row per definition with its edit and
//! delete forms.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::server_fns::{
    AttributeItem, CreateAttributeDefinition, DeleteAttributeDefinition, TYPES,
    UpdateAttributeDefinition, list_attribute_definitions,
};
use crate::i18n::{Locale, td_string, tu_string, use_i18n};
use crate::settings::forms::{Outcome, Refresh, invalid, last_result};
use crate::settings::nav::{Section, SettingsFrame, current, settings_path};

/// `settings/custom-attributes/list`.
#[component]
pub fn AttributesPage() -> impl IntoView {
    let i18n = use_i18n();
    let account_id = current().map_or(0, |(id, _)| id);
    let query = use_query_map();
    let model = Memo::new(move |_| match query.read().get("model").as_deref() {
        Some("contact") => "contact",
        _ => "conversation",
    });
    let refresh = Refresh::provide();
    let items = crate::json_resource::blocking(
        move || (model.get(), refresh.get()),
        move |(model, _)| list_attribute_definitions(account_id, model.to_owned()),
    );
    let base = settings_path(account_id, Section::Attributes);
    let tab = move |name: &'static str, text: &'static str| {
        let href = format!("{base}?model={name}");
        view! {
            <a
                href=href
                class="settings-tab"
                aria-current=move || (model.get() == name).then_some("page")
            >
                {text}
            </a>
        }
    };
    view! {
        <SettingsFrame section=Section::Attributes>
            <p class="muted">
                {tu_string!(i18n, settings.attributes.intro)}
            </p>
            <nav class="settings-tabs" aria-label=tu_string!(i18n, settings.attributes.model)>
                {tab("conversation", tu_string!(i18n, settings.attributes.conversation))}
                {tab("contact", tu_string!(i18n, settings.attributes.contact))}
            </nav>
            {move || view! { <AddAttribute account_id model=model.get() /> }}
            <Transition fallback=move || view! { <p class="muted">{tu_string!(i18n, settings.loading)}</p> }>
                {move || Suspend::new(async move {
                    match items.await {
                        Ok(items) if items.is_empty() => {
                            view! { <p class="muted">{tu_string!(i18n, settings.attributes.empty)}</p> }.into_any()
                        }
                        Ok(items) => {
                            let rows = items
                                .into_iter()
                                .map(|item| view! { <AttributeRow account_id item /> })
                                .collect_view();
                            view! {
                                <table class="settings-table" id="attribute-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{tu_string!(i18n, settings.attributes.name)}</th>
                                            <th scope="col">{tu_string!(i18n, settings.attributes.key)}</th>
                                            <th scope="col">{tu_string!(i18n, settings.attributes.type_column)}</th>
                                            <th scope="col">{tu_string!(i18n, settings.description)}</th>
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
fn AddAttribute(account_id: i64, model: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CreateAttributeDefinition>::new();
    let result = last_result(action);
    Refresh::use_it().after(result);
    let locale = i18n.get_locale_untracked();
    let types = TYPES
        .iter()
        .map(|(value, _)| view! { <option value=*value>{type_label(locale, value)}</option> })
        .collect_view();
    view! {
        <details class="card settings-add">
            <summary class="button primary">{tu_string!(i18n, settings.attributes.add)}</summary>
            <ActionForm action attr:id="attribute-create-form" attr:class="form">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="model" value=model />
                <label for="attribute-new-name">{tu_string!(i18n, settings.attributes.display_name)}</label>
                <input
                    id="attribute-new-name"
                    name="attribute_display_name"
                    required
                    aria-invalid=invalid(result, "attribute_display_name")
                />
                <label for="attribute-new-key">{tu_string!(i18n, settings.attributes.key)}</label>
                <input
                    id="attribute-new-key"
                    name="attribute_key"
                    placeholder=tu_string!(i18n, settings.attributes.key_placeholder)
                    aria-invalid=invalid(result, "attribute_key")
                />
                <label for="attribute-new-description">{tu_string!(i18n, settings.description)}</label>
                <textarea id="attribute-new-description" name="attribute_description" rows="2"></textarea>
                <label for="attribute-new-type">{tu_string!(i18n, settings.attributes.type_column)}</label>
                <select id="attribute-new-type" name="attribute_display_type">{types}</select>
                <label for="attribute-new-values">{tu_string!(i18n, settings.attributes.list_values_new)}</label>
                <textarea
                    id="attribute-new-values"
                    name="attribute_values"
                    rows="3"
                    aria-invalid=invalid(result, "attribute_values")
                ></textarea>
                <Outcome result done=tu_string!(i18n, settings.attributes.added) />
                <button type="submit" class="button primary" disabled=action.pending()>
                    {tu_string!(i18n, settings.create)}
                </button>
            </ActionForm>
        </details>
    }
}

#[component]
fn AttributeRow(account_id: i64, item: AttributeItem) -> impl IntoView {
    let i18n = use_i18n();
    let update = ServerAction::<UpdateAttributeDefinition>::new();
    let updated = last_result(update);
    let delete = ServerAction::<DeleteAttributeDefinition>::new();
    let deleted = last_result(delete);
    let refresh = Refresh::use_it();
    refresh.after(updated);
    refresh.after(deleted);
    let prefix = format!("attribute-{}", item.id);
    let field = move |name: &str| format!("{prefix}-{name}");
    let is_list = item.display_type == "list";
    let locale = i18n.get_locale_untracked();
    let type_name = TYPES
        .iter()
        .find(|(value, _)| *value == item.display_type)
        .map_or(item.display_type.clone(), |(value, _)| {
            type_label(locale, value).to_owned()
        });
    let shown_type = if is_list {
        format!("{type_name}: {}", item.values.join(", "))
    } else {
        type_name
    };
    let (name, key, description) = (
        item.display_name.clone(),
        item.key.clone(),
        item.description.clone(),
    );
    let (edit_name, edit_description, delete_name) = (
        item.display_name.clone(),
        item.description.clone(),
        item.display_name.clone(),
    );
    let values = item.values.join("\n");
    let id = item.id;
    let data_key = item.key.clone();
    view! {
        <tr data-key=data_key>
            <td>{name}</td>
            <td><code>{key}</code></td>
            <td>{shown_type}</td>
            <td>{description}</td>
            <td class="settings-actions">
                <details>
                    <summary class="button">{tu_string!(i18n, settings.edit)}</summary>
                    <ActionForm action=update attr:class="form">
                        <input type="hidden" name="account_id" value=account_id />
                        <input type="hidden" name="definition_id" value=id />
                        <label for=field("name")>{tu_string!(i18n, settings.attributes.display_name)}</label>
                        <input
                            id=field("name")
                            name="attribute_display_name"
                            required
                            value=edit_name
                            aria-invalid=invalid(updated, "attribute_display_name")
                        />
                        <label for=field("description")>{tu_string!(i18n, settings.description)}</label>
                        <textarea id=field("description") name="attribute_description" rows="2">
                            {edit_description}
                        </textarea>
                        {is_list.then(|| view! {
                            <label for=field("values")>{tu_string!(i18n, settings.attributes.list_values)}</label>
                            <textarea
                                id=field("values")
                                name="attribute_values"
                                rows="3"
                                aria-invalid=invalid(updated, "attribute_values")
                            >
                                {values}
                            </textarea>
                        })}
                        <Outcome result=updated />
                        <button type="submit" class="button primary">{tu_string!(i18n, settings.update)}</button>
                    </ActionForm>
                </details>
                <details>
                    <summary class="button danger">{tu_string!(i18n, settings.delete)}</summary>
                    <ActionForm action=delete attr:class="form">
                        <input type="hidden" name="account_id" value=account_id />
                        <input type="hidden" name="definition_id" value=id />
                        <p>
                            {tu_string!(i18n, settings.delete_before)}
                            <strong>{delete_name}</strong>
                            {tu_string!(i18n, settings.attributes.delete_after)}
                        </p>
                        <Outcome result=deleted done=tu_string!(i18n, settings.deleted) />
                        <button type="submit" class="button danger">{tu_string!(i18n, settings.yes_delete)}</button>
                    </ActionForm>
                </details>
            </td>
        </tr>
    }
}

/// The name of a display type (`TYPES`' values) in `locale`.
fn type_label(locale: Locale, value: &str) -> &'static str {
    match value {
        "number" => td_string!(locale, settings.attributes.types.number),
        "link" => td_string!(locale, settings.attributes.types.link),
        "date" => td_string!(locale, settings.attributes.types.date),
        "list" => td_string!(locale, settings.attributes.types.list),
        "checkbox" => td_string!(locale, settings.attributes.types.checkbox),
        _ => td_string!(locale, settings.attributes.types.text),
    }
}
