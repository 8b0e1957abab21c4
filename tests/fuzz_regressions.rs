//! Replays every input kept in tests/fuzz-regressions/ (crashes found by fuzzing, fixed since).

#[test]
fn fuzz_regressions_do_not_crash() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "md") {
            continue;
        }
        let bytes = std::fs::read(&p).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let r = conforme::check(&text, &conforme::Options::all());
        for e in &r.extracts {
            for f in &e.findings {
                for s in &f.spans {
                    assert!(
                        s.end <= text.len()
                            && text.is_char_boundary(s.start)
                            && text.is_char_boundary(s.end),
                        "{}",
                        p.display()
                    );
                }
            }
        }
        n += 1;
    }
    eprintln!("fuzz regressions replayed: {n}");
}
