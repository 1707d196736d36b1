//! The import page's server function: one import's progress and report, a thin call into
//! `onechat_core::services::contacts::import` under the signed-in user's scope.

use leptos::prelude::*;
use onechat_core::wire::data_import::DataImport;

use crate::error::DashboardError;

/// Import `import_id` of the account (administrators only).
#[server(prefix = "/_srv", input = crate::json_text::JsonInput, output = crate::json_text::JsonText)]
pub async fn get_contact_import(
    account_id: i64,
    import_id: i64,
) -> Result<DataImport, DashboardError> {
    use onechat_core::services::contacts::import;

    let ctx = crate::context::dashboard()?;
    let (_, scope) = crate::context::require_scope(&ctx, account_id).await?;
    Ok(import::show(&ctx.services, &scope, import_id).await?)
}
