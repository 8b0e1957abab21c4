//! Runs the reference extract through the engine in a loop (for profiling).
fn main() {
    let text = include_str!("../www/examples/reference.txt");
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(5000);
    let t = std::time::Instant::now();
    let mut findings = 0;
    for _ in 0..n {
        findings += conforme::check(text, &conforme::Options::all())
            .findings()
            .count();
    }
    println!(
        "{:.1} µs per check ({findings} findings)",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
}
