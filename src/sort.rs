//! One sort for the whole engine: every instantiation of a sort routine costs kilobytes of
//! wasm, so callers sort their items by an integer key pair through this one function.

/// Orders `v` by `key`, keeping the original order on ties (plain integer triples are
/// sorted: one instantiation serves every caller).
pub fn order_by<T>(v: &mut Vec<T>, key: impl Fn(&T) -> (usize, usize)) {
    // nothing to order (an item without findings, most of them): no buffers
    if v.len() < 2 {
        return;
    }
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

/// Sorts numbers (through the same instantiation).
pub fn numbers(v: &mut Vec<usize>) {
    order_by(v, |&x| (x, 0));
}

/// Up to this many words are sorted by insertion alone.
const FEW_WORDS: usize = 8;

/// Sorts words in byte order: by their first eight bytes through the one sort, then an
/// insertion pass for the rare words sharing those (linear when there are none).
pub fn words<S: AsRef<str>>(v: &mut Vec<S>) {
    fn prefix(w: &[u8], from: usize) -> usize {
        (from..from + 4).fold(0usize, |k, i| {
            (k << 8) | usize::from(w.get(i).copied().unwrap_or(0))
        })
    }
    // a few words (a name's): the insertion pass alone, without the sort's two buffers
    if v.len() > FEW_WORDS {
        order_by(v, |w| {
            let w = w.as_ref().as_bytes();
            (prefix(w, 0), prefix(w, 4))
        });
    }
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && v[j - 1].as_ref() > v[j].as_ref() {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn stable_on_ties() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd')];
        super::order_by(&mut v, |x| (x.0, 0));
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn words_in_byte_order() {
        let mut v = vec![
            "MARTINEZ",
            "MARTINE",
            "MARTINEAU",
            "DUPONT",
            "MARTINEZ-B",
            "",
            "É",
        ];
        let mut want = v.clone();
        want.sort();
        super::words(&mut v);
        assert_eq!(v, want);
        // past a few words, through the one sort
        let mut v: Vec<String> = (0..40).map(|i| format!("MARTIN{}", (i * 7) % 40)).collect();
        v.extend(["MARTINEAU", "DUPONT", "", "É"].map(String::from));
        let mut want = v.clone();
        want.sort();
        super::words(&mut v);
        assert_eq!(v, want);
    }
}
