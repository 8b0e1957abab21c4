//! One sort for the whole engine: every instantiation of a sort routine costs kilobytes of
//! wasm, so callers sort their items by an integer key pair through this one function.

/// Orders `v` by `key`, keeping the original order on ties (plain integer triples are
/// sorted: one instantiation serves every caller).
pub fn order_by<T>(v: &mut Vec<T>, key: impl Fn(&T) -> (usize, usize)) {
    let mut keys: Vec<(usize, usize, usize)> = v
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let (a, b) = key(x);
            (a, b, i)
        })
        .collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(keys.into_iter().filter_map(|(_, _, i)| slots[i].take()));
}

#[cfg(test)]
mod tests {
    #[test]
    fn stable_on_ties() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd')];
        super::order_by(&mut v, |x| (x.0, 0));
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (3, 'a'), (3, 'c')]);
    }
}
