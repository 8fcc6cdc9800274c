//! `helpline`: the encrypted case store from the command line, for supervisors' scripts,
//! backups and tests. Every failure is one line on standard error and a non-zero exit status.

mod call_args;
mod desks;
mod details;
mod input;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use helpline_app::{
    AppError, AuditCheckView, AuditProblemKindView as AuditProblemKind, CaseListView, CasesFilter,
    CasesSort, Helpline, SignedIn, StatisticsQuery, VerifyView,
};
use helpline_core::{store, Code, Error, Month, Store, MAX_RETENTION_MONTHS};
use helpline_stats::export::{ExportError, Format};
use zeroize::Zeroizing;

use crate::call_args::CallArgs;
use crate::desks::{DeskCommand, ServerCommand};
use crate::input::Input;

#[derive(Parser)]
#[command(
    name = "helpline",
    version,
    about = "The Helpline case store, from the command line."
)]
struct Cli {
    /// The data folder [default: $HELPLINE_DATA_DIR, else the system's per-user data folder].
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Who is acting (for `init`: the first supervisor).
    #[arg(long, global = true, env = "HELPLINE_USER", value_name = "NAME")]
    user: Option<String>,

    /// Read passphrases from standard input, one per line, instead of the terminal; they come
    /// first, before a case number line (`-`) and the notes or details document, or a
    /// server's address and an invitation. For automation, HELPLINE_PASSPHRASE (yours) and
    /// HELPLINE_NEW_PASSPHRASE (a new one) also work.
    #[arg(long, global = true)]
    passphrase_stdin: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new store; the first user is a supervisor. Prints the recovery code once.
    Init,
    /// Open the store with the recovery code and give --user a new passphrase.
    Recover,
    /// Restore a backup into a new data folder (--data-dir), opening it with --user's
    /// passphrase, or with the recovery code (--recovery; --user then gets a new passphrase).
    Restore {
        file: PathBuf,
        #[arg(long)]
        recovery: bool,
    },
    /// The helpline's server, where several desks share cases (its administrator).
    #[command(subcommand)]
    Server(ServerCommand),
    /// This computer as one desk of a helpline with several: connect the first, invite and
    /// join others, and see where it stands.
    #[command(subcommand)]
    Desk(DeskCommand),
    #[command(flatten)]
    Unlocked(UnlockedCommand),
}

/// Commands that need the store unlocked by --user's passphrase.
#[derive(Subcommand)]
enum UnlockedCommand {
    /// Manage users (supervisors), or change your own passphrase.
    #[command(subcommand)]
    User(UserCommand),
    /// Record calls.
    #[command(subcommand)]
    Call(CallCommand),
    /// Look cases up.
    #[command(subcommand)]
    Case(CaseCommand),
    /// The helpline's referral list.
    #[command(subcommand)]
    Referral(ReferralCommand),
    /// Check that the whole store (or a backup file) opens and every record authenticates.
    Verify {
        /// Check this backup file instead of the store.
        #[arg(long, value_name = "FILE")]
        backup: Option<PathBuf>,
    },
    /// Write an encrypted backup of the whole store (supervisors).
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Monthly statistics with small counts suppressed (supervisors).
    #[command(subcommand)]
    Stats(StatsCommand),
    /// The audit trail: who signed in, opened which case, exported, changed users or settings
    /// (supervisors).
    #[command(subcommand)]
    Audit(AuditCommand),
    /// How long case content is kept after a case's last call, and destroying what is older.
    #[command(subcommand)]
    Retention(RetentionCommand),
    /// The recovery code (supervisors).
    #[command(subcommand)]
    RecoveryCode(RecoveryCodeCommand),
    /// Share with the helpline's other desks: push the calls finished and the cases forgotten
    /// here, then file theirs.
    ///
    /// Prints "pushed N, filed N calls, destroyed N forgotten cases, at position N" (N calls
    /// from other desks filed here, N cases forgotten at another desk destroyed here, and the
    /// position in the server's log read up to). A desk that cannot reach the server goes on
    /// working, and sends what it wrote at the next sync. With --json: an object with the
    /// fields pushed, calls, forgotten and cursor.
    Sync {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum RecoveryCodeCommand {
    /// Replace the recovery code, for when the paper it was written on is lost or was seen:
    /// prints the new one once; the old one opens nothing in the store any more (it still
    /// opens backups taken before).
    Replace,
}

#[derive(Subcommand)]
enum StatsCommand {
    /// Export the tables of a month, or of a range of months (one column each). This publishes
    /// them: a month is published only once it has ended and no call of it is still open, and
    /// every later export shows it the same.
    Export {
        /// The (first) month, YYYY-MM.
        #[arg(long, value_name = "YYYY-MM")]
        month: Month,
        /// The last month of a range, YYYY-MM [default: --month].
        #[arg(long, value_name = "YYYY-MM")]
        to: Option<Month>,
        /// Add a column with each category's total over the months (with --to).
        #[arg(long)]
        period_total: bool,
        #[arg(long, value_parser = ["csv", "json", "xlsx", "html"])]
        format: String,
        /// Where to write the export (replaced if it exists).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// The language of labels and rules.
        #[arg(long, default_value = "en", value_parser = ["en", "sv", "ar"])]
        language: String,
        /// Counts from 1 to k-1 are published as "<k". Once anything is published, every later
        /// export uses the same k.
        #[arg(long, default_value_t = helpline_stats::suppression::DEFAULT_THRESHOLD)]
        k: u64,
    },
    /// List the months and periods published so far, each with its k.
    Published,
}

#[derive(Subcommand)]
enum RetentionCommand {
    /// Print the retention period.
    Show,
    /// Set the period (supervisors): a number of months from 1 to 120, or `off` to keep cases
    /// until they are forgotten. Cases older than a new, shorter period are destroyed at once.
    Set { months: String },
    /// Destroy every case whose last call is older than the period, now (every sign-in, in the
    /// app or here, does this too).
    Run,
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check that no entry of the trail was altered or removed; fails if one was.
    Verify,
    /// The trail, one entry per line, newest first.
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user.
    Add {
        name: String,
        #[arg(long, value_parser = ["volunteer", "supervisor"])]
        role: String,
    },
    /// Change your own passphrase.
    Passwd,
    /// Remove a user and their key slot.
    Remove { name: String },
    /// Give another user a fresh passphrase (supervisors).
    Reset { name: String },
    /// List users and their roles.
    List,
}

#[derive(Subcommand)]
enum CallCommand {
    /// Record a call; prints its case number (a new case unless --case is given).
    New(Box<CallArgs>),
}

#[derive(Subcommand)]
enum CaseCommand {
    /// Destroy a case for good, for a caller who asks (supervisors).
    Forget {
        #[arg(value_name = "-", help = CASE_NUMBER_HELP)]
        number: Option<String>,
    },
    /// The cases list, as the app's screen has it: whom to call first, first.
    ///
    /// Plain output is an aligned table and a last line "N of TOTAL cases.". With --json: an
    /// object {"total": how many match, "cases": [...]}, each case with the fields case_number
    /// ("4821 0937 552"), open (true or false), latest_level and highest_level (level codes,
    /// e.g. "wish_to_leave"), escalated (the latest assessed call rose), last_call_at (RFC 3339,
    /// or null), follow_up (YYYY-MM-DD, or null), follow_up_state ("overdue", "today",
    /// "later", or null; on this computer's day) and calls (how many).
    List {
        /// Only cases not closed.
        #[arg(long)]
        open: bool,
        /// Only cases whose follow-up is due today or earlier.
        #[arg(long)]
        due: bool,
        /// Only cases whose latest level is at least this step (0 to 3).
        #[arg(long, value_name = "N", default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=3))]
        min_step: u8,
        /// follow-up: overdue, then due today, then later, then none, each by latest level
        /// highest first; level: latest level highest first; last-call: newest first.
        #[arg(long, value_enum, default_value_t = Sort::FollowUp)]
        sort: Sort,
        /// At most this many cases (1 to 200); the total still counts them all.
        #[arg(long, value_name = "N", default_value_t = helpline_core::MAX_LISTED_CASES)]
        limit: usize,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// A case's history, call by call, notes included.
    Show {
        #[arg(value_name = "-", help = CASE_NUMBER_HELP)]
        number: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// The case number argument of `case show` and `case forget`, in their `--help`.
const CASE_NUMBER_HELP: &str = "`-` reads the case number (with or without spaces and dashes, \
    in any digits) from a line of standard input, after any passphrase lines; leave it out to \
    type it at a prompt. Not the number itself: other users' processes can read the command \
    line, and the shell history keeps it.";

/// How to give the case number without the command line, in warnings.
const CASE_INSTEAD: &str =
    "give `-` and write it on standard input instead, or leave it out to type it at a prompt";

/// `case list --sort`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Sort {
    FollowUp,
    Level,
    LastCall,
}

impl From<Sort> for CasesSort {
    fn from(sort: Sort) -> Self {
        match sort {
            Sort::FollowUp => CasesSort::FollowUp,
            Sort::Level => CasesSort::Level,
            Sort::LastCall => CasesSort::LastCall,
        }
    }
}

#[derive(Subcommand)]
enum ReferralCommand {
    /// List the referral codes calls can record.
    List,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with success; usage errors are clap's clear text.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("helpline: {} [{}]", e.message, e.code);
            ExitCode::from(1)
        }
    }
}

/// What went wrong, for the one line on standard error.
struct Failure {
    code: &'static str,
    message: String,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure {
            code: e.code(),
            message: e.to_string(),
        }
    }
}

impl From<AppError> for Failure {
    fn from(e: AppError) -> Self {
        Failure {
            code: e.code,
            message: e.message,
        }
    }
}

impl Failure {
    fn usage(message: impl Into<String>) -> Self {
        Failure {
            code: "invalid_argument",
            message: message.into(),
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let mut helpline = Helpline::from_environment(cli.data_dir.clone())?;
    let mut input = Input::new(cli.passphrase_stdin);
    let user = || {
        cli.user
            .clone()
            .ok_or_else(|| Failure::usage("say who is acting: --user NAME or HELPLINE_USER"))
    };

    match cli.command {
        Command::Init => {
            let name = user()?;
            store::check_user_name(&name)?;
            if Store::exists(helpline.data_dir()) {
                return Err(Error::StoreExists(helpline.data_dir().display().to_string()).into());
            }
            let passphrase = input.new_passphrase(&format!("New passphrase for {name}"))?;
            let done = helpline.set_up(&name, passphrase)?;
            println!(
                "Created the store in {} with supervisor {name}.",
                helpline.data_dir().display()
            );
            println!();
            println!(
                "Recovery code (shown only this once; write it down and keep it offline, safe):"
            );
            println!();
            println!("    {}", done.recovery_code);
            println!();
            println!("It opens the store when every passphrase is forgotten: `helpline recover`.");
        }
        Command::Recover => {
            let name = user()?;
            let code = input.recovery_code()?;
            let passphrase = input.new_passphrase(&format!("New passphrase for {name}"))?;
            signed_in(helpline.recover(&name, code, passphrase)?);
            println!("The recovery code opened the store; {name} has a new passphrase.");
        }
        Command::Restore { file, recovery } => {
            let name = user()?;
            let signed = if recovery {
                let code = input.recovery_code()?;
                let passphrase = input.new_passphrase(&format!("New passphrase for {name}"))?;
                helpline.restore_file(&file, &name, passphrase, Some(code))?
            } else {
                let passphrase = input.passphrase(&format!("Passphrase for {name}"))?;
                helpline.restore_file(&file, &name, passphrase, None)?
            };
            signed_in(signed);
            println!(
                "Restored {} into {}.",
                file.display(),
                helpline.data_dir().display()
            );
        }
        Command::Server(ServerCommand::Init(address)) => desks::init_server(address, &mut input)?,
        Command::Desk(command) => desks::run(command, &mut helpline, &user()?, &mut input)?,
        Command::Unlocked(command) => {
            let passphrase = sign_in(&mut helpline, &user()?, &mut input)?;
            run_unlocked(command, &mut helpline, passphrase, &mut input)?;
        }
    }
    Ok(())
}

/// Unlocks the store as `name`, with the passphrase from where `input` takes it; the
/// passphrase, for the commands that need it again.
fn sign_in(
    helpline: &mut Helpline,
    name: &str,
    input: &mut Input,
) -> Result<Zeroizing<String>, Failure> {
    let passphrase = input.passphrase(&format!("Passphrase for {name}"))?;
    let signed = helpline.unlock(name, passphrase.clone()).inspect_err(|_| {
        // As in the desktop app: each failed unlock answers more slowly.
        std::thread::sleep(helpline.unlock_delay());
    })?;
    signed_in(signed);
    Ok(passphrase)
}

/// Signing in applies the retention period; says so when it destroyed cases or failed.
fn signed_in(signed: SignedIn) {
    if signed.retention_failed {
        eprintln!("helpline: warning: cases past the retention period could not be destroyed; `helpline retention run` tries again");
    } else if signed.cases_expired > 0 {
        eprintln!(
            "helpline: {} case(s) past the retention period destroyed",
            signed.cases_expired
        );
    }
}

fn run_unlocked(
    command: UnlockedCommand,
    helpline: &mut Helpline,
    acting: Zeroizing<String>,
    input: &mut Input,
) -> Result<(), Failure> {
    match command {
        UnlockedCommand::User(UserCommand::Add { name, role }) => {
            store::check_user_name(&name)?;
            let passphrase =
                input.new_passphrase(&format!("Passphrase for the new user {name}"))?;
            helpline.add_user(&name, &role, passphrase)?;
            println!("Added {name} ({role}).");
        }
        UnlockedCommand::User(UserCommand::Passwd) => {
            let new = input.new_passphrase("New passphrase")?;
            helpline.change_passphrase(acting, new)?;
            println!("Passphrase changed.");
        }
        UnlockedCommand::User(UserCommand::Remove { name }) => {
            helpline.remove_user(&name)?;
            println!("Removed {name}.");
        }
        UnlockedCommand::User(UserCommand::List) => {
            for user in helpline.list_users()? {
                println!("{}\t{}", user.name, user.role.code());
            }
        }
        UnlockedCommand::User(UserCommand::Reset { name }) => {
            let passphrase = input.new_passphrase(&format!("New passphrase for {name}"))?;
            helpline.reset_passphrase(&name, passphrase)?;
            println!("{name} has a new passphrase.");
        }
        UnlockedCommand::Call(CallCommand::New(args)) => {
            let (case, call) = args.into_call(input)?;
            println!(
                "{}",
                helpline
                    .record_call(case.as_ref().map(|number| number.as_str()), &call)?
                    .case_number
            );
        }
        UnlockedCommand::Case(CaseCommand::Show { number, json }) => {
            let number = case_number(number, input)?;
            // Oldest first, as a history is read on paper.
            let history = helpline.case_calls(&number)?;
            let calls = history.calls;
            let mut out = std::io::stdout().lock();
            if json {
                let text = serde_json::to_string_pretty(&serde_json::json!({
                    "case_number": history.case_number,
                    "calls": calls,
                }))
                .map_err(|e| Failure::usage(e.to_string()))?;
                writeln!(out, "{text}").map_err(io_failure)?;
            } else {
                call_args::write_history(&mut out, &history.case_number, history.open, &calls)
                    .map_err(io_failure)?;
            }
        }
        UnlockedCommand::Case(CaseCommand::List {
            open,
            due,
            min_step,
            sort,
            limit,
            json,
        }) => {
            let filter = CasesFilter {
                open_only: open,
                due_only: due,
                min_step,
                sort: sort.into(),
            };
            let list = helpline.cases(&filter, limit)?;
            let mut out = std::io::stdout().lock();
            if json {
                let text = serde_json::to_string_pretty(&case_list_json(&list))
                    .map_err(|e| Failure::usage(e.to_string()))?;
                writeln!(out, "{text}").map_err(io_failure)?;
            } else {
                call_args::write_case_list(&mut out, &list).map_err(io_failure)?;
            }
        }
        UnlockedCommand::Case(CaseCommand::Forget { number }) => {
            let number = case_number(number, input)?;
            let forgotten = helpline.forget_case(&number)?;
            println!(
                "The case is destroyed in this store; it cannot be brought back from it, nor from \
                 backups taken from now on."
            );
            if !forgotten.backups_holding_it.is_empty() {
                println!(
                    "These backups were taken since the case began and still hold it; destroy \
                     them (and their copies) to forget it there too:"
                );
                for at in &forgotten.backups_holding_it {
                    println!("    backup taken {}", at.format("%Y-%m-%d %H:%M UTC"));
                }
            }
        }
        UnlockedCommand::RecoveryCode(RecoveryCodeCommand::Replace) => {
            let replaced = helpline.replace_recovery_code(acting)?;
            println!(
                "The new recovery code (write it down and keep it safe; it is not shown again):"
            );
            println!("    {}", replaced.recovery_code);
            println!("The old code opens nothing in this store any more, but still opens the backups taken before.");
        }
        UnlockedCommand::Referral(ReferralCommand::List) => {
            for referral in helpline.settings()?.referrals {
                match referral.label {
                    Some(label) => println!("{}\t{label}", referral.code.as_str()),
                    None => println!("{}", referral.code.as_str()),
                }
            }
        }
        UnlockedCommand::Stats(StatsCommand::Export {
            month,
            to,
            period_total,
            format,
            out,
            language,
            k,
        }) => {
            let query = StatisticsQuery::parse(
                &month.to_string(),
                &to.unwrap_or(month).to_string(),
                period_total,
                k,
                &language,
            )?;
            let format: Format = format
                .parse()
                .map_err(|e: ExportError| Failure::usage(e.to_string()))?;
            let done = helpline.export_statistics(&query, format, &out)?;
            println!(
                "Wrote {} ({} month(s){}, k = {}).",
                out.display(),
                done.months,
                if done.period_total {
                    " and their total"
                } else {
                    ""
                },
                done.k
            );
        }
        UnlockedCommand::Stats(StatsCommand::Published) => {
            for published in helpline.published_statistics()? {
                let months = &published.months;
                match (months.first(), months.last()) {
                    (Some(first), Some(last)) if months.len() > 1 => {
                        println!("{first}/{last}\tk = {}", published.k)
                    }
                    (Some(month), _) => println!("{month}\tk = {}", published.k),
                    _ => {}
                }
            }
        }
        UnlockedCommand::Retention(RetentionCommand::Show) => {
            match helpline.settings()?.retention_months {
                Some(months) => println!("{months} months after a case's last call"),
                None => println!("off: cases are kept until they are forgotten"),
            }
        }
        UnlockedCommand::Retention(RetentionCommand::Set { months }) => {
            let period = if months == "off" {
                None
            } else {
                Some(months.parse::<u32>().map_err(|_| {
                    Failure::usage(format!(
                        "{months:?} is not a period: give months from 1 to {MAX_RETENTION_MONTHS}, or `off`"
                    ))
                })?)
            };
            let run = helpline.set_retention_months(period)?;
            println!(
                "Retention set; {} case(s) older than it destroyed now.",
                run.cases_destroyed
            );
        }
        UnlockedCommand::Retention(RetentionCommand::Run) => {
            let run = helpline.apply_retention()?;
            println!("{} expired case(s) destroyed.", run.cases_destroyed);
        }
        UnlockedCommand::Audit(AuditCommand::Verify) => {
            let check = helpline.verify_audit()?;
            report_audit(&check)?;
        }
        UnlockedCommand::Audit(AuditCommand::List { json }) => {
            let trail = helpline.audit_entries()?;
            let mut out = std::io::stdout().lock();
            if json {
                let text = serde_json::to_string_pretty(&trail)
                    .map_err(|e| Failure::usage(e.to_string()))?;
                writeln!(out, "{text}").map_err(io_failure)?;
            } else {
                for entry in &trail {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}",
                        entry.seq,
                        entry.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                        entry.user,
                        describe(&entry.action)
                    )
                    .map_err(io_failure)?;
                }
            }
            // The list leaves out entries that do not open; say so rather than hide it.
            if !helpline.verify_audit()?.sound {
                eprintln!(
                    "helpline: warning: the audit trail is not sound; run `helpline audit verify`"
                );
            }
        }
        UnlockedCommand::Verify { backup: Some(file) } => {
            let passphrase =
                input.passphrase("Passphrase for the backup (as it was when it was taken)")?;
            report_verify(&helpline.verify_backup(&file, passphrase)?)?;
        }
        UnlockedCommand::Verify { backup: None } => {
            report_verify(&helpline.verify_store()?)?;
            report_audit(&helpline.verify_audit()?)?;
        }
        UnlockedCommand::Backup { out } => {
            helpline.backup(&out)?;
            println!("Wrote an encrypted backup to {}.", out.display());
        }
        UnlockedCommand::Sync { json } => desks::print_report(&helpline.sync_now()?, json)?,
    }
    Ok(())
}

/// The case `case show` or `case forget` is about: given as `-`, typed at a prompt when left
/// out, or, with a warning, typed on the command line.
fn case_number(number: Option<String>, input: &mut Input) -> Result<Zeroizing<String>, Failure> {
    match number {
        None => input.ask_case_number(),
        Some(given) => input.case_number(given, CASE_INSTEAD),
    }
}

/// `case list --json`: the documented snake_case fields (see `case list --help`), which
/// scripts rely on, so they are written out here rather than taken from the app's view.
fn case_list_json(list: &CaseListView) -> serde_json::Value {
    let cases: Vec<serde_json::Value> = list
        .cases
        .iter()
        .map(|case| {
            serde_json::json!({
                "case_number": case.case_number,
                "open": case.open,
                "latest_level": case.latest_level.code(),
                "highest_level": case.highest_level.code(),
                "escalated": case.escalated,
                "last_call_at": case.last_call_at,
                "follow_up": case.follow_up,
                "follow_up_state": case.follow_up_state,
                "calls": case.calls,
            })
        })
        .collect();
    serde_json::json!({ "total": list.total, "cases": cases })
}

/// One line for an entry of `audit list`: its kind and what it names.
fn describe(action: &helpline_core::AuditAction) -> String {
    let value = serde_json::to_value(action).unwrap_or_default();
    let mut text = value["kind"].as_str().unwrap_or("?").to_owned();
    if let Some(fields) = value.as_object() {
        for (name, field) in fields.iter().filter(|(name, _)| *name != "kind") {
            match field.as_str() {
                Some(s) => text.push_str(&format!(" {name}={s}")),
                None => text.push_str(&format!(" {name}={field}")),
            }
        }
    }
    text
}

/// Prints what a check of the audit trail found; fails when it is not sound.
fn report_audit(check: &AuditCheckView) -> Result<(), Failure> {
    for problem in &check.problems {
        let (from, count) = (problem.seq, problem.count);
        let which = if count > 1 {
            format!("entries {from} to {}", from + count - 1)
        } else {
            format!("entry {from}")
        };
        let what = match problem.problem {
            AuditProblemKind::Altered => {
                "altered (does not authenticate or does not follow the one before)"
            }
            AuditProblemKind::Missing => "missing (removed from the middle of the trail)",
            AuditProblemKind::TailRemoved => "removed from the end of the trail",
        };
        println!("audit: {which} {what}");
    }
    if !check.sound {
        let kinds: Vec<&str> = check
            .problems
            .iter()
            .map(|p| match p.problem {
                AuditProblemKind::Altered => "altered",
                AuditProblemKind::Missing => "missing",
                AuditProblemKind::TailRemoved => "tail removed",
            })
            .collect();
        return Err(Failure {
            code: "audit_trail_broken",
            message: format!(
                "the audit trail was tampered with: {} problem(s) ({})",
                check.problems.len(),
                kinds.join(", ")
            ),
        });
    }
    println!(
        "ok: {} audit entries checked; none altered or removed.",
        check.entries_checked
    );
    if !check.fingerprint.is_empty() {
        println!(
            "head: entry {}, fingerprint {} (note it down to tell later if the trail was wound back)",
            check.head_seq, check.fingerprint
        );
    }
    Ok(())
}

/// Prints what a check of the store or a backup found; fails when something is damaged.
fn report_verify(report: &VerifyView) -> Result<(), Failure> {
    for line in &report.file_problems {
        println!("sqlite: {line}");
    }
    for place in &report.damaged {
        println!(
            "damaged: {} row {} ({})",
            place.table, place.row, place.column
        );
    }
    for place in &report.newer_format {
        println!(
            "newer format: {} row {} ({})",
            place.table, place.row, place.column
        );
    }
    for change in &report.schema_changes {
        println!("changed outside Helpline: {change}");
    }
    if !report.schema_changes.is_empty() {
        return Err(Failure {
            code: "schema_changed",
            message: "the store's file was changed outside Helpline; do not use it: restore the latest backup that checks as sound".into(),
        });
    }
    if !report.damaged.is_empty() || !report.file_problems.is_empty() {
        return Err(Failure {
            code: "damaged_record",
            message: format!(
                "{} damaged record(s); the rest of the store is readable",
                report.damaged.len()
            ),
        });
    }
    if !report.newer_format.is_empty() {
        return Err(Failure {
            code: "record_format_unknown",
            message: format!(
                "{} record(s) were written by a newer version of Helpline; nothing is damaged, but update the app to read them",
                report.newer_format.len()
            ),
        });
    }
    println!(
        "ok: {} sealed values authenticate; SQLite integrity check passed.",
        report.sealed_values_checked
    );
    Ok(())
}

fn io_failure(e: std::io::Error) -> Failure {
    Failure {
        code: "io_failed",
        message: format!("could not write the output: {e}"),
    }
}
