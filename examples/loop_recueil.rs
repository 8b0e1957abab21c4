//! Runs a 1 MB recueil through the engine in a loop (for profiling):
//! `cargo build --profile profiling --example loop_recueil && perf record -g target/profiling/examples/loop_recueil`.
#[path = "../tests/support/pathological.rs"]
#[allow(dead_code)]
mod pathological;

fn main() {
    let text = pathological::extracts(1_000_000);
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(40);
    let t = std::time::Instant::now();
    let mut findings = 0;
    for _ in 0..n {
        findings += conforme::check(&text, &conforme::Options::all())
            .findings()
            .count();
    }
    println!(
        "{:.2} ms per check ({findings} findings)",
        t.elapsed().as_secs_f64() * 1e3 / n as f64
    );
}
