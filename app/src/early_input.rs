//! Inputs whose value the page mirrors in a signal, typed into before the page became live.
//! An `on:input` handler only exists once its part of the page has hydrated (later still for
//! a lazily loaded route); whatever the user typed before that must not be lost.

use leptos::html::Input;
use leptos::prelude::*;

/// A node for a text input whose current value `signal` takes once the input is live. Keep
/// the input's `on:input` handler for what is typed afterwards.
pub fn mirrored_by(signal: RwSignal<String>) -> NodeRef<Input> {
    let input = NodeRef::<Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            signal.set(input.value());
        }
    });
    input
}
