//! One custom attribute as a small form: the input fits the definition's type (text,
//! number, link, date, list, checkbox) and Save stores it through the server function, which
//! checks the value against the type.

use leptos::prelude::*;

use super::models::AttributeField;
use crate::i18n::{tu_string, use_i18n};
use crate::post_form::{FormAction, PostForm};

/// The custom attribute `field` of the contact or conversation `target_id`; `model` is
/// `contact_attribute` or `conversation_attribute`.
#[component]
pub fn AttributeForm(
    field: AttributeField,
    account_id: i64,
    model: &'static str,
    target_id: i64,
    action: FormAction,
) -> impl IntoView {
    let i18n = use_i18n();
    let input_id = format!("attr-{model}-{}", field.key);
    let AttributeField {
        key,
        label,
        kind,
        value,
        options,
        description,
    } = field;
    let input = match kind.as_str() {
        "list" => {
            let options = options
                .into_iter()
                .map(|option| {
                    let selected = option == value;
                    view! { <option value=option.clone() selected=selected>{option.clone()}</option> }
                })
                .collect_view();
            view! {
                <select id=input_id.clone() name="value">
                    <option value="" selected=value.is_empty()>"—"</option>
                    {options}
                </select>
            }
            .into_any()
        }
        "checkbox" => view! {
            <input id=input_id.clone() type="checkbox" name="value" value="true" checked=value == "true" />
        }
        .into_any(),
        other => {
            let (input_type, step) = match other {
                "number" | "currency" | "percent" => ("number", Some("any")),
                "link" => ("url", None),
                "date" => ("date", None),
                _ => ("text", None),
            };
            view! { <input id=input_id.clone() type=input_type step=step name="value" value=value /> }
                .into_any()
        }
    };
    let data_key = key.clone();
    let hint =
        (!description.is_empty()).then(|| view! { <small class="muted">{description}</small> });
    view! {
        <PostForm action attr:class="attribute-form" attr:data-key=data_key>
            <input type="hidden" name="account_id" value=account_id />
            <input type="hidden" name="model" value=model />
            <input type="hidden" name="target_id" value=target_id />
            <input type="hidden" name="key" value=key />
            <label for=input_id>{label}</label>
            <div class="attribute-row">
                {input}
                <button type="submit" class="button small" disabled=action.pending()>{tu_string!(i18n, contact_panel.save)}</button>
            </div>
            {hint}
        </PostForm>
    }
}
