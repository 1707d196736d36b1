//! Label definitions: everyone in the account reads them, administrators manage them.

use crate::error::Validation;
use crate::events::Event;
use crate::store::labels::{self, LabelFields};
use crate::wire::label::{Label, LabelParams};
use crate::{Error, Result, Services};

use super::access::Scope;
use super::validate;

/// The default label colour.
pub const DEFAULT_COLOR: &str = "#1f93ff";

fn to_wire(row: labels::Label) -> Label {
    Label {
        id: row.id,
        title: row.title,
        description: row.description,
        color: row.color,
        show_on_sidebar: row.show_on_sidebar,
    }
}

/// Every label of the account.
pub async fn list(svc: &Services, scope: &Scope) -> Result<Vec<Label>> {
    let rows = labels::list(svc.db.read().await?.conn(), scope.account_id).await?;
    Ok(rows.into_iter().map(to_wire).collect())
}

/// One label (administrators).
pub async fn show(svc: &Services, scope: &Scope, id: i64) -> Result<Label> {
    scope.require_admin()?;
    let row = labels::find(svc.db.read().await?.conn(), scope.account_id, id).await?;
    row.map(to_wire).ok_or(Error::NotFound)
}

/// Creates a label (administrators).
pub async fn create(svc: &Services, scope: &Scope, params: &LabelParams) -> Result<Label> {
    scope.require_admin()?;
    let fields = checked_fields(params, None)?;
    let mut tx = svc.db.begin().await?;
    if labels::title_taken(tx.conn(), scope.account_id, &fields.title, None).await? {
        return Err(Error::invalid("title", "Title has already been taken"));
    }
    let row = labels::insert(tx.conn(), scope.account_id, &fields).await?;
    tx.commit().await?;
    let label = to_wire(row);
    publish(svc, scope, "label.created", &label);
    Ok(label)
}

/// Changes a label (administrators); absent fields keep their value.
pub async fn update(svc: &Services, scope: &Scope, id: i64, params: &LabelParams) -> Result<Label> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    let current = labels::find(tx.conn(), scope.account_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let fields = checked_fields(params, Some(&current))?;
    if labels::title_taken(tx.conn(), scope.account_id, &fields.title, Some(id)).await? {
        return Err(Error::invalid("title", "Title has already been taken"));
    }
    let row = labels::update(tx.conn(), scope.account_id, id, &fields)
        .await?
        .ok_or(Error::NotFound)?;
    tx.commit().await?;
    let label = to_wire(row);
    publish(svc, scope, "label.updated", &label);
    Ok(label)
}

/// Deletes a label definition (administrators). Conversations keep the tag.
pub async fn delete(svc: &Services, scope: &Scope, id: i64) -> Result<()> {
    scope.require_admin()?;
    let mut tx = svc.db.begin().await?;
    if !labels::delete(tx.conn(), scope.account_id, id).await? {
        return Err(Error::NotFound);
    }
    tx.commit().await?;
    svc.events.publish(Event {
        account_id: scope.account_id,
        name: "label.deleted",
        data: serde_json::json!({ "id": id }),
    });
    Ok(())
}

fn publish(svc: &Services, scope: &Scope, name: &'static str, label: &Label) {
    svc.events.publish(Event {
        account_id: scope.account_id,
        name,
        data: serde_json::to_value(label).unwrap_or_default(),
    });
}

fn checked_fields(params: &LabelParams, current: Option<&labels::Label>) -> Result<LabelFields> {
    let mut errors = Validation::default();
    let title = match (&params.title, current) {
        (Some(title), _) => title.trim().to_lowercase(),
        (None, Some(current)) => current.title.clone(),
        (None, None) => String::new(),
    };
    if title.is_empty() {
        errors.push("title", "Title can't be blank");
    } else if !valid_title(&title) {
        errors.push("title", "Title is invalid");
    }
    let color = match (&params.color, current) {
        (Some(color), _) => color.trim().to_owned(),
        (None, Some(current)) => current.color.clone(),
        (None, None) => DEFAULT_COLOR.to_owned(),
    };
    if !validate::hex_color(&color) {
        errors.push("color", "Color is invalid");
    }
    errors.finish()?;
    Ok(LabelFields {
        title,
        description: params
            .description
            .clone()
            .or_else(|| current.and_then(|c| c.description.clone())),
        color,
        show_on_sidebar: params
            .show_on_sidebar
            .or(current.map(|c| c.show_on_sidebar))
            .unwrap_or(false),
    })
}

/// Chatwoot's rule: a Unicode letter or digit, then at least one letter, digit, `_` or `-`.
pub fn valid_title(title: &str) -> bool {
    let mut chars = title.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest: Vec<char> = chars.collect();
    first.is_alphanumeric()
        && !rest.is_empty()
        && rest
            .iter()
            .all(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
}

#[cfg(test)]
mod tests {
    use super::valid_title;

    #[test]
    fn titles_follow_chatwoots_rule() {
        for ok in ["billing", "vip-customer", "p1", "çok_önemli", "2fa"] {
            assert!(valid_title(ok), "{ok}");
        }
        for bad in ["", "a", "-x", "has space", "emoji🙂", "_x"] {
            assert!(!valid_title(bad), "{bad}");
        }
    }
}
