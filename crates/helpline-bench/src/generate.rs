//! A deterministic generator of realistic calls: the same seed gives the same cases, call for
//! call (the store then draws its own random case numbers, keys and row ids, as it must).
//!
//! Proportions are plausible for the helpline, not measured: most cases have one call, a few
//! many; Swedish is the most common language, then Arabic and English; most calls are by
//! phone; concern levels are mostly step 1 and drift up or down between calls. Calls are
//! spread over the ten years before [`END`].

use chrono::{DateTime, Duration, TimeZone, Utc};
use helpline_core::{
    AgeBand, Call, CallContent, CallerIdentity, Channel, ConcernLevel, ContactDetails, Environment,
    Gender, Language, ReferralCode, Relationship, Situation,
};
use rand::distributions::{Distribution, WeightedIndex};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The generated calls end here (a fixed moment, so a seed always gives the same calls).
pub const END: (i32, u32, u32) = (2026, 10, 31);
/// How many years of calls, up to [`END`].
pub const YEARS: i64 = 10;
/// Every this-many-th case has exactly [`LONG_CASE_CALLS`] calls (the benchmarks open one).
pub const LONG_CASE_EVERY: usize = 50;
pub const LONG_CASE_CALLS: usize = 10;

const SWEDISH: &[&str] = &[
    "mamma",
    "sonen",
    "dottern",
    "orolig",
    "har",
    "slutat",
    "träffa",
    "sina",
    "vänner",
    "pratar",
    "om",
    "att",
    "resa",
    "till",
    "kriget",
    "skolan",
    "hemma",
    "nätter",
    "telefonen",
    "videor",
    "moskén",
    "gruppen",
    "nya",
    "kompisar",
    "kurator",
    "socialtjänsten",
    "polisen",
    "vill",
    "inte",
    "berätta",
    "vad",
    "han",
    "hon",
    "gör",
    "känner",
    "sig",
    "ensam",
    "rädd",
    "pengar",
    "pass",
    "flyg",
    "Turkiet",
    "ringer",
    "tillbaka",
    "nästa",
    "vecka",
    "samtal",
    "stöd",
];
const ENGLISH: &[&str] = &[
    "mother",
    "son",
    "daughter",
    "worried",
    "has",
    "stopped",
    "seeing",
    "friends",
    "talks",
    "about",
    "travelling",
    "to",
    "the",
    "war",
    "school",
    "home",
    "nights",
    "phone",
    "videos",
    "new",
    "group",
    "online",
    "counsellor",
    "social",
    "services",
    "wants",
    "to",
    "know",
    "what",
    "he",
    "she",
    "does",
    "feels",
    "alone",
    "afraid",
    "money",
    "passport",
    "flight",
    "calls",
    "back",
    "next",
    "week",
    "support",
    "family",
    "brother",
    "changed",
    "angry",
    "quiet",
];
const ARABIC: &[&str] = &[
    "الأم",
    "الابن",
    "الابنة",
    "قلقة",
    "توقف",
    "عن",
    "رؤية",
    "أصدقائه",
    "يتحدث",
    "السفر",
    "إلى",
    "الحرب",
    "المدرسة",
    "البيت",
    "الليل",
    "الهاتف",
    "فيديوهات",
    "مجموعة",
    "جديدة",
    "أصدقاء",
    "المرشد",
    "الخدمات",
    "الاجتماعية",
    "يريد",
    "لا",
    "يقول",
    "ماذا",
    "يفعل",
    "يشعر",
    "وحيد",
    "خائف",
    "مال",
    "جواز",
    "طيران",
    "تركيا",
    "يتصل",
    "الأسبوع",
    "القادم",
    "دعم",
    "العائلة",
    "الأخ",
    "تغير",
    "غاضب",
    "هادئ",
    "المسجد",
    "الإنترنت",
    "الشرطة",
];

/// Draws cases of calls, deterministically from a seed.
pub struct Generator {
    rng: ChaCha8Rng,
    cases: usize,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

impl Generator {
    pub fn new(seed: u64) -> Self {
        let end = Utc
            .with_ymd_and_hms(END.0, END.1, END.2, 18, 0, 0)
            .single()
            .expect("END is a valid moment");
        Generator {
            rng: ChaCha8Rng::seed_from_u64(seed),
            cases: 0,
            start: end - Duration::days(365 * YEARS),
            end,
        }
    }

    /// The next case: its calls, oldest first.
    pub fn case(&mut self) -> Vec<Call> {
        let calls = if self.cases.is_multiple_of(LONG_CASE_EVERY) {
            LONG_CASE_CALLS
        } else {
            self.calls_per_case()
        };
        self.cases += 1;
        let span = (self.end - self.start).num_seconds();
        let mut at = self.start + Duration::seconds(self.rng.gen_range(0..span));
        let mut level = self.first_level();
        let mut content = self.first_content();
        let mut case = Vec::with_capacity(calls);
        for n in 0..calls {
            if n > 0 {
                // Callers ring back after days or weeks; the last calls of old cases may fall
                // after END, which is fine: END only fixes the seed's meaning.
                at += Duration::hours(self.rng.gen_range(6..24 * 45));
                level = self.next_level(level);
                content = CallContent::continuing(&content);
                content.channel = self.channel();
            }
            content.level = level;
            content.notes = self.notes(content.language);
            content.next_steps = if self.rng.gen_bool(0.5) {
                self.text(content.language, 40, 200)
            } else {
                String::new()
            };
            content.referrals = self.referrals();
            content.follow_up = self
                .rng
                .gen_bool(0.2)
                .then(|| at.date_naive() + Duration::days(self.rng.gen_range(3..30)));
            let ended_at = self
                .rng
                .gen_bool(0.85)
                .then(|| at + Duration::minutes(self.rng.gen_range(3..75)));
            case.push(Call {
                started_at: at,
                ended_at,
                content: content.clone(),
            });
        }
        case
    }

    /// Cases until `calls` calls in all (the last case may be cut short).
    pub fn cases_with_calls(&mut self, calls: usize) -> Vec<Vec<Call>> {
        let mut cases = Vec::new();
        let mut left = calls;
        while left > 0 {
            let mut case = self.case();
            case.truncate(left);
            left -= case.len();
            cases.push(case);
        }
        cases
    }

    fn calls_per_case(&mut self) -> usize {
        // 1: 55 %, 2: 20 %, 3: 10 %, then a long tail up to 30.
        match self.rng.gen_range(0..100) {
            0..55 => 1,
            55..75 => 2,
            75..85 => 3,
            85..95 => self.rng.gen_range(4..8),
            _ => self.rng.gen_range(8..31),
        }
    }

    fn pick<T: Copy>(&mut self, choices: &[(T, u32)]) -> T {
        let weights =
            WeightedIndex::new(choices.iter().map(|(_, w)| *w)).expect("the weights are positive");
        choices[weights.sample(&mut self.rng)].0
    }

    fn channel(&mut self) -> Channel {
        self.pick(&[(Channel::Phone, 80), (Channel::Email, 20)])
    }

    fn first_level(&mut self) -> ConcernLevel {
        self.pick(&[
            (ConcernLevel::NotAssessed, 30),
            (ConcernLevel::StrongInterest, 45),
            (ConcernLevel::WishToLeave, 18),
            (ConcernLevel::InTransitCountry, 7),
        ])
    }

    fn next_level(&mut self, level: ConcernLevel) -> ConcernLevel {
        let step = level.step();
        let next = match self.rng.gen_range(0..100) {
            0..70 => step,
            70..85 => (step + 1).min(3),
            _ => step.saturating_sub(1),
        };
        ConcernLevel::from_step(next).unwrap_or(level)
    }

    fn first_content(&mut self) -> CallContent {
        let mut content = CallContent::blank();
        content.channel = self.channel();
        content.language = self.pick(&[
            (Language::Swedish, 55),
            (Language::Arabic, 25),
            (Language::English, 15),
            (Language::Other, 5),
        ]);
        content.caller.relationship = self.pick(&[
            (Relationship::Mother, 45),
            (Relationship::Father, 15),
            (Relationship::Sibling, 10),
            (Relationship::OtherRelative, 8),
            (Relationship::Partner, 4),
            (Relationship::Friend, 6),
            (Relationship::Professional, 7),
            (Relationship::Other, 2),
            (Relationship::NotStated, 3),
        ]);
        content.caller.gender = match content.caller.relationship {
            Relationship::Mother => Gender::Woman,
            Relationship::Father => Gender::Man,
            _ => self.pick(&[
                (Gender::Woman, 55),
                (Gender::Man, 40),
                (Gender::Other, 1),
                (Gender::NotStated, 4),
            ]),
        };
        if self.rng.gen_bool(0.1) {
            content.caller.identity = CallerIdentity::GaveContactDetails(ContactDetails {
                name: Some(format!("Caller {}", self.rng.gen_range(1000..9999))),
                phone: Some(format!(
                    "+46 70 {:03} {:02} {:02}",
                    self.rng.gen_range(0..1000),
                    self.rng.gen_range(0..100),
                    self.rng.gen_range(0..100)
                )),
                email: None,
            });
        }
        content.person.gender = self.pick(&[
            (Gender::Man, 75),
            (Gender::Woman, 22),
            (Gender::Other, 1),
            (Gender::NotStated, 2),
        ]);
        content.person.age_band = self.pick(&[
            (AgeBand::Under15, 5),
            (AgeBand::From15To17, 25),
            (AgeBand::From18To20, 30),
            (AgeBand::From21To25, 22),
            (AgeBand::From26To30, 8),
            (AgeBand::Over30, 5),
            (AgeBand::Unknown, 5),
        ]);
        content.person.situation = self.pick(&[
            (Situation::Radicalising, 55),
            (Situation::PlanningToTravel, 15),
            (Situation::InConflictZone, 8),
            (Situation::Returned, 7),
            (Situation::OtherOrUnknown, 15),
        ]);
        content.person.environment = self.pick(&[
            (Environment::ViolentIslamist, 45),
            (Environment::ViolentRightWing, 25),
            (Environment::ViolentLeftWing, 5),
            (Environment::ActingAloneOrUnclear, 12),
            (Environment::CriminalNetwork, 5),
            (Environment::OtherOrUnknown, 8),
        ]);
        content
    }

    fn referrals(&mut self) -> Vec<ReferralCode> {
        const CODES: &[&str] = &[
            "social_services",
            "psychologist",
            "school_counsellor",
            "former_extremist",
            "ngo",
            "health_care",
        ];
        let count = self.pick(&[(0usize, 55), (1, 35), (2, 10)]);
        let mut chosen: Vec<&str> = Vec::with_capacity(count);
        while chosen.len() < count {
            let code = CODES[self.rng.gen_range(0..CODES.len())];
            if !chosen.contains(&code) {
                chosen.push(code);
            }
        }
        chosen
            .into_iter()
            .map(|c| ReferralCode::new(c).expect("a default referral code"))
            .collect()
    }

    /// Notes of 200 to 3,000 characters, mostly short.
    fn notes(&mut self, language: Language) -> String {
        let length = if self.rng.gen_bool(0.7) {
            self.rng.gen_range(200..900)
        } else {
            self.rng.gen_range(900..=3000)
        };
        self.text(language, length, length)
    }

    /// Sentences in the call's language, `min` to `max` characters long.
    fn text(&mut self, language: Language, min: usize, max: usize) -> String {
        let words = match language {
            Language::Arabic => ARABIC,
            Language::English => ENGLISH,
            // The notes of a call whose language was not stated are written in the helpline's own.
            Language::Swedish | Language::Other | Language::NotStated => SWEDISH,
        };
        let target = self.rng.gen_range(min..=max);
        let mut text = String::with_capacity(target * 2);
        let mut chars = 0;
        let mut sentence = 0;
        while chars < target {
            let word = words[self.rng.gen_range(0..words.len())];
            if chars > 0 {
                let separator = if sentence > 8 && self.rng.gen_bool(0.2) {
                    sentence = 0;
                    ". "
                } else {
                    " "
                };
                text.push_str(separator);
                chars += separator.chars().count();
            }
            text.push_str(word);
            chars += word.chars().count();
            sentence += 1;
        }
        // Cut on a character boundary at the target length.
        text.chars().take(max.max(min)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_the_same_calls_and_another_seed_others() {
        let a = Generator::new(7).cases_with_calls(500);
        let b = Generator::new(7).cases_with_calls(500);
        let c = Generator::new(8).cases_with_calls(500);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.iter().map(Vec::len).sum::<usize>(), 500);
    }

    #[test]
    fn the_calls_are_valid_and_in_plausible_proportions() {
        let cases = Generator::new(1).cases_with_calls(20_000);
        let calls: Vec<&Call> = cases.iter().flatten().collect();
        for call in &calls {
            call.validate().expect("a generated call is valid");
            let chars = call.content.notes.chars().count();
            assert!((200..=3000).contains(&chars), "notes of {chars} characters");
        }
        let share = |f: &dyn Fn(&Call) -> bool| {
            calls.iter().filter(|c| f(c)).count() as f64 / calls.len() as f64
        };
        let swedish = share(&|c| c.content.language == Language::Swedish);
        let arabic = share(&|c| c.content.language == Language::Arabic);
        assert!((0.45..0.65).contains(&swedish), "{swedish}");
        assert!((0.18..0.32).contains(&arabic), "{arabic}");
        assert!(calls.iter().any(|c| c.content.notes.contains("الأم")));
        let single = cases.iter().filter(|c| c.len() == 1).count() as f64 / cases.len() as f64;
        assert!((0.4..0.65).contains(&single), "{single}");
        assert!(cases
            .iter()
            .step_by(LONG_CASE_EVERY)
            .all(|c| c.len() == LONG_CASE_CALLS
                || c.len() < LONG_CASE_CALLS && std::ptr::eq(c, cases.last().unwrap())));
        let years: std::collections::BTreeSet<i32> = calls
            .iter()
            .map(|c| chrono::Datelike::year(&c.started_at))
            .collect();
        assert!(years.len() >= 10, "{years:?}");
    }
}
