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
pub(super) fn each_in_order<P: Send, T: Send>(pieces: Vec<P>, f: impl Fn(P) -> T + Sync) -> Vec<T> {
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
