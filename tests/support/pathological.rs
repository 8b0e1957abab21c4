//! Pathological inputs shared by the robustness tests, the benchmark and the stress example.

/// The corpus texts joined (or the reference extract when the corpus is absent).
pub fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/texts");
    match std::fs::read_dir(dir) {
        Ok(d) => {
            let mut v: Vec<_> = d.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            v.sort();
            v.iter()
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect::<Vec<_>>()
                .join("\n\n")
        }
        Err(_) => include_str!("../../www/examples/reference.txt").to_string(),
    }
}

/// At least `n` bytes of real extracts (the corpus repeated).
pub fn extracts(n: usize) -> String {
    let c = corpus();
    let mut s = String::with_capacity(n + c.len());
    while s.len() < n {
        s.push_str(&c);
        s.push_str("\n\n");
    }
    s
}

/// `n` bytes of extracts with no line break at all.
pub fn one_line(n: usize) -> String {
    extracts(n).replace(['\n', '\r'], " ")
}

/// One attendance list of `n` names.
pub fn names(n: usize) -> String {
    let mut s = String::from("Nombre de présents : 3\nPrésents : ");
    for i in 0..n {
        s.push_str(&format!("M. Jean DUPONT-{}, ", i % 1000));
    }
    s.push_str("\nAbsents : Mme Claire BLANC.\n");
    s
}

/// `n` proxies ("pouvoir à"), several to the same holder.
pub fn proxies(n: usize) -> String {
    let mut s = String::from("Présents : M. Paul BLEU, Mme Anne MARTIN.\nPouvoirs : ");
    for i in 0..n {
        s.push_str(&format!(
            "M. Jean DUPONT{i} a donné pouvoir à Mme Anne MARTIN ; "
        ));
    }
    s
}

/// A "dont" nested `n` levels deep.
pub fn nested_dont(n: usize) -> String {
    let mut s = String::from("une subvention de 1 000 000 € ");
    for _ in 0..n {
        s.push_str("(dont 10 € ");
    }
    for _ in 0..n {
        s.push(')');
    }
    s
}

/// Numbers of `n` digits, as a count and as an amount.
pub fn huge_number(n: usize) -> String {
    format!(
        "Présents : {} — montant de {} € — {} voix pour",
        "9".repeat(n),
        "1".repeat(n),
        "7".repeat(n)
    )
}

/// Amounts beyond i64, with "dont" parts.
pub fn beyond_i64(n: usize) -> String {
    "un total de 99 999 999 999 999 999 999 999 999 € dont 9 999 999 999 999 999 999 999 999 €. "
        .repeat(n)
}

/// Every pathological input at a scale (1.0 = the sizes the robustness issue names).
pub fn all(scale: f64) -> Vec<(&'static str, String)> {
    let n = |x: f64| ((x * scale) as usize).max(1);
    vec![
        ("10 MB of extracts", extracts(n(10_000_000.0))),
        ("1 MB without newline", one_line(n(1_000_000.0))),
        ("100 000 names in one list", names(n(100_000.0))),
        ("deeply nested dont", nested_dont(n(10_000.0))),
        ("10 000-digit number", huge_number(10_000)),
        ("amounts beyond i64", beyond_i64(n(1_000.0))),
        ("thousands of pouvoir à", proxies(n(5_000.0))),
    ]
}
