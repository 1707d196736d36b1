//! The contact form's fields, shared by "New contact" and "Edit contact".

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::i18n::{tu_string, use_i18n};

/// What the form shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ContactValues {
    /// Name.
    pub name: String,
    /// Email.
    pub email: String,
    /// Phone (+E.164).
    pub phone_number: String,
    /// The business's own id for the contact.
    pub identifier: String,
    /// Company.
    pub company_name: String,
    /// City.
    pub city: String,
    /// Country.
    pub country: String,
}

/// Labelled inputs named as the server functions' arguments; `prefix` keeps the ids unique.
#[component]
pub fn ContactFields(prefix: &'static str, values: ContactValues) -> impl IntoView {
    let i18n = use_i18n();
    let field = move |key: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      value: String,
                      required: bool| {
        let id = format!("{prefix}-{key}");
        view! {
            <label for=id.clone()>{label}</label>
            <input id=id name=key type=kind value=value required=required />
        }
    };
    view! {
        {field("name", tu_string!(i18n, contacts.columns.name), "text", values.name, true)}
        {field("email", tu_string!(i18n, contacts.columns.email), "email", values.email, false)}
        {field("phone_number", tu_string!(i18n, contacts.fields.phone), "tel", values.phone_number, false)}
        {field("identifier", tu_string!(i18n, contacts.fields.identifier), "text", values.identifier, false)}
        {field("company_name", tu_string!(i18n, contacts.columns.company), "text", values.company_name, false)}
        {field("city", tu_string!(i18n, contacts.fields.city), "text", values.city, false)}
        {field("country", tu_string!(i18n, contacts.fields.country), "text", values.country, false)}
    }
}
