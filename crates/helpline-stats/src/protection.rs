//! Secondary cell suppression by integer programming, for a whole release at once.
//!
//! The method is the linear-programming cell suppression of Kelly, Golden and Assad ("Cell
//! suppression: disclosure protection for sensitive tabular data", Networks 22, 1992) and
//! Fischetti and Salazar-González ("Models and algorithms for optimizing cell suppression in
//! tabular data with linear constraints", JASA 95, 2000), in its incremental form: the
//! sensitive counts are taken one at a time, and for each, in each direction, one small
//! program finds the cheapest set of further counts to hide such that some table consistent
//! with everything published puts that count at the far end of its range. Each program is
//! solved in integers (microlp), and each answer is an *alternative table*: integer counts
//! that satisfy every relation the attacker knows and every published value, differing from
//! the truth at the sensitive count. Every alternative is checked again here in exact integer
//! arithmetic against the final publication, so the guarantee rests on that check, not on the
//! solver.
//!
//! A [`Model`] is the attacker's view: one variable per published count (cells, totals,
//! period cells), the linear relations between them that hold for any data (each table sums
//! to its total, a period cell is the sum of its months, a case is counted only in a month
//! with a call, …), and what is published of each. What is published was decided before (a
//! count's own rule: zero is shown, 1 to k-1 is "<k") or is fixed (an earlier release). This
//! module only hides more: a shown count of k or more becomes "x", and where hiding cannot
//! protect a count, groups of counts are withheld ("..").

use microlp::{ComparisonOp, OptimizationDirection, Problem, SolveOptions, Variable};

use crate::suppression::Published;

/// One published count, as the attacker sees it and as it truly is.
#[derive(Debug, Clone)]
pub struct Figure {
    /// The true count.
    pub truth: u64,
    /// What is published of it.
    pub shown: Published,
    /// Published before: it cannot change any more.
    pub fixed: bool,
    /// A total (of a month or of the period): hidden only where a count would otherwise be
    /// worked out exactly, never just to widen a "<k"'s range.
    pub total: bool,
    /// The threshold of its publication.
    pub k: u64,
    /// Groups (indexes into [`Model::groups`]) to withhold, in this order, if nothing less
    /// protects this count.
    pub fallback: Vec<usize>,
}

/// A relation every attacker knows, true for any data: `Σ coefficient · count` is zero, or at
/// most zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub terms: Vec<(usize, i64)>,
    pub at_most: bool,
}

impl Relation {
    pub fn sum_is_zero(terms: Vec<(usize, i64)>) -> Self {
        Relation {
            terms,
            at_most: false,
        }
    }

    pub fn at_most_zero(terms: Vec<(usize, i64)>) -> Self {
        Relation {
            terms,
            at_most: true,
        }
    }

    fn holds(&self, values: &[i64]) -> bool {
        let sum: i128 = self
            .terms
            .iter()
            .map(|&(i, c)| i128::from(c) * i128::from(values[i]))
            .sum();
        if self.at_most {
            sum <= 0
        } else {
            sum == 0
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Model {
    pub figures: Vec<Figure>,
    pub relations: Vec<Relation>,
    /// Sets of counts that are withheld together.
    pub groups: Vec<Vec<usize>>,
}

/// What the attacker knows of a published count a priori: its least and greatest value
/// (None: no greatest).
pub fn prior(shown: Published, k: u64) -> (i64, Option<i64>) {
    let k = k as i64;
    match shown {
        Published::Count(n) => (n as i64, Some(n as i64)),
        Published::BelowThreshold => (1, Some(k - 1)),
        Published::Secondary => (k, None),
        Published::Withheld => (0, None),
    }
}

/// How the protection went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Hidden counts ("<k", "x", and withheld ones that are not zero), each protected.
    pub sensitive: usize,
    /// Of the "<k" ones, how many keep their whole range from 1 to k-1.
    pub whole_range: usize,
    /// Counts of an earlier release that no new hiding could protect (an earlier release
    /// already gave them away; nothing published now makes that worse).
    pub unprotected_before: usize,
    /// Integer programs solved.
    pub programs: usize,
}

/// Whether a program may hide shown totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Totals {
    StayShown,
    MayBeHidden,
}

/// The direction a sensitive count is pushed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Down,
    Up,
}

/// What protecting a hidden count takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    /// A "<k", or a withheld count that is not zero: its whole range of doubt, where it can.
    WholeRange,
    /// An "x": another value at least, or hiding it was for nothing and it gives itself away.
    AnotherValue,
}

impl Model {
    fn need(&self, i: usize) -> Option<Need> {
        let count = &self.figures[i];
        match count.shown {
            Published::BelowThreshold => Some(Need::WholeRange),
            Published::Withheld if count.truth > 0 => Some(Need::WholeRange),
            Published::Secondary => Some(Need::AnotherValue),
            _ => None,
        }
    }

    /// A shown count that may still be hidden (totals only when `totals` says so).
    fn is_candidate(&self, i: usize, totals: Totals) -> bool {
        let count = &self.figures[i];
        !count.fixed
            && count.truth >= count.k
            && matches!(count.shown, Published::Count(_))
            && (totals == Totals::MayBeHidden || !count.total)
    }

    /// Whether `values` is a table the attacker cannot rule out: every relation holds and
    /// every value is what its publication allows.
    fn admits(&self, values: &[i64]) -> bool {
        values.len() == self.figures.len()
            && self.figures.iter().zip(values).all(|(count, &v)| {
                let (lo, hi) = prior(count.shown, count.k);
                v >= lo && hi.is_none_or(|hi| v <= hi)
            })
            && self.relations.iter().all(|r| r.holds(values))
    }

    fn truth(&self) -> Vec<i64> {
        self.figures.iter().map(|c| c.truth as i64).collect()
    }

    /// The far ends of a sensitive count's range of doubt that protection aims for: 1 (or 0
    /// for a withheld count) and k-1.
    fn targets(&self, i: usize) -> (i64, i64) {
        let count = &self.figures[i];
        let lo = prior(count.shown, count.k).0;
        (lo, count.k as i64 - 1)
    }
}

/// Branch-and-bound nodes one program may take. A limit of work rather than of time, so that
/// the same data always gives the same publication; a program that reaches it counts as not
/// solved, which only ever leads to more protection.
const NODE_LIMIT: u64 = 5_000;

/// The cap on any count in a program: far above anything true, so that it limits nothing an
/// attacker could use, while keeping the integers small.
fn cap(model: &Model) -> i64 {
    let largest = model.figures.iter().map(|c| c.truth).max().unwrap_or(0);
    let k = model.figures.iter().map(|c| c.k).max().unwrap_or(0);
    (2 * largest + 10 * k + 100) as i64
}

/// Protects every sensitive count of `model`: hides further counts, and withholds groups where
/// hiding is not enough, until each sensitive count has another value in some table the
/// attacker cannot rule out, and where possible one at each end of its range.
pub fn protect(model: &mut Model) -> Outcome {
    let mut programs = 0;
    loop {
        let pass = secondary_suppression(model);
        programs += pass.programs;
        let mut changed = false;
        for &i in &pass.unprotected {
            changed |= withhold_next_group(model, i);
        }
        if !changed {
            let mut outcome = pass.outcome(model);
            outcome.programs = programs;
            return outcome;
        }
    }
}

/// Withholds the first of `i`'s fallback groups that still changes something.
fn withhold_next_group(model: &mut Model, i: usize) -> bool {
    for g in model.figures[i].fallback.clone() {
        let mut changed = false;
        for &j in &model.groups[g] {
            let count = &mut model.figures[j];
            if !count.fixed && count.shown != Published::Withheld {
                count.shown = Published::Withheld;
                changed = true;
            }
        }
        if changed {
            return true;
        }
    }
    false
}

struct Pass {
    /// Alternative tables, the truth first; each admitted by the publication as it ends.
    alternatives: Vec<Vec<i64>>,
    unprotected: Vec<usize>,
    programs: usize,
}

impl Pass {
    fn outcome(&self, model: &Model) -> Outcome {
        let mut outcome = Outcome::default();
        for i in (0..model.figures.len()).filter(|&i| model.need(i).is_some()) {
            let values = self.alternatives.iter().map(|a| a[i]);
            let (least, most) =
                values.fold((i64::MAX, i64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
            if least == most {
                outcome.unprotected_before += 1;
                continue;
            }
            outcome.sensitive += 1;
            let (lo, hi) = model.targets(i);
            if model.figures[i].shown == Published::BelowThreshold && least <= lo && most >= hi {
                outcome.whole_range += 1;
            }
        }
        outcome
    }
}

/// One pass over the counts to protect, in order, then over the counts hidden meanwhile,
/// until no count is left to look at. Hiding only ever widens what the attacker must allow, so
/// an alternative table found early stays admitted; each is checked again at the end all the
/// same.
fn secondary_suppression(model: &mut Model) -> Pass {
    let truth = model.truth();
    let mut pass = Pass {
        alternatives: vec![truth.clone()],
        unprotected: Vec::new(),
        programs: 0,
    };
    let mut looked_at = vec![false; model.figures.len()];
    loop {
        let todo: Vec<usize> = (0..model.figures.len())
            .filter(|&i| !looked_at[i] && model.need(i).is_some())
            .collect();
        if todo.is_empty() {
            break;
        }
        for direction in [Direction::Down, Direction::Up] {
            pass.programs += 1;
            if let Some(alternative) = spread(model, direction) {
                if model.admits(&alternative) {
                    pass.alternatives.push(alternative);
                }
            }
        }
        for i in todo {
            looked_at[i] = true;
            match model.need(i) {
                Some(Need::WholeRange) => whole_range(model, &mut pass, &truth, i),
                Some(Need::AnotherValue) => another_value(model, &mut pass, &truth, i),
                None => {}
            }
        }
    }
    let model_ref = &*model;
    pass.alternatives.retain(|a| model_ref.admits(a));
    for i in 0..model.figures.len() {
        if model.need(i).is_some() && pass.alternatives.iter().all(|a| a[i] == truth[i]) {
            pass.unprotected.push(i);
        }
    }
    pass
}

/// A "<k" or a withheld count: an alternative at each end of its range, or as far as it goes
/// with the totals shown; only if it cannot move at all that way, with totals hidden too.
fn whole_range(model: &mut Model, pass: &mut Pass, truth: &[i64], i: usize) {
    let (lo, hi) = model.targets(i);
    for (direction, target) in [(Direction::Down, lo), (Direction::Up, hi)] {
        let reached = |v: i64| match direction {
            Direction::Down => v <= target,
            Direction::Up => v >= target,
        };
        if pass.alternatives.iter().any(|a| reached(a[i])) {
            continue;
        }
        if let Some(alternative) =
            furthest(model, pass, truth, i, direction, target, Totals::StayShown)
        {
            adopt(model, pass, truth, alternative);
        }
    }
    if pass.alternatives.iter().any(|a| a[i] != truth[i]) {
        return;
    }
    for (direction, target) in [(Direction::Down, lo), (Direction::Up, hi)] {
        if let Some(alternative) = furthest(
            model,
            pass,
            truth,
            i,
            direction,
            target,
            Totals::MayBeHidden,
        ) {
            adopt(model, pass, truth, alternative);
        }
    }
}

/// The cheapest alternative with count `i` at `target`, or else as far towards it as it goes
/// (None when it cannot move in `direction` at all).
fn furthest(
    model: &Model,
    pass: &mut Pass,
    truth: &[i64],
    i: usize,
    direction: Direction,
    target: i64,
    totals: Totals,
) -> Option<Vec<i64>> {
    if (direction == Direction::Down && target >= truth[i])
        || (direction == Direction::Up && target <= truth[i])
    {
        return None;
    }
    pass.programs += 1;
    if let Some(found) = solve(model, i, direction, Attempt::Reach(target), totals) {
        return Some(found);
    }
    pass.programs += 1;
    let v = solve(model, i, direction, Attempt::AsFarAsPossible, totals)
        .map(|a| a[i])
        .filter(|&v| v != truth[i])?;
    pass.programs += 1;
    solve(model, i, direction, Attempt::Reach(v), totals)
}

/// A count hidden as "x": some alternative where it is another value, so that hiding it
/// hid something.
fn another_value(model: &mut Model, pass: &mut Pass, truth: &[i64], i: usize) {
    if pass.alternatives.iter().any(|a| a[i] != truth[i]) {
        return;
    }
    for totals in [Totals::StayShown, Totals::MayBeHidden] {
        for (direction, target) in [
            (Direction::Up, truth[i] + 1),
            (Direction::Down, truth[i] - 1),
        ] {
            pass.programs += 1;
            if let Some(alternative) = solve(model, i, direction, Attempt::Reach(target), totals) {
                adopt(model, pass, truth, alternative);
                return;
            }
        }
    }
}

/// Hides every shown count an alternative table moves, and keeps the alternative once it is
/// checked, in integers, against the publication.
fn adopt(model: &mut Model, pass: &mut Pass, truth: &[i64], alternative: Vec<i64>) {
    for (j, (&v, &t)) in alternative.iter().zip(truth).enumerate() {
        if v != t && model.is_candidate(j, Totals::MayBeHidden) {
            model.figures[j].shown = Published::Secondary;
        }
    }
    if model.admits(&alternative) {
        pass.alternatives.push(alternative);
    }
}

#[derive(Debug, Clone, Copy)]
enum Attempt {
    /// At the least cost, an alternative table with the count at this value or beyond.
    Reach(i64),
    /// The alternative table with the count furthest from the truth, whatever it costs.
    AsFarAsPossible,
}

/// An integer program over the model: each count that may move is its truth plus `up` minus
/// `down`, within what its publication allows (or, for a shown count that `hideable` accepts,
/// what "x" would allow), and every relation holds.
struct Program {
    problem: Problem,
    moves: Vec<Option<(Variable, Variable)>>,
}

impl Program {
    /// `cost` gives each count's objective coefficients for moving up and down.
    fn new(
        model: &Model,
        direction: OptimizationDirection,
        hideable: impl Fn(usize) -> bool,
        cost: impl Fn(usize) -> (f64, f64),
    ) -> Option<Program> {
        let cap = cap(model);
        let mut problem = Problem::new(direction);
        let mut moves: Vec<Option<(Variable, Variable)>> = vec![None; model.figures.len()];
        for (j, count) in model.figures.iter().enumerate() {
            let truth = count.truth as i64;
            let (lo, hi) = if hideable(j) {
                prior(Published::Secondary, count.k)
            } else {
                prior(count.shown, count.k)
            };
            let hi = hi.unwrap_or(cap).min(cap.max(truth));
            if lo == hi {
                continue;
            }
            let (up_cost, down_cost) = cost(j);
            let up = problem.add_integer_var(up_cost, (0, to_i32(hi - truth)?));
            let down = problem.add_integer_var(down_cost, (0, to_i32(truth - lo)?));
            moves[j] = Some((up, down));
        }
        for relation in &model.relations {
            let mut terms = Vec::with_capacity(2 * relation.terms.len());
            let mut at_truth: i64 = 0;
            for &(j, c) in &relation.terms {
                at_truth += c * model.figures[j].truth as i64;
                if let Some((up, down)) = moves[j] {
                    terms.push((up, c as f64));
                    terms.push((down, -(c as f64)));
                }
            }
            if terms.is_empty() {
                continue;
            }
            let op = if relation.at_most {
                ComparisonOp::Le
            } else {
                ComparisonOp::Eq
            };
            problem.add_constraint(&terms[..], op, -(at_truth as f64));
        }
        Some(Program { problem, moves })
    }

    /// Requires count `i` to move `by` (at least) in `direction`, and not the other way.
    fn require(&mut self, i: usize, direction: Direction, by: Option<i64>) -> Option<()> {
        let (up, down) = self.moves[i]?;
        let (towards, away) = match direction {
            Direction::Up => (up, down),
            Direction::Down => (down, up),
        };
        if let Some(by) = by {
            self.problem
                .add_constraint([(towards, 1.0)], ComparisonOp::Ge, by as f64);
        }
        self.problem
            .add_constraint([(away, 1.0)], ComparisonOp::Eq, 0.0);
        Some(())
    }

    /// The alternative table the program finds, if it finds one.
    fn solve(self, model: &Model) -> Option<Vec<i64>> {
        let mut options = SolveOptions::default();
        options.node_limit = Some(NODE_LIMIT);
        let solution = self
            .problem
            .solve_with(options)
            .ok()?
            .into_solution()
            .ok()?;
        Some(
            model
                .figures
                .iter()
                .zip(&self.moves)
                .map(|(count, m)| {
                    let truth = count.truth as i64;
                    match m {
                        Some((up, down)) => {
                            truth + solution.var_value(*up).round() as i64
                                - solution.var_value(*down).round() as i64
                        }
                        None => truth,
                    }
                })
                .collect(),
        )
    }
}

/// Solves one protection program for count `i`: an alternative table admitted by the
/// publication once every shown count it changes is hidden, with `i` moved in `direction`.
/// Hidden counts move for free; each unit a shown count moves costs one.
fn solve(
    model: &Model,
    i: usize,
    direction: Direction,
    attempt: Attempt,
    totals: Totals,
) -> Option<Vec<i64>> {
    let candidate = |j: usize| model.is_candidate(j, totals);
    let sense = match attempt {
        Attempt::Reach(_) => OptimizationDirection::Minimize,
        Attempt::AsFarAsPossible => OptimizationDirection::Maximize,
    };
    let cost = |j: usize| match attempt {
        Attempt::Reach(_) if candidate(j) => (1.0, 1.0),
        Attempt::Reach(_) => (0.0, 0.0),
        Attempt::AsFarAsPossible => match (j == i, direction) {
            (true, Direction::Up) => (1.0, 0.0),
            (true, Direction::Down) => (0.0, 1.0),
            (false, _) => (0.0, 0.0),
        },
    };
    let mut program = Program::new(model, sense, candidate, cost)?;
    let truth = model.figures[i].truth as i64;
    let by = match attempt {
        Attempt::Reach(target) => Some((target - truth).abs()),
        Attempt::AsFarAsPossible => None,
    };
    program.require(i, direction, by)?;
    program.solve(model)
}

/// One alternative table, hiding nothing more, that moves every "<k" and withheld count as
/// far towards the end of its range in `direction` as the hidden counts allow: it protects
/// many counts at once, before each is looked at alone.
fn spread(model: &Model, direction: Direction) -> Option<Vec<i64>> {
    let wanted = |j: usize| model.need(j) == Some(Need::WholeRange);
    let mut program = Program::new(
        model,
        OptimizationDirection::Maximize,
        |_| false,
        |j| match (wanted(j), direction) {
            (true, Direction::Up) => (1.0, 0.0),
            (true, Direction::Down) => (0.0, 1.0),
            (false, _) => (0.0, 0.0),
        },
    )?;
    for j in (0..model.figures.len()).filter(|&j| wanted(j)) {
        let Some((up, down)) = program.moves[j] else {
            continue;
        };
        let (lo, hi) = model.targets(j);
        let truth = model.figures[j].truth as i64;
        let (towards, reach) = match direction {
            Direction::Up => (up, hi - truth),
            Direction::Down => (down, truth - lo),
        };
        // Beyond its target a count's move is worth nothing.
        program
            .problem
            .add_constraint([(towards, 1.0)], ComparisonOp::Le, reach.max(0) as f64);
    }
    program.solve(model)
}

fn to_i32(n: i64) -> Option<i32> {
    i32::try_from(n).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Published::*;

    fn count(truth: u64, shown: Published) -> Figure {
        Figure {
            truth,
            shown,
            fixed: false,
            total: false,
            k: 5,
            fallback: Vec::new(),
        }
    }

    /// One column: cells, then the total last.
    fn column(cells: &[(u64, Published)], total: (u64, Published)) -> Model {
        let mut counts: Vec<Figure> = cells.iter().map(|&(t, s)| count(t, s)).collect();
        counts.push(Figure {
            total: true,
            ..count(total.0, total.1)
        });
        let n = counts.len();
        let mut terms: Vec<(usize, i64)> = (0..n - 1).map(|i| (i, 1)).collect();
        terms.push((n - 1, -1));
        Model {
            figures: counts,
            relations: vec![Relation::sum_is_zero(terms)],
            groups: Vec::new(),
        }
    }

    fn shown(model: &Model) -> Vec<Published> {
        model.figures.iter().map(|c| c.shown).collect()
    }

    #[test]
    fn a_small_count_takes_a_complement_that_can_absorb_its_whole_range() {
        // 3 of 24: hiding 9 as "x" (at least 5) lets the 3 be 1 to 4.
        let mut model = column(
            &[
                (0, Count(0)),
                (3, BelowThreshold),
                (12, Count(12)),
                (9, Count(9)),
            ],
            (24, Count(24)),
        );
        let outcome = protect(&mut model);
        assert_eq!(outcome.sensitive, 2, "the 3 and its complement");
        assert_eq!(outcome.whole_range, 1);
        let hidden = shown(&model).iter().filter(|s| **s == Secondary).count();
        assert_eq!(hidden, 1, "{:?}", shown(&model));
        assert_eq!(model.figures[0].shown, Count(0), "zero stays zero");
    }

    #[test]
    fn a_complement_too_small_to_absorb_the_range_is_not_enough() {
        // 1 and 5 in 6: hidden, the 5 would have to stay at least 5, so the 1 could not rise.
        // The total goes instead: "x" is then 6 to 9, and the 1 anything from 1 to 4.
        let mut model = column(&[(1, BelowThreshold), (5, Count(5))], (6, Count(6)));
        let outcome = protect(&mut model);
        assert_eq!(shown(&model), [BelowThreshold, Count(5), Secondary]);
        assert_eq!(outcome.sensitive, 2);
        assert_eq!(outcome.whole_range, 1);
    }

    #[test]
    fn fixed_counts_never_change_and_can_leave_a_count_unprotectable() {
        let mut model = column(&[(2, BelowThreshold), (12, Count(12))], (14, Count(14)));
        for c in &mut model.figures {
            c.fixed = true;
        }
        let outcome = protect(&mut model);
        assert_eq!(outcome.sensitive, 0);
        assert_eq!(outcome.unprotected_before, 1);
        assert_eq!(model.figures[1].shown, Count(12));
    }

    #[test]
    fn where_hiding_cannot_help_the_fallback_group_is_withheld() {
        // Four "<5" of 1 each under a "<5" total: each must be 1. Only withholding helps.
        let mut model = column(
            &[
                (1, BelowThreshold),
                (1, BelowThreshold),
                (1, BelowThreshold),
                (1, BelowThreshold),
            ],
            (4, BelowThreshold),
        );
        model.groups.push(vec![0, 1, 2, 3]);
        for c in &mut model.figures[..4] {
            c.fallback = vec![0];
        }
        let outcome = protect(&mut model);
        assert_eq!(shown(&model)[..4], [Withheld; 4]);
        assert_eq!(outcome.unprotected_before, 0);
        assert_eq!(outcome.sensitive, 5, "four withheld cells and the total");
        assert_eq!(outcome.whole_range, 1, "the total, 1 to 4");
    }

    #[test]
    fn every_alternative_table_is_checked_exactly() {
        let model = column(&[(2, BelowThreshold), (12, Secondary)], (14, Count(14)));
        assert!(model.admits(&[2, 12, 14]));
        assert!(model.admits(&[4, 10, 14]));
        assert!(!model.admits(&[5, 9, 14]), "above k-1");
        assert!(!model.admits(&[1, 12, 14]), "does not add up");
        assert!(!model.admits(&[2, 12]), "too short");
    }
}
