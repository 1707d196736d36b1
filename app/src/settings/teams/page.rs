//! The teams page: the add form, then one card per team with its edit, delete and member
//! forms (plain forms, so everything works before the page is live).

use leptos::prelude::*;

use super::server_fns::{
    AddTeamMember, CreateTeam, DeleteTeam, Person, RemoveTeamMember, TeamItem, UpdateTeam,
    list_teams,
};
use crate::i18n::{fill, tu_string, use_i18n};
use crate::settings::forms::{LastResult, Outcome, Refresh, invalid, last_result};
use crate::settings::nav::{Section, SettingsFrame, current};

/// `settings/teams/list`.
#[component]
pub fn TeamsPage() -> impl IntoView {
    let i18n = use_i18n();
    let account_id = current().map_or(0, |(id, _)| id);
    let refresh = Refresh::provide();
    let page =
        crate::json_resource::blocking(move || refresh.get(), move |_| list_teams(account_id));
    view! {
        <SettingsFrame section=Section::Teams>
            <p class="muted">{tu_string!(i18n, settings.teams.intro)}</p>
            <AddTeam account_id />
            <Transition fallback=move || view! { <p class="muted">{tu_string!(i18n, settings.loading)}</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) if page.teams.is_empty() => {
                            view! { <p class="muted">{tu_string!(i18n, settings.teams.empty)}</p> }.into_any()
                        }
                        Ok(page) => {
                            let agents = page.agents;
                            page.teams
                                .into_iter()
                                .map(|team| view! { <TeamCard account_id team agents=agents.clone() /> })
                                .collect_view()
                                .into_any()
                        }
                        Err(err) => view! { <p role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </SettingsFrame>
    }
}

#[component]
fn AddTeam(account_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CreateTeam>::new();
    let result = last_result(action);
    Refresh::use_it().after(result);
    view! {
        <details class="card settings-add">
            <summary class="button primary">{tu_string!(i18n, settings.teams.create_new)}</summary>
            <ActionForm action attr:id="team-create-form" attr:class="form">
                <TeamFields account_id result prefix="team-new" team=None />
                <Outcome result done=tu_string!(i18n, settings.teams.created) />
                <button type="submit" class="button primary" disabled=action.pending()>
                    {tu_string!(i18n, settings.teams.create)}
                </button>
            </ActionForm>
        </details>
    }
}

#[component]
fn TeamCard(account_id: i64, team: TeamItem, agents: Vec<Person>) -> impl IntoView {
    let i18n = use_i18n();
    let update = ServerAction::<UpdateTeam>::new();
    let updated = last_result(update);
    let delete = ServerAction::<DeleteTeam>::new();
    let deleted = last_result(delete);
    let add = ServerAction::<AddTeamMember>::new();
    let added = last_result(add);
    let refresh = Refresh::use_it();
    for result in [updated, deleted, added] {
        refresh.after(result);
    }
    let id = team.id;
    let heading = format!("team-{id}-heading");
    let outsiders = agents
        .into_iter()
        .filter(|a| !team.members.iter().any(|m| m.id == a.id))
        .map(|a| view! { <option value=a.id>{a.name}</option> })
        .collect_view();
    let members = team
        .members
        .iter()
        .cloned()
        .map(|person| view! { <MemberItem account_id team_id=id person /> })
        .collect_view();
    let (labelled_by, data_team, name, description) = (
        heading.clone(),
        team.name.clone(),
        team.name.clone(),
        team.description.clone(),
    );
    let auto = if team.allow_auto_assign {
        tu_string!(i18n, settings.teams.auto_on)
    } else {
        tu_string!(i18n, settings.teams.auto_off)
    };
    let add_id = format!("team-{id}-add");
    let edit_prefix = format!("team-{id}");
    view! {
        <section class="card settings-section" aria-labelledby=labelled_by data-team=data_team>
            <h2 id=heading>{name}</h2>
            <p class="muted">{description}</p>
            <p>{auto}</p>
            <h3>{tu_string!(i18n, settings.teams.members)}</h3>
            <ul class="settings-members">{members}</ul>
            <ActionForm action=add attr:class="form settings-inline">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="team_id" value=id />
                <label for=add_id.clone()>{tu_string!(i18n, settings.agents.add)}</label>
                <select id=add_id name="user_id" required>{outsiders}</select>
                <button type="submit" class="button">{tu_string!(i18n, settings.add)}</button>
            </ActionForm>
            <Outcome result=added done=tu_string!(i18n, settings.added) />
            <div class="settings-actions">
                <details>
                    <summary class="button">{tu_string!(i18n, settings.teams.edit)}</summary>
                    <ActionForm action=update attr:class="form">
                        <input type="hidden" name="team_id" value=id />
                        <TeamFields account_id result=updated prefix=edit_prefix team=Some(team) />
                        <Outcome result=updated />
                        <button type="submit" class="button primary">{tu_string!(i18n, settings.teams.update)}</button>
                    </ActionForm>
                </details>
                <details>
                    <summary class="button danger">{tu_string!(i18n, settings.teams.delete)}</summary>
                    <ActionForm action=delete attr:class="form">
                        <input type="hidden" name="account_id" value=account_id />
                        <input type="hidden" name="team_id" value=id />
                        <p>{tu_string!(i18n, settings.teams.delete_confirm)}</p>
                        <Outcome result=deleted done=tu_string!(i18n, settings.deleted) />
                        <button type="submit" class="button danger">{tu_string!(i18n, settings.yes_delete)}</button>
                    </ActionForm>
                </details>
            </div>
        </section>
    }
}

#[component]
fn MemberItem(account_id: i64, team_id: i64, person: Person) -> impl IntoView {
    let i18n = use_i18n();
    let remove = ServerAction::<RemoveTeamMember>::new();
    let removed = last_result(remove);
    Refresh::use_it().after(removed);
    let label = fill(
        tu_string!(i18n, settings.teams.remove_member),
        &[("name", &person.name)],
    );
    view! {
        <li>
            {person.name}
            <ActionForm action=remove attr:class="inline-form">
                <input type="hidden" name="account_id" value=account_id />
                <input type="hidden" name="team_id" value=team_id />
                <input type="hidden" name="user_id" value=person.id />
                <button type="submit" class="button small" aria-label=label>{tu_string!(i18n, settings.remove)}</button>
            </ActionForm>
        </li>
    }
}

/// The fields of the create and edit forms.
#[component]
fn TeamFields(
    account_id: i64,
    result: LastResult,
    #[prop(into)] prefix: String,
    team: Option<TeamItem>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = move |field: &str| format!("{prefix}-{field}");
    let (name, description, auto) = team.map_or((String::new(), String::new(), true), |t| {
        (t.name, t.description, t.allow_auto_assign)
    });
    view! {
        <input type="hidden" name="account_id" value=account_id />
        <label for=id("name")>{tu_string!(i18n, settings.teams.name)}</label>
        <input id=id("name") name="name" required value=name aria-invalid=invalid(result, "name") />
        <label for=id("description")>{tu_string!(i18n, settings.description)}</label>
        <textarea id=id("description") name="description" rows="2">{description}</textarea>
        <label class="checkbox">
            <input type="checkbox" name="allow_auto_assign" checked=auto />
            {tu_string!(i18n, settings.teams.allow_auto_assign)}
        </label>
    }
}
