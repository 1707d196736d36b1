//! First-run setup, sign-in, sessions and tokens, against a real database of the selected
//! backend (`ONECHAT_TEST_DATABASE`).

use onechat_core::Error;
use onechat_core::domain::Role;
use onechat_core::services::auth::{self, Credentials, SignIn};
use onechat_core::services::setup::{self, NewAdmin, SetupMode};
use onechat_core::services::{profile, secret_key};
use onechat_core::store::access_tokens::Owner;
use onechat_core::store::user_sessions::SessionKind;
use onechat_core::testing::TestDb;

fn admin(email: &str) -> NewAdmin {
    NewAdmin {
        account_name: "Acme Support".into(),
        name: "Ada Lovelace".into(),
        email: email.into(),
        password: "Passw0rd!".into(),
    }
}

fn sign_in_as<'a>(email: &'a str, password: &'a str, kind: SessionKind) -> SignIn<'a> {
    SignIn {
        email,
        password,
        kind,
        user_agent: Some("tests"),
        client_ip: Some([10, 0, 0, 1].into()),
    }
}

#[tokio::test]
async fn first_run_creates_an_account_with_its_administrator_once() {
    let test = TestDb::new().await;
    let svc = test.services();
    assert!(setup::installation_state(&svc).await.unwrap().needs_setup);

    let created =
        setup::create_account_with_admin(&svc, &admin("Ada@Example.com"), SetupMode::FirstRun)
            .await
            .unwrap();
    assert_eq!(
        created.user.email, "ada@example.com",
        "emails are stored lower-case"
    );
    assert_eq!(created.access_token.len(), 24);
    assert!(!setup::installation_state(&svc).await.unwrap().needs_setup);

    let profile = profile::user_profile(&svc, &created.user, None)
        .await
        .unwrap();
    assert_eq!(profile.account_id, Some(created.account.id));
    assert_eq!(profile.role, Some(Role::Administrator));
    assert_eq!(profile.access_token, created.access_token);
    assert_eq!(profile.accounts.len(), 1);
    assert_eq!(profile.accounts[0].name, "Acme Support");
    assert!(profile.confirmed);

    let again =
        setup::create_account_with_admin(&svc, &admin("eve@example.com"), SetupMode::FirstRun)
            .await;
    assert!(matches!(again, Err(Error::AlreadySetUp)), "{again:?}");

    // The CLI may add more accounts, but never a second user with the same email.
    let second =
        setup::create_account_with_admin(&svc, &admin("bob@example.com"), SetupMode::Scripted)
            .await
            .unwrap();
    assert_ne!(second.account.id, created.account.id);
    let duplicate =
        setup::create_account_with_admin(&svc, &admin("ADA@example.com"), SetupMode::Scripted)
            .await;
    match duplicate {
        Err(Error::Invalid(v)) => assert_eq!(v.message(), "Email has already been taken"),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[tokio::test]
async fn setup_input_is_validated_and_nothing_is_half_written() {
    let test = TestDb::new().await;
    let svc = test.services();
    let bad = NewAdmin {
        account_name: " ".into(),
        name: "".into(),
        email: "not-an-email".into(),
        password: "weak".into(),
    };
    match setup::create_account_with_admin(&svc, &bad, SetupMode::FirstRun).await {
        Err(Error::Invalid(v)) => {
            assert_eq!(
                v.attributes(),
                vec!["account_name", "name", "email", "password"]
            );
            assert!(
                v.message()
                    .contains("Password must contain at least one uppercase")
            );
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert!(
        setup::installation_state(&svc).await.unwrap().needs_setup,
        "no account was created"
    );
}

#[tokio::test]
async fn sign_in_opens_a_session_that_authenticates_until_sign_out() {
    let test = TestDb::new().await;
    let svc = test.services();
    let created =
        setup::create_account_with_admin(&svc, &admin("ada@example.com"), SetupMode::Scripted)
            .await
            .unwrap();

    let signed_in = auth::sign_in(
        &svc,
        &sign_in_as(" ADA@example.com ", "Passw0rd!", SessionKind::Header),
    )
    .await
    .unwrap();
    assert_eq!(signed_in.user.id, created.user.id);
    let credentials = signed_in.credentials.clone();

    let user = auth::authenticate_session(&svc, SessionKind::Header, &credentials)
        .await
        .unwrap();
    assert_eq!(user.id, created.user.id);

    // A header session is not a cookie session, and a wrong secret is nobody.
    assert!(matches!(
        auth::authenticate_session(&svc, SessionKind::Cookie, &credentials).await,
        Err(Error::InvalidSession)
    ));
    let forged = Credentials {
        client_id: credentials.client_id.clone(),
        secret: "guess".into(),
    };
    assert!(matches!(
        auth::authenticate_session(&svc, SessionKind::Header, &forged).await,
        Err(Error::InvalidSession)
    ));

    auth::sign_out(&svc, SessionKind::Header, &credentials)
        .await
        .unwrap();
    assert!(matches!(
        auth::authenticate_session(&svc, SessionKind::Header, &credentials).await,
        Err(Error::InvalidSession)
    ));
    assert!(matches!(
        auth::sign_out(&svc, SessionKind::Header, &credentials).await,
        Err(Error::InvalidSession)
    ));
}

#[tokio::test]
async fn wrong_passwords_are_refused_and_then_throttled() {
    let test = TestDb::new().await;
    let svc = test.services();
    setup::create_account_with_admin(&svc, &admin("ada@example.com"), SetupMode::Scripted)
        .await
        .unwrap();

    for _ in 0..auth::FAILED_SIGN_IN_LIMIT.max {
        let result = auth::sign_in(
            &svc,
            &sign_in_as("ada@example.com", "Wrong-passw0rd", SessionKind::Cookie),
        )
        .await;
        assert!(
            matches!(result, Err(Error::InvalidCredentials)),
            "{result:?}"
        );
    }
    let unknown = auth::sign_in(
        &svc,
        &sign_in_as("nobody@example.com", "Passw0rd!", SessionKind::Cookie),
    )
    .await;
    assert!(
        matches!(unknown, Err(Error::RateLimited { .. })),
        "the address is throttled: {unknown:?}"
    );
    let right = auth::sign_in(
        &svc,
        &sign_in_as("ada@example.com", "Passw0rd!", SessionKind::Cookie),
    )
    .await;
    assert!(
        matches!(right, Err(Error::RateLimited { .. })),
        "even the right password waits: {right:?}"
    );
}

#[tokio::test]
async fn unknown_emails_fail_like_wrong_passwords() {
    let test = TestDb::new().await;
    let svc = test.services();
    let result = auth::sign_in(
        &svc,
        &sign_in_as("ghost@example.com", "Passw0rd!", SessionKind::Cookie),
    )
    .await;
    assert!(
        matches!(result, Err(Error::InvalidCredentials)),
        "{result:?}"
    );
}

#[tokio::test]
async fn a_user_keeps_at_most_the_newest_sessions() {
    let test = TestDb::new().await;
    let svc = test.services();
    setup::create_account_with_admin(&svc, &admin("ada@example.com"), SetupMode::Scripted)
        .await
        .unwrap();
    let mut sessions = Vec::new();
    for _ in 0..(auth::MAX_SESSIONS_PER_USER + 2) {
        let signed_in = auth::sign_in(
            &svc,
            &sign_in_as("ada@example.com", "Passw0rd!", SessionKind::Header),
        )
        .await
        .unwrap();
        sessions.push(signed_in.credentials);
    }
    for old in &sessions[..2] {
        assert!(
            auth::authenticate_session(&svc, SessionKind::Header, old)
                .await
                .is_err(),
            "oldest pruned"
        );
    }
    for live in &sessions[2..] {
        assert!(
            auth::authenticate_session(&svc, SessionKind::Header, live)
                .await
                .is_ok()
        );
    }
}

#[tokio::test]
async fn access_tokens_name_their_owner() {
    let test = TestDb::new().await;
    let svc = test.services();
    let created =
        setup::create_account_with_admin(&svc, &admin("ada@example.com"), SetupMode::Scripted)
            .await
            .unwrap();
    assert_eq!(
        auth::authenticate_token(&svc, &created.access_token)
            .await
            .unwrap(),
        Owner::User(created.user.id)
    );
    assert!(matches!(
        auth::authenticate_token(&svc, "nope").await,
        Err(Error::InvalidSession)
    ));
    assert!(matches!(
        auth::authenticate_token(&svc, "").await,
        Err(Error::InvalidSession)
    ));
}

#[tokio::test]
async fn the_generated_secret_key_is_kept() {
    let test = TestDb::new().await;
    let first = secret_key::load_or_create(&test.db, None).await.unwrap();
    let second = secret_key::load_or_create(&test.db, None).await.unwrap();
    assert_eq!(first.expose(), second.expose());
    assert!(first.expose().len() >= secret_key::MIN_LENGTH);
    assert!(!format!("{first:?}").contains(std::str::from_utf8(first.expose()).unwrap()));

    let given = "x".repeat(40);
    let configured = secret_key::load_or_create(&test.db, Some(&given))
        .await
        .unwrap();
    assert_eq!(configured.expose(), given.as_bytes());
    assert!(
        secret_key::load_or_create(&test.db, Some("short"))
            .await
            .is_err()
    );
}
