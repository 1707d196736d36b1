//! CSV import of contacts (domain.md §9.3) on the selected backend: rows create or update
//! contacts, bad rows are refused with their reason, progress is stored batch by batch, and a
//! stopped import resumes where it was.

use chrono::TimeDelta;
use onechat_core::domain::Role;
use onechat_core::services::access::{self, Scope};
use onechat_core::services::contacts::{self, ListParams, import};
use onechat_core::services::setup::{self, CreatedAdmin, NewAdmin, SetupMode};
use onechat_core::services::uploads::Upload;
use onechat_core::store::data_imports;
use onechat_core::testing::TestDb;
use onechat_core::wire::contact::ContactParams;
use onechat_core::{Error, Services, execute};

struct Fixture {
    _db: TestDb,
    svc: Services,
    admin: CreatedAdmin,
    scope: Scope,
    data_dir: std::path::PathBuf,
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

async fn fixture(email: &str) -> Fixture {
    let db = TestDb::new().await;
    let data_dir = std::env::temp_dir().join(format!(
        "onechat-import-test-{}",
        onechat_core::secrets::uuid()
    ));
    let svc = db.services().with_data_dir(&data_dir);
    let admin = account(&svc, email).await;
    let scope = access::for_user(&svc, admin.user.id, admin.account.id)
        .await
        .expect("admin scope");
    Fixture {
        _db: db,
        svc,
        admin,
        scope,
        data_dir,
    }
}

async fn account(svc: &Services, email: &str) -> CreatedAdmin {
    let input = NewAdmin {
        account_name: format!("Account of {email}"),
        name: "Ada Lovelace".into(),
        email: email.into(),
        password: "Passw0rd!".into(),
    };
    setup::create_account_with_admin(svc, &input, SetupMode::Scripted)
        .await
        .expect("account")
}

fn csv(text: &str) -> Upload {
    Upload {
        file_name: "contacts.csv".into(),
        content_type: Some("text/csv".into()),
        bytes: text.as_bytes().to_vec(),
    }
}

async fn search(f: &Fixture, q: &str) -> Vec<onechat_core::wire::contact::Contact> {
    contacts::search(&f.svc, &f.scope, Some(q), &ListParams::default())
        .await
        .expect("search")
        .1
}

#[tokio::test]
async fn rows_create_update_or_are_rejected_with_a_reason() {
    let f = fixture("admin@import.test").await;
    // An existing contact the file updates by email, in any case.
    contacts::create(
        &f.svc,
        &f.scope,
        &ContactParams {
            name: Some("Old Name".into()),
            email: Some("grace@example.com".into()),
            custom_attributes: Some(serde_json::json!({ "tier": "gold" })),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    // Another account's contact with a file email is not touched.
    let other = account(&f.svc, "other@import.test").await;
    let other_scope = access::for_user(&f.svc, other.user.id, other.account.id)
        .await
        .unwrap();
    contacts::create(
        &f.svc,
        &other_scope,
        &ContactParams {
            name: Some("Someone Else".into()),
            email: Some("alan@example.com".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();

    let file = "\
name,email,phone_number,identifier,company,plan
Grace Hopper,GRACE@example.com,,,Navy,pro
Alan Turing,alan@example.com,+442071838750,c-2,Bletchley,free
Bad Email,not-an-email,,,,
Twin,alan@example.com,,,,
Only Phone,,415 555 0101,,,
No Keys,,,,,
";
    let created = import::create(&f.svc, &f.scope, &csv(file)).await.unwrap();
    assert_eq!(created.status, "pending");
    assert_eq!(created.total_records, 6);
    assert_eq!(created.processed_records, 0);

    let counts = import::process(&f.svc, created.id).await.unwrap().unwrap();
    assert_eq!((counts.created, counts.updated, counts.rejected), (2, 1, 3));
    assert!(
        import::process(&f.svc, created.id).await.unwrap().is_none(),
        "a completed import does not run again"
    );

    let shown = import::show(&f.svc, &f.scope, created.id).await.unwrap();
    assert_eq!(shown.status, "completed");
    assert_eq!(shown.processed_records, 6);
    assert_eq!(shown.created_records, 2);
    assert_eq!(shown.updated_records, 1);
    assert_eq!(shown.rejected_records, 3);
    let reasons: Vec<(i64, &str)> = shown
        .rejected_rows
        .iter()
        .map(|r| (r.row, r.errors.as_str()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (4, "Email is invalid"),
            (5, "Duplicate of row 3 in this file (same email)"),
            (7, "The row has no email, phone number or identifier"),
        ]
    );
    assert_eq!(shown.rejected_rows[0].name.as_deref(), Some("Bad Email"));
    let url = shown
        .failed_records_url
        .clone()
        .expect("a failed-records URL");
    let signature = url.split('/').nth(5).unwrap();
    let failed = import::failed_records(&f.svc, f.admin.account.id, created.id, signature)
        .await
        .unwrap();
    let failed = String::from_utf8(failed).unwrap();
    assert!(failed.starts_with("name,email,phone_number,identifier,company,plan,errors\n"));
    assert!(failed.contains("Bad Email,not-an-email,,,,,Row 4: Email is invalid\n"));
    assert!(matches!(
        import::failed_records(&f.svc, f.admin.account.id, created.id, "forged").await,
        Err(Error::NotFound)
    ));

    let grace = search(&f, "grace@example.com").await;
    assert_eq!(grace.len(), 1);
    assert_eq!(grace[0].name, "Grace Hopper", "the name is updated");
    assert_eq!(
        grace[0].custom_attributes,
        serde_json::json!({ "tier": "gold", "plan": "pro" }),
        "attributes are merged"
    );
    assert_eq!(grace[0].additional_attributes["company_name"], "Navy");
    let alan = search(&f, "c-2").await;
    assert_eq!(alan.len(), 1);
    assert_eq!(alan[0].phone_number.as_deref(), Some("+442071838750"));
    let phone_only = search(&f, "+4155550101").await;
    assert_eq!(phone_only[0].name, "Only Phone", "a '+' is added to phones");

    let untouched = contacts::search(
        &f.svc,
        &other_scope,
        Some("alan@example.com"),
        &ListParams::default(),
    )
    .await
    .unwrap()
    .1;
    assert_eq!(
        untouched[0].name, "Someone Else",
        "other accounts are not touched"
    );
    assert!(matches!(
        import::show(&f.svc, &other_scope, created.id).await,
        Err(Error::NotFound)
    ));
}

#[tokio::test]
async fn only_administrators_import() {
    let f = fixture("admin@roles.test").await;
    let (agent_id, _) = onechat_core::testing::add_member(
        &f.svc,
        f.admin.account.id,
        "agent@roles.test",
        Role::Agent,
    )
    .await
    .unwrap();
    let agent = access::for_user(&f.svc, agent_id, f.admin.account.id)
        .await
        .unwrap();
    assert!(matches!(
        import::create(&f.svc, &agent, &csv(import::SAMPLE_CSV)).await,
        Err(Error::NotAuthorized)
    ));
    let created = import::create(&f.svc, &f.scope, &csv(import::SAMPLE_CSV))
        .await
        .unwrap();
    assert!(matches!(
        import::show(&f.svc, &agent, created.id).await,
        Err(Error::NotAuthorized)
    ));
}

#[tokio::test]
async fn unusable_files_are_refused_with_a_message() {
    let f = fixture("admin@files.test").await;
    let refused = |text: &'static str| {
        let f = &f;
        async move {
            match import::create(&f.svc, &f.scope, &csv(text)).await {
                Err(Error::Unprocessable(message)) => message,
                other => panic!("{text:?} was not refused: {other:?}"),
            }
        }
    };
    assert_eq!(refused("").await, "File is blank");
    assert!(refused("name,city\nAda,London\n").await.contains("email"));
    assert!(
        refused("email,name\na@example.com\n")
            .await
            .contains("Row 2")
    );
    let binary = Upload {
        bytes: vec![0x50, 0x4B, 3, 4, 0, 0, 0],
        ..csv("")
    };
    assert!(matches!(
        import::create(&f.svc, &f.scope, &binary).await,
        Err(Error::Unprocessable(m)) if m.contains("CSV")
    ));
    let huge = Upload {
        bytes: vec![b'a'; import::MAX_FILE_BYTES + 1],
        ..csv("")
    };
    assert!(matches!(
        import::create(&f.svc, &f.scope, &huge).await,
        Err(Error::Unprocessable(m)) if m.contains("too large")
    ));
}

#[tokio::test]
async fn the_sample_file_imports_cleanly_and_twice_updates() {
    let f = fixture("admin@sample.test").await;
    let first = import::create(&f.svc, &f.scope, &csv(import::SAMPLE_CSV))
        .await
        .unwrap();
    let counts = import::process(&f.svc, first.id).await.unwrap().unwrap();
    assert_eq!((counts.created, counts.updated, counts.rejected), (3, 0, 0));
    let again = import::create(&f.svc, &f.scope, &csv(import::SAMPLE_CSV))
        .await
        .unwrap();
    let counts = import::process(&f.svc, again.id).await.unwrap().unwrap();
    assert_eq!((counts.created, counts.updated, counts.rejected), (0, 3, 0));
    let shown = import::show(&f.svc, &f.scope, again.id).await.unwrap();
    assert!(shown.failed_records_url.is_none());
    assert!(shown.rejected_rows.is_empty());
}

#[tokio::test]
async fn a_stopped_import_resumes_after_its_last_batch() {
    let f = fixture("admin@resume.test").await;
    let created = import::create(&f.svc, &f.scope, &csv(import::SAMPLE_CSV))
        .await
        .unwrap();
    // A runner claimed it and committed the first row, then the server stopped.
    let mut tx = f.svc.db.begin().await.unwrap();
    let long_ago = onechat_core::store::now() - TimeDelta::hours(1);
    data_imports::claim(tx.conn(), created.id, long_ago)
        .await
        .unwrap()
        .expect("claimed");
    let counts = data_imports::Counts {
        processed: 1,
        created: 1,
        ..Default::default()
    };
    assert!(
        data_imports::advance(tx.conn(), created.id, 0, counts)
            .await
            .unwrap()
    );
    tx.commit().await.unwrap();
    assert!(
        import::process(&f.svc, created.id).await.unwrap().is_none(),
        "a fresh runner's import is not taken over"
    );
    let shown = import::show(&f.svc, &f.scope, created.id).await.unwrap();
    assert_eq!(
        (shown.status.as_str(), shown.processed_records),
        ("processing", 1)
    );

    let mut tx = f.svc.db.begin().await.unwrap();
    execute!(
        tx.conn(),
        sqlx::query("update data_imports set updated_at = $1 where id = $2")
            .bind(long_ago)
            .bind(created.id)
    )
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        import::start_due(&f.svc).await.unwrap(),
        1,
        "the runner finds it"
    );
    // `start_due` runs it in the background; wait for it.
    let mut shown = import::show(&f.svc, &f.scope, created.id).await.unwrap();
    for _ in 0..100 {
        if shown.status == "completed" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        shown = import::show(&f.svc, &f.scope, created.id).await.unwrap();
    }
    assert_eq!(shown.status, "completed");
    assert_eq!((shown.processed_records, shown.created_records), (3, 3));
    assert!(
        search(&f, "grace.hopper@example.com").await.is_empty(),
        "the row committed before the stop is not imported twice"
    );
    assert_eq!(search(&f, "alan.turing@example.com").await.len(), 1);
}
