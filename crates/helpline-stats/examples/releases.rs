//! Writes releases of statistics for the independent disclosure audit (`tests/stats/audit.py`):
//! random small months, months built to break protection across tables, several months with
//! their total over the period, and sequences of releases that share months, each in every
//! format and with the true counts beside them (`truth.json`).
//!
//!     cargo run -p helpline-stats --example releases -- OUT_DIR [SEEDS]
//!
//! Each collection goes in a folder of its own under OUT_DIR: what one attacker holds.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{Duration, TimeZone, Utc};
use helpline_core::tally::count_cases;
use helpline_core::{
    default_referrals, AgeBand, Call, CallContent, Channel, ConcernLevel, Environment, Gender,
    Language, Month, RecordedCall, Referral, ReferralCode, Relationship, Situation,
};
use helpline_stats::export::{self, Format, Report};
use helpline_stats::labels::{Labels, ReportLanguage};
use helpline_stats::register::Recorded;
use helpline_stats::release::{protect_release, Request};
use helpline_stats::suppression::Threshold;
use rand::distributions::{Distribution, WeightedIndex};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: releases OUT_DIR [SEEDS]");
        std::process::exit(2);
    };
    let seeds: u64 = match args.next().map(|s| s.parse()) {
        None => 300,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("SEEDS is a number");
            std::process::exit(2);
        }
    };
    let out = Path::new(&out);
    let april: Month = "2026-04".parse().expect("a month");
    let year = |n: usize| {
        let january: Month = "2026-01".parse().expect("a month");
        january.through((1..n).fold(january, |m, _| m.next()))
    };
    for seed in 0..seeds {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let calls = rng.gen_range(5..=35);
        let cases = random_cases(&mut rng, &[april], calls);
        let k = if seed % 10 == 9 { 3 } else { 5 };
        let mut collection = Collection::new(out.join(format!("random-{seed:04}")), &cases, k);
        collection.release("release", &[april], false);
        collection.finish();
    }
    for (name, cases) in adversarial(april) {
        let mut collection = Collection::new(out.join(format!("adversarial-{name}")), &cases, 5);
        collection.release("release", &[april], false);
        collection.finish();
    }
    // Several months at once, with their total over the period.
    for seed in 0..seeds / 10 {
        let mut rng = ChaCha8Rng::seed_from_u64(10_000 + seed);
        let months = year([2, 3, 6, 12][seed as usize % 4]);
        let calls = rng.gen_range(5..=25) * months.len();
        let cases = random_cases(&mut rng, &months, calls);
        let mut collection = Collection::new(out.join(format!("period-{seed:03}")), &cases, 5);
        collection.release("release", &months, true);
        collection.finish();
    }
    // Months published one by one, then again with a period, then overlapping periods: every
    // export one attacker could hold, in the order a helpline would make them.
    for seed in 0..seeds / 20 {
        let mut rng = ChaCha8Rng::seed_from_u64(20_000 + seed);
        let months = year(6);
        let calls = rng.gen_range(5..=20) * months.len();
        let cases = random_cases(&mut rng, &months, calls);
        let mut collection = Collection::new(out.join(format!("sequence-{seed:03}")), &cases, 5);
        collection.release("january", &months[0..1], false);
        // Written in January after it was published (the store refuses such calls; a month
        // published must not change even so), and in February before it is.
        let late = random_cases(&mut rng, &months[0..2], 3);
        collection.cases.extend(late);
        collection.release("february", &months[1..2], false);
        collection.release("january-again", &months[0..1], false);
        collection.release("first-quarter", &months[0..3], true);
        collection.release("february-to-may", &months[1..5], true);
        collection.release("half-year", &months, true);
        collection.release("first-quarter-again", &months[0..3], true);
        collection.finish();
    }
}

/// What one attacker holds: every release made from the same cases, in order, each protected
/// against those before it (as the store's register of publications does).
struct Collection {
    dir: PathBuf,
    cases: Vec<Vec<RecordedCall>>,
    k: Threshold,
    register: Vec<Recorded>,
}

impl Collection {
    fn new(dir: PathBuf, cases: &[Vec<RecordedCall>], k: u64) -> Self {
        std::fs::create_dir_all(&dir).expect("the output folder");
        Collection {
            dir,
            cases: cases.to_vec(),
            k: Threshold::new(k).expect("k from 3"),
            register: Vec::new(),
        }
    }

    fn release(&mut self, name: &str, months: &[Month], period_total: bool) {
        // A helpline's own referral whose label a spreadsheet would run, were the CSV not to
        // neutralise it: the audit reads it back from every format.
        let mut referrals = default_referrals();
        referrals.push(Referral {
            code: ReferralCode::new("formula_link").expect("a referral code"),
            label: Some("=HYPERLINK(\"x\",\"y\")".into()),
        });
        let request = Request {
            months: months.to_vec(),
            period_total,
            k: self.k,
        };
        let release = protect_release(&request, &self.register, &referrals, |wanted| {
            Ok(count_cases(&self.cases, wanted))
        })
        .expect("the release is protected");
        self.register.extend(release.new_columns);
        let labels = Labels::new(ReportLanguage::En, &referrals);
        let report = Report {
            statistics: &release.statistics,
            labels: &labels,
        };
        for format in [Format::Json, Format::Csv, Format::Xlsx, Format::Html] {
            let path = self.dir.join(format!("{name}.{}", format.extension()));
            export::write_file(&report, format, &path).expect("the export is written");
        }
    }

    /// The counts every month was published from.
    fn finish(self) {
        let truth: BTreeMap<String, serde_json::Value> = self
            .register
            .iter()
            .filter(|r| r.months.len() == 1)
            .map(|r| {
                let tables: BTreeMap<&String, BTreeMap<&String, u64>> = r
                    .column
                    .tables
                    .iter()
                    .map(|(id, t)| (id, t.cells.iter().map(|(c, n)| (c, n.truth)).collect()))
                    .collect();
                let timed = r.column.call_time.map_or(0, |t| t.calls_timed.truth);
                (
                    r.months[0].to_string(),
                    serde_json::json!({ "tables": tables, "calls_timed": timed }),
                )
            })
            .collect();
        let truth = serde_json::json!({ "months": truth });
        std::fs::write(
            self.dir.join("truth.json"),
            serde_json::to_vec_pretty(&truth).expect("plain data"),
        )
        .expect("truth.json is written");
    }
}

/// Picks one of `options` with the given weights.
fn pick<T: Copy>(rng: &mut ChaCha8Rng, options: &[(T, u32)]) -> T {
    let weights = WeightedIndex::new(options.iter().map(|(_, w)| *w)).expect("weights");
    options[weights.sample(rng)].0
}

fn call_at(month: Month, day: u32, minutes: Option<i64>, content: CallContent) -> Call {
    let started = Utc
        .with_ymd_and_hms(month.year(), month.number(), day, 12, 0, 0)
        .single()
        .expect("a day of the month");
    Call {
        started_at: started,
        ended_at: minutes.map(|m| started + Duration::minutes(m)),
        content,
    }
}

/// Cases whose calls in `months` add up to about `calls` calls; some began the month before.
fn random_cases(rng: &mut ChaCha8Rng, months: &[Month], calls: usize) -> Vec<Vec<RecordedCall>> {
    use ConcernLevel::*;
    let referrals = default_referrals();
    let mut cases = Vec::new();
    let mut counted = 0;
    while counted < calls {
        let mut content = CallContent::blank();
        content.caller.relationship = pick(
            rng,
            &[
                (Relationship::Mother, 40),
                (Relationship::Father, 15),
                (Relationship::Sibling, 10),
                (Relationship::OtherRelative, 5),
                (Relationship::Partner, 5),
                (Relationship::Friend, 10),
                (Relationship::Professional, 10),
                (Relationship::Other, 2),
                (Relationship::NotStated, 3),
            ],
        );
        content.caller.gender = pick(
            rng,
            &[
                (Gender::Woman, 65),
                (Gender::Man, 30),
                (Gender::Other, 1),
                (Gender::NotStated, 4),
            ],
        );
        content.person.gender = pick(
            rng,
            &[
                (Gender::Man, 70),
                (Gender::Woman, 25),
                (Gender::NotStated, 5),
            ],
        );
        content.person.age_band = pick(
            rng,
            &[
                (AgeBand::Under15, 5),
                (AgeBand::From15To17, 25),
                (AgeBand::From18To20, 30),
                (AgeBand::From21To25, 20),
                (AgeBand::From26To30, 10),
                (AgeBand::Over30, 5),
                (AgeBand::Unknown, 5),
            ],
        );
        content.person.situation = pick(
            rng,
            &[
                (Situation::Radicalising, 50),
                (Situation::PlanningToTravel, 20),
                (Situation::InConflictZone, 10),
                (Situation::Returned, 10),
                (Situation::OtherOrUnknown, 10),
            ],
        );
        content.person.environment = pick(
            rng,
            &[
                (Environment::ViolentIslamist, 45),
                (Environment::ViolentRightWing, 25),
                (Environment::ViolentLeftWing, 5),
                (Environment::ActingAloneOrUnclear, 10),
                (Environment::CriminalNetwork, 10),
                (Environment::OtherOrUnknown, 5),
            ],
        );
        let mut calls_of_case = Vec::new();
        if rng.gen_bool(0.3) {
            let before = months[0].previous();
            let mut first = content.clone();
            first.level = pick(
                rng,
                &[(NotAssessed, 20), (StrongInterest, 60), (WishToLeave, 20)],
            );
            calls_of_case.push(call_at(before, rng.gen_range(1..=28), Some(10), first));
        }
        let in_months = pick(rng, &[(1, 75), (2, 20), (3, 5)]);
        for _ in 0..in_months {
            let month = months[rng.gen_range(0..months.len())];
            let mut call = content.clone();
            call.channel = pick(rng, &[(Channel::Phone, 80), (Channel::Email, 20)]);
            call.language = pick(
                rng,
                &[
                    (Language::Swedish, 55),
                    (Language::Arabic, 25),
                    (Language::English, 15),
                    (Language::Other, 5),
                ],
            );
            call.level = pick(
                rng,
                &[
                    (NotAssessed, 20),
                    (StrongInterest, 50),
                    (WishToLeave, 20),
                    (InTransitCountry, 10),
                ],
            );
            let made = pick(rng, &[(0, 50), (1, 40), (2, 10)]);
            call.referrals = (0..made)
                .map(|_| referrals[rng.gen_range(0..referrals.len())].code.clone())
                .collect();
            call.referrals.dedup();
            let minutes = rng.gen_bool(0.8).then(|| rng.gen_range(1..=60));
            calls_of_case.push(call_at(month, rng.gen_range(1..=28), minutes, call));
            counted += 1;
        }
        calls_of_case.sort_by_key(|c| c.started_at);
        cases.push(recorded(calls_of_case));
    }
    cases
}

fn recorded(calls: Vec<Call>) -> Vec<RecordedCall> {
    helpline_core::store::mark_escalations(
        calls
            .into_iter()
            .enumerate()
            .map(|(i, c)| (i as i64, c))
            .collect(),
    )
}

/// One call on a case of its own, described by its channel, situation and level.
fn single(
    month: Month,
    channel: Channel,
    situation: Situation,
    level: ConcernLevel,
) -> Vec<RecordedCall> {
    let mut content = CallContent::blank();
    content.channel = channel;
    content.person.situation = situation;
    content.level = level;
    recorded(vec![call_at(month, 10, Some(15), content)])
}

/// Months built to break protection across tables: what a column-by-column rule misses.
fn adversarial(month: Month) -> Vec<(&'static str, Vec<Vec<RecordedCall>>)> {
    use Channel::*;
    use ConcernLevel::*;
    use Situation::*;
    let repeat = |n: usize, channel, situation, level| {
        (0..n)
            .map(|_| single(month, channel, situation, level))
            .collect::<Vec<_>>()
    };
    // A case that rose to step 3 within the month, alone among the cases.
    let mut rising = CallContent::blank();
    rising.level = StrongInterest;
    let mut risen = rising.clone();
    risen.level = InTransitCountry;
    let mut with_rise = repeat(7, Phone, Radicalising, StrongInterest);
    with_rise.push(recorded(vec![
        call_at(month, 3, Some(5), rising),
        call_at(month, 20, Some(30), risen),
    ]));
    vec![
        // The example: six calls by phone, five about someone radicalising, one
        // about someone who has come back.
        (
            "six-by-phone",
            [
                repeat(5, Phone, Radicalising, StrongInterest),
                repeat(1, Phone, Returned, StrongInterest),
            ]
            .concat(),
        ),
        // Four calls, each about a different situation: every "<5" would be exactly 1.
        (
            "four-ones",
            [
                repeat(1, Phone, Radicalising, StrongInterest),
                repeat(1, Phone, Returned, WishToLeave),
                repeat(1, Email, PlanningToTravel, InTransitCountry),
                repeat(1, Phone, InConflictZone, NotAssessed),
            ]
            .concat(),
        ),
        // One large group, and one call different in every table.
        (
            "one-of-each",
            [
                repeat(9, Phone, Radicalising, StrongInterest),
                repeat(1, Email, Returned, InTransitCountry),
            ]
            .concat(),
        ),
        // Exactly k calls: a total that is shown while everything in it is small.
        (
            "five-calls",
            [
                repeat(2, Phone, Radicalising, StrongInterest),
                repeat(2, Email, PlanningToTravel, WishToLeave),
                repeat(1, Phone, Returned, InTransitCountry),
            ]
            .concat(),
        ),
        // Cases at step 3 are at most the calls at step 3: one call, one case.
        (
            "one-at-step-three",
            [
                repeat(11, Phone, Radicalising, StrongInterest),
                repeat(1, Phone, Radicalising, InTransitCountry),
            ]
            .concat(),
        ),
        ("a-case-rose", with_rise),
    ]
}
