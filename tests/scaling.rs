//! The scaling guard: no input is slower than linear.
//!
//! Token soups drawn from the engine's whole lexicon (every keyword list the parser reads,
//! numbers in every format, dates, names with civilities, separators, line breaks) and real
//! sentences of the corpus shuffled, each at N and 4N bytes for several seeds. A linear
//! engine takes about 4 times as long on 4N; the median ratio must stay under 6. The
//! quadratic paths this guards against (each "présents" opening a list matched against all
//! the others) gave ratios of 15 and more.
//!
//! Timing ratios, not absolute times: each size is timed several times and the fastest run
//! kept, so a loaded machine slows both sizes alike.

#[path = "support/soup.rs"]
mod soup;

use std::time::Instant;

/// The small size (bytes): big enough for superlinear costs to show, small enough for a
/// debug build.
const N: usize = 100_000;
/// Runs per size; the fastest is kept.
const RUNS: usize = 3;
/// The largest median ratio of 4N to N tolerated (linear is 4).
const MAX_RATIO: f64 = 6.0;

/// The whole path of the CLI: check, then the JSON and the text renderings (a finding
/// located by scanning the text from its start made the output quadratic on long lines).
fn fastest(text: &str) -> f64 {
    let opts = conforme::Options::all();
    (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let report = conforme::check(std::hint::black_box(text), &opts);
            std::hint::black_box(report.to_json());
            std::hint::black_box(conforme::report::render_text("soup", text, &report));
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// The timing tests run one at a time: two of them sharing the cores would time each other.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn ratios(name: &str, make: impl Fn(u64, usize) -> String) -> f64 {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let mut rs = Vec::new();
    for seed in 1..=5 {
        let (small, big) = (make(seed, N), make(seed, 4 * N));
        let (ts, tb) = (fastest(&small), fastest(&big));
        println!(
            "{name} seed {seed}: {} KB {:.1} ms, {} KB {:.1} ms, ratio {:.2}",
            small.len() / 1000,
            ts * 1e3,
            big.len() / 1000,
            tb * 1e3,
            tb / ts
        );
        rs.push(tb / ts);
    }
    median(rs)
}

#[test]
fn token_soup_is_linear() {
    let r = ratios("soup", soup::soup);
    assert!(
        r < MAX_RATIO,
        "token soup: median time ratio 4N/N = {r:.2} (linear: 4)"
    );
}

/// The same soup on one line, as a PDF converter flattens it.
#[test]
fn one_line_soup_is_linear() {
    let r = ratios("one line", |seed, n| soup::soup(seed, n).replace('\n', " "));
    assert!(
        r < MAX_RATIO,
        "token soup on one line: median time ratio 4N/N = {r:.2} (linear: 4)"
    );
}

#[test]
fn shuffled_sentences_are_linear() {
    let sentences = soup::sentences();
    let r = ratios("shuffled", |seed, n| soup::shuffled(seed, n, &sentences));
    assert!(
        r < MAX_RATIO,
        "shuffled corpus: median time ratio 4N/N = {r:.2} (linear: 4)"
    );
}

/// The soups really are made of the engine's words: a soup without the attendance labels
/// would not exercise the lists at all.
#[test]
fn soups_hold_the_lexicon() {
    let s = soup::soup(1, N).to_lowercase();
    for w in ["presents", "pouvoir", "pour", "contre", "dont", "€"] {
        assert!(s.contains(w), "{w}");
    }
    let words = conforme::parse::lexicon::all_words();
    assert!(words.len() > 300, "{}", words.len());
}
