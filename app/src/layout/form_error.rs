//! Shows the error of the last form submission.

use leptos::prelude::*;

use crate::ids;

/// An error message under a form, announced to screen readers; empty when there is none.
#[component]
pub fn FormError(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p id=ids::FORM_ERROR class="form-error" role="alert" aria-live="polite">
            {move || message.get()}
        </p>
    }
}
