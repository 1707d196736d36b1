//! Pieces every settings form shares: the outcome line under a form, `aria-invalid` from the
//! fields the server named, and the page-wide refresh a successful change triggers.

use leptos::prelude::*;

use crate::error::DashboardError;
use crate::i18n::{tu_string, use_i18n};

/// The last submission's result, without its value: `None` before any.
pub type LastResult = Signal<Option<Result<(), DashboardError>>>;

/// The result of `action`'s last submission, for [`Outcome`] and [`invalid`].
pub fn last_result<I, O>(action: ServerAction<I>) -> LastResult
where
    I: leptos::server_fn::ServerFn<Output = O, Error = DashboardError>
        + Clone
        + Send
        + Sync
        + 'static,
    O: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().map(|result| result.map(|_| ())))
}

/// `aria-invalid` for `field`: true when the last submission's error named it.
pub fn invalid(result: LastResult, field: &'static str) -> impl Fn() -> &'static str {
    move || match result.get() {
        Some(Err(DashboardError::Invalid { fields, .. })) if fields.iter().any(|f| f == field) => {
            "true"
        }
        _ => "false",
    }
}

/// The server's message after a failure, `done` ("Saved." unless given) after a success.
#[component]
pub fn Outcome(result: LastResult, #[prop(optional)] done: Option<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    let done = done.unwrap_or(tu_string!(i18n, settings.saved));
    view! {
        <p class="form-error" role="alert">
            {move || result.get().and_then(Result::err).map(|e| e.to_string())}
        </p>
        <p class="form-saved" role="status">
            {move || matches!(result.get(), Some(Ok(()))).then_some(done)}
        </p>
    }
}

/// Bumped after every successful change on a page, so its list loads again.
#[derive(Debug, Clone, Copy)]
pub struct Refresh(RwSignal<u32>);

impl Refresh {
    /// A new counter, provided to the page's rows.
    pub fn provide() -> Refresh {
        let refresh = Refresh(RwSignal::new(0));
        provide_context(refresh);
        refresh
    }

    /// The page's counter (a fresh one when none was provided).
    pub fn use_it() -> Refresh {
        use_context::<Refresh>().unwrap_or_else(|| Refresh(RwSignal::new(0)))
    }

    /// The current count, tracked.
    pub fn get(self) -> u32 {
        self.0.get()
    }

    /// Loads the page's list again whenever `result` turns into a success.
    pub fn after(self, result: LastResult) {
        Effect::new(move |_| {
            if matches!(result.get(), Some(Ok(()))) {
                self.0.update(|n| *n += 1);
            }
        });
    }
}

/// Whether a checkbox was ticked: browsers send `on` (or the `value`) when it is, nothing
/// when it is not.
#[cfg(feature = "ssr")]
pub fn ticked(value: Option<String>) -> bool {
    value.is_some_and(|v| !matches!(v.as_str(), "" | "false" | "off" | "0"))
}
