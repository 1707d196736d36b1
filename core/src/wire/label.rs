//! Labels as the API sends and accepts them.

use serde::{Deserialize, Serialize};

/// A label definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Label {
    /// Label id.
    pub id: i64,
    /// Lower-case title.
    pub title: String,
    /// Free text.
    pub description: Option<String>,
    /// Hex colour, e.g. `#1f93ff`.
    pub color: String,
    /// Listed in the dashboard sidebar.
    pub show_on_sidebar: bool,
}

/// `POST /labels` and `PATCH /labels/{id}` (wrapped in `label` or at the top level).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LabelParams {
    /// Title: a letter or digit, then at least one letter, digit, `_` or `-`; stored
    /// lower-case.
    pub title: Option<String>,
    /// Free text.
    pub description: Option<String>,
    /// Hex colour (default `#1f93ff`).
    pub color: Option<String>,
    /// Show in the sidebar (default false).
    pub show_on_sidebar: Option<bool>,
}
