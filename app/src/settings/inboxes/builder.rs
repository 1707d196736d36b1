//! The widget builder: colour, welcome heading and tagline, reply time (saved), and the
//! bubble's type, position and title (they only change the snippet, as in Chatwoot). The
//! preview beside the form follows every keystroke once the page is live; the server renders
//! it with the saved values.

use leptos::prelude::*;

use super::forms::{LastResult, Outcome, invalid};
use super::models::{InboxSettings, REPLY_TIMES, reply_time_text, snippet_with_bubble};
use super::server_fns::UpdateWidget;
use super::snippet::CopyBox;
use crate::early_input::mirrored_by;
use crate::i18n::{tu_string, use_i18n};

/// What the preview shows.
#[derive(Clone, Copy)]
struct Look {
    color: RwSignal<String>,
    title: RwSignal<String>,
    tagline: RwSignal<String>,
    reply_time: RwSignal<String>,
    bubble: RwSignal<String>,
    position: RwSignal<String>,
    launcher: RwSignal<String>,
}

/// The Widget builder tab.
#[component]
pub fn BuilderTab(account_id: i64, shown: InboxSettings) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<UpdateWidget>::new();
    let result: LastResult<()> = Signal::derive(move || action.value().get());
    let inbox = shown.inbox;
    let look = Look {
        color: RwSignal::new(
            inbox
                .widget_color
                .clone()
                .unwrap_or_else(|| "#1f93ff".into()),
        ),
        title: RwSignal::new(inbox.welcome_title.clone().unwrap_or_default()),
        tagline: RwSignal::new(inbox.welcome_tagline.clone().unwrap_or_default()),
        reply_time: RwSignal::new(inbox.reply_time.clone().unwrap_or_default()),
        bubble: RwSignal::new("standard".to_owned()),
        position: RwSignal::new("right".to_owned()),
        launcher: RwSignal::new(String::new()),
    };
    let script = inbox.web_widget_script.clone().unwrap_or_default();
    let snippet = Signal::derive(move || {
        snippet_with_bubble(
            &script,
            &look.position.get(),
            &look.bubble.get(),
            &look.launcher.get(),
        )
    });
    let text =
        |signal: RwSignal<String>| move |ev: leptos::ev::Event| signal.set(event_target_value(&ev));
    // What was typed or picked before this lazily loaded page became live counts too.
    let color_input = mirrored_by(look.color);
    let title_input = mirrored_by(look.title);
    let tagline_input = mirrored_by(look.tagline);
    let launcher_input = mirrored_by(look.launcher);
    let reply_select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if let Some(select) = reply_select.get() {
            look.reply_time.set(select.value());
        }
    });
    let initial_reply = look.reply_time.get_untracked();
    let locale = i18n.get_locale_untracked();
    view! {
        <div class="widget-builder">
            <section class="card settings-section" aria-labelledby="builder-heading">
                <h2 id="builder-heading">{tu_string!(i18n, settings_inboxes.tabs.widget_builder)}</h2>
                <ActionForm action attr:id="widget-builder-form" attr:class="form">
                    <input type="hidden" name="account_id" value=account_id />
                    <input type="hidden" name="inbox_id" value=inbox.id />
                    <label for="builder-color">{tu_string!(i18n, settings_inboxes.widget_color)}</label>
                    <input
                        id="builder-color"
                        type="color"
                        name="form[widget_color]"
                        value=look.color.get_untracked()
                        aria-invalid=invalid(result, "widget_color")
                        node_ref=color_input
                        on:input=text(look.color)
                    />
                    <label for="builder-title">{tu_string!(i18n, settings_inboxes.welcome_heading)}</label>
                    <input
                        id="builder-title"
                        name="form[welcome_title]"
                        value=look.title.get_untracked()
                        node_ref=title_input
                        on:input=text(look.title)
                    />
                    <label for="builder-tagline">{tu_string!(i18n, settings_inboxes.welcome_tagline)}</label>
                    <input
                        id="builder-tagline"
                        name="form[welcome_tagline]"
                        value=look.tagline.get_untracked()
                        node_ref=tagline_input
                        on:input=text(look.tagline)
                    />
                    <label for="builder-reply-time">{tu_string!(i18n, settings_inboxes.reply_time)}</label>
                    <select
                        id="builder-reply-time"
                        name="form[reply_time]"
                        node_ref=reply_select
                        on:change=text(look.reply_time)
                    >
                        {REPLY_TIMES
                            .iter()
                            .map(|value| {
                                view! {
                                    <option value=*value selected=initial_reply == *value>
                                        {reply_time_text(locale, value)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <fieldset class="bubble-choices">
                        <legend>{tu_string!(i18n, settings_inboxes.builder.bubble)}</legend>
                        <Choice group="bubble-position" signal=look.position value="right" label=tu_string!(i18n, settings_inboxes.builder.right) />
                        <Choice group="bubble-position" signal=look.position value="left" label=tu_string!(i18n, settings_inboxes.builder.left) />
                        <Choice group="bubble-type" signal=look.bubble value="standard" label=tu_string!(i18n, settings_inboxes.builder.standard) />
                        <Choice
                            group="bubble-type"
                            signal=look.bubble
                            value="expanded_bubble"
                            label=tu_string!(i18n, settings_inboxes.builder.expanded)
                        />
                        <label for="builder-launcher">{tu_string!(i18n, settings_inboxes.builder.bubble_title)}</label>
                        <input
                            id="builder-launcher"
                            placeholder=tu_string!(i18n, settings_inboxes.builder.chat_with_us)
                            node_ref=launcher_input
                            on:input=text(look.launcher)
                        />
                    </fieldset>
                    <Outcome result />
                    <button type="submit" class="button primary" disabled=action.pending()>
                        {tu_string!(i18n, settings_inboxes.builder.update)}
                    </button>
                </ActionForm>
            </section>
            <section class="card settings-section" aria-labelledby="preview-heading">
                <h2 id="preview-heading">{tu_string!(i18n, settings_inboxes.builder.preview)}</h2>
                <Preview look />
                <CopyBox id="builder-snippet" label=tu_string!(i18n, settings_inboxes.builder.script) text=snippet multiline=true />
            </section>
        </div>
    }
}

/// One radio button bound to `signal`.
#[component]
fn Choice(
    group: &'static str,
    signal: RwSignal<String>,
    value: &'static str,
    label: &'static str,
) -> impl IntoView {
    let id = format!("{group}-{value}");
    // A choice made before the page became live is picked up once it is.
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if input.get().is_some_and(|radio| radio.checked()) {
            signal.set(value.to_owned());
        }
    });
    view! {
        <span class="radio-choice">
            <input
                type="radio"
                id=id.clone()
                name=group
                value=value
                checked=signal.get_untracked() == value
                node_ref=input
                on:change=move |_| signal.set(value.to_owned())
            />
            <label for=id>{label}</label>
        </span>
    }
}

/// The chat window and its bubble, drawn with the current choices.
#[component]
fn Preview(look: Look) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let color = move || format!("--widget-color: {}", look.color.get());
    let expanded = move || look.bubble.get() == "expanded_bubble";
    let launcher = move || {
        let title = look.launcher.get();
        if title.trim().is_empty() {
            tu_string!(i18n, settings_inboxes.builder.chat_with_us).to_owned()
        } else {
            title
        }
    };
    view! {
        <div
            id="widget-preview"
            class="widget-preview"
            class:left=move || look.position.get() == "left"
            style=color
            aria-label=tu_string!(i18n, settings_inboxes.builder.widget_preview)
        >
            <div class="preview-window">
                <div class="preview-header">
                    <strong class="preview-title">{move || look.title.get()}</strong>
                    <p class="preview-tagline">{move || look.tagline.get()}</p>
                    <p class="preview-reply-time">
                        {move || reply_time_text(locale, &look.reply_time.get())}
                    </p>
                </div>
                <div class="preview-body">
                    <div class="preview-composer">{tu_string!(i18n, settings_inboxes.builder.type_message)}</div>
                </div>
            </div>
            <div class="preview-bubble" class:expanded=expanded>
                <span aria-hidden="true">"💬"</span>
                {move || expanded().then(launcher)}
            </div>
        </div>
    }
}
