//! Custom attribute definitions as the API sends and accepts them.

use serde::{Deserialize, Serialize};

use crate::domain::{AttributeDisplayType, AttributeModel};

/// A custom attribute definition (interfaces.md §2.5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomAttributeDefinition {
    /// Definition id.
    pub id: i64,
    /// Label shown in the dashboard.
    pub attribute_display_name: String,
    /// How the value is shown and edited.
    pub attribute_display_type: AttributeDisplayType,
    /// Free text.
    pub attribute_description: Option<String>,
    /// Key inside `custom_attributes`; unique per account and model.
    pub attribute_key: String,
    /// A JS regex literal (`/…/`) the dashboard checks text values against.
    pub regex_pattern: Option<String>,
    /// The hint shown when the regex does not match.
    pub regex_cue: Option<String>,
    /// The options of a `list` attribute.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub attribute_values: serde_json::Value,
    /// Conversations or contacts.
    pub attribute_model: AttributeModel,
    /// Unused, kept for the shape.
    pub default_value: Option<i64>,
    /// ISO 8601.
    pub created_at: String,
    /// ISO 8601.
    pub updated_at: String,
}

/// An enum value as clients send it: its name, or its stored number (also as a string).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum NameOrNumber {
    /// The stored number, e.g. `1`.
    Number(i64),
    /// The name (`contact_attribute`) or the number as text (`"1"`).
    Name(String),
}

/// `POST /custom_attribute_definitions` and `PATCH /custom_attribute_definitions/{id}`
/// (wrapped in `custom_attribute_definition` or at the top level).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomAttributeDefinitionParams {
    /// Label (required).
    pub attribute_display_name: Option<String>,
    /// Free text.
    pub attribute_description: Option<String>,
    /// `text` (default), `number`, `currency`, `percent`, `link`, `date`, `list`,
    /// `checkbox`, or 0..7.
    pub attribute_display_type: Option<NameOrNumber>,
    /// Letters, digits, `_`, `.` and `-` (required).
    pub attribute_key: Option<String>,
    /// `conversation_attribute` (default) or `contact_attribute`, or 0/1.
    pub attribute_model: Option<NameOrNumber>,
    /// A JS regex literal for text attributes.
    pub regex_pattern: Option<String>,
    /// The hint shown when the regex does not match.
    pub regex_cue: Option<String>,
    /// The options of a `list` attribute.
    pub attribute_values: Option<Vec<String>>,
}
