//! The CLI contract (shared/CONTRACT.md): whole command lines → stdout, stderr, exit code.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_conforme"))
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // the binary may exit (usage error) before reading: a broken pipe here is expected
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

/// The reference extract (the copy the page preloads, always in the repository).
fn reference() -> Option<String> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/examples/reference.txt");
    Some(std::fs::read_to_string(p).expect("www/examples/reference.txt"))
}

fn broken() -> Option<String> {
    reference().map(|r| r.replace("POUR : 35", "POUR : 36"))
}

#[test]
fn reference_text_output() {
    let Some(r) = reference() else { return };
    let out = run(&["check", "-"], r.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("reference_text", String::from_utf8(out.stdout).unwrap());
}

#[test]
fn broken_text_output() {
    let Some(b) = broken() else { return };
    let out = run(&["check", "-"], b.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("broken_text", String::from_utf8(out.stdout).unwrap());
}

#[test]
fn reference_json_output() {
    let Some(r) = reference() else { return };
    let out = run(&["check", "--format", "json", "-"], r.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "one JSON document for one input");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    insta::assert_json_snapshot!("reference_json", v);
}

#[test]
fn broken_json_has_the_error_with_spans_on_the_values() {
    let Some(b) = broken() else { return };
    let out = run(&["check", "--format", "json", "-"], b.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["extracts"][0]["findings"][0];
    assert_eq!(f["rule"], "VOTE-SUM");
    assert_eq!(f["category"], "vote");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["legal_basis"], "CGCT art. L2121-20");
    let spans = f["spans"].as_array().unwrap();
    let texts: Vec<&str> = spans
        .iter()
        .map(|s| &b[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize])
        .collect();
    assert!(texts.contains(&"36"), "{texts:?}");
    assert!(texts.contains(&"6"), "{texts:?}");
}

#[test]
fn several_files_give_json_lines() {
    let Some(r) = reference() else { return };
    let dir = std::env::temp_dir().join(format!("conforme-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, &r).unwrap();
    std::fs::write(&b, broken().unwrap()).unwrap();
    let out = run(
        &[
            "check",
            "--format",
            "json",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1), "one file has an error");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    for l in lines {
        let _: serde_json::Value = serde_json::from_str(l).unwrap();
    }
    std::fs::remove_dir_all(dir).ok();
}

/// Files as clerks have them: Windows-1252 and UTF-16 (with its mark) read as UTF-8 does.
#[test]
fn windows_1252_and_utf16_files_are_read() {
    let utf8 = "Séance du jeudi 21 mars 2024\nPrésents : 12\nVotants : 12\n";
    let expected = run(&["check", "--format", "json", "-"], utf8.as_bytes());
    let cp1252: Vec<u8> = utf8
        .chars()
        .map(|c| if c == 'é' { 0xE9 } else { c as u8 })
        .collect();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(utf8.encode_utf16().flat_map(|u| u.to_le_bytes()));
    for bytes in [cp1252, utf16] {
        let out = run(&["check", "--format", "json", "-"], &bytes);
        assert_eq!(out.status.code(), expected.status.code());
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let w: serde_json::Value = serde_json::from_slice(&expected.stdout).unwrap();
        assert_eq!(v["extracts"][0]["declared"], w["extracts"][0]["declared"]);
        assert_eq!(v["extracts"][0]["session_date"], "2024-03-21");
    }
}

#[test]
fn usage_and_io_errors_exit_2_with_nothing_on_stdout() {
    let out = run(&["check", "/nonexistent/file.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/file.txt"));

    // a PDF or another binary file: a clear message, exit 2
    let out = run(&["check", "-"], b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("est un PDF"));
    let out = run(&["check", "-"], b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("n'est pas un fichier texte"));

    let out = run(&["check", "--format", "xml", "-"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());

    let out = run(&["frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn bom_is_accepted_and_spans_count_its_bytes() {
    let text = "\u{FEFF}Présents : 18 — Pouvoirs : 4 — Votants : 23\n";
    let out = run(&["check", "--format", "json", "-"], text.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let p = &v["extracts"][0]["declared"]["present"]["span"];
    let (s, e) = (
        p["start"].as_u64().unwrap() as usize,
        p["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "18");
}

#[test]
fn empty_input_is_fine() {
    let out = run(&["check", "--format", "json", "-"], b"");
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["tool"]["name"], "conforme");
}

#[test]
fn rules_and_rule_documentation() {
    let out = run(&["rules"], b"");
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    for r in conforme::rules::REGISTRY {
        assert!(s.contains(r.meta().code));
    }
    let out = run(&["rule", "vote-sum"], b"");
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    for section in [
        "## Ce que vérifie la règle",
        "## Pourquoi",
        "## Base légale",
        "## Exemple",
        "## Faux positifs connus",
    ] {
        assert!(s.contains(section), "{section}");
    }
    let out = run(&["rule", "NOPE"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn options_change_the_checks() {
    let text =
        "Conseil municipal\nDate de convocation : 16 mars 2024\nSéance du jeudi 21 mars 2024\n";
    let out = run(&["check", "-"], text.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "warning only when the population is unknown"
    );
    let out = run(&["check", "--population", "12400", "-"], text.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let out = run(
        &["check", "--body", "conseil_communautaire", "-"],
        text.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let out = run(&["check", "--body", "parlement", "-"], text.as_bytes());
    assert_eq!(out.status.code(), Some(2));
}
