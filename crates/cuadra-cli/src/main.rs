//! `cuadra-cli`: the headless face of Cuadra over the same core the desktop app uses, for scripts,
//! CI and machines without a display. It parses arguments, calls cuadra-core and prints; it holds
//! no business rules of its own.

mod audit;
mod backup;
mod bank;
mod case;
mod clock;
mod export;
mod files;
mod import;
mod period;
mod profile;
mod reconcile;
mod retention;
mod settings;
mod verify;

// Imports allocate rows on a parsing thread and free them on the writing one: mimalloc handles
// that pattern far better than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use cuadra_core::store::{resolve_db_path, Workspace};
use cuadra_core::words::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "cuadra-cli",
    version,
    about = "Reconcile Efecty cash payments: the Cuadra command line"
)]
struct Cli {
    /// The workspace file (default: $CUADRA_DB, else the app's data directory).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    /// Who is acting, for the records (default: the `actor` setting, else the OS user name).
    /// With `audit log`: show only this actor's events.
    #[arg(long, global = true, env = "CUADRA_ACTOR")]
    actor: Option<String>,
    /// Pins the clock (RFC 3339) for tests and reproducible scripts; see clock.rs.
    #[arg(long, global = true, hide = true, env = "CUADRA_NOW")]
    now: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import PSP settlement files and shop order exports (CSV or XLSX).
    Import(import::ImportArgs),
    /// List imported files, show one, or write an original back to disk.
    Files(files::FilesArgs),
    /// Create, list and show column mappings for layouts Cuadra does not know.
    Profile(profile::ProfileArgs),
    /// Match orders and settlement lines; print counts and amounts per status.
    Reconcile(reconcile::ReconcileArgs),
    /// List and show cases; confirm, match, unmatch, resolve, reopen, note.
    Case(case::CaseArgs),
    /// Write a report: export KIND --out FILE [--format xlsx|csv] [--period YYYY-MM] [--lang es|en|zh].
    Export(export::ExportArgs),
    /// Show the workspace settings, one of them, or change one: settings [KEY [VALUE]].
    Settings(settings::SettingsArgs),
    /// Check the audit trail's hash chain, or list its events.
    Audit(audit::AuditArgs),
    /// Close, reopen, list and verify accounting periods (YYYY-MM).
    Period(period::PeriodArgs),
    /// Show what is kept until when; purge files past retention on request.
    Retention(retention::RetentionArgs),
    /// Copy the workspace consistently (even while in use) to OUT and check the copy.
    Backup(backup::BackupArgs),
    /// Bank statements: `bank statements [--json]` lists them with their checks and gaps.
    Bank(bank::BankArgs),
    /// Check that every stored figure comes from its evidence; exit 1 naming what does not.
    Verify(verify::VerifyArgs),
}

impl Command {
    /// Whether the command reads a workspace whose pages are damaged (to name what is wrong, or
    /// to copy what is left) instead of refusing it.
    fn inspects(&self) -> bool {
        matches!(self, Command::Verify(_) | Command::Backup(_))
    }

    /// Whether the command may create the workspace it is given.
    fn may_create(&self) -> bool {
        match self {
            Command::Import(_) => true,
            Command::Settings(args) => args.changes_something(),
            Command::Profile(args) => args.saves_something(),
            _ => false,
        }
    }
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let matches = Cli::command().get_matches();
    // `audit log --actor NAME` filters by the actor typed on the command line; the actor that
    // CUADRA_ACTOR or the settings provide is who acts, not a filter.
    let actor_typed = matches.value_source("actor") == Some(clap::parser::ValueSource::CommandLine);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let Some(path) = resolve_db_path(cli.db.as_deref()) else {
        eprintln!("error: no workspace path: pass --db PATH or set CUADRA_DB");
        return ExitCode::from(2);
    };
    // Only a command that writes something of its own (an import, a setting, a profile) may
    // start a workspace; every other one needs it to exist, so a mistyped path is an error.
    // A workspace whose file changed outside Cuadra has its pages checked first: a damaged one
    // takes no writes; only `verify` and `backup` open it, to say what is wrong or copy it.
    let opened = if cli.command.may_create() {
        Workspace::open(&path)
    } else if cli.command.inspects() {
        Workspace::open_to_inspect(&path)
    } else {
        Workspace::open_existing(&path)
    };
    let mut ws = match opened {
        Ok(ws) => ws,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(problem) = ws.damage() {
        let damaged = cuadra_core::store::StoreError::Damaged {
            path: path.clone(),
            problem: problem.to_owned(),
        };
        eprintln!("warning: {damaged}");
    }
    let actor = match cli.actor {
        Some(actor) => actor,
        None => ws
            .actor_setting()
            .ok()
            .flatten()
            .unwrap_or_else(cuadra_core::audit::os_user),
    };
    // Whoever signs the acts: one visible line, never blank (a name with a line break would
    // forge a line of `audit log`).
    if let Err(why) = cuadra_core::audit::check_actor(&actor) {
        eprintln!("error: {}", why.render_inline(Lang::En));
        return ExitCode::from(2);
    }
    let now = match clock::now(cli.now.as_deref()) {
        Ok(now) => now,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Command::Import(args) => import::run(&mut ws, &actor, now, args),
        Command::Files(args) => files::run(&ws, args),
        Command::Profile(args) => profile::run(&mut ws, args),
        Command::Reconcile(args) => reconcile::run(&mut ws, &actor, now, args),
        Command::Settings(args) => settings::run(&mut ws, &actor, now, args),
        Command::Export(args) => export::run(&mut ws, &actor, now, args),
        Command::Case(args) => case::run(&mut ws, &actor, now, args),
        Command::Audit(args) => audit::run(&ws, actor_typed.then_some(actor.as_str()), args),
        Command::Period(args) => period::run(&mut ws, &actor, now, args),
        Command::Retention(args) => retention::run(&mut ws, &actor, now, args),
        Command::Backup(args) => backup::run(&ws, args),
        Command::Bank(args) => bank::run(&ws, args),
        Command::Verify(args) => verify::run(&ws, now, args),
    };
    // The chain's head, witnessed outside the database: a later run that finds the chain
    // shorter or different says so (and `audit verify` and `verify` fail).
    if ws.damage().is_none() {
        match ws.check_witness() {
            Ok(Some(m)) => eprintln!("warning: {}", m.render_inline(Lang::En)),
            Ok(None) => {
                let _ = ws.record_witness();
            }
            Err(_) => {}
        }
    }
    // Closed cleanly, the file is stamped beside it: the next run skips the page check unless
    // something outside Cuadra changed the file meanwhile.
    let _ = ws.close();
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// `cuadra-cli files | head` closes stdout early; Rust's print macros then panic. For a command
/// line tool that is a normal end of output, not a crash: exit quietly (as `cat` does).
fn quiet_on_closed_pipe() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.contains("Broken pipe") {
            std::process::exit(0);
        }
        default_hook(info);
    }));
}
