//! "Ada is typing…" under a conversation: who else (the contact, other agents) is typing in
//! it, from the workspace's live typing events. An entry goes away with its "off" event, or
//! 30 s after its last "on" in case the "off" was lost.

use leptos::prelude::*;

use super::{Live, LiveEvent, Typer};
use crate::i18n::fill;
use crate::i18n::{tu_string, use_i18n};

/// How long a typing "on" lasts without being repeated or turned off.
const TYPING_TTL: std::time::Duration = std::time::Duration::from_secs(30);

/// Who is typing in the conversation `display_id`; renders nothing while nobody is.
#[component]
pub fn TypingIndicator(display_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    // (who, generation): a timeout only removes the "on" it was started for.
    let typing = RwSignal::new(Vec::<(Typer, u64)>::new());
    let generation = StoredValue::new(0u64);
    if let Some(live) = use_context::<Live>() {
        Effect::new(move |_| {
            let Some(LiveEvent::Typing {
                display_id: id,
                on,
                typer,
            }) = live.event.get()
            else {
                return;
            };
            if id != display_id {
                return;
            }
            let same = |(t, _): &(Typer, u64)| t.contact == typer.contact && t.id == typer.id;
            if on {
                let current = generation.get_value() + 1;
                generation.set_value(current);
                typing.update(|list| {
                    list.retain(|entry| !same(entry));
                    list.push((typer.clone(), current));
                });
                set_timeout(
                    move || {
                        let _ = typing.try_update(|list| list.retain(|(_, g)| *g != current));
                    },
                    TYPING_TTL,
                );
            } else {
                typing.update(|list| list.retain(|entry| !same(entry)));
            }
        });
    }
    let text = move || {
        typing.with(|list| {
            let names: Vec<&str> = list
                .iter()
                .map(|(t, _)| match t.name.as_str() {
                    "" if t.contact => tu_string!(i18n, thread.typing.the_contact),
                    "" => tu_string!(i18n, thread.typing.an_agent),
                    name => name,
                })
                .collect();
            match names.as_slice() {
                [] => String::new(),
                [one] => fill(tu_string!(i18n, thread.typing.one), &[("name", one)]),
                [a, b] => fill(
                    tu_string!(i18n, thread.typing.two),
                    &[("first", a), ("second", b)],
                ),
                [a, rest @ ..] => fill(
                    tu_string!(i18n, thread.typing.many),
                    &[("name", a), ("count", &rest.len())],
                ),
            }
        })
    };
    view! {
        <p class="typing-indicator muted" aria-live="polite" data-testid="typing-indicator">
            {text}
        </p>
    }
}
