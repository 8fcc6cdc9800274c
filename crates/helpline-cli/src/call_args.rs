//! `helpline call new`'s options, and how a case's history and the cases list are printed.

use std::io::{self, Read, Write};
use std::path::PathBuf;

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

use crate::input::Input;
use crate::Failure;

/// Accepts exactly the stable codes of a domain enum, and lists them in `--help`.
fn code<T: Code + Send + Sync + Clone>() -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(T::ALL.iter().map(|v| v.code())).try_map(|text| {
        T::from_code(&text)
            .ok_or_else(|| clap::Error::raw(clap::error::ErrorKind::InvalidValue, "unknown code"))
    })
}

#[derive(Args)]
pub struct CallArgs {
    /// Continue this case (its number, however typed); without it a new case is opened.
    #[arg(long, value_name = "NUMBER")]
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
    /// Only when the caller chooses to give contact details (sealed, never in statistics).
    #[arg(long)]
    contact_name: Option<String>,
    #[arg(long)]
    contact_phone: Option<String>,
    #[arg(long)]
    contact_email: Option<String>,
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
    #[arg(long, default_value = "")]
    next_steps: String,
    /// Follow-up date, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    follow_up: Option<NaiveDate>,
    /// This call did the case's pending follow-up (a follow-up stays with the case until a
    /// call does it or sets another).
    #[arg(long)]
    follow_up_done: bool,
    /// The notes, from a UTF-8 text file; `-` reads standard input (after any passphrase lines).
    #[arg(long, value_name = "PATH")]
    notes_file: Option<PathBuf>,
    /// When the call started (RFC 3339, e.g. 2026-11-21T14:05:00+01:00) [default: now].
    #[arg(long, value_name = "TIME")]
    started: Option<DateTime<chrono::FixedOffset>>,
    /// How long the call lasted, in minutes (leave out when not known).
    #[arg(long, value_parser = clap::value_parser!(u32).range(0..=24 * 60))]
    minutes: Option<u32>,
}

impl CallArgs {
    /// The call, and the case number as given (checked by the application layer).
    pub fn into_call(self, input: &mut Input) -> Result<(Option<String>, Call), Failure> {
        let case = self.case;
        let contact = ContactDetails {
            name: self.contact_name,
            phone: self.contact_phone,
            email: self.contact_email,
        };
        let identity = if contact == ContactDetails::default() {
            CallerIdentity::Anonymous
        } else {
            CallerIdentity::GaveContactDetails(contact)
        };
        let referrals = self
            .referrals
            .iter()
            .map(|r| ReferralCode::new(r))
            .collect::<Result<Vec<_>, _>>()?;
        let started_at = self
            .started
            .map_or_else(Utc::now, |t| t.with_timezone(&Utc));
        let notes = match &self.notes_file {
            None => String::new(),
            Some(path) if path.as_os_str() == "-" => input.rest_of_stdin()?,
            Some(path) => read_notes(path)?,
        };
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
            next_steps: self.next_steps,
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
}

fn read_notes(path: &PathBuf) -> Result<String, Failure> {
    let failure = |e: io::Error| {
        Failure::usage(format!(
            "could not read the notes file {}: {e}",
            path.display()
        ))
    };
    let file = std::fs::File::open(path).map_err(failure)?;
    // Reads one byte past the most the limit allows (4 bytes a character), so an enormous file
    // is refused without being read whole.
    let mut bytes = Vec::new();
    file.take((MAX_NOTES_CHARS * 4 + 1) as u64)
        .read_to_end(&mut bytes)
        .map_err(failure)?;
    String::from_utf8(bytes).map_err(|_| {
        Failure::usage(format!(
            "the notes file {} is not UTF-8 text",
            path.display()
        ))
    })
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
