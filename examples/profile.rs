//! Runs one workload in a loop, for profiling:
//! `cargo build --profile profiling --example profile`, then
//! `perf record -g target/profiling/examples/profile WORKLOAD [N]` where WORKLOAD is
//! `reference` (check of the reference extract), `recueil` (check of a 1 MB recueil) or
//! `text` (normalisation and index of the 1 MB recueil only), or the path of a text file.
#[path = "../tests/support/pathological.rs"]
#[allow(dead_code)]
mod pathological;

use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let workload = args.next().unwrap_or_else(|| "reference".into());
    let n: Option<usize> = args.next().and_then(|s| s.parse().ok());
    let recueil = pathological::extracts(1_000_000);
    let file = std::fs::read_to_string(&workload).ok();
    let opts = conforme::Options::all();
    let (text, n): (&str, usize) = match workload.as_str() {
        "reference" => (
            include_str!("../www/examples/reference.txt"),
            n.unwrap_or(5000),
        ),
        "recueil" | "text" => (&recueil, n.unwrap_or(40)),
        _ if file.is_some() => (file.as_deref().unwrap_or(""), n.unwrap_or(20000)),
        other => {
            eprintln!("unknown workload {other:?}: reference, recueil, text or a file");
            std::process::exit(2);
        }
    };
    let t = std::time::Instant::now();
    for _ in 0..n {
        if workload == "text" {
            black_box(conforme::text::Text::new(black_box(text)));
        } else {
            black_box(conforme::check(black_box(text), &opts));
        }
    }
    println!(
        "{workload}: {:.1} µs per run",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
}
