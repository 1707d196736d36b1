//! The command line: `serve` (the default), `migrate` and `create-admin`.

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use onechat_core::db::{Db, DbOptions};
use onechat_core::services::secret_key;
use onechat_core::services::setup::{self, NewAdmin, SetupMode};
use onechat_core::{Error, Services};
use serde_json::json;

use crate::config::{DatabaseArgs, LogFormat, ServeConfig};
use crate::{serve, telemetry};

/// OneChat: a self-hosted customer-support inbox.
#[derive(Parser)]
#[command(name = "onechat", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    #[command(flatten)]
    serve: ServeConfig,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (what `onechat` does without a command).
    Serve(ServeConfig),
    /// Apply the database migrations and exit (`serve` also applies them at start).
    Migrate(DatabaseArgs),
    /// Create an account with its first administrator and print
    /// `{"account_id":…,"user_id":…,"access_token":"…"}`.
    CreateAdmin(CreateAdminArgs),
}

#[derive(Args)]
struct CreateAdminArgs {
    #[command(flatten)]
    database: DatabaseArgs,
    /// The account's name.
    #[arg(long)]
    account_name: String,
    /// The administrator's full name.
    #[arg(long)]
    name: String,
    /// The administrator's login email.
    #[arg(long)]
    email: String,
    /// The administrator's password (6+ characters with an uppercase letter, a digit and a
    /// special character).
    #[arg(long, env = "ONECHAT_ADMIN_PASSWORD", hide_env_values = true)]
    password: String,
}

/// Parses the command line and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve(cli.serve));
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("onechat: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        match command {
            Command::Serve(config) => {
                telemetry::init(config.log_format);
                serve::run(config).await
            }
            Command::Migrate(database) => {
                telemetry::init(LogFormat::Text);
                migrate(&database).await
            }
            Command::CreateAdmin(args) => create_admin(args).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("onechat: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn open(database: &DatabaseArgs) -> anyhow::Result<Db> {
    let options = DbOptions {
        max_connections: database.db_max_connections,
        ..DbOptions::default()
    };
    let db = Db::connect(&database.database_url, &options).await?;
    db.migrate().await?;
    Ok(db)
}

async fn migrate(database: &DatabaseArgs) -> anyhow::Result<()> {
    let db = open(database).await?;
    tracing::info!(backend = db.backend().name(), "migrations applied");
    db.close().await;
    Ok(())
}

async fn create_admin(args: CreateAdminArgs) -> anyhow::Result<()> {
    let db = open(&args.database).await?;
    let key = secret_key::load_or_create(&db, None).await?;
    let services = Services::new(db.clone(), key);
    let input = NewAdmin {
        account_name: args.account_name,
        name: args.name,
        email: args.email,
        password: args.password,
    };
    let created = setup::create_account_with_admin(&services, &input, SetupMode::Scripted)
        .await
        .map_err(|err| match err {
            Error::Invalid(v) => anyhow::anyhow!("{}", v.message()),
            other => anyhow::Error::new(other),
        })?;
    println!(
        "{}",
        json!({
            "account_id": created.account.id,
            "user_id": created.user.id,
            "access_token": created.access_token,
        })
    );
    db.close().await;
    Ok(())
}
