//! Times each stage of the engine on the reference extract and on a 1 MB recueil
//! (a profiling aid: `cargo run --release --example phases`).
#[path = "../tests/support/pathological.rs"]
#[allow(dead_code)]
mod pathological;

use conforme::parse::{self, amounts, counts, dates, members, session, votes};
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
    time("body", n, || session::find_body(&t, a, b));
    time("declared", n, || counts::find_declared(&t, a, b));
    time("sections", n, || members::find_sections(&t, a, b));
    time("votes", n, || votes::find_votes(&t, a, b));
    time("amounts", n, || amounts::find_amounts(&t, a, b));
    time("urgency", n, || session::mentions_urgency(&t, a, b));
    let ds = dates::find_dates(&t);
    time("session date", n, || {
        session::find_session_date(&t, &ds, a, b)
    });
    time("convocation", n, || {
        session::find_convocation(&t, &ds, a, b, None)
    });
    let secs = members::find_sections(&t, a, b);
    time("members", n, || members::build_members(&t, &secs));
    time("person", n, || {
        session::find_person(
            &t,
            a,
            b.min(6000),
            &["sous la presidence de", "president :"],
        )
    });
    time("actes", n, || conforme::parse::actes::find_ids(&t, a, b));
    let doc = parse::parse(&t);
    let opts = conforme::Options::all();
    time("rules", n, || {
        doc.seances
            .iter()
            .map(|s| conforme::rules::run(&t, s, &opts).len())
            .sum::<usize>()
    });
    time("check (all)", n, || {
        conforme::check(input, &conforme::Options::all())
    });
}

fn main() {
    stages(
        "reference",
        include_str!("../www/examples/reference.txt"),
        2000,
    );
    stages("recueil 1 MB", &pathological::extracts(1_000_000), 5);
}
