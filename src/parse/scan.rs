//! Small scanning helpers over the normalised (lower-case) text.
//!
//! Patterns are plain lower-case ASCII; a space in a pattern matches any run
//! of whitespace (spaces, tabs, newlines), so wrapped lines still match.

use crate::text::{prefix_at, Text, PREFIX_KEYS};

/// Number of two-byte keys (hashed): see [`pair_key`].
const PAIR_KEYS: usize = 4096;

/// The key of a two-byte prefix, whitespace counting as one space (keywords write any run
/// of whitespace as one space), for the keyword lists' prefix filters. Two prefixes may
/// share a key: searches verify.
fn pair_key(b0: u8, b1: u8) -> usize {
    let b1 = if is_ws(b1) { b' ' } else { b1 };
    (usize::from(b0) * 31 + usize::from(b1)) % PAIR_KEYS
}

pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

pub fn is_ws(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == b'\n'
}

/// If `pat` matches at `pos`, the end of the match.
pub fn match_at(s: &[u8], pos: usize, pat: &str) -> Option<usize> {
    let p = pat.as_bytes();
    let mut i = pos;
    let mut j = 0;
    while j < p.len() {
        if p[j] == b' ' {
            if i >= s.len() || !is_ws(s[i]) {
                return None;
            }
            while i < s.len() && is_ws(s[i]) {
                i += 1;
            }
            j += 1;
        } else {
            if i >= s.len() || s[i] != p[j] {
                return None;
            }
            i += 1;
            j += 1;
        }
    }
    Some(i)
}

/// Word-bounded match of `pat` at `pos`.
pub fn word_at(s: &[u8], pos: usize, pat: &str) -> Option<usize> {
    if pos > 0
        && is_word_byte(s[pos - 1])
        && pat.as_bytes().first().is_some_and(|&b| is_word_byte(b))
    {
        return None;
    }
    let end = match_at(s, pos, pat)?;
    if end < s.len()
        && is_word_byte(s[end])
        && pat.as_bytes().last().is_some_and(|&b| is_word_byte(b))
    {
        return None;
    }
    Some(end)
}

/// The text's start positions in `from..to` where `pat` may begin, in order.
fn starts_for<'t>(
    t: &'t Text,
    pat: &[u8],
    from: usize,
    to: usize,
) -> impl Iterator<Item = usize> + 't {
    let s = t.lower.as_bytes();
    let to = to.min(s.len());
    let first = pat.first().copied();
    // four bytes or more: their group; fewer: every start with the first byte
    let (group, any_start) = match prefix_at(pat, 0) {
        Some(k) => (t.starts.of_prefix(k, from, to), false),
        None => (t.starts.all(from, to), true),
    };
    group
        .iter()
        .map(|&p| p as usize)
        .filter(move |&p| !any_start || Some(s[p]) == first)
}

/// Whether `needle` occurs in `hay`: for the short windows read around a value, a plain
/// scan on the needle's first byte (a string searcher, or `memchr`'s dispatch, costs more
/// to set up than such a window costs to read).
pub fn has_bytes(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    hay.len() >= needle.len()
        && (0..=hay.len() - needle.len()).any(|i| hay[i] == first && hay[i + 1..].starts_with(rest))
}

/// The first position in `from..to` holding `byte` that `keep` accepts.
pub fn find_byte(
    s: &[u8],
    from: usize,
    to: usize,
    byte: u8,
    keep: impl Fn(usize) -> bool,
) -> Option<usize> {
    let to = to.min(s.len());
    let mut a = from;
    while a < to {
        let k = a + memchr::memchr(byte, &s[a..to])?;
        if keep(k) {
            return Some(k);
        }
        a = k + 1;
    }
    None
}

/// The last position in `from..to` holding one of `bytes` that `keep` accepts.
pub fn rfind_bytes(
    s: &[u8],
    from: usize,
    to: usize,
    bytes: &[u8],
    keep: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut z = to.min(s.len());
    while from < z {
        let hay = &s[from..z];
        let k = from
            + match *bytes {
                [a] => memchr::memrchr(a, hay),
                [a, b] => memchr::memrchr2(a, b, hay),
                [a, b, c] => memchr::memrchr3(a, b, c, hay),
                _ => hay.iter().rposition(|x| bytes.contains(x)),
            }?;
        if keep(k) {
            return Some(k);
        }
        z = k;
    }
    None
}

/// First word-bounded occurrence of `pat` in `from..to`: (start, end).
pub fn find_word(t: &Text, from: usize, to: usize, pat: &str) -> Option<(usize, usize)> {
    let s = t.lower.as_bytes();
    if pat.is_empty() {
        return None;
    }
    starts_for(t, pat.as_bytes(), from, to).find_map(|p| word_at(s, p, pat).map(|e| (p, e)))
}

/// First word-bounded occurrence of `pat` in a short window of bytes (no index needed).
pub fn find_word_near(s: &[u8], from: usize, to: usize, pat: &str) -> Option<(usize, usize)> {
    let first = *pat.as_bytes().first()?;
    let to = to.min(s.len());
    (from..to)
        .filter(|&p| s[p] == first)
        .find_map(|p| word_at(s, p, pat).map(|e| (p, e)))
}

/// Every word-bounded occurrence of `pat`.
pub fn find_all(t: &Text, pat: &str) -> Vec<(usize, usize)> {
    find_all_in(t, 0, t.len(), pat)
}

/// Every word-bounded occurrence of `pat` in `from..to`.
pub fn find_all_in(t: &Text, from: usize, to: usize, pat: &str) -> Vec<(usize, usize)> {
    let s = t.lower.as_bytes();
    if pat.is_empty() {
        return Vec::new();
    }
    starts_for(t, pat.as_bytes(), from, to)
        .filter_map(|p| word_at(s, p, pat).map(|e| (p, e)))
        .collect()
}

/// A pattern list indexed by first byte: at a position only the few patterns beginning
/// with its byte are tried (after the prefix bit sets rejected most positions), and a
/// search visits only the text's start positions ([`Text::starts`]) in the prefix groups
/// of its patterns.
pub struct Patterns<'p> {
    /// The patterns as a trie: a match walks the text once, however many patterns share
    /// its prefix ("membres présents", "membres présents ou représentés"…).
    trie: Trie,
    _pats: std::marker::PhantomData<&'p str>,
    /// First bytes that start a one-byte pattern: searched through their first-byte group.
    short_firsts: Vec<u8>,
    /// First two bytes (whitespace as a space) of the patterns too short for a group:
    /// every start beginning with them is tried.
    pair_firsts: Vec<(u8, u8)>,
    /// The prefix groups ([`prefix_at`]) of the longer patterns, each once: searches
    /// visit only the text's starts in those groups.
    prefix_groups: Vec<u16>,
    /// The same keys as a bit set, and the first bytes of the patterns too short for a
    /// group: a sequential pass over a range's starts keeps those whose key is in the set
    /// or whose first byte is.
    prefix_bits: [u64; PREFIX_KEYS / 64],
    first_bytes: [bool; 256],
    /// The same groups as a bit set, and the one-byte first bytes: most positions are
    /// rejected by one bit test instead of a loop over the patterns sharing a first byte.
    pairs: [u64; PAIR_KEYS / 64],
    short: [bool; 256],
    /// A finer filter: three-byte prefixes of the patterns without whitespace in them,
    /// and the two-byte prefixes of the others (whitespace runs make their third byte
    /// move).
    triples: [u64; PAIR_KEYS / 64],
    pairs_only: [u64; PAIR_KEYS / 64],
}

/// A byte trie over lower-case patterns, a space in a pattern standing for any run of
/// whitespace.
///
/// A run of nodes with one child and no pattern ending there is one node whose label is
/// the run's bytes (a keyword's tail is read by one comparison loop, not byte by byte
/// through child lists), and the nodes are laid out inline in one byte array, each with
/// its label and its children: a walk reads one place of memory per branching, instead of
/// a node, a child list and a child table per byte (the parser's ninety lists compete for
/// the first-level cache). At a node's offset `o`: the first pattern ending at the node's
/// end (`NONE`: none, 4 bytes), the label's length (2 bytes), the number of children times
/// two plus one if the last byte read is a word byte (a match ending there must not be
/// followed by one, 2 bytes), then the label, the children's first bytes and their offsets
/// (4 bytes each). A child's label starts after the byte that leads to it; the root is the
/// node at offset 0 (no table of first bytes: ninety lists would hold 90 KB of them).
struct Trie {
    data: Vec<u8>,
}

const NONE: u32 = u32::MAX;

/// Bytes before a node's label: pattern, label length, children and word edge.
const NODE_HEADER: usize = 8;

fn u32_at(data: &[u8], o: usize) -> Option<u32> {
    Some(u32::from_le_bytes(*data.get(o..)?.first_chunk()?))
}

impl Trie {
    fn new(pats: &[&str]) -> Trie {
        // built byte by byte with child lists, then compressed and flattened
        struct Build {
            term: u32,
            children: Vec<(u8, usize)>,
        }
        let mut nodes: Vec<Build> = vec![Build {
            term: NONE,
            children: Vec::new(),
        }];
        for (k, p) in pats.iter().enumerate() {
            let mut node = 0;
            for &b in p.as_bytes() {
                let b = if is_ws(b) { b' ' } else { b };
                node = match nodes[node].children.iter().find(|c| c.0 == b) {
                    Some(&(_, c)) => c,
                    None => {
                        nodes.push(Build {
                            term: NONE,
                            children: Vec::new(),
                        });
                        let c = nodes.len() - 1;
                        nodes[node].children.push((b, c));
                        c
                    }
                };
            }
            if node != 0 && nodes[node].term == NONE {
                nodes[node].term = k as u32;
            }
        }
        // Flattened depth first from the root: a node's label runs down its one-child chain;
        // its children are written after it, their offsets patched in.
        let mut data: Vec<u8> = Vec::new();
        // (build node reached, its leading byte, where to patch its offset: None for the root)
        let mut todo: Vec<(usize, u8, Option<usize>)> = vec![(0, 0, None)];
        while let Some((first, lead, patch)) = todo.pop() {
            let o = data.len() as u32;
            if let Some(at) = patch {
                data[at..at + 4].copy_from_slice(&o.to_le_bytes());
            }
            // the header, then the label written as the one-child chain is walked
            let at = data.len();
            data.extend([0; NODE_HEADER]);
            let mut last = lead;
            let mut node = first;
            // (the root keeps its children: a search begins at its first byte's child)
            while node != 0
                && nodes[node].term == NONE
                && nodes[node].children.len() == 1
                && data.len() - at - NODE_HEADER < usize::from(u16::MAX)
            {
                let (b, c) = nodes[node].children[0];
                data.push(b);
                last = b;
                node = c;
            }
            let n = &nodes[node];
            let len = (data.len() - at - NODE_HEADER) as u16;
            let children = n.children.len() as u16 * 2 + u16::from(is_word_byte(last));
            let mut header = [0; NODE_HEADER];
            header[..4].copy_from_slice(&n.term.to_le_bytes());
            header[4..6].copy_from_slice(&len.to_le_bytes());
            header[6..].copy_from_slice(&children.to_le_bytes());
            data[at..at + NODE_HEADER].copy_from_slice(&header);
            data.extend(n.children.iter().map(|&(b, _)| b));
            for &(b, c) in &n.children {
                todo.push((c, b, Some(data.len())));
                data.extend([0; 4]);
            }
        }
        Trie { data }
    }

    /// The longest pattern matching word-bounded at `pos`: (end, index).
    fn longest(&self, s: &[u8], pos: usize) -> Option<(usize, usize)> {
        let b0 = *s.get(pos)?;
        // a pattern beginning with a word byte cannot begin inside a word
        if pos > 0 && is_word_byte(b0) && is_word_byte(s[pos - 1]) {
            return None;
        }
        // the byte at `i` as patterns write it (a whitespace run as one space) and where the
        // text goes on after it
        let step = |i: usize| {
            let c = *s.get(i)?;
            Some(if is_ws(c) {
                (b' ', skip_ws(s, i))
            } else {
                (c, i + 1)
            })
        };
        let (mut node, mut i) = (0, pos);
        let mut best = None;
        let d = &self.data[..];
        while node != NONE {
            let o = node as usize;
            let Some(h) = d.get(o..).and_then(<[u8]>::first_chunk::<NODE_HEADER>) else {
                break;
            };
            let term = u32::from_le_bytes([h[0], h[1], h[2], h[3]]);
            let len = usize::from(u16::from_le_bytes([h[4], h[5]]));
            let children = usize::from(u16::from_le_bytes([h[6], h[7]]));
            let (n, edge) = (children / 2, children % 2);
            let label = o + NODE_HEADER;
            for &p in d.get(label..label + len).unwrap_or(&[]) {
                match step(i) {
                    Some((c, next)) if c == p => i = next,
                    _ => return best,
                }
            }
            if term != NONE && !(edge == 1 && i < s.len() && is_word_byte(s[i])) {
                best = Some((i, term as usize));
            }
            let Some((c, next)) = step(i) else { break };
            let firsts = label + len;
            node = d
                .get(firsts..firsts + n)
                .and_then(|f| f.iter().position(|&b| b == c))
                .and_then(|k| u32_at(d, firsts + n + 4 * k))
                .unwrap_or(NONE);
            i = next;
        }
        best
    }
}

fn triple_key(b0: u8, b1: u8, b2: u8) -> usize {
    (usize::from(b0) * 961 + usize::from(b1) * 31 + usize::from(b2)) % PAIR_KEYS
}

fn has_bit(bits: &[u64], k: usize) -> bool {
    bits[k / 64] & (1 << (k % 64)) != 0
}

impl<'p> Patterns<'p> {
    pub fn new(pats: &[&'p str]) -> Patterns<'p> {
        let mut pairs = [0u64; PAIR_KEYS / 64];
        let mut triples = [0u64; PAIR_KEYS / 64];
        let mut pairs_only = [0u64; PAIR_KEYS / 64];
        let mut short = [false; 256];
        let mut short_firsts = Vec::new();
        let mut pair_firsts = Vec::new();
        let mut prefix_groups = Vec::new();
        for p in pats {
            let p = p.as_bytes();
            if let Some(&b) = p.first() {
                match p.get(1) {
                    Some(&b1) => {
                        match p.get(2) {
                            Some(&b2) if !is_ws(b1) && !is_ws(b2) => {
                                let k = triple_key(b, b1, b2);
                                triples[k / 64] |= 1 << (k % 64);
                            }
                            _ => {
                                let k = pair_key(b, b1);
                                pairs_only[k / 64] |= 1 << (k % 64);
                            }
                        }
                        let bit = pair_key(b, b1);
                        match prefix_at(p, 0) {
                            Some(k) => {
                                if !prefix_groups.contains(&(k as u16)) {
                                    prefix_groups.push(k as u16);
                                }
                            }
                            None => {
                                let two = (b, if is_ws(b1) { b' ' } else { b1 });
                                if !pair_firsts.contains(&two) {
                                    pair_firsts.push(two);
                                }
                            }
                        }
                        pairs[bit / 64] |= 1 << (bit % 64);
                    }
                    None => {
                        if !short[b as usize] {
                            short_firsts.push(b);
                        }
                        short[b as usize] = true;
                    }
                }
            }
        }
        let mut prefix_bits = [0u64; PREFIX_KEYS / 64];
        for &k in &prefix_groups {
            prefix_bits[usize::from(k) / 64] |= 1 << (k % 64);
        }
        let mut first_bytes = short;
        for &(b, _) in &pair_firsts {
            first_bytes[usize::from(b)] = true;
        }
        Patterns {
            trie: Trie::new(pats),
            _pats: std::marker::PhantomData,
            short_firsts,
            pair_firsts,
            prefix_groups,
            prefix_bits,
            first_bytes,
            pairs,
            short,
            triples,
            pairs_only,
        }
    }

    /// The longest pattern matching word-bounded at `pos`: (end, index).
    #[inline]
    pub fn at(&self, s: &[u8], pos: usize) -> Option<(usize, usize)> {
        let b0 = *s.get(pos)?;
        if !self.short[b0 as usize] {
            let b1 = *s.get(pos + 1)?;
            let pair = pair_key(b0, b1);
            if !has_bit(&self.pairs, pair) {
                return None;
            }
            if !has_bit(&self.pairs_only, pair) {
                let b2 = *s.get(pos + 2)?;
                if !has_bit(&self.triples, triple_key(b0, b1, b2)) {
                    return None;
                }
            }
        }
        self.trie.longest(s, pos)
    }

    /// Whether `from..to` is searched by one sequential pass over its starts (each start's
    /// key tested against the list's set) rather than through the list's groups (a binary
    /// search per group, and the groups' positions read out of order): the pass, unless the
    /// range holds many starts per group.
    fn sequential(&self, t: &Text, from: usize, to: usize) -> bool {
        if from >= to {
            return true;
        }
        let starts = t.starts.all(from, to).len();
        let groups = self.prefix_groups.len() + self.short_firsts.len() + self.pair_firsts.len();
        starts < groups * SEQUENTIAL_STARTS_PER_GROUP
    }

    /// The range's starts that may begin a pattern, in order, by one sequential pass.
    fn scan<'t>(&'t self, t: &'t Text, from: usize, to: usize) -> impl Iterator<Item = usize> + 't {
        let s = t.lower.as_bytes();
        t.starts
            .keyed(from, to)
            .filter(move |&(p, k)| {
                has_bit(&self.prefix_bits, k) || self.first_bytes[usize::from(s[p])]
            })
            .map(|(p, _)| p)
    }

    /// The candidate start positions in `from..to`, as groups of the text's index: the
    /// starts with the first bytes of a pattern too short for a group, and the prefix groups
    /// of the others (a group position whose first byte starts a one-byte pattern is left
    /// to that byte's group; a position may come twice, through its first byte and its
    /// prefix group).
    fn candidates<'t>(
        &'t self,
        t: &'t Text,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = impl Iterator<Item = usize> + 't> + 't {
        let s = t.lower.as_bytes();
        // (positions, the first bytes they must have, or None: skip one-byte first bytes)
        let by_byte = self
            .short_firsts
            .iter()
            .map(|&b| (b, None))
            .chain(self.pair_firsts.iter().map(|&(b, c)| (b, Some(c))))
            .map(move |first| (t.starts.all(from, to), Some(first)));
        let by_group = self
            .prefix_groups
            .iter()
            .map(move |&k| (t.starts.of_prefix(k as usize, from, to), None));
        by_byte.chain(by_group).map(move |(group, first)| {
            group
                .iter()
                .map(|&p| p as usize)
                .filter(move |&p| match first {
                    Some((b, None)) => s[p] == b,
                    Some((b, Some(c))) => {
                        s[p] == b
                            && s.get(p + 1)
                                .is_some_and(|&x| x == c || (c == b' ' && is_ws(x)))
                    }
                    None => !self.short[s[p] as usize],
                })
        })
    }

    /// The first match in `from..to`: (start, end, index). Each group's positions are
    /// visited only up to the best match found so far.
    pub fn find(&self, t: &Text, from: usize, to: usize) -> Option<(usize, usize, usize)> {
        let s = t.lower.as_bytes();
        let to = to.min(s.len());
        if self.sequential(t, from, to) {
            return self
                .scan(t, from, to)
                .find_map(|p| self.at(s, p).map(|(e, k)| (p, e, k)));
        }
        let mut best: Option<(usize, usize, usize)> = None;
        for group in self.candidates(t, from, to) {
            for p in group {
                if best.is_some_and(|(a, _, _)| p >= a) {
                    break;
                }
                if let Some((e, k)) = self.at(s, p) {
                    best = Some((p, e, k));
                    break;
                }
            }
        }
        best
    }

    /// Every position in `from..to` where a pattern matches, in text order, with the
    /// longest pattern there: (start, end, index).
    pub fn hits(&self, t: &Text, from: usize, to: usize) -> Vec<(usize, usize, usize)> {
        let s = t.lower.as_bytes();
        let to = to.min(s.len());
        if self.sequential(t, from, to) {
            return self
                .scan(t, from, to)
                .filter_map(|p| self.at(s, p).map(|(e, k)| (p, e, k)))
                .collect();
        }
        let mut hits = Vec::new();
        let mut groups = 0;
        for group in self.candidates(t, from, to) {
            groups += 1;
            for p in group {
                if let Some((e, k)) = self.at(s, p) {
                    hits.push((p, e, k));
                }
            }
        }
        if groups > 1 {
            // the longest pattern at each position, found once or twice: in text order,
            // once each
            // (usize, usize, usize): the same instantiation as `crate::sort::order_by`'s
            hits.sort_unstable();
            hits.dedup();
        }
        hits
    }
}

/// Below this many starts per group of a pattern list, a range is searched by one
/// sequential pass over its starts.
const SEQUENTIAL_STARTS_PER_GROUP: usize = 8;

/// A constant keyword list with its index, built on first use and kept: the lists the
/// parser tries at every word of an attendance list are not re-indexed per call.
pub struct Lexicon {
    build: fn() -> Patterns<'static>,
    index: std::sync::OnceLock<Patterns<'static>>,
}

impl Lexicon {
    /// `build` makes the index once: `Lexicon::new(|| Patterns::new(WORDS))`.
    pub const fn new(build: fn() -> Patterns<'static>) -> Lexicon {
        Lexicon {
            build,
            index: std::sync::OnceLock::new(),
        }
    }

    pub fn get(&self) -> &Patterns<'static> {
        self.index.get_or_init(self.build)
    }

    /// The longest keyword matching word-bounded at `pos`: (end, index), like [`any_at`].
    pub fn at(&self, s: &[u8], pos: usize) -> Option<(usize, usize)> {
        self.get().at(s, pos)
    }
}

/// A constant list of lower-case words with a one-bit-test rejection: most words of a
/// text are in none of the lists, and a bit keyed on a word's length and first two bytes
/// (ASCII case folded) says so without comparing it to every entry.
pub struct WordSet {
    words: &'static [&'static str],
    bits: std::sync::OnceLock<[u64; 16]>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            bits: std::sync::OnceLock::new(),
        }
    }

    fn key(w: &[u8]) -> usize {
        let b = |i: usize| usize::from(w.get(i).map_or(0, u8::to_ascii_lowercase));
        Self::key_of(b(0), b(1), w.len())
    }

    fn key_of(b0: usize, b1: usize, len: usize) -> usize {
        (b0 * 31 + b1 * 7 + len) % 1024
    }

    fn maybe(&self, w: &str) -> bool {
        self.maybe_key(Self::key(w.as_bytes()))
    }

    fn maybe_key(&self, k: usize) -> bool {
        let bits = self.bits.get_or_init(|| {
            let mut bits = [0u64; 16];
            for x in self.words {
                let k = Self::key(x.as_bytes());
                bits[k / 64] |= 1 << (k % 64);
            }
            bits
        });
        bits[k / 64] & (1 << (k % 64)) != 0
    }

    /// `w` is in the list (exactly).
    pub fn contains(&self, w: &str) -> bool {
        self.maybe(w) && self.words.contains(&w)
    }

    /// `w` is in the list, ignoring ASCII case.
    pub fn contains_ignore_case(&self, w: &str) -> bool {
        self.maybe(w) && self.words.iter().any(|x| x.eq_ignore_ascii_case(w))
    }

    /// `w` followed by `suffix` is in the list ("M" + "." → "m."), ignoring ASCII case,
    /// without building the string.
    pub fn contains_with(&self, w: &str, suffix: char) -> bool {
        let n = w.len() + suffix.len_utf8();
        // the one-bit test on the joined word's first two bytes and length
        let mut buf = [0u8; 4];
        let tail = suffix.encode_utf8(&mut buf).as_bytes();
        let mut joined = w.bytes().chain(tail.iter().copied());
        let b0 = usize::from(joined.next().map_or(0, |b| b.to_ascii_lowercase()));
        let b1 = usize::from(joined.next().map_or(0, |b| b.to_ascii_lowercase()));
        if !self.maybe_key(Self::key_of(b0, b1, n)) {
            return false;
        }
        self.words.iter().any(|x| {
            x.len() == n
                && x.ends_with(suffix)
                && x.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
        })
    }
}

/// Successive earliest matches of several patterns, found in one pass.
pub struct AnyMatches {
    hits: Vec<(usize, usize, usize)>,
    next: usize,
}

impl AnyMatches {
    /// The matches of an index already built (a [`Lexicon`]'s).
    pub fn of(index: &Patterns, t: &Text, from: usize, to: usize) -> AnyMatches {
        AnyMatches {
            hits: index.hits(t, from, to),
            next: 0,
        }
    }

    /// Every match, in order: (start, end, pattern index).
    pub fn hits(&self) -> &[(usize, usize, usize)] {
        &self.hits
    }

    /// The next match starting at or after `from`.
    pub fn next_from(&mut self, from: usize) -> Option<(usize, usize, usize)> {
        while self.next < self.hits.len() && self.hits[self.next].0 < from {
            self.next += 1;
        }
        self.hits.get(self.next).copied()
    }
}

/// Which of `pats` matches word-bounded at `pos` (longest first): (end, index).
pub fn any_at(s: &[u8], pos: usize, pats: &[&str]) -> Option<(usize, usize)> {
    let first = *s.get(pos)?;
    let mut best: Option<(usize, usize)> = None;
    for (k, p) in pats.iter().enumerate() {
        // cheap first-byte filter: most patterns fail here
        if p.as_bytes().first() != Some(&first) {
            continue;
        }
        if let Some(e) = word_at(s, pos, p) {
            if best.is_none_or(|(be, _)| e > be) {
                best = Some((e, k));
            }
        }
    }
    best
}

pub fn skip_ws(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && is_ws(s[i]) {
        i += 1;
    }
    i
}

/// Skip whitespace and any of the given punctuation bytes.
pub fn skip_seps(s: &[u8], mut i: usize, seps: &[u8]) -> usize {
    while i < s.len() && (is_ws(s[i]) || seps.contains(&s[i])) {
        i += 1;
    }
    i
}

pub fn skip_ws_back(s: &[u8], mut i: usize) -> usize {
    while i > 0 && is_ws(s[i - 1]) {
        i -= 1;
    }
    i
}

/// A small integer (at most 9 digits) at `pos`, not glued to letters or other digits.
pub fn read_int(s: &[u8], pos: usize) -> Option<(u32, usize)> {
    if pos >= s.len() || !s[pos].is_ascii_digit() {
        return None;
    }
    if pos > 0 && (s[pos - 1].is_ascii_digit() || s[pos - 1].is_ascii_alphabetic()) {
        return None;
    }
    let mut i = pos;
    let mut v: u64 = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        v = v * 10 + (s[i] - b'0') as u64;
        i += 1;
        if i - pos > 9 {
            return None;
        }
    }
    if i < s.len() && s[i].is_ascii_alphabetic() {
        // "2e", "1er" are ordinals, "3h" a time: not counts.
        return None;
    }
    Some((v as u32, i))
}

/// Value of a French number word, accent-stripped lower case.
fn word_value(w: &str) -> Option<u64> {
    Some(match w {
        "zero" => 0,
        "un" | "une" | "premier" | "1er" => 1,
        "deux" => 2,
        "trois" => 3,
        "quatre" => 4,
        "cinq" => 5,
        "six" => 6,
        "sept" => 7,
        "huit" => 8,
        "neuf" => 9,
        "dix" => 10,
        "onze" => 11,
        "douze" => 12,
        "treize" => 13,
        "quatorze" => 14,
        "quinze" => 15,
        "seize" => 16,
        "vingt" | "vingts" => 20,
        "trente" => 30,
        "quarante" => 40,
        "cinquante" => 50,
        "soixante" => 60,
        "septante" => 70,
        "huitante" | "octante" => 80,
        "nonante" => 90,
        "cent" | "cents" => 100,
        "mille" | "mil" => 1_000,
        "million" | "millions" => 1_000_000,
        "milliard" | "milliards" => 1_000_000_000,
        _ => return None,
    })
}

/// Two number words glued together by a PDF extraction ("vingttrois" = "vingt" + "trois"),
/// a tens word first.
fn glued_number_words(w: &str) -> Option<(&str, &str)> {
    const TENS: [&str; 6] = [
        "vingt",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
        "cent",
    ];
    let head = TENS
        .into_iter()
        .find(|t| w.len() > t.len() && w.starts_with(t))?;
    let tail = &w[head.len()..];
    let v = word_value(tail)?;
    (v < 20).then_some((&w[..head.len()], tail))
}

pub fn is_number_word(w: &str) -> bool {
    w == "et" || word_value(w).is_some()
}

/// Reads French number words starting at `pos` ("cinq cent trente-six mille").
/// Returns the value and the end of the last number word.
pub fn read_number_words(s: &[u8], pos: usize) -> Option<(u64, usize)> {
    let mut i = pos;
    let mut total: u64 = 0;
    let mut group: u64 = 0;
    let mut last_end = None;
    let mut last_word = "";
    let mut any = false;
    loop {
        // A word: letters only.
        let start = i;
        while i < s.len() && s[i].is_ascii_lowercase() {
            i += 1;
        }
        if i == start || (i < s.len() && is_word_byte(s[i])) {
            break;
        }
        let w = std::str::from_utf8(&s[start..i]).ok()?;
        if w == "et" && any {
            // "vingt et un"
        } else {
            // A word, or two number words glued by the extraction ("vingttrois").
            let parts: [&str; 2] = match word_value(w) {
                Some(_) => [w, ""],
                None => match glued_number_words(w) {
                    Some((a, b)) => [a, b],
                    None => break,
                },
            };
            for part in parts.into_iter().filter(|p| !p.is_empty()) {
                let v = word_value(part)?;
                match v {
                    100 => group = group.max(1).checked_mul(100)?,
                    1_000 | 1_000_000 | 1_000_000_000 => {
                        total = total.checked_add(group.max(1).checked_mul(v)?)?;
                        group = 0;
                    }
                    20 if last_word == "quatre" => group = group - 4 + 80,
                    _ => group += v,
                }
                last_word = part;
            }
            any = true;
            last_end = Some(i);
        }
        // Separator: spaces or hyphens.
        let sep_start = i;
        while i < s.len() && (s[i] == b' ' || s[i] == b'-' || s[i] == b'\n') {
            i += 1;
        }
        if i == sep_start {
            break;
        }
    }
    let end = last_end?;
    if last_word == "et" {
        return None;
    }
    Some((total.checked_add(group)?, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Option<u64> {
        read_number_words(s.as_bytes(), 0).map(|(v, _)| v)
    }

    #[test]
    fn byte_searches_equal_plain_loops() {
        // the searches through memchr agree with a plain loop on every range of a text
        let s = b"Vu la loi. Le conseil; le maire.\n\nLa seance du 3 mars. Fin.";
        let keep = |k: usize| s[k] != b'.' || s.get(k + 1).is_some_and(|&b| is_ws(b));
        for from in 0..=s.len() {
            for to in from..=s.len() + 2 {
                let z = to.min(s.len());
                let plain_first = (from..z).find(|&k| s[k] == b'.' && keep(k));
                assert_eq!(find_byte(s, from, to, b'.', keep), plain_first);
                let plain_last = (from..z)
                    .rev()
                    .find(|&k| b".\n;".contains(&s[k]) && keep(k));
                assert_eq!(rfind_bytes(s, from, to, b".\n;", keep), plain_last);
                let plain_d = (from..z).rev().find(|&k| s[k] == b'd');
                assert_eq!(rfind_bytes(s, from, to, b"d", |_| true), plain_d);
            }
        }
        assert_eq!(find_byte(s, 0, s.len(), b'.', keep), Some(9));
        assert_eq!(rfind_bytes(s, 0, 21, b".\n;", keep), Some(9));
        assert_eq!(rfind_bytes(s, 0, 25, b".\n;", keep), Some(21));
    }

    #[test]
    fn number_words() {
        assert_eq!(words("cinq cent trente-six mille euros"), Some(536_000));
        assert_eq!(words("trois cent trente mille"), Some(330_000));
        assert_eq!(words("quatre-vingt-dix-sept"), Some(97));
        assert_eq!(words("soixante et onze"), Some(71));
        assert_eq!(words("deux mille vingt-trois"), Some(2023));
        assert_eq!(words("deux-mille-vingt-trois"), Some(2023));
        assert_eq!(words("un million neuf cent mille"), Some(1_900_000));
        assert_eq!(words("deux cents millions"), Some(200_000_000));
        assert_eq!(words("vingt et un mars"), Some(21));
        assert_eq!(words("quatre-vingts"), Some(80));
        assert_eq!(words("bonjour"), None);
        assert_eq!(words("deux-mille-vingttrois"), Some(2023));
        assert_eq!(words("vingtaine"), None);
    }

    /// The indexed and pre-filtered searches find exactly what trying every pattern at
    /// every byte finds (the longest match at each position, the first listed on ties).
    #[test]
    fn indexed_search_equals_byte_scan() {
        let naive = |s: &[u8], from: usize, to: usize, pats: &[&str]| {
            let mut out = Vec::new();
            for i in from..to.min(s.len()) {
                let mut best: Option<(usize, usize)> = None;
                for (k, p) in pats.iter().enumerate() {
                    if let Some(e) = word_at(s, i, p) {
                        if best.is_none_or(|(be, _)| e > be) {
                            best = Some((e, k));
                        }
                    }
                }
                if let Some((e, k)) = best {
                    out.push((i, e, k));
                }
            }
            out
        };
        let pats: &[&str] = &[
            "presents",
            "present",
            "pour",
            "pouvoir a",
            "(",
            "-",
            "l'an",
            "n°",
            "e",
            "extrait du registre",
        ];
        let index = Patterns::new(pats);
        let texts = [
            include_str!("../../www/examples/reference.txt"),
            "Présents(3)pour-pour  l'an e-e é e n° 1 pouvoir\n a X;pouvoir a",
            "",
            "e",
            "-(",
        ];
        for text in texts {
            let t = Text::new(text);
            let s = t.lower.as_bytes();
            for (from, to) in [(0, t.len()), (3, t.len() / 2), (t.len() / 3, t.len() + 9)] {
                let want = naive(s, from, to, pats);
                assert_eq!(index.hits(&t, from, to), want, "{text:?} {from}..{to}");
                assert_eq!(index.find(&t, from, to), want.first().copied());
                for &pat in pats {
                    let want: Vec<_> = naive(s, from, to, std::slice::from_ref(&pat))
                        .iter()
                        .map(|h| (h.0, h.1))
                        .collect();
                    assert_eq!(find_all_in(&t, from, to, pat), want, "{pat}");
                    assert_eq!(find_word(&t, from, to, pat), want.first().copied());
                }
            }
        }
    }

    /// The compressed trie against every pattern tried at every position: random lists over
    /// a small alphabet share prefixes, end inside one another, hold spaces and punctuation
    /// and run longer than a label of one node; texts wrap their spaces into runs.
    #[test]
    fn trie_equals_trying_every_pattern() {
        use proptest::prelude::*;
        // (patterns write whitespace as a space; texts may wrap it)
        let word = |v: &Vec<u8>, alphabet: &[u8]| -> String {
            v.iter()
                .map(|&k| char::from(alphabet[usize::from(k) % alphabet.len()]))
                .collect()
        };
        let mut runner = proptest::test_runner::TestRunner::default();
        runner
            .run(
                &(
                    proptest::collection::vec(proptest::collection::vec(0u8..8, 1..12), 1..12),
                    proptest::collection::vec(0u8..8, 0..80),
                ),
                |(pats, text)| {
                    let mut pats: Vec<String> = pats.iter().map(|p| word(p, b"ab '-.")).collect();
                    // a pattern longer than one label can hold
                    pats.push("ab".repeat(40_000));
                    let pats: Vec<&str> = pats.iter().map(String::as_str).collect();
                    let trie = Trie::new(&pats);
                    let text = word(&text, b"ab '-.\n") + " " + &"ab".repeat(40_000) + " ";
                    let s = text.as_bytes();
                    // (the long pattern's place included)
                    for i in (0..s.len().min(90)).chain([s.len() - 80_001]) {
                        let mut want: Option<(usize, usize)> = None;
                        for (k, p) in pats.iter().enumerate() {
                            if let Some(e) = word_at(s, i, p) {
                                if want.is_none_or(|(we, _)| e > we) {
                                    want = Some((e, k));
                                }
                            }
                        }
                        prop_assert_eq!(
                            trie.longest(s, i),
                            want,
                            "{:?} at {} in {:?}",
                            pats,
                            i,
                            text
                        );
                    }
                    Ok(())
                },
            )
            .unwrap();
    }

    #[test]
    fn word_sets_agree_with_their_lists() {
        static SET: WordSet = WordSet::new(&["m.", "mme", "de", "saint"]);
        for w in ["m.", "mme", "de", "saint"] {
            assert!(SET.contains(w) && SET.contains_ignore_case(&w.to_ascii_uppercase()));
        }
        for w in ["m", "mm", "mmes", "d", "des", "sain", "", "é"] {
            assert!(!SET.contains(w) && !SET.contains_ignore_case(w), "{w}");
        }
        assert!(SET.contains_with("M", '.') && !SET.contains_with("Mme", '.'));
        assert!(!SET.contains("MME")); // exact membership keeps case
    }

    #[test]
    fn word_matching() {
        let t = Text::new("Présents :\n 34 représents");
        assert_eq!(find_word(&t, 0, t.len(), "presents :"), Some((0, 10)));
        assert_eq!(find_word(&t, 1, t.len(), "presents"), None);
        let s = t.lower.as_bytes();
        assert_eq!(find_word_near(s, 0, s.len(), "presents :"), Some((0, 10)));
        assert_eq!(read_int(b"x 34,", 2), Some((34, 4)));
        assert_eq!(read_int(b"1er", 0), None);
    }
}
