//! `helpline server`, `helpline desk` and `helpline sync`: one helpline, several desks (laptops)
//! that share cases through the helpline's server, a PostgreSQL database that holds only
//! sealed records. The server's addresses hold a password and an invitation opens a copy of
//! every case, so none of them is needed on the command line: they come from a file, a line of
//! standard input, the environment or (an invitation) the terminal.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use helpline_app::{Helpline, SyncReport, SyncStatusView};
use zeroize::Zeroizing;

use crate::input::{warn_on_command_line, Input, SecretLine};
use crate::{io_failure, sign_in, signed_in, Failure};

/// The administrator's address, for `server init`.
const ADMIN_ADDRESS: SecretLine = SecretLine {
    what: "the administrator's address",
    env: "HELPLINE_SERVER_ADMIN",
    file_option: "--url-file",
};

/// The desks' address, for `desk connect` and `desk join`.
const DESK_ADDRESS: SecretLine = SecretLine {
    what: "the server's address",
    env: "HELPLINE_SERVER",
    file_option: "--url-file",
};

const INVITATION: SecretLine = SecretLine {
    what: "the invitation",
    env: "HELPLINE_INVITATION",
    file_option: "--invitation-file",
};

/// Standard input's order, in `--help` and in the message when it ends too soon.
const CONNECT_ORDER: &str =
    "the passphrase line (--passphrase-stdin), then the server's address (--url-file -)";
const JOIN_ORDER: &str = "the passphrase line (--passphrase-stdin), then the server's address \
    (--url-file -), then the invitation (--invitation-file -)";

#[derive(Subcommand)]
pub enum ServerCommand {
    /// Set up the helpline's server, once, as its administrator: prints the address desks
    /// connect with (a secret, shown once).
    ///
    /// Makes the helpline's tables in a PostgreSQL database the administrator owns, and the
    /// role every desk connects as, `<database>_desk`, with a new random password. No store
    /// or user is needed. The administrator's address is a PostgreSQL connection string, such
    /// as `host=/run/postgresql dbname=helpline user=postgres` (a socket) or `host=127.0.0.1
    /// port=5432 dbname=helpline user=admin password=...`: from --url-file, or
    /// HELPLINE_SERVER_ADMIN. The address printed holds the desks' password: give it to the
    /// helpline's supervisors by a safe channel (on paper, or in person), not by e-mail or
    /// chat; they connect the first desk with `helpline desk connect`.
    ///
    /// Run again (to bring the tables up to date), it gives the desks' role a new password:
    /// the desks connected with the old address can no longer sync.
    Init(AdminAddress),
}

#[derive(Args)]
pub struct AdminAddress {
    /// A file that holds the administrator's address on one line, or `-` for a line of
    /// standard input [default: $HELPLINE_SERVER_ADMIN]. Not the address itself: other users'
    /// processes can read the command line, and the shell history keeps it.
    #[arg(long, value_name = "PATH|-")]
    url_file: Option<PathBuf>,
    // The address itself, taken with a warning; not in --help.
    #[arg(long, hide = true, conflicts_with = "url_file")]
    url: Option<String>,
}

#[derive(Args)]
pub struct DeskAddress {
    /// A file that holds the desks' address (as `helpline server init` printed it) on one
    /// line, or `-` for a line of standard input [default: $HELPLINE_SERVER]. Not the address
    /// itself: it holds the desks' password, and other users' processes can read the command
    /// line.
    #[arg(long, value_name = "PATH|-")]
    url_file: Option<PathBuf>,
    // The address itself, taken with a warning; not in --help.
    #[arg(long, hide = true, conflicts_with = "url_file")]
    url: Option<String>,
}

#[derive(Subcommand)]
pub enum DeskCommand {
    /// Make this store the helpline's first desk (supervisors), after `helpline server init`.
    ///
    /// The address is the desks' one that `server init` printed: from HELPLINE_SERVER, or
    /// --url-file. The server must hold no helpline's records yet; the other desks join with
    /// an invitation (`desk invite`, then `desk join` there). Prints this desk's status.
    #[command(after_long_help = format!("Standard input is read in this order: {CONNECT_ORDER}."))]
    Connect {
        /// This desk's name, as the helpline's people know it ("Office", "Sara's laptop").
        #[arg(long, value_name = "NAME")]
        name: String,
        #[command(flatten)]
        address: DeskAddress,
    },
    /// Invite a new desk (supervisors): prints a one-time invitation code, once.
    ///
    /// Syncs first, then puts a copy of this store on the server, sealed under a new code that
    /// is printed here and kept nowhere else. The code opens every case this desk holds: give
    /// it to the person setting up the new desk by a safe channel (read it out, or on paper),
    /// never by e-mail or chat. It works once; forgetting a case withdraws it.
    Invite {
        /// The new desk's name ("Office", "Sara's laptop").
        #[arg(long, value_name = "NAME")]
        name: String,
    },
    /// Set this computer up as a new desk, from an invitation; the data folder must hold no
    /// store yet.
    ///
    /// The invitation's copy of the store becomes this desk's store; --user signs in with the
    /// passphrase they have at the other desks, and the desk connects and syncs. The address:
    /// HELPLINE_SERVER or --url-file; the invitation: HELPLINE_INVITATION, --invitation-file,
    /// or typed at a prompt. The invitation is used up once the desk has joined; a mistyped
    /// passphrase leaves it for another try, and a join that fails halfway leaves no store.
    #[command(after_long_help = format!("Standard input is read in this order: {JOIN_ORDER}."))]
    Join {
        #[command(flatten)]
        address: DeskAddress,
        /// A file that holds the invitation code on one line, or `-` for a line of standard
        /// input [default: $HELPLINE_INVITATION, else asked on the terminal]. Never the code
        /// itself: other users' processes can read the command line.
        #[arg(long, value_name = "PATH|-")]
        invitation_file: Option<PathBuf>,
    },
    /// This desk's place in the helpline: its name, the server, how far it has read the
    /// server's log, and how many changes wait to be pushed.
    ///
    /// With --json: an object with the fields connected (true or false), desk_name, desk_id
    /// and server (text without the password, or null when not connected), cursor (the
    /// position in the server's log read up to), pending (changes written here that the
    /// server does not hold yet) and conflicts (a list of objects with what, case and at).
    Status {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The helpline's desks this desk has heard of: id, name, and whether removed.
    List,
    /// Remove a desk, by its name or id (supervisors), from another desk.
    ///
    /// A new sync key goes to every other desk: nothing written from now on opens at the
    /// removed one, and the server refuses its pushes. It keeps what it had synced until now.
    /// Until `helpline server init` gives the desks' role a new password (then `desk
    /// set-server` at each desk that stays), it can still read the server's sealed records.
    Remove {
        /// The desk's name or id (`desk list` shows both).
        desk: String,
    },
    /// Give this desk a new address for the server (supervisors): after `helpline server
    /// init` changed the desks' password, or the server moved. The address as for `connect`.
    #[command(after_long_help = format!("Standard input is read in this order: {CONNECT_ORDER}."))]
    SetServer {
        #[command(flatten)]
        address: DeskAddress,
    },
    /// A supervisor has looked at the conflicts `desk status` lists: clear them.
    ClearConflicts,
}

/// `helpline server init`: needs no store and no user.
pub fn init_server(address: AdminAddress, input: &mut Input) -> Result<(), Failure> {
    input.set_stdin_order("the administrator's address (--url-file -)");
    let admin = address_from(input, &ADMIN_ADDRESS, address.url_file, address.url)?;
    let desks = Helpline::init_server(&admin)?;
    println!("{}", *desks);
    eprintln!(
        "helpline: the server is set up. The desks' address above holds their password and is \
         shown only this once: give it to the helpline's supervisors by a safe channel (on \
         paper, or in person), not by e-mail or chat."
    );
    Ok(())
}

/// `helpline desk ...` as `user`: `join` on a data folder with no store, the others signed in.
pub fn run(
    command: DeskCommand,
    helpline: &mut Helpline,
    user: &str,
    input: &mut Input,
) -> Result<(), Failure> {
    match command {
        DeskCommand::Join {
            address,
            invitation_file,
        } => join(helpline, user, address, invitation_file, input)?,
        DeskCommand::Connect { name, address } => {
            input.set_stdin_order(CONNECT_ORDER);
            sign_in(helpline, user, input)?;
            let address = address_from(input, &DESK_ADDRESS, address.url_file, address.url)?;
            let status = helpline.connect_desk(&address, &name)?;
            println!("This store is now the helpline's first desk.");
            print_status(&status, false)?;
        }
        DeskCommand::Invite { name } => {
            sign_in(helpline, user, input)?;
            let invitation = helpline.invite_desk(&name)?;
            println!("{}", invitation.code);
            eprintln!(
                "helpline: the invitation above, for desk {:?}, is shown only this once and works \
                 once; it opens every case this desk holds: give it to the person setting up that \
                 desk by a safe channel (read it out, or on paper), not by e-mail or chat. They run \
                 `helpline desk join`.",
                invitation.desk_name
            );
        }
        DeskCommand::Status { json } => {
            sign_in(helpline, user, input)?;
            print_status(&helpline.sync_status()?, json)?;
        }
        DeskCommand::List => {
            sign_in(helpline, user, input)?;
            print_desks(&helpline.desks()?)?;
        }
        DeskCommand::Remove { desk } => {
            sign_in(helpline, user, input)?;
            print_desks(&helpline.remove_desk(&desk)?)?;
        }
        DeskCommand::SetServer { address } => {
            input.set_stdin_order(CONNECT_ORDER);
            sign_in(helpline, user, input)?;
            let address = address_from(input, &DESK_ADDRESS, address.url_file, address.url)?;
            print_status(&helpline.set_server_address(&address)?, false)?;
        }
        DeskCommand::ClearConflicts => {
            sign_in(helpline, user, input)?;
            print_status(&helpline.clear_sync_conflicts()?, false)?;
        }
    }
    Ok(())
}

/// `helpline desk join`: a new desk from an invitation, on a data folder with no store.
fn join(
    helpline: &mut Helpline,
    user: &str,
    address: DeskAddress,
    invitation_file: Option<PathBuf>,
    input: &mut Input,
) -> Result<(), Failure> {
    // Before anything is read or the invitation used.
    helpline.refuse_unless_first_run()?;
    input.set_stdin_order(JOIN_ORDER);
    let passphrase = input.passphrase(&format!(
        "Passphrase for {user} (the one you have at the other desks)"
    ))?;
    let address = address_from(input, &DESK_ADDRESS, address.url_file, address.url)?;
    let invitation =
        input.secret_line_or_ask(&INVITATION, invitation_file.as_deref(), "Invitation code")?;
    signed_in(helpline.join_helpline(&address, &invitation, user, passphrase)?);
    let status = helpline.sync_status()?;
    println!(
        "Joined the helpline as desk {:?}; its store is in {}.",
        status.desk_name.as_deref().unwrap_or(""),
        helpline.data_dir().display()
    );
    print_status(&status, false)
}

/// `helpline sync`: prints what it did.
pub fn print_report(report: &SyncReport, json: bool) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    if json {
        let text = serde_json::to_string_pretty(&serde_json::json!({
            "pushed": report.pushed,
            "calls": report.calls,
            "forgotten": report.forgotten,
            "cursor": report.cursor,
        }))
        .map_err(|e| Failure::usage(e.to_string()))?;
        writeln!(out, "{text}").map_err(io_failure)
    } else {
        writeln!(
            out,
            "pushed {}, filed {} calls, destroyed {} forgotten cases, at position {}",
            report.pushed, report.calls, report.forgotten, report.cursor
        )
        .map_err(io_failure)
    }
}

fn print_desks(desks: &[helpline_app::DeskView]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    for desk in desks {
        let mark = match (desk.this_desk, desk.removed) {
            (true, _) => " (this desk)",
            (false, true) => " (removed)",
            (false, false) => "",
        };
        writeln!(out, "{}  {}{mark}", desk.desk_id, desk.name).map_err(io_failure)?;
    }
    Ok(())
}

/// `desk status`, and what `desk connect` and `desk join` print after their work. The JSON's
/// snake_case fields are the ones `desk status --help` names, written out here so that
/// scripts keep working whatever the app's view becomes.
fn print_status(status: &SyncStatusView, json: bool) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    if json {
        let text = serde_json::to_string_pretty(&serde_json::json!({
            "connected": status.connected,
            "desk_name": status.desk_name,
            "desk_id": status.desk_id,
            "server": status.server,
            "cursor": status.cursor,
            "pending": status.pending,
            "conflicts": status.conflicts.iter().map(|c| serde_json::json!({
                "what": c.what,
                "case": c.case,
                "at": c.at,
            })).collect::<Vec<_>>(),
        }))
        .map_err(|e| Failure::usage(e.to_string()))?;
        return writeln!(out, "{text}").map_err(io_failure);
    }
    if !status.connected {
        return writeln!(
            out,
            "connected: no (this desk is a store of its own; a supervisor connects it with \
             `helpline desk connect`, or a new desk joins with `helpline desk join`)"
        )
        .map_err(io_failure);
    }
    let or_none = |text: &Option<String>| text.clone().unwrap_or_default();
    writeln!(
        out,
        "connected: yes\ndesk:      {}\ndesk id:   {}\nserver:    {}\nposition:  {} (in the \
         server's log, read up to)\npending:   {} change(s) not yet on the server",
        or_none(&status.desk_name),
        or_none(&status.desk_id),
        or_none(&status.server),
        status.cursor,
        status.pending
    )
    .map_err(io_failure)?;
    for conflict in &status.conflicts {
        let case = conflict
            .case
            .as_ref()
            .map(|c| format!(" (case record {c})"))
            .unwrap_or_default();
        writeln!(
            out,
            "conflict:  {}{case}, {}: changed here and at another desk while apart; this              desk's change was kept (`desk clear-conflicts` once seen to)",
            conflict.what,
            conflict.at.format("%Y-%m-%d %H:%M UTC")
        )
        .map_err(io_failure)?;
    }
    Ok(())
}

/// A server's address: `--url` typed on the command line (with a warning), else from the file
/// `--url-file` names or a line of standard input, else from its environment variable.
fn address_from(
    input: &mut Input,
    line: &SecretLine,
    url_file: Option<PathBuf>,
    url: Option<String>,
) -> Result<Zeroizing<String>, Failure> {
    let ways = format!(
        "give `{} PATH` (a file that holds it) or `{} -` (a line of standard input), or set {}",
        line.file_option, line.file_option, line.env
    );
    if let Some(url) = url {
        warn_on_command_line(line.what, &ways);
        return Ok(Zeroizing::new(url));
    }
    input
        .secret_line(line, url_file.as_deref())?
        .ok_or_else(|| Failure::usage(format!("say where the server is: {ways}")))
}
