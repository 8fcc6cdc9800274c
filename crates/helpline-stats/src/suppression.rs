//! Disclosure control for tables of counts, as statistical offices do it.
//!
//! A table here is a list of categories with a count each and their total: one column of a
//! monthly table. Tables of several months are published one such column per month and never
//! with totals across months, so every published total constrains exactly one column and the
//! rules below can be proven column by column.
//!
//! * Primary suppression: a count from 1 to k-1 (a cell or the total) is published as "<k".
//! * Secondary suppression: where a suppressed cell could be worked out exactly from the total
//!   and the other cells — counting what "<k" itself gives away (the value is 1 to k-1) — the
//!   next smallest non-zero cell is suppressed too, until no suppressed cell can be.
//! * Zero is published as zero: it describes nobody.

use serde::Serialize;

/// What is published for one count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "shown", content = "value", rename_all = "snake_case")]
pub enum Published {
    /// The count itself.
    Count(u64),
    /// 1 to k-1, shown as "<k".
    BelowThreshold,
    /// Hidden so that a "<k" cell cannot be worked out; could be any count of k or more.
    Secondary,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProtectedColumn {
    pub cells: Vec<Published>,
    pub total: Published,
}

/// The threshold k: counts below it are not published. At least 3: with k = 2, "<2" would say
/// "exactly 1". The helpline's default is 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Threshold(u64);

pub const DEFAULT_THRESHOLD: u64 = 5;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the suppression threshold k must be between 3 and 100, not {0}")]
pub struct InvalidThreshold(pub u64);

impl Threshold {
    pub fn new(k: u64) -> Result<Self, InvalidThreshold> {
        if (3..=100).contains(&k) {
            Ok(Threshold(k))
        } else {
            Err(InvalidThreshold(k))
        }
    }

    pub fn k(self) -> u64 {
        self.0
    }
}

impl Default for Threshold {
    fn default() -> Self {
        Threshold(DEFAULT_THRESHOLD)
    }
}

/// What someone reading the published column knows about one hidden count: its bounds.
fn bounds(shown: Published, k: u64) -> (u64, u64) {
    match shown {
        Published::Count(n) => (n, n),
        Published::BelowThreshold => (1, k - 1),
        // Not primary, so not 1..k-1, and never chosen when zero: at least k.
        Published::Secondary => (k, u64::MAX),
    }
}

/// Whether some hidden cell of the column is pinned to one value by what the total is known to
/// be (between `total_lo` and `total_hi`) and the other cells' bounds.
fn some_hidden_cell_is_exact(
    cells: &[Published],
    (total_lo, total_hi): (u64, u64),
    k: u64,
) -> bool {
    let ranges: Vec<(u64, u64)> = cells.iter().map(|c| bounds(*c, k)).collect();
    let lo_sum: u64 = ranges.iter().map(|r| r.0).sum();
    let unbounded = ranges.iter().filter(|r| r.1 == u64::MAX).count();
    let hi_sum: u64 = ranges.iter().filter(|r| r.1 != u64::MAX).map(|r| r.1).sum();
    cells.iter().zip(&ranges).any(|(cell, &(lo, hi))| {
        if matches!(cell, Published::Count(_)) {
            return false;
        }
        let others_lo = lo_sum - lo;
        let others_unbounded = unbounded - usize::from(hi == u64::MAX);
        let own_hi = if hi == u64::MAX { 0 } else { hi };
        let others_hi = if others_unbounded > 0 {
            u64::MAX
        } else {
            hi_sum - own_hi
        };
        let least = lo.max(total_lo.saturating_sub(others_hi));
        let most = hi.min(total_hi.saturating_sub(others_lo));
        least >= most
    })
}

/// Applies primary and secondary suppression to one column of counts.
pub fn protect(counts: &[u64], k: Threshold) -> ProtectedColumn {
    let k = k.k();
    let total: u64 = counts.iter().sum();
    let primary = |n: u64| {
        if (1..k).contains(&n) {
            Published::BelowThreshold
        } else {
            Published::Count(n)
        }
    };
    let mut cells: Vec<Published> = counts.iter().map(|&n| primary(n)).collect();
    if total > 0 && total < k {
        // Every non-zero cell is below k and hidden already; the total, shown as "<k", still
        // bounds their sum, which can pin them (k-1 cells of 1 each): then it is hidden too.
        let total_shown = if some_hidden_cell_is_exact(&cells, (1, k - 1), k) {
            Published::Secondary
        } else {
            Published::BelowThreshold
        };
        return ProtectedColumn {
            cells,
            total: total_shown,
        };
    }
    while some_hidden_cell_is_exact(&cells, (total, total), k) {
        let next = counts
            .iter()
            .zip(&cells)
            .enumerate()
            .filter(|(_, (&n, shown))| n > 0 && matches!(shown, Published::Count(_)))
            .min_by_key(|(_, (&n, _))| n)
            .map(|(i, _)| i);
        match next {
            Some(i) => cells[i] = Published::Secondary,
            // Every non-zero cell is hidden and one is still pinned by the total: the column
            // can only be published without it.
            None => {
                return ProtectedColumn {
                    cells,
                    total: Published::Secondary,
                }
            }
        }
    }
    ProtectedColumn {
        cells,
        total: Published::Count(total),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use Published::*;

    fn k5() -> Threshold {
        Threshold::default()
    }

    #[test]
    fn small_counts_are_hidden_and_zero_and_large_ones_shown() {
        let column = protect(&[0, 3, 12, 9], k5());
        assert_eq!(
            column.cells,
            [Count(0), BelowThreshold, Count(12), Secondary]
        );
        assert_eq!(column.total, Count(24));
    }

    #[test]
    fn one_hidden_cell_takes_the_next_smallest_with_it() {
        // 3 alone could be worked out as 24 - 12 - 9.
        let column = protect(&[3, 12, 9], k5());
        assert_eq!(column.cells, [BelowThreshold, Count(12), Secondary]);
        assert_eq!(column.total, Count(24));
    }

    #[test]
    fn two_small_cells_that_pin_each_other_need_a_third() {
        // 1 + 1 = 22 - 20: each "<5" would have to be 1.
        let column = protect(&[1, 1, 20], k5());
        assert_eq!(column.cells, [BelowThreshold, BelowThreshold, Secondary]);
    }

    #[test]
    fn a_small_total_hides_every_non_zero_cell() {
        let column = protect(&[2, 0, 1], k5());
        assert_eq!(column.cells, [BelowThreshold, Count(0), BelowThreshold]);
        assert_eq!(column.total, BelowThreshold);
        // Four cells of 1 under "<5" would each have to be 1: the total goes too.
        let column = protect(&[1, 1, 1, 1], k5());
        assert_eq!(column.total, Secondary);
    }

    #[test]
    fn nothing_small_nothing_hidden() {
        let column = protect(&[5, 0, 17], k5());
        assert_eq!(column.cells, [Count(5), Count(0), Count(17)]);
        assert_eq!(column.total, Count(22));
    }

    #[test]
    fn a_column_that_cannot_be_protected_hides_its_total() {
        // Only one non-zero cell, and it is small: the total gives it away.
        let column = protect(&[0, 4, 0], k5());
        assert_eq!(column.total, BelowThreshold);
        // One small and one large cell: hiding the large one too leaves 3 + x = 9 with x >= 5,
        // so the small one is 1 to 4: not exact.
        let column = protect(&[3, 6], k5());
        assert_eq!(column.cells, [BelowThreshold, Secondary]);
        assert_eq!(column.total, Count(9));
    }

    #[test]
    fn the_threshold_is_checked() {
        assert!(Threshold::new(2).is_err(), "\"<2\" would say exactly 1");
        assert!(Threshold::new(101).is_err());
        assert_eq!(Threshold::new(3).unwrap().k(), 3);
    }

    /// Every value the hidden cells of a published column could take, given what is shown:
    /// brute force over small counts, independent of the algorithm's own reasoning.
    fn possible_values(column: &ProtectedColumn, k: u64, limit: u64) -> Vec<Vec<u64>> {
        let options: Vec<Vec<u64>> = column
            .cells
            .iter()
            .map(|c| match c {
                Count(n) => vec![*n],
                BelowThreshold => (1..k).collect(),
                Secondary => (0..=limit).filter(|&n| n == 0 || n >= k).collect(),
            })
            .collect();
        let mut solutions = vec![vec![]];
        for opts in &options {
            solutions = solutions
                .into_iter()
                .flat_map(|prefix: Vec<u64>| {
                    opts.iter()
                        .map(move |&o| [prefix.clone(), vec![o]].concat())
                })
                .collect();
        }
        solutions
            .into_iter()
            .filter(|values| {
                let sum: u64 = values.iter().sum();
                match column.total {
                    Count(t) => sum == t,
                    BelowThreshold => (1..k).contains(&sum),
                    Secondary => true,
                }
            })
            .collect()
    }

    proptest! {
        #[test]
        fn no_published_count_lies_between_1_and_k_minus_1(counts in proptest::collection::vec(0u64..40, 1..8), k in 3u64..8) {
            let column = protect(&counts, Threshold::new(k).unwrap());
            for shown in column.cells.iter().chain([&column.total]) {
                if let Count(n) = shown {
                    prop_assert!(*n == 0 || *n >= k, "published {n} with k = {k}");
                }
            }
            for (shown, &n) in column.cells.iter().zip(&counts) {
                if let Count(published) = shown {
                    prop_assert_eq!(*published, n);
                }
            }
        }

        #[test]
        fn no_hidden_count_can_be_worked_out(counts in proptest::collection::vec(0u64..12, 1..5), k in 3u64..6) {
            let column = protect(&counts, Threshold::new(k).unwrap());
            let limit: u64 = counts.iter().sum::<u64>() + k;
            let solutions = possible_values(&column, k, limit);
            prop_assert!(solutions.contains(&counts), "the truth must be among the possibilities");
            for (i, shown) in column.cells.iter().enumerate() {
                if !matches!(shown, Count(_)) {
                    let first = solutions[0][i];
                    prop_assert!(solutions.iter().any(|s| s[i] != first), "cell {i} of {counts:?} is pinned to {first} (k = {k}): {column:?}");
                }
            }
        }
    }
}
