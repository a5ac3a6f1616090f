//! The README keeps its promises: it opens with the two commands a newcomer needs, and its
//! C example is the one the C test compiles and runs.

fn readme() -> String {
    std::fs::read_to_string(codegen::project_root().join("README.md")).unwrap()
}

#[test]
fn readme_opens_with_the_two_commands() {
    let text = readme();
    let first_block = text.split("```").nth(1).expect("a code block near the top");
    assert!(first_block.contains("cargo codegen"), "{first_block}");
    assert!(
        first_block.contains("cargo test --workspace"),
        "{first_block}"
    );
    let before: &str = text.split("```").next().unwrap();
    assert!(before.lines().count() < 12, "the commands come first");
    let ci = std::fs::read_to_string(codegen::project_root().join(".ci/run")).unwrap();
    assert!(
        ci.contains("cargo test --workspace"),
        "CI runs the README's test command"
    );
}

#[test]
fn readme_c_example_is_the_tested_one() {
    let text = readme();
    let start = text.find("```c\n").expect("a C example") + "```c\n".len();
    let end = start + text[start..].find("```").unwrap();
    let example =
        std::fs::read_to_string(codegen::project_root().join("codegen/tests/c/example.c")).unwrap();
    assert_eq!(&text[start..end], example);
}

#[test]
fn readme_rust_examples_are_the_tested_ones() {
    let text = readme();
    let tested = std::fs::read_to_string(
        codegen::project_root().join("generated/rust/tests/readme_examples.rs"),
    )
    .unwrap();
    // rustfmt may wrap the tested copy: compare without whitespace.
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let tested = squeeze(&tested);
    let mut blocks = 0;
    for block in text.split("```rust\n").skip(1) {
        blocks += 1;
        let code = block.split("```").next().unwrap();
        for line in code.lines().filter(|l| !l.trim().is_empty()) {
            let code_part = line.split("//").next().unwrap();
            assert!(
                tested.contains(&squeeze(code_part)),
                "README line not in generated/rust/tests/readme_examples.rs: {line}"
            );
        }
    }
    assert!(blocks >= 2);
}

#[test]
fn readme_python_example_is_a_tested_one() {
    let text = readme();
    let start = text.find("```python\n").expect("a Python example");
    let end = start + 10 + text[start + 10..].find("```\n").unwrap() + 4;
    let package =
        std::fs::read_to_string(codegen::project_root().join("generated/python/README.md"))
            .unwrap();
    assert!(
        package.contains(&text[start..end]),
        "the README's Python example must be one of generated/python/README.md's, which pytest runs"
    );
}
