//! `…/contacts/imports/:import_id`: an import's progress while its rows are processed
//! (asked again every second once hydrated; without JavaScript the page refreshes itself),
//! then its report: contacts created and updated, rows rejected with their reasons, and the
//! download of the rejected rows.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use onechat_core::wire::data_import::{DataImport, RejectedRow};

use super::server_fns::get_contact_import;
use super::{import_page, status_page};
use crate::i18n::{fill, tu_string, use_i18n};
use crate::layout::CurrentAccount;
use crate::{ids, routes};

/// How often a running import is asked for its progress.
const POLL_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// The import's page.
#[component]
pub fn ImportStatusPage() -> impl IntoView {
    let i18n = use_i18n();
    let Some(current) = use_context::<CurrentAccount>() else {
        return ().into_any();
    };
    let account_id = current.account.id;
    let params = use_params_map();
    let import_id = Memo::new(move |_| {
        params
            .read()
            .get("import_id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    });
    // Bumped to ask again while the import runs.
    let tick = RwSignal::new(0_u32);
    let import = crate::json_resource::new(
        move || (import_id.get(), tick.get()),
        move |(id, _)| get_contact_import(account_id, id),
    );
    // Effects run only in the browser: poll while the import is pending or processing.
    Effect::new(move |_| {
        if let Some(Ok(shown)) = import.get()
            && shown.in_progress()
        {
            set_timeout(move || tick.update(|t| *t = t.wrapping_add(1)), POLL_EVERY);
        }
    });

    view! {
        <Title text=tu_string!(i18n, contacts.import_page.status_title) />
        <div id=ids::CONTACT_IMPORT_STATUS class="contact-import">
            <nav class="contact-import-back">
                <a href=routes::contacts(account_id)>{tu_string!(i18n, contacts.import_page.back)}</a>
            </nav>
            <h1>{tu_string!(i18n, contacts.import_page.status_title)}</h1>
            // Keeps the previous numbers on screen while the next ones load.
            <Transition fallback=move || view! { <p class="muted">{tu_string!(i18n, contacts.loading)}</p> }>
                {move || Suspend::new(async move {
                    match import.await {
                        Ok(shown) => view! { <Shown shown account_id /> }.into_any(),
                        Err(error) => view! {
                            <p class="form-error" role="alert">{error.to_string()}</p>
                        }
                            .into_any(),
                    }
                })}
            </Transition>
        </div>
    }
    .into_any()
}

#[component]
fn Shown(shown: DataImport, account_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let file = shown.file_name.clone().map(
        |name| view! { <p class="muted">{tu_string!(i18n, contacts.import_page.file)}{name}</p> },
    );
    let body = match shown.status.as_str() {
        "failed" => view! {
            <p class="form-error" role="alert">
                {tu_string!(i18n, contacts.import_page.failed)}
                {shown.processing_errors.clone().unwrap_or_default()}
            </p>
        }
        .into_any(),
        "completed" => view! { <Report shown=shown.clone() /> }.into_any(),
        _ => view! { <Progress shown=shown.clone() account_id /> }.into_any(),
    };
    view! {
        {file}
        {body}
        <p class="contact-import-links">
            <a class="button" href=routes::contacts(account_id)>{tu_string!(i18n, contacts.import_page.go_to_contacts)}</a>
            <a class="button" href=import_page(account_id)>{tu_string!(i18n, contacts.import_page.another)}</a>
        </p>
    }
}

#[component]
fn Progress(shown: DataImport, account_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let text = if shown.status == "pending" {
        fill(
            tu_string!(i18n, contacts.import_page.waiting),
            &[("total", &shown.total_records.to_string())],
        )
    } else {
        fill(
            tu_string!(i18n, contacts.import_page.importing),
            &[
                ("processed", &shown.processed_records.to_string()),
                ("total", &shown.total_records.to_string()),
            ],
        )
    };
    // Without JavaScript the page reloads itself until the import ends. Inside <noscript>
    // the tag is inert once scripts run (the polling above takes over).
    let refresh = format!(
        r#"<meta http-equiv="refresh" content="2;url={}">"#,
        status_page(account_id, shown.id)
    );
    view! {
        <noscript inner_html=refresh></noscript>
        <div id=ids::CONTACT_IMPORT_PROGRESS class="contact-import-progress" role="status" aria-live="polite">
            <progress
                max=shown.total_records.max(1)
                value=shown.processed_records
                aria-label=tu_string!(i18n, contacts.import_page.rows_processed)
            ></progress>
            <p>{text}</p>
        </div>
    }
}

#[component]
fn Report(shown: DataImport) -> impl IntoView {
    let i18n = use_i18n();
    let rejected = shown.rejected_records;
    let listed = shown.rejected_rows.len() as i64;
    let more = (rejected > listed).then(|| {
        view! {
            <p class="muted">
                {fill(tu_string!(i18n, contacts.import_page.first_listed), &[("listed", &listed.to_string()), ("rejected", &rejected.to_string())])}
            </p>
        }
    });
    let download = shown.failed_records_url.clone().map(|href| {
        view! {
            <a id=ids::CONTACT_IMPORT_FAILED_DOWNLOAD class="button" href=href download="failed-records.csv">
                {tu_string!(i18n, contacts.import_page.download_rejected)}
            </a>
        }
    });
    let rows = (!shown.rejected_rows.is_empty()).then(|| {
        let items = shown
            .rejected_rows
            .clone()
            .into_iter()
            .map(|row| view! { <Rejected row /> })
            .collect_view();
        view! {
            <table class="contact-import-rejected">
                <caption>{tu_string!(i18n, contacts.import_page.rejected_rows)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tu_string!(i18n, contacts.import_page.row)}</th>
                        <th scope="col">{tu_string!(i18n, contacts.import_page.contact)}</th>
                        <th scope="col">{tu_string!(i18n, contacts.import_page.reason)}</th>
                    </tr>
                </thead>
                <tbody>{items}</tbody>
            </table>
        }
    });
    view! {
        <div id=ids::CONTACT_IMPORT_REPORT class="contact-import-report" role="status">
            <p>{fill(tu_string!(i18n, contacts.import_page.finished), &[("processed", &shown.processed_records.to_string())])}</p>
            <dl class="contact-import-counts">
                <div>
                    <dt>{tu_string!(i18n, contacts.import_page.created)}</dt>
                    <dd data-count="created">{shown.created_records}</dd>
                </div>
                <div>
                    <dt>{tu_string!(i18n, contacts.import_page.updated)}</dt>
                    <dd data-count="updated">{shown.updated_records}</dd>
                </div>
                <div>
                    <dt>{tu_string!(i18n, contacts.import_page.rejected)}</dt>
                    <dd data-count="rejected">{rejected}</dd>
                </div>
            </dl>
            {rows}
            {more}
            {download}
        </div>
    }
}

#[component]
fn Rejected(row: RejectedRow) -> impl IntoView {
    let who = row
        .email
        .clone()
        .or_else(|| row.identifier.clone())
        .or_else(|| row.phone_number.clone())
        .or_else(|| row.name.clone())
        .unwrap_or_default();
    let name = row
        .name
        .clone()
        .filter(|n| Some(n) != Some(&who))
        .map(|n| view! { <span class="muted">{format!(" ({n})")}</span> });
    view! {
        <tr>
            <td>{row.row}</td>
            <td>{who}{name}</td>
            <td>{row.errors}</td>
        </tr>
    }
}
