//! The Pre-chat form tab: on or off, the message above the form, and a row per field (email,
//! full name, phone number, then every custom attribute) with enabled, required, label and
//! placeholder. Fields already configured keep their order; new attributes come last.

use leptos::prelude::*;
use serde_json::Value;

use super::forms::{LastResult, Outcome, Switch, invalid};
use super::models::InboxSettings;
use super::server_fns::UpdatePreChatForm;
use crate::i18n::{fill, tu_string, use_i18n};

/// One row as shown.
#[derive(Clone)]
struct Row {
    field_type: String,
    name: String,
    enabled: bool,
    required: bool,
    label: String,
    placeholder: String,
}

const STANDARD: [(&str, &str); 3] = [
    ("emailAddress", "Email Id"),
    ("fullName", "Full name"),
    ("phoneNumber", "Phone number"),
];

fn rows(shown: &InboxSettings, options: &Value) -> Vec<Row> {
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
    let flag = |v: &Value, key: &str| v.get(key).and_then(Value::as_bool).unwrap_or(false);
    let mut rows: Vec<Row> = options
        .get("pre_chat_fields")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|f| Row {
            field_type: text(f, "field_type"),
            name: text(f, "name"),
            enabled: flag(f, "enabled"),
            required: flag(f, "required"),
            label: text(f, "label"),
            placeholder: text(f, "placeholder"),
        })
        .filter(|r| {
            // Drop fields whose attribute was deleted since.
            r.field_type == "standard"
                || shown
                    .attributes
                    .iter()
                    .any(|a| a.field_type == r.field_type && a.key == r.name)
        })
        .collect();
    let missing = |rows: &[Row], kind: &str, name: &str| {
        !rows.iter().any(|r| r.field_type == kind && r.name == name)
    };
    for (name, label) in STANDARD {
        if missing(&rows, "standard", name) {
            rows.push(Row {
                field_type: "standard".into(),
                name: name.into(),
                enabled: false,
                required: false,
                label: label.into(),
                placeholder: String::new(),
            });
        }
    }
    for attribute in &shown.attributes {
        if missing(&rows, &attribute.field_type, &attribute.key) {
            rows.push(Row {
                field_type: attribute.field_type.clone(),
                name: attribute.key.clone(),
                enabled: false,
                required: false,
                label: attribute.name.clone(),
                placeholder: String::new(),
            });
        }
    }
    rows
}

/// The Pre-chat form tab.
#[component]
pub fn PreChatTab(account_id: i64, shown: InboxSettings) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<UpdatePreChatForm>::new();
    let result: LastResult<()> = Signal::derive(move || action.value().get());
    let options = shown
        .inbox
        .pre_chat_form_options
        .clone()
        .unwrap_or(Value::Null);
    let message = options
        .get("pre_chat_message")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let rows = rows(&shown, &options)
        .into_iter()
        .enumerate()
        .map(|(i, row)| view! { <FieldRow index=i row /> })
        .collect_view();
    view! {
        <section class="card settings-section" aria-labelledby="pre-chat-heading">
            <h2 id="pre-chat-heading">{tu_string!(i18n, settings_inboxes.tabs.pre_chat_form)}</h2>
            <p class="muted">
                {tu_string!(i18n, settings_inboxes.pre_chat.help)}
            </p>
            <ActionForm action attr:id="pre-chat-form" attr:class="form">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="inbox_id" value=shown.inbox.id />
                <Switch
                    id="pre-chat-enabled"
                    name="pre_chat_form_enabled"
                    label=tu_string!(i18n, settings_inboxes.pre_chat.enabled_switch)
                    checked=shown.inbox.pre_chat_form_enabled.unwrap_or(false)
                />
                <label for="pre-chat-message">{tu_string!(i18n, settings_inboxes.pre_chat.message)}</label>
                <textarea
                    id="pre-chat-message"
                    name="pre_chat_message"
                    rows="2"
                    aria-invalid=invalid(result, "pre_chat_message")
                >
                    {message}
                </textarea>
                <table class="pre-chat-fields" aria-invalid=invalid(result, "pre_chat_fields")>
                    <thead>
                        <tr>
                            <th scope="col">{tu_string!(i18n, settings_inboxes.pre_chat.field)}</th>
                            <th scope="col">{tu_string!(i18n, settings_inboxes.pre_chat.enabled)}</th>
                            <th scope="col">{tu_string!(i18n, settings_inboxes.pre_chat.required)}</th>
                            <th scope="col">{tu_string!(i18n, settings_inboxes.pre_chat.label)}</th>
                            <th scope="col">{tu_string!(i18n, settings_inboxes.pre_chat.placeholder)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <Outcome result />
                <button type="submit" class="button primary" disabled=action.pending()>
                    {tu_string!(i18n, settings_inboxes.pre_chat.update)}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn FieldRow(index: usize, row: Row) -> impl IntoView {
    let i18n = use_i18n();
    let field = |part: &str| format!("fields[{index}][{part}]");
    let id = |part: &str| format!("pre-chat-{index}-{part}");
    let kind = if row.field_type == "standard" {
        tu_string!(i18n, settings_inboxes.pre_chat.kind_standard)
    } else {
        tu_string!(i18n, settings_inboxes.pre_chat.kind_attribute)
    };
    view! {
        <tr data-field=row.name.clone()>
            <th scope="row">
                {row.name.clone()} " " <span class="muted small">{kind}</span>
                <input type="hidden" name=field("field_type") value=row.field_type />
                <input type="hidden" name=field("name") value=row.name.clone() />
            </th>
            <td>
                <input
                    type="checkbox"
                    id=id("enabled")
                    name=field("enabled")
                    value="true"
                    checked=row.enabled
                    aria-label=fill(tu_string!(i18n, settings_inboxes.pre_chat.field_enabled), &[("field", &row.name)])
                />
            </td>
            <td>
                <input
                    type="checkbox"
                    id=id("required")
                    name=field("required")
                    value="true"
                    checked=row.required
                    aria-label=fill(tu_string!(i18n, settings_inboxes.pre_chat.field_required), &[("field", &row.name)])
                />
            </td>
            <td>
                <input
                    id=id("label")
                    name=field("label")
                    value=row.label
                    aria-label=fill(tu_string!(i18n, settings_inboxes.pre_chat.field_label), &[("field", &row.name)])
                />
            </td>
            <td>
                <input
                    id=id("placeholder")
                    name=field("placeholder")
                    value=row.placeholder
                    aria-label=fill(tu_string!(i18n, settings_inboxes.pre_chat.field_placeholder), &[("field", &row.name)])
                />
            </td>
        </tr>
    }
}
