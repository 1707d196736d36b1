//! The dashboard's agent and team settings: inviting with a one-time set-password link (as
//! a live page and as a plain form post), setting the password through it, editing roles,
//! the last-administrator and yourself rules, removal, and teams with their members.

use leptos::server_fn::ServerFn;
use onechat_app::settings::{
    AddTeamMember, CreateTeam, DeleteAgent, DeleteTeam, GetAgentsPage, InviteAgent, IssueAgentLink,
    ListTeams, RemoveTeamMember, SetPassword, UpdateAgent, UpdateTeam,
};
use serde_json::Value;

use crate::dashboard_settings::{Settings, forbidden, invalid};
use crate::support::ok;
use crate::support::{dashboard_session, dashboard_session_with};

/// The token in a set-password link.
fn token_of(link: &str) -> String {
    link.split("reset_password_token=")
        .nth(1)
        .unwrap_or_else(|| panic!("no token in {link}"))
        .to_owned()
}

fn agent<'a>(page: &'a Value, email: &str) -> &'a Value {
    page["agents"]
        .as_array()
        .expect("agents")
        .iter()
        .find(|a| a["email"] == email)
        .unwrap_or_else(|| panic!("{email} not in {page}"))
}

#[tokio::test]
async fn an_invited_agent_sets_a_password_with_the_link_and_signs_in() {
    let s = &Settings::new().await;
    let invite = [
        ("account_id", s.account.as_str()),
        ("name", "Carol Shaw"),
        ("email", "Carol@Example.com"),
        ("role", "agent"),
    ];
    let invitation = ok(&s.ada(InviteAgent::PATH, &invite).await);
    let link = invitation["link"].as_str().expect("a link").to_owned();
    assert!(
        link.starts_with("http://")
            && link.contains("/app/auth/password/edit?reset_password_token="),
        "{link}"
    );
    let page = ok(&s
        .ada(GetAgentsPage::PATH, &[("account_id", &s.account)])
        .await);
    let carol = agent(&page, "carol@example.com");
    assert_eq!(carol["confirmed"], false, "verification pending");
    assert_eq!(carol["role"], "agent");
    assert_eq!(agent(&page, "ada@example.com")["is_self"], true);
    assert!(
        dashboard_session_with(&s.app, "carol@example.com", "Carol#2024")
            .await
            .is_none(),
        "no password works before she sets one"
    );

    let token = token_of(&link);
    let set = |password: &'static str, confirmation: &'static str| {
        [
            ("reset_password_token", token.clone()),
            ("password", password.to_owned()),
            ("password_confirmation", confirmation.to_owned()),
        ]
    };
    let post = |form: [(&'static str, String); 3]| async move {
        let borrowed: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        s.app.post_form(SetPassword::PATH, &borrowed, &[]).await
    };
    invalid(&post(set("short", "short")).await, "Password");
    invalid(
        &post(set("Carol#2024", "Carol#2025")).await,
        "Password confirmation doesn't match Password",
    );
    let done = post(set("Carol#2024", "Carol#2024")).await;
    assert!(
        done.status.is_success() || done.status.is_redirection(),
        "{}",
        done.text()
    );
    assert!(
        dashboard_session_with(&s.app, "carol@example.com", "Carol#2024")
            .await
            .is_some()
    );
    let page = ok(&s
        .ada(GetAgentsPage::PATH, &[("account_id", &s.account)])
        .await);
    assert_eq!(agent(&page, "carol@example.com")["confirmed"], true);

    // The link works once.
    invalid(
        &post(set("Other#2024", "Other#2024")).await,
        "This link is invalid or has expired",
    );
    let made_up = [
        ("reset_password_token", "nope"),
        ("password", "Other#2024"),
        ("password_confirmation", "Other#2024"),
    ];
    invalid(
        &s.app.post_form(SetPassword::PATH, &made_up, &[]).await,
        "This link is invalid or has expired",
    );

    // A fresh link replaces her password, and signs her out everywhere.
    let carol_id = agent(&page, "carol@example.com")["id"]
        .as_i64()
        .expect("id")
        .to_string();
    let carol_cookie = dashboard_session_with(&s.app, "carol@example.com", "Carol#2024")
        .await
        .expect("in");
    let fresh = ok(&s
        .ada(
            IssueAgentLink::PATH,
            &[("account_id", &s.account), ("agent_id", &carol_id)],
        )
        .await);
    let fresh = token_of(fresh["link"].as_str().expect("link"));
    let form = [
        ("reset_password_token", fresh.as_str()),
        ("password", "Newer#2024"),
        ("password_confirmation", "Newer#2024"),
    ];
    let done = s.app.post_form(SetPassword::PATH, &form, &[]).await;
    assert!(
        done.status.is_success() || done.status.is_redirection(),
        "{}",
        done.text()
    );
    assert!(
        dashboard_session_with(&s.app, "carol@example.com", "Carol#2024")
            .await
            .is_none()
    );
    assert!(
        dashboard_session_with(&s.app, "carol@example.com", "Newer#2024")
            .await
            .is_some()
    );
    assert_eq!(
        s.call(
            &carol_cookie,
            GetAgentsPage::PATH,
            &[("account_id", &s.account)]
        )
        .await
        .status,
        401,
        "her old session ended"
    );

    // Agents do not invite, nor get links; Ada reaches nobody through Eve's account.
    forbidden(
        &s.bob(InviteAgent::PATH, &invite).await,
        "an agent inviting",
    );
    forbidden(
        &s.bob(
            IssueAgentLink::PATH,
            &[("account_id", &s.account), ("agent_id", &carol_id)],
        )
        .await,
        "an agent asking for a link",
    );
    let other = s.other();
    forbidden(
        &s.ada(
            IssueAgentLink::PATH,
            &[("account_id", &other), ("agent_id", &carol_id)],
        )
        .await,
        "another account",
    );
    let eve_id = s.eve.user.id.to_string();
    forbidden(
        &s.ada(
            IssueAgentLink::PATH,
            &[("account_id", &s.account), ("agent_id", &eve_id)],
        )
        .await,
        "someone outside the account",
    );
}

#[tokio::test]
async fn invitations_are_validated_and_existing_logins_keep_their_password() {
    let s = &Settings::new().await;
    let invite = |name: &'static str, email: &'static str, role: &'static str| {
        [
            ("account_id", s.account.clone()),
            ("name", name.to_owned()),
            ("email", email.to_owned()),
            ("role", role.to_owned()),
        ]
    };
    let send = |form: [(&'static str, String); 4]| async move {
        let borrowed: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        s.ada(InviteAgent::PATH, &borrowed).await
    };
    invalid(
        &send(invite("Dan", "not-an-email", "agent")).await,
        "Email is invalid",
    );
    invalid(
        &send(invite("Dan", "dan@example.com", "owner")).await,
        "Role",
    );
    invalid(
        &send(invite("", "dan@example.com", "agent")).await,
        "Name can't be blank",
    );
    invalid(
        &send(invite("Bob again", "bob@example.com", "agent")).await,
        "Email has already been taken",
    );

    // Eve already has a login (in her own account): she joins as she is, with no link, and
    // Ada cannot get one to take over her password.
    let joined = ok(&send(invite("Eve", "eve@example.com", "administrator")).await);
    assert_eq!(joined["link"], Value::Null);
    let eve_id = s.eve.user.id.to_string();
    invalid(
        &s.ada(
            IssueAgentLink::PATH,
            &[("account_id", &s.account), ("agent_id", &eve_id)],
        )
        .await,
        "also belongs to another account",
    );
    assert!(
        dashboard_session_with(&s.app, "eve@example.com", "Passw0rd!")
            .await
            .is_some()
    );
}

#[tokio::test]
async fn without_javascript_the_invitation_link_comes_back_in_the_list_url() {
    let s = &Settings::new().await;
    let list = format!(
        "http://localhost/app/accounts/{}/settings/agents/list",
        s.account
    );
    let response = s
        .app
        .post_form(
            InviteAgent::PATH,
            &[
                ("account_id", s.account.as_str()),
                ("name", "Dora"),
                ("email", "dora@example.com"),
                ("role", "agent"),
            ],
            &[
                ("cookie", &s.ada),
                ("accept", "text/html"),
                ("referer", &list),
            ],
        )
        .await;
    assert!(response.status.is_redirection(), "{}", response.status);
    let location = response.header("location").expect("redirect").to_owned();
    assert!(
        location.contains("/settings/agents/list?invited="),
        "{location}"
    );
    let token = token_of(&location.replace("&token=", "?reset_password_token="));
    let page = s
        .app
        .get(
            &location,
            &[
                ("cookie", &s.ada),
                ("accept", "text/html"),
                ("user-agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0"),
            ],
        )
        .await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(
        html.contains(&format!(
            "/app/auth/password/edit?reset_password_token={token}"
        )),
        "the page shows the link"
    );
    assert!(html.contains("dora@example.com"), "and lists Dora");
}

#[tokio::test]
async fn roles_change_but_the_account_keeps_an_administrator_and_you_keep_yourself() {
    let s = &Settings::new().await;
    let ada_id = s.admin.user.id.to_string();
    let bob_id = s.bob_id.to_string();
    let edit = |id: &str, role: &'static str, availability: &'static str| {
        [
            ("account_id", s.account.clone()),
            ("agent_id", id.to_owned()),
            ("name", "Renamed".to_owned()),
            ("role", role.to_owned()),
            ("availability", availability.to_owned()),
        ]
    };
    let send = |cookie: String, form: [(&'static str, String); 5]| async move {
        let borrowed: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        s.call(&cookie, UpdateAgent::PATH, &borrowed).await
    };
    invalid(
        &send(s.ada.clone(), edit(&ada_id, "agent", "online")).await,
        "the account needs at least one administrator",
    );
    invalid(
        &s.ada(
            DeleteAgent::PATH,
            &[("account_id", &s.account), ("agent_id", &ada_id)],
        )
        .await,
        "You can't delete yourself",
    );
    invalid(
        &send(s.ada.clone(), edit(&bob_id, "owner", "online")).await,
        "Role",
    );
    forbidden(
        &send(s.bob.clone(), edit(&bob_id, "administrator", "online")).await,
        "an agent promoting themselves",
    );
    forbidden(
        &s.bob(
            DeleteAgent::PATH,
            &[("account_id", &s.account), ("agent_id", &ada_id)],
        )
        .await,
        "an agent removing an administrator",
    );
    forbidden(
        &s.bob(GetAgentsPage::PATH, &[("account_id", &s.account)])
            .await,
        "an agent opening the page",
    );

    ok(&send(s.ada.clone(), edit(&bob_id, "administrator", "busy")).await);
    let page = ok(&s
        .ada(GetAgentsPage::PATH, &[("account_id", &s.account)])
        .await);
    let bob = agent(&page, "bob@example.com");
    assert_eq!(bob["role"], "administrator");
    assert_eq!(bob["name"], "Renamed");
    // Live presence: Bob is not connected and goes offline automatically.
    assert_eq!(bob["availability"], "offline");
    // With Bob an administrator, Ada may step down.
    ok(&send(s.ada.clone(), edit(&ada_id, "agent", "online")).await);

    let other = s.other();
    forbidden(
        &s.bob(
            DeleteAgent::PATH,
            &[("account_id", &other), ("agent_id", &ada_id)],
        )
        .await,
        "another account",
    );
    ok(&s
        .bob(
            DeleteAgent::PATH,
            &[("account_id", &s.account), ("agent_id", &ada_id)],
        )
        .await);
    let page = ok(&s
        .bob(GetAgentsPage::PATH, &[("account_id", &s.account)])
        .await);
    assert_eq!(page["agents"].as_array().map(Vec::len), Some(1), "{page}");
}

#[tokio::test]
async fn teams_have_members_and_auto_assignment() {
    let s = &Settings::new().await;
    let team = |name: &'static str, auto: Option<&'static str>| {
        let mut form = vec![
            ("account_id", s.account.as_str()),
            ("name", name),
            ("description", "First line"),
        ];
        if let Some(on) = auto {
            form.push(("allow_auto_assign", on));
        }
        form
    };
    ok(&s.ada(CreateTeam::PATH, &team("Support", Some("on"))).await);
    invalid(
        &s.ada(CreateTeam::PATH, &team("support", None)).await,
        "Name has already been taken",
    );
    invalid(
        &s.ada(CreateTeam::PATH, &team(" ", None)).await,
        "Name can't be blank",
    );
    let page = ok(&s.ada(ListTeams::PATH, &[("account_id", &s.account)]).await);
    let support = &page["teams"][0];
    assert_eq!(support["name"], "support");
    assert_eq!(support["allow_auto_assign"], true);
    assert_eq!(page["agents"].as_array().map(Vec::len), Some(2));
    let id = support["id"].as_i64().expect("id").to_string();

    let bob_id = s.bob_id.to_string();
    let member = [
        ("account_id", s.account.as_str()),
        ("team_id", &id),
        ("user_id", &bob_id),
    ];
    ok(&s.ada(AddTeamMember::PATH, &member).await);
    let page = ok(&s.ada(ListTeams::PATH, &[("account_id", &s.account)]).await);
    assert_eq!(page["teams"][0]["members"][0]["name"], "bob");
    let eve_id = s.eve.user.id.to_string();
    forbidden(
        &s.ada(
            AddTeamMember::PATH,
            &[
                ("account_id", &s.account),
                ("team_id", &id),
                ("user_id", &eve_id),
            ],
        )
        .await,
        "someone outside the account",
    );

    let mut edit = team("Tier 2", None);
    edit.push(("team_id", &id));
    ok(&s.ada(UpdateTeam::PATH, &edit).await);
    let rest = s.rest_get(&format!("/teams/{id}")).await;
    assert_eq!(rest["name"], "tier 2");
    assert_eq!(rest["allow_auto_assign"], false, "unticked");

    forbidden(
        &s.bob(CreateTeam::PATH, &team("Sales", None)).await,
        "an agent creating",
    );
    forbidden(&s.bob(UpdateTeam::PATH, &edit).await, "an agent editing");
    forbidden(
        &s.bob(RemoveTeamMember::PATH, &member).await,
        "an agent removing a member",
    );
    forbidden(
        &s.bob(ListTeams::PATH, &[("account_id", &s.account)]).await,
        "an agent opening the page",
    );
    let other = s.other();
    let mut elsewhere = member;
    elsewhere[0].1 = &other;
    forbidden(
        &s.ada(RemoveTeamMember::PATH, &elsewhere).await,
        "another account",
    );

    ok(&s.ada(RemoveTeamMember::PATH, &member).await);
    let page = ok(&s.ada(ListTeams::PATH, &[("account_id", &s.account)]).await);
    assert_eq!(page["teams"][0]["members"], serde_json::json!([]));
    ok(&s
        .ada(
            DeleteTeam::PATH,
            &[("account_id", &s.account), ("team_id", &id)],
        )
        .await);
    let page = ok(&s.ada(ListTeams::PATH, &[("account_id", &s.account)]).await);
    assert_eq!(page["teams"], serde_json::json!([]));
    let _ = dashboard_session(&s.app, "bob@example.com").await;
}
