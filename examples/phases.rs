//! Times each stage of the engine on the reference extract and on a 1 MB recueil
//! (a profiling aid: `cargo run --release --example phases [FILE]`; with a file, its stages).
#[path = "../tests/support/pathological.rs"]
#[allow(dead_code)]
mod pathological;

use conforme::parse::{self, amounts, attendance, counts, dates, items, seance, votes};
use conforme::text::Text;
use std::time::Instant;

fn time<R>(label: &str, n: usize, mut f: impl FnMut() -> R) {
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(f());
    }
    println!(
        "  {label:<14} {:>10.1} µs",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
}

fn stages(name: &str, input: &str, n: usize) {
    println!("{name} ({} bytes)", input.len());
    let t = Text::new(input);
    let (a, b) = (0, t.len());
    time("text", n, || Text::new(input));
    time("parse (all)", n, || parse::parse(&t));
    time("dates", n, || dates::find_dates(&t));
    time("body", n, || seance::find_body(&t, a, b));
    time("items", n, || items::frames(&t, a, b));
    time("declared", n, || counts::find_declared(&t, a, b));
    time("sections", n, || attendance::find_sections(&t, a, b));
    time("votes", n, || votes::find_votes(&t, a, b));
    time("amounts", n, || amounts::find_amounts(&t, a, b));
    time("mentions", n, || seance::mentions(&t, a, b));
    let ds = dates::find_dates(&t);
    time("session date", n, || {
        seance::choose_session(&ds, &[], 0, usize::MAX)
    });
    let secs = attendance::find_sections(&t, a, b);
    time("members", n, || attendance::build_members(&t, &secs));
    time("person", n, || {
        seance::find_person(&t, a, b.min(6000), &seance::PRESIDENT_KEYS)
    });
    time("actes", n, || conforme::parse::actes::find_ids(&t, a, b));
    let doc = parse::parse(&t);
    time("kind", n, || {
        conforme::parse::kind::classify(&t, &doc.seances)
    });
    time("tally", n, || {
        doc.seances
            .iter()
            .map(|s| {
                (0..s.items.len())
                    .map(|k| conforme::tally::Attendance::of(s, k).first as usize)
                    .sum::<usize>()
            })
            .sum::<usize>()
    });
    let opts = conforme::Options::all();
    time("rules", n, || {
        doc.seances
            .iter()
            .map(|s| {
                let atts: Vec<_> = (0..s.items.len())
                    .map(|k| conforme::tally::Attendance::of(s, k))
                    .collect();
                conforme::rules::run(s, &atts, &doc.info, &opts).len()
            })
            .sum::<usize>()
    });
    time("check (all)", n, || {
        conforme::check(input, &conforme::Options::all())
    });
}

fn main() {
    if let Some(p) = std::env::args().nth(1) {
        /* PHASES_FILE */
        stages(&p, &std::fs::read_to_string(&p).unwrap(), 3000);
        return;
    }
    stages(
        "reference",
        include_str!("../www/examples/reference.txt"),
        2000,
    );
    stages("recueil 1 MB", &pathological::extracts(1_000_000), 5);
    for f in std::env::args().skip(1) {
        if let Ok(text) = std::fs::read_to_string(&f) {
            stages(&f, &text, 20);
        }
    }
}
