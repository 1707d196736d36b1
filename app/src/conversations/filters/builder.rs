//! The "Filter" button above the conversation list and its dialog: conditions (attribute,
//! operator, value) joined by AND/OR. "Apply" opens the list with `?filter=<payload>`;
//! "Save as view" also stores it as a custom filter shown under "Folders" in the sidebar.
//! The dialog keeps the focus inside while open, Escape closes it, and the focus returns to
//! the button.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::dialog::{DialogKind, FilterDialog};
use super::payload::{self, Attribute, Input, Join, Kind, PRIORITY_VALUES, Row, STATUS_VALUES};
use super::server_fns::{FilterChoices, save_view};
use crate::conversations::list_filters::Filters;
use crate::i18n::fill;
use crate::i18n::{Locale, td_string, tu_string, use_i18n};
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
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
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
            {move || {
                if active() {
                    tu_string!(i18n, filters.button_on)
                } else {
                    tu_string!(i18n, filters.button)
                }
            }}
        </button>
        // The dialog's code is a WASM chunk of its own, fetched on the first click.
        <Show when=move || open.get()>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move { filter_dialog_view(locale, account_id, open, button).await })}
            </Suspense>
        </Show>
    }
}

/// The filter dialog, loaded on demand (see [`FilterButton`]).
#[lazy]
fn filter_dialog_view(
    locale: Locale,
    account_id: i64,
    open: RwSignal<bool>,
    button: NodeRef<html::Button>,
) -> AnyView {
    let kind = conversations_kind(locale);
    view! { <FilterDialog kind account_id open button /> }.into_any()
}

/// Rows with stable keys, so editing one never rebuilds the others.
pub(crate) type Rows = RwSignal<Vec<(u32, Row)>>;

/// The conversation list's filter in `locale`.
fn conversations_kind(locale: Locale) -> DialogKind {
    // The catalog and the checks are plain `fn`s: one instance per language.
    match locale {
        Locale::fr => conversations_in::<1>(),
        Locale::es => conversations_in::<2>(),
        _ => conversations_in::<0>(),
    }
}

/// The language of [`conversations_in`]'s instance `L`.
fn language<const L: u8>() -> Locale {
    match L {
        1 => Locale::fr,
        2 => Locale::es,
        _ => Locale::en,
    }
}

/// The conversation list's filter: on status, the conversation attributes, saved as a view;
/// its words in language `L` (see [`language`]).
fn conversations_in<const L: u8>() -> DialogKind {
    let locale = language::<L>();
    DialogKind {
        title_id: "filter-dialog-title",
        title: td_string!(locale, filters.title),
        save_as: td_string!(locale, filters.save_as),
        name_label: td_string!(locale, filters.name_label),
        save: td_string!(locale, filters.save),
        name_missing: td_string!(locale, filters.name_missing),
        first_row: || Row {
            attribute: "status".into(),
            operator: "equal_to".into(),
            value: "open".into(),
            join: Join::And,
        },
        catalog: |custom| payload::catalog_in(language::<L>(), custom),
        build: |rows, attributes| payload::build_in(language::<L>(), rows, attributes),
        load: load_choices,
        apply_url: |account_id, filter| filter_url(account_id, filter, None),
        store: |account_id, name, filter| {
            Box::pin(async move {
                let view = save_view(account_id, name, filter).await?;
                Ok(filter_url(account_id, &view.filter, Some(view.id)))
            })
        },
    }
}

/// One condition: attribute, operator, value, and how it joins the next.
#[component]
pub(crate) fn ConditionRow(
    key: u32,
    rows: Rows,
    attributes: Memo<Vec<Attribute>>,
    choices: RwSignal<Option<FilterChoices>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
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
                view! { <option value=op selected=selected>{payload::operator_label(locale, op)}</option> }
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
                let options = select_options(locale, k, &values, choices);
                view! {
                    <select class="filter-value" aria-label=tu_string!(i18n, filters.value) on:change=on_input>
                        <option value="" selected=move || value().is_empty()>{tu_string!(i18n, filters.choose)}</option>
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
                <input class="filter-value" type="number" min="0" step="1" aria-label=tu_string!(i18n, filters.value)
                    prop:value=value on:input=on_input />
            }
            .into_any(),
            Input::Date => view! {
                <input class="filter-value" type="date" aria-label=tu_string!(i18n, filters.value)
                    prop:value=value on:input=on_input />
            }
            .into_any(),
            Input::Text => view! {
                <input class="filter-value" type="text" aria-label=tu_string!(i18n, filters.value)
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
                    aria-label=tu_string!(i18n, filters.join)
                    on:change=move |ev| {
                        let join = Join::parse(&event_target_value(&ev));
                        edit(&|r| r.join = join);
                    }
                >
                    <option value="and" selected=current == Join::And>{tu_string!(i18n, filters.and)}</option>
                    <option value="or" selected=current == Join::Or>{tu_string!(i18n, filters.or)}</option>
                </select>
            }
        })
    };

    view! {
        <fieldset class="filter-row">
            <legend class="visually-hidden">{move || fill(tu_string!(i18n, filters.condition), &[("number", &number())])}</legend>
            <select
                class="filter-attribute"
                aria-label=tu_string!(i18n, filters.attribute)
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
                aria-label=tu_string!(i18n, filters.operator)
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
                aria-label=move || fill(tu_string!(i18n, filters.remove_condition), &[("number", &number())])
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
    locale: Locale,
    kind: Kind,
    values: &[String],
    choices: RwSignal<Option<FilterChoices>>,
) -> Vec<(String, String)> {
    let pairs = |list: &[(&str, &str)], label: fn(Locale, &str) -> &'static str| {
        list.iter()
            .map(|(v, _)| ((*v).to_owned(), label(locale, v).to_owned()))
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
        Kind::Status => pairs(&STATUS_VALUES, payload::status_value_label),
        Kind::Priority => pairs(&PRIORITY_VALUES, payload::priority_value_label),
        Kind::Agent => from(|c| &c.agents),
        Kind::Inbox => from(|c| &c.inboxes),
        Kind::Team => from(|c| &c.teams),
        Kind::Label => from(|c| &c.labels),
        Kind::CustomCheckbox => vec![
            (
                "true".to_owned(),
                td_string!(locale, filters.yes).to_owned(),
            ),
            (
                "false".to_owned(),
                td_string!(locale, filters.no).to_owned(),
            ),
        ],
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
pub(crate) fn focus_edge(dialog: &leptos::web_sys::Element, last: bool) {
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
pub(crate) fn wrap(dialog: NodeRef<html::Div>, from_start: bool) {
    if let Some(el) = dialog.try_get_untracked().flatten() {
        focus_edge(&el, from_start);
    }
}
