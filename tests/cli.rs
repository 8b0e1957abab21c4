//! The CLI contract (shared/CONTRACT.md): whole command lines → stdout, stderr, exit code.

#[path = "support/encodings.rs"]
mod encodings;

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
    for bytes in encodings::cp1252_and_utf16(utf8) {
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

/// The SCDL export of the reference extract: the values, and a row that the open-data
/// schema validates (frictionless, installed by scripts/setup.sh in .tools/venv).
#[test]
fn scdl_export_of_the_reference_validates() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference = std::fs::read(root.join("www/examples/reference.txt")).unwrap();
    let out = run(
        &[
            "check",
            "--format",
            "scdl",
            "--coll-siret",
            "21210231500017",
            "--matiere",
            "7.5",
            "-",
        ],
        &reference,
    );
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(header, conforme::scdl::COLUMNS);
    let row = lines.next().unwrap();
    let cell = |name: &str| -> String {
        // the object holds commas inside quotes: read the row with the quotes in mind
        let mut cells = Vec::new();
        let (mut cur, mut quoted) = (String::new(), false);
        for c in row.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => cells.push(std::mem::take(&mut cur)),
                _ => cur.push(c),
            }
        }
        cells.push(cur);
        cells[header.iter().position(|h| *h == name).unwrap()].clone()
    };
    assert_eq!(cell("DELIB_DATE"), "2024-03-21");
    assert_eq!(cell("VOTE_EFFECTIF"), "43");
    assert_eq!(cell("VOTE_POUR"), "35");
    assert_eq!(cell("VOTE_CONTRE"), "0");
    assert_eq!(cell("VOTE_ABSTENTION"), "0");
    // the 6 who "ne se prononce pas" took no part: 35 + 0 + 0
    assert_eq!(cell("VOTE_REEL"), "35");
    assert_eq!(cell("COLL_NOM"), "Dijon métropole");
    // what was made rather than read is said on stderr
    assert!(String::from_utf8_lossy(&out.stderr).contains("DELIB_ID construit"));

    let frictionless = root.join(".tools/venv/bin/frictionless");
    if !frictionless.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "frictionless missing: run scripts/setup.sh"
        );
        return;
    }
    let dir = std::env::temp_dir().join(format!("conforme-scdl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("deliberations.csv"), &csv).unwrap();
    std::fs::copy(
        root.join("../shared/domain/scdl-deliberations-2.1.5.schema.json"),
        dir.join("schema.json"),
    )
    .unwrap();
    // frictionless only reads paths relative to where it runs
    let v = std::process::Command::new(&frictionless)
        .args(["validate", "--schema", "schema.json", "deliberations.csv"])
        .current_dir(&dir)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let report = String::from_utf8_lossy(&v.stdout);
    assert!(
        v.status.success() && report.contains("VALID") && !report.contains("INVALID"),
        "{report}"
    );
}

/// Folders: every .txt, .docx and .odt inside, one summary line each and a total; the exit
/// status is the worst.
#[test]
fn folders_are_read_recursively() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference = std::fs::read_to_string(root.join("www/examples/reference.txt")).unwrap();
    let dir = std::env::temp_dir().join(format!("conforme-dir-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sous-dossier")).unwrap();
    std::fs::write(dir.join("a.txt"), &reference).unwrap();
    std::fs::write(
        dir.join("sous-dossier/b.txt"),
        reference.replace("POUR : 35", "POUR : 36"),
    )
    .unwrap();
    std::fs::write(dir.join("notes.md"), "ignoré").unwrap();
    let d = dir.to_string_lossy().into_owned();
    let out = run(&["check", &d], b"");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(
        text.contains("a.txt: Aucune anomalie") && text.contains("b.txt: 1 erreur"),
        "{text}"
    );
    assert!(
        text.lines()
            .last()
            .unwrap()
            .starts_with("Total : 2 fichiers — 1 erreur"),
        "{text}"
    );
    // JSON: one document per file
    let out = run(&["check", "--format", "json", &d], b"");
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
    std::fs::remove_dir_all(&dir).ok();
}

/// Word and LibreOffice files (tests/fixtures, made by python-docx and odfpy from the
/// reference, its members lists as tables) read as the text does; a corrupt one is refused.
#[test]
fn docx_and_odt_read_as_the_text() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let json = |args: &[&str]| -> serde_json::Value {
        let out = run(args, b"");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let txt = json(&[
        "check",
        "--format",
        "json",
        root.join("www/examples/reference.txt").to_str().unwrap(),
    ]);
    for f in ["reference.docx", "reference.odt"] {
        let p = root.join("tests/fixtures").join(f);
        let v = json(&["check", "--format", "json", p.to_str().unwrap()]);
        let e = &v["extracts"][0];
        assert_eq!(
            e["counted"]["present"], txt["extracts"][0]["counted"]["present"],
            "{f}"
        );
        assert_eq!(e["counted"]["represented"], 7, "{f}");
        assert_eq!(e["declared"]["present"]["value"], 34, "{f}");
        assert_eq!(v["verdict"]["kind"], txt["verdict"]["kind"], "{f}");
    }
    let p = root.join("tests/fixtures/corrupt.docx");
    let out = run(&["check", p.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("archive endommagée"));
}
