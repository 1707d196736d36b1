//! The "Filter" button above the conversation list and its dialog: conditions (attribute,
//! operator, value) joined by AND/OR. "Apply" opens the list with `?filter=<payload>`;
//! "Save as view" also stores it as a custom filter shown under "Folders" in the sidebar.
//! The dialog keeps the focus inside while open, Escape closes it, and the focus returns to
//! the button.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::payload::{self, Attribute, Input, Join, Kind, PRIORITY_VALUES, Row, STATUS_VALUES};
use super::server_fns::{FilterChoices, save_view};
use crate::conversations::list_filters::Filters;
use crate::routes;

/// The list URL showing the conditions `filter` (JSON text), optionally as saved view `view`.
pub fn filter_url(account_id: i64, filter: &str, view: Option<i64>) -> String {
    let query = Filters {
        filter: Some(filter.to_owned()),
        ..Filters::default()
    }
    .query();
    let view = view.map(|id| format!("&view={id}")).unwrap_or_default();
    format!("{}{query}{view}", routes::dashboard(account_id))
}

/// The button; the dialog is only built while open (in the browser).
#[component]
pub fn FilterButton(account_id: i64) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<html::Button>::new();
    let query = use_query_map();
    let active = move || query.read().get("filter").is_some();
    view! {
        <button
            type="button"
            node_ref=button
            class="button filter-button"
            class:active=active
            aria-haspopup="dialog"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.set(true)
        >
            {move || if active() { "Filter (on)" } else { "Filter" }}
        </button>
        // The dialog's code is a WASM chunk of its own, fetched on the first click.
        <Show when=move || open.get()>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move { filter_dialog_view(account_id, open, button).await })}
            </Suspense>
        </Show>
    }
}

/// The filter dialog, loaded on demand (see [`FilterButton`]).
#[lazy]
fn filter_dialog_view(
    account_id: i64,
    open: RwSignal<bool>,
    button: NodeRef<html::Button>,
) -> AnyView {
    view! { <FilterDialog account_id open button /> }.into_any()
}

/// Rows with stable keys, so editing one never rebuilds the others.
type Rows = RwSignal<Vec<(u32, Row)>>;

#[component]
fn FilterDialog(
    account_id: i64,
    open: RwSignal<bool>,
    button: NodeRef<html::Button>,
) -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let dialog = NodeRef::<html::Div>::new();
    let choices = RwSignal::new(None::<FilterChoices>);
    load_choices(account_id, choices);
    let attributes = Memo::new(move |_| {
        choices.with(|c| {
            let custom: Vec<(String, String, String, Vec<String>)> = c
                .as_ref()
                .map(|c| {
                    c.attributes
                        .iter()
                        .map(|a| {
                            (
                                a.key.clone(),
                                a.name.clone(),
                                a.display_type.clone(),
                                a.values.clone(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            payload::catalog(&custom)
        })
    });
    // Opens on the filter shown, or one condition on the status.
    let initial = query
        .read_untracked()
        .get("filter")
        .map(|f| payload::rows_from(&f))
        .filter(|rows| !rows.is_empty())
        .unwrap_or_else(|| {
            vec![Row {
                attribute: "status".into(),
                operator: "equal_to".into(),
                value: "open".into(),
                join: Join::And,
            }]
        });
    let next_key = StoredValue::new(initial.len() as u32);
    let rows: Rows = RwSignal::new((0u32..).zip(initial).collect());
    let error = RwSignal::new(None::<String>);
    let naming = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let busy = RwSignal::new(false);

    let close = move || {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    // The focus goes to the first control once the dialog is in the page: on the next
    // frame, because the dialog is built before its (lazily loaded) `Suspense` mounts it.
    Effect::new(move |_| {
        if let Some(el) = dialog.get() {
            request_animation_frame(move || focus_edge(&el, false));
        }
    });
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            ev.stop_propagation();
            close();
        }
    };
    let add = move |_| {
        let Some(first) = attributes.with_untracked(|a| a.first().cloned()) else {
            return;
        };
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|rows| rows.push((key, Row::on(&first))));
    };
    let built = move || {
        let list: Vec<Row> =
            rows.with_untracked(|r| r.iter().map(|(_, row)| row.clone()).collect());
        attributes.with_untracked(|a| payload::build(&list, a))
    };
    let apply = {
        let navigate = navigate.clone();
        move |_| match built() {
            Ok(filter) => {
                navigate(&filter_url(account_id, &filter, None), Default::default());
                close();
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let filter = match built() {
            Ok(filter) => filter,
            Err(message) => return error.set(Some(message)),
        };
        let view_name = name.get_untracked();
        if view_name.trim().is_empty() {
            return error.set(Some("Give the view a name.".into()));
        }
        busy.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let saved = save_view(account_id, view_name, filter).await;
            busy.set(false);
            match saved {
                Ok(view) => {
                    navigate(
                        &filter_url(account_id, &view.filter, Some(view.id)),
                        Default::default(),
                    );
                    close();
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };

    view! {
        <div class="filter-backdrop" on:click=move |_| close()></div>
        <div
            node_ref=dialog
            class="filter-dialog"
            role="dialog"
            aria-modal="true"
            aria-labelledby="filter-dialog-title"
            on:keydown=on_keydown
        >
            // Focus trap: tabbing past either end wraps to the other.
            <span tabindex="0" class="focus-guard" on:focus=move |_| wrap(dialog, true)></span>
            <h2 id="filter-dialog-title">"Filter conversations"</h2>
            <p class="muted">"Conditions are joined in order; AND binds tighter than OR."</p>
            <For each=move || rows.get() key=|(key, _)| *key let:entry>
                <ConditionRow key=entry.0 rows attributes choices />
            </For>
            <button type="button" class="button" on:click=add>"Add condition"</button>
            <p class="form-error" role="alert">{move || error.get()}</p>
            <div class="filter-actions">
                <button type="button" class="button primary" on:click=apply>"Apply filter"</button>
                <button
                    type="button"
                    class="button"
                    aria-expanded=move || naming.get().to_string()
                    on:click=move |_| naming.update(|n| *n = !*n)
                >
                    "Save as view"
                </button>
                <button type="button" class="button filter-cancel" on:click=move |_| close()>"Cancel"</button>
            </div>
            <form class="filter-save" hidden=move || !naming.get() on:submit=save>
                    <label>
                        "View name"
                        <input
                            type="text"
                            maxlength="255"
                            required
                            prop:value=move || name.get()
                            on:input=move |ev| name.set(event_target_value(&ev))
                        />
                    </label>
                <button type="submit" class="button primary" disabled=move || busy.get()>"Save view"</button>
            </form>
            <span tabindex="0" class="focus-guard" on:focus=move |_| wrap(dialog, false)></span>
        </div>
    }
}

/// One condition: attribute, operator, value, and how it joins the next.
#[component]
fn ConditionRow(
    key: u32,
    rows: Rows,
    attributes: Memo<Vec<Attribute>>,
    choices: RwSignal<Option<FilterChoices>>,
) -> impl IntoView {
    let row = move || {
        rows.with(|rows| {
            rows.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, r)| r.clone())
                .unwrap_or_default()
        })
    };
    let edit = move |change: &dyn Fn(&mut Row)| {
        rows.update(|rows| {
            if let Some((_, r)) = rows.iter_mut().find(|(k, _)| *k == key) {
                change(r);
            }
        });
    };
    let position = move || rows.with(|rows| rows.iter().position(|(k, _)| *k == key));
    let number = move || position().map_or(0, |i| i + 1);
    let is_last = move || rows.with(|rows| rows.last().map(|(k, _)| *k) == Some(key));
    let kind = move |attribute: &str| {
        attributes.with(|all| {
            all.iter()
                .find(|a| a.key == attribute)
                .map(|a| (a.kind, a.values.clone()))
        })
    };
    // What the value control looks like; the control is rebuilt only when this changes,
    // so typing keeps the focus.
    let shape = Memo::new(move |_| {
        let r = row();
        kind(&r.attribute).map(|(k, values)| (k, payload::input(k, &r.operator), values))
    });

    let attribute_options = move || {
        let current = row().attribute;
        attributes
            .get()
            .into_iter()
            .map(|a| {
                let selected = a.key == current;
                view! { <option value=a.key selected=selected>{a.label}</option> }
            })
            .collect_view()
    };
    let operator_options = move || {
        let r = row();
        let Some((k, _)) = kind(&r.attribute) else {
            return Vec::new();
        };
        payload::operators(k)
            .iter()
            .map(|&op| {
                let selected = op == r.operator;
                view! { <option value=op selected=selected>{payload::operator_label(op)}</option> }
            })
            .collect::<Vec<_>>()
    };
    let value_control = move || {
        // Rebuilt once the choices arrive, so the selects list them.
        choices.track();
        let Some((k, input, values)) = shape.get() else {
            return ().into_any();
        };
        let value = move || row().value;
        let on_input = move |ev| {
            let v = event_target_value(&ev);
            edit(&|r| r.value = v.clone());
        };
        match input {
            Input::None => ().into_any(),
            Input::Select => {
                let options = select_options(k, &values, choices);
                view! {
                    <select class="filter-value" aria-label="Value" on:change=on_input>
                        <option value="" selected=move || value().is_empty()>"Choose…"</option>
                        {options
                            .into_iter()
                            .map(|(v, label)| {
                                let wanted = v.clone();
                                view! { <option value=v selected=move || value() == wanted>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                }
                .into_any()
            }
            Input::Number => view! {
                <input class="filter-value" type="number" min="0" step="1" aria-label="Value"
                    prop:value=value on:input=on_input />
            }
            .into_any(),
            Input::Date => view! {
                <input class="filter-value" type="date" aria-label="Value"
                    prop:value=value on:input=on_input />
            }
            .into_any(),
            Input::Text => view! {
                <input class="filter-value" type="text" aria-label="Value"
                    prop:value=value on:input=on_input />
            }
            .into_any(),
        }
    };
    let join = move || {
        (!is_last()).then(|| {
            let current = row().join;
            view! {
                <select
                    class="filter-join"
                    aria-label="Join with the next condition"
                    on:change=move |ev| {
                        let join = Join::parse(&event_target_value(&ev));
                        edit(&|r| r.join = join);
                    }
                >
                    <option value="and" selected=current == Join::And>"AND"</option>
                    <option value="or" selected=current == Join::Or>"OR"</option>
                </select>
            }
        })
    };

    view! {
        <fieldset class="filter-row">
            <legend class="visually-hidden">{move || format!("Condition {}", number())}</legend>
            <select
                class="filter-attribute"
                aria-label="Attribute"
                on:change=move |ev| {
                    let key = event_target_value(&ev);
                    let Some(first) = attributes.with_untracked(|all| {
                        all.iter().find(|a| a.key == key).map(Row::on)
                    }) else {
                        return;
                    };
                    edit(&|r| {
                        let join = r.join;
                        *r = Row { join, ..first.clone() };
                    });
                }
            >
                {attribute_options}
            </select>
            <select
                class="filter-operator"
                aria-label="Operator"
                on:change=move |ev| {
                    let op = event_target_value(&ev);
                    edit(&|r| r.operator = op.clone());
                }
            >
                {operator_options}
            </select>
            {value_control}
            <button
                type="button"
                class="icon-button"
                aria-label=move || format!("Remove condition {}", number())
                on:click=move |_| rows.update(|rows| rows.retain(|(k, _)| *k != key))
            >
                "×"
            </button>
            {join}
        </fieldset>
    }
}

/// The options of a value select: `(value, label)`.
fn select_options(
    kind: Kind,
    values: &[String],
    choices: RwSignal<Option<FilterChoices>>,
) -> Vec<(String, String)> {
    let pairs = |list: &[(&str, &str)]| {
        list.iter()
            .map(|(v, l)| ((*v).to_owned(), (*l).to_owned()))
            .collect::<Vec<_>>()
    };
    let from = |pick: fn(&FilterChoices) -> &Vec<super::server_fns::Choice>| {
        choices.with_untracked(|c| {
            c.as_ref()
                .map(|c| {
                    pick(c)
                        .iter()
                        .map(|c| (c.value.clone(), c.label.clone()))
                        .collect()
                })
                .unwrap_or_default()
        })
    };
    match kind {
        Kind::Status => pairs(&STATUS_VALUES),
        Kind::Priority => pairs(&PRIORITY_VALUES),
        Kind::Agent => from(|c| &c.agents),
        Kind::Inbox => from(|c| &c.inboxes),
        Kind::Team => from(|c| &c.teams),
        Kind::Label => from(|c| &c.labels),
        Kind::CustomCheckbox => pairs(&[("true", "Yes"), ("false", "No")]),
        Kind::CustomList => values.iter().map(|v| (v.clone(), v.clone())).collect(),
        _ => Vec::new(),
    }
}

/// Loads the selects' choices (browser only; the dialog never renders on the server).
fn load_choices(account_id: i64, choices: RwSignal<Option<FilterChoices>>) {
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        if let Ok(loaded) = super::server_fns::get_filter_choices(account_id).await {
            choices.set(Some(loaded));
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (account_id, choices);
}

/// Focuses the first control of the dialog, or its last (Cancel).
fn focus_edge(dialog: &leptos::web_sys::Element, last: bool) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let selector = if last {
            ".filter-cancel"
        } else {
            "select, input, button"
        };
        if let Some(el) = dialog
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (dialog, last);
}

/// The guard at one end took the focus: send it to the other end.
fn wrap(dialog: NodeRef<html::Div>, from_start: bool) {
    if let Some(el) = dialog.try_get_untracked().flatten() {
        focus_edge(&el, from_start);
    }
}
