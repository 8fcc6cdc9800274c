//! What the helpline records, in its own words. Every enum has a stable snake_case code: it is
//! what the UI translates, what the CLI accepts and what is sealed into the store.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Longest notes a call may have, in characters: about ten pages of typing.
pub const MAX_NOTES_CHARS: usize = 50_000;
/// Longest "agreed next steps" text, in characters.
pub const MAX_NEXT_STEPS_CHARS: usize = 4_000;
/// Longest single contact detail (name, phone or e-mail), in characters.
pub const MAX_CONTACT_CHARS: usize = 200;
/// How many referrals one call can record (the list is the helpline's own and short).
pub const MAX_REFERRALS_PER_CALL: usize = 32;

use crate::code::coded_enum;
pub use crate::code::{Code, Role};
pub use crate::month::Month;

coded_enum! {
    /// How the caller reached the helpline; "not stated" when nobody chose, so that a value
    /// nobody chose is never counted as phone.
    Channel { Phone = "phone", Email = "email", NotStated = "not_stated" }
}

coded_enum! {
    /// The language the call was held in; "not stated" when nobody chose.
    Language {
        Swedish = "sv", English = "en", Arabic = "ar", Other = "other", NotStated = "not_stated",
    }
}

coded_enum! {
    /// The caller's relationship to the person they worry about.
    Relationship {
        Mother = "mother", Father = "father", Sibling = "sibling", OtherRelative = "other_relative",
        Partner = "partner", Friend = "friend", Professional = "professional", Other = "other",
        NotStated = "not_stated",
    }
}

coded_enum! {
    /// Gender of the caller or of the person of concern (the gender perspective the municipal
    /// strategies ask for).
    Gender { Woman = "woman", Man = "man", Other = "other", NotStated = "not_stated" }
}

coded_enum! {
    /// Age band of the person of concern; bands, never a birth date.
    AgeBand {
        Under15 = "under_15", From15To17 = "15_17", From18To20 = "18_20", From21To25 = "21_25",
        From26To30 = "26_30", Over30 = "over_30", Unknown = "unknown",
    }
}

coded_enum! {
    /// Where the person of concern is, as the caller describes it.
    Situation {
        Radicalising = "radicalising", PlanningToTravel = "planning_to_travel",
        InConflictZone = "in_conflict_zone", Returned = "returned", OtherOrUnknown = "other_unknown",
    }
}

coded_enum! {
    /// The environment the worry is about (the municipal situation reports' categories).
    Environment {
        ViolentIslamist = "violent_islamist", ViolentRightWing = "violent_right_wing",
        ViolentLeftWing = "violent_left_wing", ActingAloneOrUnclear = "acting_alone_unclear",
        CriminalNetwork = "criminal_network", OtherOrUnknown = "other_unknown",
    }
}

coded_enum! {
    /// The three-step concern level assessed during a call. The steps are cumulative: step 3
    /// means steps 1 and 2 are met too, so one value is the whole assessment and an inconsistent
    /// combination ("left for a transit country but no interest in the conflict") cannot be
    /// written down.
    ConcernLevel {
        NotAssessed = "not_assessed",
        /// 1: a strong interest in the conflict.
        StrongInterest = "strong_interest",
        /// 2: step 1, and has expressed a wish to change environment (to leave).
        WishToLeave = "wish_to_leave",
        /// 3: steps 1 and 2, and has already travelled to a transit country.
        InTransitCountry = "in_transit_country",
    }
}

impl ConcernLevel {
    /// The step number, 0 when not assessed.
    pub fn step(self) -> u8 {
        match self {
            ConcernLevel::NotAssessed => 0,
            ConcernLevel::StrongInterest => 1,
            ConcernLevel::WishToLeave => 2,
            ConcernLevel::InTransitCountry => 3,
        }
    }

    pub fn from_step(step: u8) -> Option<Self> {
        Self::ALL.iter().copied().find(|level| level.step() == step)
    }

    /// Whether step `step` (1..=3) is met at this level.
    pub fn meets(self, step: u8) -> bool {
        step >= 1 && step <= self.step()
    }
}

/// Contact details a caller chose to give (for a call-back, say). Sealed in the store and never
/// part of any statistic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ContactDetails {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// Whether the caller stays anonymous. Contact details exist only when they chose to give them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "choice", rename_all = "snake_case")]
pub enum CallerIdentity {
    Anonymous,
    GaveContactDetails(ContactDetails),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caller {
    pub relationship: Relationship,
    pub gender: Gender,
    pub identity: CallerIdentity,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonOfConcern {
    pub gender: Gender,
    pub age_band: AgeBand,
    pub situation: Situation,
    pub environment: Environment,
}

/// A referral code from the helpline's own list (see [`Referral`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ReferralCode(String);

impl TryFrom<String> for ReferralCode {
    type Error = Error;
    fn try_from(code: String) -> Result<Self> {
        ReferralCode::new(&code)
    }
}

impl From<ReferralCode> for String {
    fn from(code: ReferralCode) -> String {
        code.0
    }
}

impl ReferralCode {
    /// Codes are short lower-case words with underscores, so they are safe in every export.
    pub fn new(code: &str) -> Result<Self> {
        let ok = !code.is_empty()
            && code.len() <= MAX_REFERRAL_CODE_CHARS
            && code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if ok {
            Ok(ReferralCode(code.to_owned()))
        } else {
            Err(Error::ReferralCodeMalformed {
                max_chars: MAX_REFERRAL_CODE_CHARS,
            })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One entry of the helpline's referral list. Default entries carry a code the UI translates;
/// entries the helpline adds carry their own label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referral {
    pub code: ReferralCode,
    pub label: Option<String>,
}

/// The referral list a new store starts with (DESIGN §1, from the practice's own partners).
pub fn default_referrals() -> Vec<Referral> {
    [
        "psychologist",
        "psychiatrist",
        "school_counsellor",
        "former_extremist",
        "social_services",
        "religious_community",
        "ngo",
        "health_care",
    ]
    .iter()
    .map(|code| Referral {
        code: ReferralCode(code.to_string()),
        label: None,
    })
    .collect()
}

/// What the volunteer records during a call: everything but its times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallContent {
    pub channel: Channel,
    pub language: Language,
    pub level: ConcernLevel,
    pub caller: Caller,
    pub person: PersonOfConcern,
    pub referrals: Vec<ReferralCode>,
    pub next_steps: String,
    /// A day agreed for a call-back or other follow-up; it stays with the case until a later
    /// call changes it or does it.
    pub follow_up: Option<NaiveDate>,
    /// This call did the case's pending follow-up (the volunteer rang back, say).
    #[serde(default)]
    pub follow_up_done: bool,
    pub notes: String,
}

impl CallContent {
    /// A new call's form before anything is chosen: every answer "not stated" or "unknown".
    pub fn blank() -> Self {
        CallContent {
            channel: Channel::NotStated,
            language: Language::NotStated,
            level: ConcernLevel::NotAssessed,
            caller: Caller {
                relationship: Relationship::NotStated,
                gender: Gender::NotStated,
                identity: CallerIdentity::Anonymous,
            },
            person: PersonOfConcern {
                gender: Gender::NotStated,
                age_band: AgeBand::Unknown,
                situation: Situation::OtherOrUnknown,
                environment: Environment::OtherOrUnknown,
            },
            referrals: Vec::new(),
            next_steps: String::new(),
            follow_up: None,
            follow_up_done: false,
            notes: String::new(),
        }
    }

    /// A returning caller's new call starts from what the last call recorded about who is
    /// calling and about whom; the level, referrals, next steps and notes start empty.
    pub fn continuing(previous: &CallContent) -> Self {
        CallContent {
            channel: previous.channel,
            language: previous.language,
            caller: previous.caller.clone(),
            person: previous.person.clone(),
            ..CallContent::blank()
        }
    }

    /// The size limits, which even an autosaved draft must keep.
    pub fn check_limits(&self) -> Result<()> {
        if self.notes.chars().count() > MAX_NOTES_CHARS {
            return Err(Error::TooLong {
                field: "notes",
                max_chars: MAX_NOTES_CHARS,
            });
        }
        if self.next_steps.chars().count() > MAX_NEXT_STEPS_CHARS {
            return Err(Error::TooLong {
                field: "next_steps",
                max_chars: MAX_NEXT_STEPS_CHARS,
            });
        }
        if self.referrals.len() > MAX_REFERRALS_PER_CALL {
            return Err(Error::TooMany {
                field: "referrals",
                max: MAX_REFERRALS_PER_CALL,
            });
        }
        if let CallerIdentity::GaveContactDetails(contact) = &self.caller.identity {
            for (field, value) in [
                ("contact_name", &contact.name),
                ("contact_phone", &contact.phone),
                ("contact_email", &contact.email),
            ] {
                if value
                    .as_deref()
                    .is_some_and(|v| v.chars().count() > MAX_CONTACT_CHARS)
                {
                    return Err(Error::TooLong {
                        field,
                        max_chars: MAX_CONTACT_CHARS,
                    });
                }
            }
        }
        Ok(())
    }

    /// Everything a finished call must satisfy.
    pub fn validate(&self) -> Result<()> {
        self.check_limits()?;
        if let CallerIdentity::GaveContactDetails(contact) = &self.caller.identity {
            let blank = |v: &Option<String>| v.as_deref().is_none_or(|v| v.trim().is_empty());
            if blank(&contact.name) && blank(&contact.phone) && blank(&contact.email) {
                return Err(Error::ContactDetailsMissing);
            }
        }
        Ok(())
    }
}

/// One call: when it happened and what was recorded. The whole value is sealed; only the month
/// it belongs to is stored in plain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Call {
    pub started_at: DateTime<Utc>,
    /// None when how long the call lasted was not recorded.
    pub ended_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub content: CallContent,
}

impl Call {
    pub fn validate(&self) -> Result<()> {
        self.content.validate()?;
        if self.ended_at.is_some_and(|ended| ended < self.started_at) {
            return Err(Error::InvalidInput {
                field: "ended_at",
                reason: "a call cannot end before it started".into(),
            });
        }
        Ok(())
    }

    /// The month (in this machine's time zone, as the helpline reckons its months) a call is
    /// counted in; the only part of its time kept in plain.
    pub fn month(&self) -> Month {
        Month::of(self.started_at)
    }
}

impl Month {
    pub fn new(year: i32, month: u32) -> Result<Self> {
        Month::checked(year, month).ok_or_else(|| Error::InvalidInput {
            field: "month",
            reason: format!("{year}-{month} is not a month"),
        })
    }
}

impl std::str::FromStr for Month {
    type Err = Error;
    fn from_str(text: &str) -> Result<Self> {
        let bad = || Error::InvalidInput {
            field: "month",
            reason: format!("{text:?} is not a month written YYYY-MM"),
        };
        let (year, month) = text.split_once('-').ok_or_else(bad)?;
        if year.len() != 4
            || month.len() != 2
            || !year
                .bytes()
                .chain(month.bytes())
                .all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        Month::new(
            year.parse().map_err(|_| bad())?,
            month.parse().map_err(|_| bad())?,
        )
    }
}

impl TryFrom<String> for Month {
    type Error = Error;
    fn try_from(text: String) -> Result<Self> {
        text.parse()
    }
}

/// A transit country (DESIGN §1: the seed names Turkey, Jordan and Lebanon), as an ISO 3166-1
/// alpha-2 code, so each UI language names it in its own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode(String);

impl TryFrom<String> for CountryCode {
    type Error = Error;
    fn try_from(code: String) -> Result<Self> {
        if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(CountryCode(code))
        } else {
            Err(Error::InvalidInput {
                field: "country",
                reason: format!("{code:?} is not a two-letter country code such as TR"),
            })
        }
    }
}

impl From<CountryCode> for String {
    fn from(code: CountryCode) -> String {
        code.0
    }
}

/// Minutes of inactivity before the desktop app locks itself.
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 5;
pub const MAX_IDLE_LOCK_MINUTES: u32 = 120;
/// The longest retention period a supervisor can set, in months (ten years).
pub const MAX_RETENTION_MONTHS: u32 = 120;
/// Bounds of the helpline's own lists, so a settings value stays small.
pub const MAX_REFERRALS: usize = 64;
/// Longest referral code, in characters (a-z, 0-9 and _).
pub const MAX_REFERRAL_CODE_CHARS: usize = 40;
pub const MAX_REFERRAL_LABEL_CHARS: usize = 80;
pub const MAX_TRANSIT_COUNTRIES: usize = 32;

/// The settings supervisors keep for the whole helpline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelplineSettings {
    pub referrals: Vec<Referral>,
    pub transit_countries: Vec<CountryCode>,
    pub idle_lock_minutes: u32,
    /// How long case content is kept after a case's last call; None: until it is forgotten.
    #[serde(default)]
    pub retention_months: Option<u32>,
}

impl Default for HelplineSettings {
    fn default() -> Self {
        HelplineSettings {
            referrals: default_referrals(),
            transit_countries: ["TR", "JO", "LB"]
                .iter()
                .map(|c| CountryCode(c.to_string()))
                .collect(),
            idle_lock_minutes: DEFAULT_IDLE_LOCK_MINUTES,
            retention_months: None,
        }
    }
}

/// Checks a referral list a supervisor wants to save: unique codes, short labels.
pub fn check_referrals(referrals: &[Referral]) -> Result<()> {
    if referrals.len() > MAX_REFERRALS {
        return Err(Error::TooMany {
            field: "referrals",
            max: MAX_REFERRALS,
        });
    }
    let mut seen = std::collections::BTreeSet::new();
    for referral in referrals {
        if !seen.insert(&referral.code) {
            return Err(Error::InvalidInput {
                field: "referrals",
                reason: format!("{:?} is listed twice", referral.code.as_str()),
            });
        }
        if let Some(label) = &referral.label {
            if label.chars().count() > MAX_REFERRAL_LABEL_CHARS {
                return Err(Error::TooLong {
                    field: "referral_label",
                    max_chars: MAX_REFERRAL_LABEL_CHARS,
                });
            }
            if label.trim().is_empty() || label.chars().any(char::is_control) {
                return Err(Error::InvalidInput {
                    field: "referrals",
                    reason: format!(
                        "a label is 1 to {MAX_REFERRAL_LABEL_CHARS} characters of text"
                    ),
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concern_levels_are_cumulative() {
        let three = ConcernLevel::InTransitCountry;
        assert!(three.meets(1) && three.meets(2) && three.meets(3));
        let one = ConcernLevel::StrongInterest;
        assert!(one.meets(1) && !one.meets(2) && !one.meets(3));
        assert!(!ConcernLevel::NotAssessed.meets(1));
        assert!(!three.meets(0));
        for level in ConcernLevel::ALL {
            assert_eq!(ConcernLevel::from_step(level.step()), Some(*level));
        }
        assert_eq!(ConcernLevel::from_step(4), None);
    }

    #[test]
    fn a_blank_call_states_no_channel_and_no_language() {
        let blank = CallContent::blank();
        assert_eq!(
            (blank.channel, blank.language),
            (Channel::NotStated, Language::NotStated)
        );
        assert_eq!(Channel::from_code("not_stated"), Some(Channel::NotStated));
        assert_eq!(Language::from_code("not_stated"), Some(Language::NotStated));
    }

    #[test]
    fn codes_round_trip_and_match_serde() {
        for env in Environment::ALL {
            assert_eq!(Environment::from_code(env.code()), Some(*env));
            assert_eq!(
                serde_json::to_string(env).unwrap(),
                format!("\"{}\"", env.code())
            );
        }
        assert_eq!(AgeBand::from_code("15_17"), Some(AgeBand::From15To17));
        assert_eq!(Channel::from_code("fax"), None);
    }

    #[test]
    fn months_read_and_count() {
        let m: Month = "2026-11".parse().unwrap();
        assert_eq!(m.to_string(), "2026-11");
        assert_eq!(m.next().to_string(), "2026-12");
        assert_eq!(m.next().next().to_string(), "2027-01");
        assert_eq!(
            "2026-01".parse::<Month>().unwrap().previous().to_string(),
            "2025-12"
        );
        assert_eq!(
            "2026-10"
                .parse::<Month>()
                .unwrap()
                .through("2027-01".parse().unwrap())
                .len(),
            4
        );
        assert!(m.through("2026-10".parse().unwrap()).is_empty());
        for bad in ["2026-13", "2026-1", "26-11", "2026/11", "2026-00", "x"] {
            assert_eq!(
                bad.parse::<Month>().unwrap_err().code(),
                "invalid_argument",
                "{bad}"
            );
        }
    }

    #[test]
    fn referral_codes_are_checked() {
        assert!(ReferralCode::new("school_counsellor").is_ok());
        for bad in ["", "Social services", "a;b", &"x".repeat(41)] {
            let error = ReferralCode::new(bad).unwrap_err();
            assert_eq!(error.code(), "referral_code_malformed");
            // The limit travels with the error, so the UI need not know it.
            assert_eq!(
                error.limit(),
                Some(crate::error::Limit {
                    field: "referral",
                    min: Some(1),
                    max: 40
                })
            );
        }
    }
}
