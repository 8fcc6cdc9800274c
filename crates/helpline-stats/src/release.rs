//! A release: every table of every month that one export shows, with a total over the period
//! if asked, protected as a whole and together with everything published before.
//!
//! The attacker holds every export. So a release is built as one [`Model`]: a count per table,
//! category and column (each month, the period), a total per unit and column, and calls timed
//! per month; the relations between them that hold for any data; and what is published of
//! each. Months and periods published before are in it as they were published (values and
//! the counts behind them, from the register), fixed; so are the periods published before
//! that share a month with this release, and their months. New columns get the primary rule
//! (zero shown, 1 to k-1 "<k"; a table in a column with fewer than k of its unit withheld),
//! then [`protection::protect`] hides and withholds what it must.

use std::collections::{BTreeMap, BTreeSet};

use helpline_core::tally::{table, MonthCounts};
use helpline_core::{Error, Month, Referral};

use crate::protection::{self, Figure, Model, Outcome, Relation};
use crate::register::{
    PublishedCallTime, PublishedColumn, PublishedCount, PublishedTable, Recorded,
};
use crate::suppression::{Published, Threshold};
use crate::tables::{
    table_specs, CallTime, MonthlyStatistics, ProtectedColumn, Table, TableSpec, Unit,
};

/// What a supervisor asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The months, in order, each a column.
    pub months: Vec<Month>,
    /// Whether to add a column with each category's total over the months (when there are
    /// several).
    pub period_total: bool,
    pub k: Threshold,
}

/// A protected release.
#[derive(Debug, Clone)]
pub struct Release {
    /// What the export shows.
    pub statistics: MonthlyStatistics,
    /// The columns it publishes for the first time, to be recorded when it is exported.
    pub new_columns: Vec<Recorded>,
    pub outcome: Outcome,
}

/// One column of the model.
struct Column<'r> {
    months: Vec<Month>,
    /// Published before.
    recorded: Option<&'r PublishedColumn>,
    /// Part of what this release shows.
    shown: bool,
}

impl Column<'_> {
    fn is_period(&self) -> bool {
        self.months.len() > 1
    }
}

/// Where each count of the release is in the model.
struct Layout {
    /// [table][category][column]
    cells: Vec<Vec<Vec<usize>>>,
    /// [unit][column]
    totals: BTreeMap<Unit, Vec<usize>>,
    /// [column] (months only)
    timed: Vec<Option<usize>>,
}

/// Protects the release `request` asks for. `register` is everything published before;
/// `counts` gives the counts of months not published before (and is asked only for those).
pub fn protect_release(
    request: &Request,
    register: &[Recorded],
    referrals: &[Referral],
    counts: impl FnOnce(&[Month]) -> Result<Vec<(Month, MonthCounts)>, Error>,
) -> Result<Release, Error> {
    let k = request.k;
    if let Some(published) = register.iter().find(|r| r.k != k.k()) {
        return Err(Error::ThresholdFixed {
            published: published.k,
        });
    }
    let columns = columns(request, register);
    let unpublished: Vec<Month> = columns
        .iter()
        .filter(|c| c.recorded.is_none() && !c.is_period())
        .map(|c| c.months[0])
        .collect();
    let counted: BTreeMap<Month, MonthCounts> = counts(&unpublished)?.into_iter().collect();
    let truths: Vec<Truth> = columns
        .iter()
        .map(|column| Truth::of(column, &columns, &counted))
        .collect();

    let mut specs = table_specs(referrals);
    for spec in &mut specs {
        for truth in &truths {
            for category in truth.categories(spec.id) {
                if !spec.categories.iter().any(|c| c == category) {
                    spec.categories.push(category.to_string());
                }
            }
        }
    }
    let (mut model, layout) = build_model(&specs, &columns, &truths, k);
    let outcome = protection::protect(&mut model);

    let shown: Vec<usize> = (0..columns.len()).filter(|&c| columns[c].shown).collect();
    let month_columns: Vec<usize> = shown
        .iter()
        .copied()
        .filter(|&c| !columns[c].is_period())
        .collect();
    let period_column = shown.iter().copied().find(|&c| columns[c].is_period());
    let value = |i: usize| model.figures[i].shown;
    let tables = specs
        .iter()
        .enumerate()
        .map(|(t, spec)| {
            let column = |c: usize| ProtectedColumn {
                cells: (0..spec.categories.len())
                    .map(|r| value(layout.cells[t][r][c]))
                    .collect(),
                total: value(layout.totals[&spec.unit][c]),
            };
            Table {
                id: spec.id,
                unit: spec.unit,
                dimension: spec.dimension,
                categories: spec.categories.clone(),
                columns: month_columns.iter().map(|&c| column(c)).collect(),
                period: period_column.map(column),
            }
        })
        .collect();
    let call_time: Vec<CallTime> = month_columns
        .iter()
        .map(|&c| call_time(&columns[c], &truths[c], layout.timed[c].map(value), k))
        .collect();
    let statistics = MonthlyStatistics {
        months: month_columns
            .iter()
            .map(|&c| columns[c].months[0])
            .collect(),
        period: period_column.map(|c| columns[c].months.clone()),
        k: k.k(),
        tables,
        call_time: call_time.clone(),
        referral_labels: referrals.to_vec(),
    };

    let count_of = |i: usize| PublishedCount {
        truth: model.figures[i].truth,
        shown: model.figures[i].shown,
    };
    let new_columns = shown
        .iter()
        .copied()
        .filter(|&c| columns[c].recorded.is_none())
        .map(|c| {
            let tables = specs
                .iter()
                .enumerate()
                .map(|(t, spec)| {
                    let cells = spec
                        .categories
                        .iter()
                        .enumerate()
                        .map(|(r, code)| (code.clone(), count_of(layout.cells[t][r][c])))
                        .collect();
                    let total = count_of(layout.totals[&spec.unit][c]);
                    (spec.id.to_string(), PublishedTable { cells, total })
                })
                .collect();
            let time = layout.timed[c].map(|i| {
                let published = month_columns
                    .iter()
                    .position(|&m| m == c)
                    .map(|m| &call_time[m]);
                PublishedCallTime {
                    calls_timed: count_of(i),
                    total_minutes: published.and_then(|t| t.total_minutes),
                    median_minutes: published.and_then(|t| t.median_minutes),
                }
            });
            Recorded {
                months: columns[c].months.clone(),
                k: k.k(),
                column: PublishedColumn::new(tables, time),
            }
        })
        .collect();
    Ok(Release {
        statistics,
        new_columns,
        outcome,
    })
}

/// The release's columns: its months, its period (if asked, over several months), and what
/// was published before that shares a month with them, until nothing more does.
fn columns<'r>(request: &Request, register: &'r [Recorded]) -> Vec<Column<'r>> {
    let recorded = |months: &[Month]| {
        register
            .iter()
            .find(|r| r.months == months)
            .map(|r| &r.column)
    };
    let mut columns: Vec<Column<'r>> = request
        .months
        .iter()
        .map(|&m| Column {
            months: vec![m],
            recorded: recorded(&[m]),
            shown: true,
        })
        .collect();
    if request.period_total && request.months.len() > 1 {
        columns.push(Column {
            months: request.months.clone(),
            recorded: recorded(&request.months),
            shown: true,
        });
    }
    let mut months: BTreeSet<Month> = request.months.iter().copied().collect();
    loop {
        let linked: Vec<&Recorded> = register
            .iter()
            .filter(|r| r.months.len() > 1)
            .filter(|r| r.months.iter().any(|m| months.contains(m)))
            .filter(|r| !columns.iter().any(|c| c.months == r.months))
            .collect();
        if linked.is_empty() {
            break;
        }
        for period in linked {
            for &m in &period.months {
                if months.insert(m) {
                    columns.push(Column {
                        months: vec![m],
                        recorded: recorded(&[m]),
                        shown: false,
                    });
                }
            }
            columns.push(Column {
                months: period.months.clone(),
                recorded: Some(&period.column),
                shown: false,
            });
        }
    }
    // Months first (a period's cells are sums of them), then periods.
    columns.sort_by_key(|c| c.is_period());
    columns
}

/// The true counts of one column: as recorded when it was published, or counted now.
struct Truth {
    /// Table id, category, count.
    tables: BTreeMap<String, BTreeMap<String, u64>>,
    calls_timed: u64,
    /// Minutes of each timed call, sorted (new months only: a published month's figures are
    /// in its record).
    minutes: Vec<u64>,
}

impl Truth {
    fn of(
        column: &Column<'_>,
        all: &[Column<'_>],
        counted: &BTreeMap<Month, MonthCounts>,
    ) -> Truth {
        if let Some(recorded) = column.recorded {
            return Truth {
                tables: recorded
                    .tables
                    .iter()
                    .map(|(id, t)| {
                        let cells = t.cells.iter().map(|(c, n)| (c.clone(), n.truth)).collect();
                        (id.clone(), cells)
                    })
                    .collect(),
                calls_timed: recorded.call_time.map_or(0, |t| t.calls_timed.truth),
                minutes: Vec::new(),
            };
        }
        if column.is_period() {
            // The sum of its months, as each month is published or counted.
            let mut tables: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
            for month in all
                .iter()
                .filter(|c| !c.is_period() && column.months.contains(&c.months[0]))
            {
                for (id, cells) in Truth::of(month, all, counted).tables {
                    let sum = tables.entry(id).or_default();
                    for (category, n) in cells {
                        *sum.entry(category).or_default() += n;
                    }
                }
            }
            return Truth {
                tables,
                calls_timed: 0,
                minutes: Vec::new(),
            };
        }
        let counts = counted.get(&column.months[0]).cloned().unwrap_or_default();
        let minutes = counts.call_lengths();
        Truth {
            tables: counts.tables,
            calls_timed: minutes.len() as u64,
            minutes,
        }
    }

    fn count(&self, table: &str, category: &str) -> u64 {
        self.tables
            .get(table)
            .and_then(|t| t.get(category))
            .copied()
            .unwrap_or(0)
    }

    fn categories<'a>(&'a self, table: &str) -> impl Iterator<Item = &'a str> {
        self.tables
            .get(table)
            .into_iter()
            .flat_map(|t| t.keys().map(String::as_str))
    }
}

fn build_model(
    specs: &[TableSpec],
    columns: &[Column<'_>],
    truths: &[Truth],
    k: Threshold,
) -> (Model, Layout) {
    let mut model = Model::default();
    // The last resort for anything new: withhold every new column.
    let every_new = model.groups.len();
    model.groups.push(Vec::new());
    let new_period = columns
        .iter()
        .position(|c| c.is_period() && c.recorded.is_none())
        .map(|_| {
            model.groups.push(Vec::new());
            model.groups.len() - 1
        });
    let mut layout = Layout {
        cells: specs
            .iter()
            .map(|s| vec![Vec::with_capacity(columns.len()); s.categories.len()])
            .collect(),
        totals: Unit::ALL.iter().map(|u| (*u, Vec::new())).collect(),
        timed: Vec::with_capacity(columns.len()),
    };

    for (column, truth) in columns.iter().zip(truths) {
        let new = column.recorded.is_none();
        let add = |model: &mut Model, figure: Figure| {
            let i = model.figures.len();
            model.figures.push(figure);
            if new {
                model.groups[every_new].push(i);
                if column.is_period() {
                    if let Some(g) = new_period {
                        model.groups[g].push(i);
                    }
                }
            }
            i
        };
        // Its own group first (only a new column's can change), then the new period, then
        // everything new.
        let later = |own: usize| -> Vec<usize> {
            new.then_some(own)
                .into_iter()
                .chain(new_period)
                .chain([every_new])
                .collect()
        };
        for unit in Unit::ALL {
            let unit_tables: Vec<usize> = (0..specs.len())
                .filter(|&t| specs[t].unit == unit)
                .collect();
            let Some(&first) = unit_tables.first() else {
                continue;
            };
            let total_truth: u64 = specs[first]
                .categories
                .iter()
                .map(|cat| truth.count(specs[first].id, cat))
                .sum();
            // A column with fewer than k of this unit shows only its total.
            let small = (1..k.k()).contains(&total_truth);
            let unit_group = model.groups.len();
            model.groups.push(Vec::new());
            let recorded_total = column
                .recorded
                .map(|rc| rc.tables.get(specs[first].id).map(|pt| &pt.total));
            let total = add(
                &mut model,
                figure(
                    column,
                    recorded_total,
                    total_truth,
                    Published::primary(total_truth, k),
                    k,
                    Kind {
                        total: true,
                        fallback: later(unit_group),
                    },
                ),
            );
            model.groups[unit_group].push(total);
            layout
                .totals
                .get_mut(&unit)
                .expect("every unit")
                .push(total);
            for &t in &unit_tables {
                let spec = &specs[t];
                let table_group = model.groups.len();
                model.groups.push(Vec::new());
                let mut terms = Vec::with_capacity(spec.categories.len() + 1);
                for (r, category) in spec.categories.iter().enumerate() {
                    let n = truth.count(spec.id, category);
                    let rule = if small {
                        Published::Withheld
                    } else {
                        Published::primary(n, k)
                    };
                    let recorded = column
                        .recorded
                        .map(|rc| rc.tables.get(spec.id).and_then(|pt| pt.cells.get(category)));
                    let kind = Kind {
                        total: false,
                        fallback: later(table_group),
                    };
                    let i = add(&mut model, figure(column, recorded, n, rule, k, kind));
                    model.groups[table_group].push(i);
                    model.groups[unit_group].push(i);
                    layout.cells[t][r].push(i);
                    terms.push((i, 1));
                }
                terms.push((total, -1));
                model.relations.push(Relation::sum_is_zero(terms));
            }
        }
        let timed = (!column.is_period()).then(|| {
            let recorded = column
                .recorded
                .map(|r| r.call_time.as_ref().map(|t| &t.calls_timed));
            let n = truth.calls_timed;
            let timed_group = model.groups.len();
            model.groups.push(Vec::new());
            let kind = Kind {
                total: false,
                fallback: later(timed_group),
            };
            let i = add(
                &mut model,
                figure(column, recorded, n, Published::primary(n, k), k, kind),
            );
            model.groups[timed_group].push(i);
            i
        });
        layout.timed.push(timed);
    }

    // A period's cells are the sums of its months' cells.
    for (p, period) in columns.iter().enumerate().filter(|(_, c)| c.is_period()) {
        let months: Vec<usize> = columns
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_period() && period.months.contains(&c.months[0]))
            .map(|(m, _)| m)
            .collect();
        for cells in &layout.cells {
            for by_column in cells {
                let mut terms: Vec<(usize, i64)> =
                    months.iter().map(|&m| (by_column[m], 1)).collect();
                terms.push((by_column[p], -1));
                model.relations.push(Relation::sum_is_zero(terms));
            }
        }
    }

    // What holds in every month for any data.
    let find = |id: &str| specs.iter().position(|s| s.id == id);
    let cell = |t: usize, category: &str, c: usize| {
        specs[t]
            .categories
            .iter()
            .position(|x| x == category)
            .map(|r| layout.cells[t][r][c])
    };
    for c in (0..columns.len()).filter(|&c| !columns[c].is_period()) {
        let calls = layout.totals[&Unit::Calls][c];
        // A case is counted in a month only with a call in it.
        model.relations.push(Relation::at_most_zero(vec![
            (layout.totals[&Unit::Cases][c], 1),
            (calls, -1),
        ]));
        if let Some(timed) = layout.timed[c] {
            model
                .relations
                .push(Relation::at_most_zero(vec![(timed, 1), (calls, -1)]));
        }
        if let (Some(cases), Some(calls_by)) = (
            find(table::CASES_BY_HIGHEST_LEVEL),
            find(table::CALLS_BY_LEVEL),
        ) {
            // A case's highest level in a month is the level of one of its calls in it.
            for level in &specs[cases].categories {
                if let (Some(a), Some(b)) = (cell(cases, level, c), cell(calls_by, level, c)) {
                    model
                        .relations
                        .push(Relation::at_most_zero(vec![(a, 1), (b, -1)]));
                }
            }
            // A level rises only to step 2 or 3 (above an earlier assessed step of at least 1).
            if let (Some(rose_table), Some(two), Some(three)) = (
                find(table::CASES_LEVEL_ROSE),
                cell(cases, "wish_to_leave", c),
                cell(cases, "in_transit_country", c),
            ) {
                if let Some(rose) = cell(rose_table, "rose", c) {
                    model.relations.push(Relation::at_most_zero(vec![
                        (rose, 1),
                        (two, -1),
                        (three, -1),
                    ]));
                }
            }
        }
    }
    (model, layout)
}

/// What a figure of the model is.
struct Kind {
    /// A unit's total.
    total: bool,
    /// Its groups to withhold, in order, if nothing less protects it.
    fallback: Vec<usize>,
}

/// A figure of the model: as recorded if its column was published before, else new with
/// `rule`.
fn figure(
    column: &Column<'_>,
    recorded: Option<Option<&PublishedCount>>,
    truth: u64,
    rule: Published,
    k: Threshold,
    kind: Kind,
) -> Figure {
    let (truth, shown, fixed) = match (column.recorded, recorded) {
        (Some(_), Some(Some(published))) => (published.truth, published.shown, true),
        // Published before without it: a category added since (its count was zero then).
        (Some(_), _) => (truth, Published::Count(truth), true),
        (None, _) => (truth, rule, false),
    };
    Figure {
        truth,
        shown,
        fixed,
        total: kind.total,
        k: k.k(),
        fallback: kind.fallback,
    }
}

/// Call time of a month as published: recorded, or the figures of a new month, shown only
/// over k or more calls.
fn call_time(
    column: &Column<'_>,
    truth: &Truth,
    timed: Option<Published>,
    k: Threshold,
) -> CallTime {
    if let Some(recorded) = column.recorded.and_then(|r| r.call_time) {
        return CallTime {
            calls_timed: recorded.calls_timed.shown,
            total_minutes: recorded.total_minutes,
            median_minutes: recorded.median_minutes,
        };
    }
    let calls_timed = timed.unwrap_or(Published::Withheld);
    let minutes = &truth.minutes;
    let shown = matches!(calls_timed, Published::Count(_) | Published::Secondary)
        && minutes.len() as u64 >= k.k();
    if !shown {
        return CallTime {
            calls_timed,
            total_minutes: None,
            median_minutes: None,
        };
    }
    let middle = minutes.len() / 2;
    let median = if minutes.len().is_multiple_of(2) {
        (minutes[middle - 1] + minutes[middle]) / 2
    } else {
        minutes[middle]
    };
    CallTime {
        calls_timed,
        total_minutes: Some(minutes.iter().sum()),
        median_minutes: Some(median),
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use chrono::{TimeZone, Utc};
    use helpline_core::tally::count_cases;
    use helpline_core::{
        default_referrals, Call, CallContent, Channel, ConcernLevel, RecordedCall, Situation,
    };

    use super::*;
    use crate::suppression::Published::{BelowThreshold, Count, Withheld};

    fn month(text: &str) -> Month {
        text.parse().unwrap()
    }

    fn call(month: Month, channel: Channel, situation: Situation) -> Vec<RecordedCall> {
        let started = Utc
            .with_ymd_and_hms(month.year(), month.number(), 10, 12, 0, 0)
            .unwrap();
        let mut content = CallContent::blank();
        content.channel = channel;
        content.person.situation = situation;
        content.level = ConcernLevel::StrongInterest;
        helpline_core::store::mark_escalations(vec![(
            0,
            Call {
                started_at: started,
                ended_at: Some(started + chrono::Duration::minutes(20)),
                content,
            },
        )])
    }

    /// `n` calls by phone about someone radicalising, and `returned` about someone back from
    /// a conflict zone, each on a case of its own.
    fn cases(m: Month, n: usize, returned: usize) -> Vec<Vec<RecordedCall>> {
        let mut cases: Vec<_> = (0..n)
            .map(|_| call(m, Channel::Phone, Situation::Radicalising))
            .collect();
        cases.extend((0..returned).map(|_| call(m, Channel::Phone, Situation::Returned)));
        cases
    }

    /// The release of `months`, with `register` published before, from `cases`.
    fn release(
        cases: &[Vec<RecordedCall>],
        register: &[Recorded],
        months: &[Month],
        period_total: bool,
    ) -> Release {
        protect_release(
            &request(months, period_total),
            register,
            &default_referrals(),
            |m| Ok(count_cases(cases, m)),
        )
        .unwrap()
    }

    fn request(months: &[Month], period_total: bool) -> Request {
        Request {
            months: months.to_vec(),
            period_total,
            k: Threshold::default(),
        }
    }

    fn table<'r>(release: &'r Release, id: &str) -> &'r Table {
        release
            .statistics
            .tables
            .iter()
            .find(|t| t.id == id)
            .unwrap()
    }

    fn value(release: &Release, id: &str, category: &str, column: usize) -> Published {
        let t = table(release, id);
        let r = t.categories.iter().position(|c| c == category).unwrap();
        t.all_columns().nth(column).unwrap().cells[r]
    }

    fn total(release: &Release, id: &str, column: usize) -> Published {
        table(release, id).all_columns().nth(column).unwrap().total
    }

    #[test]
    fn a_channel_or_language_nobody_chose_is_published_as_not_stated() {
        let may = month("2026-05");
        let mut cases = cases(may, 6, 0);
        cases.extend((0..6).map(|_| call(may, Channel::NotStated, Situation::Radicalising)));
        let release = release(&cases, &[], &[may], false);
        assert_eq!(value(&release, "calls_by_channel", "phone", 0), Count(6));
        assert_eq!(
            value(&release, "calls_by_channel", "not_stated", 0),
            Count(6)
        );
        // The helper's calls choose no language: none is counted as Swedish.
        assert_eq!(
            value(&release, "calls_by_language", "not_stated", 0),
            Count(12)
        );
        assert_eq!(value(&release, "calls_by_language", "sv", 0), Count(0));
    }

    #[test]
    fn the_attack_across_tables_finds_nothing_exact() {
        // Six calls by phone: five about someone radicalising, one about someone returned.
        // Channel shows the total, so situation's total is known: "returned" is protected by
        // hiding enough that it can be anything from 1 to 4 in some table that fits.
        let april = month("2026-04");
        let cases = cases(april, 5, 1);
        let release = release(&cases, &[], &[april], false);
        assert_eq!(
            value(&release, "calls_by_situation", "returned", 0),
            BelowThreshold
        );
        assert_eq!(release.outcome.unprotected_before, 0);
        assert!(release.outcome.sensitive >= 2);
        // The five are shown, so the month's total cannot be, in any table: 5 + "<5" is 6 to 9.
        assert_eq!(
            value(&release, "calls_by_situation", "radicalising", 0),
            Count(5)
        );
        for table in ["calls_by_channel", "calls_by_situation", "calls_by_level"] {
            assert_eq!(total(&release, table, 0), Published::Secondary, "{table}");
        }
        assert_eq!(
            value(&release, "calls_by_channel", "phone", 0),
            Published::Secondary
        );
    }

    #[test]
    fn a_month_with_fewer_than_k_calls_shows_only_its_total() {
        let april = month("2026-04");
        let cases = cases(april, 2, 1);
        let release = release(&cases, &[], &[april], false);
        assert_eq!(total(&release, "calls_by_channel", 0), BelowThreshold);
        assert_eq!(value(&release, "calls_by_channel", "phone", 0), Withheld);
        assert_eq!(
            value(&release, "calls_by_channel", "email", 0),
            Withheld,
            "zero too"
        );
        assert_eq!(
            value(&release, "calls_by_situation", "returned", 0),
            Withheld
        );
        assert_eq!(
            total(&release, "referrals_made", 0),
            Count(0),
            "no referrals: zero is zero"
        );
    }

    #[test]
    fn a_published_month_is_shown_as_it_was_and_its_counts_are_not_asked_again() {
        let (march, april) = (month("2026-03"), month("2026-04"));
        let before = [cases(march, 9, 2), cases(april, 12, 1)].concat();
        let referrals = default_referrals();
        let first = release(&before, &[], &[march], false);
        assert_eq!(first.new_columns.len(), 1);
        let register = first.new_columns.clone();

        // Since: two more calls in March (the store refuses them; here they are only in the
        // counts), which must change nothing that was published.
        let after = [before.clone(), cases(march, 2, 0)].concat();
        let asked = RefCell::new(Vec::new());
        let second = protect_release(
            &request(&[march, april], true),
            &register,
            &referrals,
            |m| {
                asked.borrow_mut().extend_from_slice(m);
                Ok(count_cases(&after, m))
            },
        )
        .unwrap();
        assert_eq!(
            *asked.borrow(),
            [april],
            "March's counts are the published ones"
        );
        let table = |r: &Release| {
            r.statistics
                .tables
                .iter()
                .map(|t| t.columns[0].clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(table(&first), table(&second), "March as first published");
        // The period's total is March's published 11 and April's 13: 24, not 26.
        let new: Vec<&Vec<Month>> = second.new_columns.iter().map(|c| &c.months).collect();
        assert_eq!(new, [&vec![april], &vec![march, april]]);
        let period = &second.new_columns[1].column.tables["calls_by_channel"].total;
        assert_eq!(period.truth, 24);
    }

    #[test]
    fn a_period_published_before_is_protected_against_with_its_months() {
        let months = month("2026-01").through(month("2026-03"));
        let cases: Vec<_> = months.iter().flat_map(|&m| cases(m, 7, 1)).collect();
        let referrals = default_referrals();
        let first = release(&cases, &[], &months, true);
        let register = first.new_columns;
        assert_eq!(register.len(), 4, "three months and their total");
        // February alone again: the quarter shares it, so the quarter and its months are in
        // the model, nothing is counted, and nothing new is published.
        let asked = RefCell::new(Vec::new());
        let again = protect_release(&request(&months[1..2], false), &register, &referrals, |m| {
            asked.borrow_mut().extend_from_slice(m);
            Ok(count_cases(&cases, m))
        })
        .unwrap();
        assert!(asked.borrow().is_empty());
        assert!(again.new_columns.is_empty());
        assert_eq!(again.statistics.months, [months[1]]);
    }

    #[test]
    fn another_k_than_what_was_published_is_refused() {
        let april = month("2026-04");
        let cases = cases(april, 8, 1);
        let referrals = default_referrals();
        let first = release(&cases, &[], &[april], false);
        let mut other = request(&[april.next()], false);
        other.k = Threshold::new(7).unwrap();
        match protect_release(&other, &first.new_columns, &referrals, |m| {
            Ok(count_cases(&cases, m))
        }) {
            Err(Error::ThresholdFixed { published }) => assert_eq!(published, 5),
            other => panic!("{other:?}"),
        }
    }
}
