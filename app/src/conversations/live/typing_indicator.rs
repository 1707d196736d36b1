//! "Ada is typing…" under a conversation: who else (the contact, other agents) is typing in
//! it, from the workspace's live typing events. An entry goes away with its "off" event, or
//! 30 s after its last "on" in case the "off" was lost.

use leptos::prelude::*;

use super::{Live, LiveEvent, Typer};

/// How long a typing "on" lasts without being repeated or turned off.
const TYPING_TTL: std::time::Duration = std::time::Duration::from_secs(30);

/// Who is typing in the conversation `display_id`; renders nothing while nobody is.
#[component]
pub fn TypingIndicator(display_id: i64) -> impl IntoView {
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
            let names: Vec<&str> = list.iter().map(|(t, _)| t.name.as_str()).collect();
            match names.as_slice() {
                [] => String::new(),
                [one] => format!("{one} is typing…"),
                [a, b] => format!("{a} and {b} are typing…"),
                [a, rest @ ..] => format!("{a} and {} others are typing…", rest.len()),
            }
        })
    };
    view! {
        <p class="typing-indicator muted" aria-live="polite" data-testid="typing-indicator">
            {text}
        </p>
    }
}
