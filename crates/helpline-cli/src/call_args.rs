//! `helpline call new`'s options, and how a case's history and the cases list are printed.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, NaiveDate, Utc};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::Args;
use helpline_app::{CaseListView, FollowUpStateView};
use helpline_core::domain::MAX_NOTES_CHARS;
use helpline_core::{
    AgeBand, Call, CallContent, Caller, CallerIdentity, Channel, Code, ConcernLevel,
    ContactDetails, Environment, Gender, Language, PersonOfConcern, RecordedCall, ReferralCode,
    Relationship, Situation,
};

use zeroize::Zeroizing;

use crate::details::{self, CallDetails};
use crate::input::{warn_on_command_line, Document, Input};
use crate::Failure;

/// Accepts exactly the stable codes of a domain enum, and lists them in `--help`.
fn code<T: Code + Send + Sync + Clone>() -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(T::ALL.iter().map(|v| v.code())).try_map(|text| {
        T::from_code(&text)
            .ok_or_else(|| clap::Error::raw(clap::error::ErrorKind::InvalidValue, "unknown code"))
    })
}

/// Standard input's order, in `call new --help`.
const STDIN_ORDER: &str = "Standard input is read in this order: the passphrase lines \
    (--passphrase-stdin), the case number line (--case -), then the rest: the notes \
    (--notes-file -) or the details document (--details-file -), not both.";

/// How to give the case number without the command line, in warnings.
const CASE_INSTEAD: &str = "give `--case -` and write it on standard input instead, or \
    \"case_number\" in --details-file";

#[derive(Args)]
#[command(after_long_help = STDIN_ORDER)]
pub struct CallArgs {
    /// Continue a case instead of opening a new one: `-` reads its number (however typed) from
    /// a line of standard input; or give "case_number" in --details-file.
    #[arg(long, value_name = "-")]
    case: Option<String>,
    /// How the caller reached the helpline. Required, so that nothing is counted as a channel
    /// nobody chose: `not_stated` records that it is not known.
    #[arg(long, value_parser = code::<Channel>())]
    channel: Channel,
    /// The language the call was held in. Required like --channel; `not_stated` when not known.
    #[arg(long, value_parser = code::<Language>())]
    language: Language,
    /// Concern level: 0 not assessed; 1 strong interest in the conflict; 2 also wishes to
    /// leave; 3 also already in a transit country.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=3))]
    level: u8,
    #[arg(long, value_parser = code::<Relationship>(), default_value = "not_stated")]
    caller_relationship: Relationship,
    #[arg(long, value_parser = code::<Gender>(), default_value = "not_stated")]
    caller_gender: Gender,
    /// The case number, contact details, next steps and notes, never on the command line
    /// (other users' processes can read it, and the shell history keeps it): one JSON object
    /// from a UTF-8 file, or `-` for standard input, e.g. {"contact_phone": "+46 70 123 45 67",
    /// "next_steps": "Call back on Tuesday"}. Its fields, each text and each optional:
    /// case_number, contact_name, contact_phone, contact_email (only when the caller chooses
    /// to give contact details; sealed, never in statistics), next_steps and notes.
    #[arg(long, value_name = "PATH")]
    details_file: Option<PathBuf>,
    // Taken for the scripts written before --details-file, with a warning; not in --help.
    #[arg(long, hide = true)]
    contact_name: Option<String>,
    #[arg(long, hide = true)]
    contact_phone: Option<String>,
    #[arg(long, hide = true)]
    contact_email: Option<String>,
    #[arg(long, hide = true)]
    next_steps: Option<String>,
    #[arg(long, value_parser = code::<Gender>(), default_value = "not_stated")]
    person_gender: Gender,
    #[arg(long, value_parser = code::<AgeBand>(), default_value = "unknown")]
    age_band: AgeBand,
    #[arg(long, value_parser = code::<Situation>(), default_value = "other_unknown")]
    situation: Situation,
    #[arg(long, value_parser = code::<Environment>(), default_value = "other_unknown")]
    environment: Environment,
    /// A referral made (a code from `helpline referral list`); repeat for several.
    #[arg(long = "referral", value_name = "CODE")]
    referrals: Vec<String>,
    /// Follow-up date, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    follow_up: Option<NaiveDate>,
    /// This call did the case's pending follow-up (a follow-up stays with the case until a
    /// call does it or sets another).
    #[arg(long)]
    follow_up_done: bool,
    /// The notes, from a UTF-8 text file; `-` reads the rest of standard input. Or give
    /// "notes" in --details-file.
    #[arg(long, value_name = "PATH")]
    notes_file: Option<PathBuf>,
    /// When the call started (RFC 3339, e.g. 2026-11-21T14:05:00+01:00) [default: now].
    #[arg(long, value_name = "TIME")]
    started: Option<DateTime<chrono::FixedOffset>>,
    /// How long the call lasted, in minutes (leave out when not known).
    #[arg(long, value_parser = clap::value_parser!(u32).range(0..=24 * 60))]
    minutes: Option<u32>,
}

/// The notes as `Input::document` reads them: at most 4 bytes a character in UTF-8.
const NOTES: Document = Document {
    what: "the notes",
    max_bytes: MAX_NOTES_CHARS * 4,
    if_empty: "leave out --notes-file for a call without notes",
};

/// A call's sensitive fields, each taken from the one place it was given: standard input, a
/// file, or an old option.
struct Given {
    case: Option<Zeroizing<String>>,
    identity: CallerIdentity,
    next_steps: String,
    notes: String,
}

impl CallArgs {
    /// The call, and the case number as given (checked by the application layer).
    pub fn into_call(
        mut self,
        input: &mut Input,
    ) -> Result<(Option<Zeroizing<String>>, Call), Failure> {
        let Given {
            case,
            identity,
            next_steps,
            notes,
        } = self.given(input)?;
        let referrals = self
            .referrals
            .iter()
            .map(|r| ReferralCode::new(r))
            .collect::<Result<Vec<_>, _>>()?;
        let started_at = self
            .started
            .map_or_else(Utc::now, |t| t.with_timezone(&Utc));
        let content = CallContent {
            channel: self.channel,
            language: self.language,
            level: ConcernLevel::from_step(self.level)
                .ok_or_else(|| Failure::usage("--level is 0, 1, 2 or 3"))?,
            caller: Caller {
                relationship: self.caller_relationship,
                gender: self.caller_gender,
                identity,
            },
            person: PersonOfConcern {
                gender: self.person_gender,
                age_band: self.age_band,
                situation: self.situation,
                environment: self.environment,
            },
            referrals,
            next_steps,
            follow_up: self.follow_up,
            follow_up_done: self.follow_up_done,
            notes,
        };
        let ended_at = self
            .minutes
            .map(|m| started_at + chrono::Duration::minutes(m.into()));
        Ok((
            case,
            Call {
                started_at,
                ended_at,
                content,
            },
        ))
    }

    /// Reads standard input in the order `STDIN_ORDER` gives (after the passphrase), then the
    /// files, and takes each field from the one place it was given.
    fn given(&mut self, input: &mut Input) -> Result<Given, Failure> {
        if is_stdin(self.notes_file.as_deref()) && is_stdin(self.details_file.as_deref()) {
            return Err(Failure::usage(
                "--notes-file - and --details-file - cannot both read the rest of standard \
                 input; put the notes in the details document's \"notes\" field",
            ));
        }
        let case_line = self
            .case
            .take()
            .map(|given| input.case_number(given, CASE_INSTEAD))
            .transpose()?;
        let details = match &self.details_file {
            None => CallDetails::default(),
            Some(path) => CallDetails::parse(&input.document(&details::DOCUMENT, path)?)?,
        };
        let notes_file = self
            .notes_file
            .as_deref()
            .map(|path| input.document(&NOTES, path))
            .transpose()?;
        let contact = ContactDetails {
            name: once_typed(
                "contact_name",
                details.contact_name,
                self.contact_name.take(),
            )?,
            phone: once_typed(
                "contact_phone",
                details.contact_phone,
                self.contact_phone.take(),
            )?,
            email: once_typed(
                "contact_email",
                details.contact_email,
                self.contact_email.take(),
            )?,
        };
        Ok(Given {
            case: once(
                "case_number",
                "--case",
                details.case_number.map(Zeroizing::new),
                case_line,
            )?,
            identity: if contact == ContactDetails::default() {
                CallerIdentity::Anonymous
            } else {
                CallerIdentity::GaveContactDetails(contact)
            },
            next_steps: once_typed("next_steps", details.next_steps, self.next_steps.take())?
                .unwrap_or_default(),
            notes: once("notes", "--notes-file", details.notes, notes_file)?.unwrap_or_default(),
        })
    }
}

fn is_stdin(path: Option<&Path>) -> bool {
    path.is_some_and(|p| p.as_os_str() == "-")
}

/// A field given in the details document or as `option`, but not both: which one was meant
/// cannot be guessed.
fn once<T>(
    field: &str,
    option: &str,
    in_document: Option<T>,
    as_option: Option<T>,
) -> Result<Option<T>, Failure> {
    match (in_document, as_option) {
        (Some(_), Some(_)) => Err(Failure::usage(format!(
            "{field} is given twice, in the details document and as {option}; give it once"
        ))),
        (given, None) | (None, given) => Ok(given),
    }
}

/// `once`, for a field whose other place is its old option on the command line, which warns.
fn once_typed(
    field: &str,
    in_document: Option<String>,
    typed: Option<String>,
) -> Result<Option<String>, Failure> {
    let option = format!("--{}", field.replace('_', "-"));
    let was_typed = typed.is_some();
    let value = once(field, &option, in_document, typed)?;
    if was_typed {
        warn_on_command_line(
            &option,
            &format!("give \"{field}\" in --details-file instead (see `helpline call new --help`)"),
        );
    }
    Ok(value)
}

/// The case's history as text, one block a call, with escalations marked.
pub fn write_history(
    out: &mut impl Write,
    number: &str,
    open: bool,
    calls: &[RecordedCall],
) -> io::Result<()> {
    let state = if open { "open" } else { "closed" };
    writeln!(out, "Case {number} ({state}): {} call(s)", calls.len())?;
    for (i, recorded) in calls.iter().enumerate() {
        let (call, content) = (&recorded.call, &recorded.call.content);
        let when = call
            .started_at
            .with_timezone(&Local)
            .format("%Y-%m-%d %H:%M");
        let minutes = call
            .ended_at
            .map(|end| format!(", {} min", (end - call.started_at).num_minutes()))
            .unwrap_or_default();
        writeln!(out)?;
        writeln!(
            out,
            "Call {} on {when}{minutes}, {}, {}",
            i + 1,
            content.channel.code(),
            content.language.code()
        )?;
        let escalated = if recorded.escalated {
            "  ESCALATED"
        } else {
            ""
        };
        writeln!(
            out,
            "  Concern level: {} ({}){escalated}",
            content.level.step(),
            content.level.code()
        )?;
        let identity = match &content.caller.identity {
            CallerIdentity::Anonymous => "anonymous".to_string(),
            CallerIdentity::GaveContactDetails(c) => {
                let given: Vec<&str> = [&c.name, &c.phone, &c.email]
                    .into_iter()
                    .flatten()
                    .map(String::as_str)
                    .collect();
                format!("gave contact details: {}", given.join(", "))
            }
        };
        writeln!(
            out,
            "  Caller: {}, {}, {identity}",
            content.caller.relationship.code(),
            content.caller.gender.code()
        )?;
        let p = &content.person;
        writeln!(
            out,
            "  Person of concern: {}, age {}, {}, {}",
            p.gender.code(),
            p.age_band.code(),
            p.situation.code(),
            p.environment.code()
        )?;
        if !content.referrals.is_empty() {
            let codes: Vec<&str> = content.referrals.iter().map(ReferralCode::as_str).collect();
            writeln!(out, "  Referrals: {}", codes.join(", "))?;
        }
        if !content.next_steps.is_empty() {
            writeln!(out, "  Next steps: {}", content.next_steps)?;
        }
        if let Some(date) = content.follow_up {
            writeln!(out, "  Follow-up: {date}")?;
        }
        if !content.notes.is_empty() {
            writeln!(out, "  Notes:")?;
            for line in content.notes.lines() {
                writeln!(out, "    {line}")?;
            }
        }
    }
    Ok(())
}

/// The cases list as an aligned table, then how many of how many matching were shown.
pub fn write_case_list(out: &mut impl Write, list: &CaseListView) -> io::Result<()> {
    let header = [
        "CASE",
        "LEVEL",
        "HIGHEST",
        "FOLLOW-UP",
        "LAST CALL",
        "CALLS",
        "STATE",
    ];
    let rows: Vec<[String; 7]> = list
        .cases
        .iter()
        .map(|case| {
            let rose = if case.escalated { " rose" } else { "" };
            let follow_up = match (case.follow_up, case.follow_up_state) {
                (Some(day), Some(state)) => {
                    let state = match state {
                        FollowUpStateView::Overdue => "overdue",
                        FollowUpStateView::Today => "today",
                        FollowUpStateView::Later => "later",
                    };
                    format!("{day} {state}")
                }
                _ => "-".to_owned(),
            };
            let last_call = case.last_call_at.map_or_else(
                || "-".to_owned(),
                |at| {
                    at.with_timezone(&Local)
                        .format("%Y-%m-%d %H:%M")
                        .to_string()
                },
            );
            [
                case.case_number.clone(),
                format!("{}{rose}", case.latest_level.step()),
                case.highest_level.step().to_string(),
                follow_up,
                last_call,
                case.calls.to_string(),
                if case.open { "open" } else { "closed" }.to_owned(),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        padded.join("  ").trim_end().to_owned()
    };
    writeln!(out, "{}", line(header.to_vec()))?;
    for row in &rows {
        writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    writeln!(out, "{} of {} cases.", rows.len(), list.total)
}
