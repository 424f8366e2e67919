//! How many threads a step of the engine uses: one for small inputs (threads cost more than
//! they save), else one per core, up to eight. Every parallel step cuts its work in fixed
//! pieces and joins them in order, so the result never depends on the count; tests force a
//! count to check exactly that.

#[cfg(test)]
thread_local! {
    static FORCED: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Threads for a step over `rows` rows that pays off from `from` rows.
pub(super) fn threads_for(rows: usize, from: usize) -> usize {
    #[cfg(test)]
    if let Some(n) = FORCED.with(|f| f.get()) {
        return n;
    }
    if rows < from {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// Runs `f` with every step of the engine on this thread using `n` threads, whatever the size.
#[cfg(test)]
pub(super) fn with_threads<T>(n: usize, f: impl FnOnce() -> T) -> T {
    FORCED.with(|c| c.set(Some(n.max(1))));
    let out = f();
    FORCED.with(|c| c.set(None));
    out
}

/// Runs `f` on each piece, one scoped thread per piece (on this thread for a single piece),
/// and returns the results in the pieces' order; a panic in a piece is raised here.
pub(crate) fn each_in_order<P: Send, T: Send>(pieces: Vec<P>, f: impl Fn(P) -> T + Sync) -> Vec<T> {
    if pieces.len() <= 1 {
        return pieces.into_iter().map(f).collect();
    }
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = pieces
            .into_iter()
            .map(|piece| scope.spawn(move || f(piece)))
            .collect();
        handles
            .into_iter()
            .map(|h| match h.join() {
                Ok(out) => out,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

/// `0..n` cut in `threads` fixed pieces (one piece below two threads).
pub(super) fn ranges(n: usize, threads: usize) -> Vec<std::ops::Range<usize>> {
    if threads < 2 || n == 0 {
        return std::iter::once(0..n).collect();
    }
    let size = n.div_ceil(threads);
    (0..n).step_by(size).map(|s| s..(s + size).min(n)).collect()
}

/// Sorts `items` by `cmp` on `threads` cores: fixed pieces sorted each on its own core, then
/// merged. `cmp` must be a total order (no two items equal), so the result is the one a
/// sequential sort gives, whatever the thread count.
pub(super) fn sort_by<T: Send>(
    mut items: Vec<T>,
    threads: usize,
    cmp: impl Fn(&T, &T) -> std::cmp::Ordering + Sync,
) -> Vec<T> {
    if threads < 2 || items.len() < 2 * threads {
        items.sort_unstable_by(&cmp);
        return items;
    }
    let n = items.len();
    let mut pieces: Vec<Vec<T>> = Vec::with_capacity(threads);
    for range in ranges(n, threads).into_iter().rev() {
        pieces.push(items.split_off(range.start));
    }
    pieces.reverse();
    drop(items);
    // Each piece sorted, then reversed so that its smallest item is popped from its end.
    let mut runs = each_in_order(pieces, |mut piece| {
        piece.sort_unstable_by(&cmp);
        piece.reverse();
        piece
    });
    let mut out = Vec::with_capacity(n);
    loop {
        let mut best: Option<usize> = None;
        for (i, run) in runs.iter().enumerate() {
            let Some(item) = run.last() else {
                continue;
            };
            if best.is_none_or(|b| runs[b].last().is_none_or(|b| cmp(item, b).is_lt())) {
                best = Some(i);
            }
        }
        match best.and_then(|b| runs[b].pop()) {
            Some(item) => out.push(item),
            None => return out,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_cover_every_index_once_in_order() {
        for n in [0, 1, 2, 7, 100] {
            for threads in [1, 2, 3, 8] {
                let all: Vec<usize> = ranges(n, threads).into_iter().flatten().collect();
                assert_eq!(all, (0..n).collect::<Vec<_>>(), "n={n} threads={threads}");
            }
        }
    }

    #[test]
    fn a_parallel_sort_gives_what_a_sequential_sort_gives() {
        // A fixed pseudo-random sequence with repeats in the first field, ties broken by the
        // second (a total order, as `sort_by` asks).
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let items: Vec<(u64, usize)> = (0..10_007)
            .map(|i| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % 97, i)
            })
            .collect();
        let mut expected = items.clone();
        expected.sort_unstable();
        for threads in [1, 2, 3, 5, 8] {
            let sorted = sort_by(items.clone(), threads, |a, b| a.cmp(b));
            assert_eq!(sorted, expected, "{threads} threads");
        }
        assert!(sort_by(Vec::<(u64, usize)>::new(), 4, |a, b| a.cmp(b)).is_empty());
        assert_eq!(sort_by(vec![(1, 0)], 4, |a, b| a.cmp(b)), vec![(1, 0)]);
    }
}
