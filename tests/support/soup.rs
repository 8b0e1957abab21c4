//! Hostile inputs made of the engine's own vocabulary, shared by the scaling guard, the
//! benchmark and the stress example: token soups drawn from every keyword list the parser
//! reads (`conforme::parse::lexicon::all_words`, so a keyword added later is covered), and
//! real texts cut into sentences and shuffled.

/// A small deterministic generator (xorshift64*): the same seed gives the same soup.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len())]
    }
}

const FIRST: &[&str] = &[
    "Jean",
    "Anne",
    "Paul",
    "Marie-Claire",
    "Luc",
    "Sylvie",
    "Jean-Pierre",
    "Éric",
    "Zoé",
];
const LAST: &[&str] = &[
    "DUPONT", "MARTIN", "LEROY", "PETIT", "BLANC", "ROUX", "Durand", "LE GALL", "D'ARCY",
];
const CIVILITY: &[&str] = &["M.", "Mme", "Monsieur", "Madame", "MM.", "Mmes", ""];
const SEPARATORS: &[&str] = &[
    ", ", " ; ", " : ", " - ", "\n", "\n\n", "\t", " (", ") ", ". ", " / ", " et ", " € ",
    " dont ", " % ",
];

/// One token: a keyword (as written, in capitals or capitalised), a number in one of the
/// formats the parser reads, a date, a name with its civility, or a separator.
fn token(r: &mut Rng, words: &[&str], out: &mut String) {
    match r.below(12) {
        0..=3 => {
            let w = r.pick(words);
            match r.below(3) {
                0 => out.push_str(w),
                1 => out.push_str(&w.to_uppercase()),
                _ => {
                    let mut c = w.chars();
                    if let Some(f) = c.next() {
                        out.extend(f.to_uppercase());
                        out.push_str(c.as_str());
                    }
                }
            }
        }
        4 => {
            let n = r.below(60);
            out.push_str(&n.to_string());
        }
        5 => match r.below(5) {
            0 => out.push_str(&format!(
                "{} {:03},{:02}",
                r.below(999),
                r.below(1000),
                r.below(100)
            )),
            1 => out.push_str(&format!(
                "{} {:03} {:03} €",
                r.below(99),
                r.below(1000),
                r.below(1000)
            )),
            2 => out.push_str(&format!("{},{} %", r.below(100), r.below(10))),
            3 => out.push_str(&format!("2024-{:02}-{:03}", r.below(13), r.below(1000))),
            _ => out.push_str(&format!("{}er", 1 + r.below(3))),
        },
        6 => {
            let (w, d, m) = (
                r.pick(&conforme::model::WEEKDAYS),
                1 + r.below(31),
                r.pick(&conforme::model::MONTHS),
            );
            match r.below(3) {
                0 => out.push_str(&format!("{w} {d} {m} 2024")),
                1 => out.push_str(&format!("{d:02}/{:02}/2024", 1 + r.below(12))),
                _ => out.push_str(&format!("le {d} {m}")),
            }
        }
        7 | 8 => {
            let c = r.pick(CIVILITY);
            if !c.is_empty() {
                out.push_str(c);
                out.push(' ');
            }
            out.push_str(r.pick(FIRST));
            out.push(' ');
            out.push_str(r.pick(LAST));
        }
        _ => {
            out.push_str(r.pick(SEPARATORS));
            return;
        }
    }
    out.push(' ');
}

/// About `bytes` bytes of tokens drawn from the engine's whole lexicon.
pub fn soup(seed: u64, bytes: usize) -> String {
    let words = conforme::parse::lexicon::all_words();
    let mut r = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 64);
    while out.len() < bytes {
        token(&mut r, &words, &mut out);
    }
    out
}

/// The sentences of every real text of the shared corpus (empty when it is absent).
pub fn sentences() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
    let mut files: Vec<std::path::PathBuf> = ["texts", "wild/texts"]
        .iter()
        .filter_map(|d| std::fs::read_dir(format!("{root}/{d}")).ok())
        .flat_map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '\n' || (c == ' ' && text[..i].ends_with('.')) {
                if i > start {
                    out.push(text[start..=i].to_string());
                }
                start = i + 1;
            }
        }
        if start < text.len() {
            out.push(text[start..].to_string());
        }
    }
    out
}

/// About `bytes` bytes of real sentences in a random order.
pub fn shuffled(seed: u64, bytes: usize, sentences: &[String]) -> String {
    let mut r = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 256);
    if sentences.is_empty() {
        return soup(seed, bytes);
    }
    while out.len() < bytes {
        out.push_str(&sentences[r.below(sentences.len())]);
    }
    out
}
