//! Small pieces every inbox settings form uses: the last submission's outcome, the
//! `aria-invalid` of a field, a labelled switch, and the current account and route params.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::error::DashboardError;
use crate::i18n::{tu_string, use_i18n};
use crate::layout::CurrentAccount;

/// The last submission's result: `None` before any.
pub type LastResult<T> = Signal<Option<Result<T, DashboardError>>>;

/// The account of the workspace, or 0 outside it (never rendered there).
pub fn account_id() -> i64 {
    use_context::<CurrentAccount>().map_or(0, |c| c.account.id)
}

/// A numeric route parameter (`inbox_id`), or 0 when absent or not a number.
pub fn param(name: &'static str) -> Memo<i64> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    })
}

/// A query parameter, "" when absent.
pub fn query(name: &'static str) -> Memo<String> {
    let query = use_query_map();
    Memo::new(move |_| query.read().get(name).unwrap_or_default())
}

/// `aria-invalid` for `field`: true when the last submission's error named it.
pub fn invalid<T: Clone + Send + Sync + 'static>(
    result: LastResult<T>,
    field: &'static str,
) -> impl Fn() -> &'static str + Send + Sync + 'static {
    move || match result.get() {
        Some(Err(DashboardError::Invalid { fields, .. })) if fields.iter().any(|f| f == field) => {
            "true"
        }
        _ => "false",
    }
}

/// "Saved." after a success, the server's message after a failure.
#[component]
pub fn Outcome<T: Clone + Send + Sync + 'static>(result: LastResult<T>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="form-error" role="alert">
            {move || result.get().and_then(Result::err).map(|e| e.to_string())}
        </p>
        <p class="form-saved" role="status">
            {move || matches!(result.get(), Some(Ok(_))).then_some(tu_string!(i18n, settings_inboxes.saved))}
        </p>
    }
}

/// A checkbox with its label, posting `value="true"` when ticked.
#[component]
pub fn Switch(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    checked: bool,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div class="switch-row">
            <input type="checkbox" id=id name=name value="true" checked=checked />
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="muted hint">{h}</p> })}
        </div>
    }
}
