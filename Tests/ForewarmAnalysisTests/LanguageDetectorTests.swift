import Testing

@testable import ForewarmAnalysis

@Suite struct LanguageDetectorTests {
    func detect(_ text: String, path: String? = nil) -> LanguageGuess {
        var text = text
        return text.withUTF8 { LanguageDetector.detect(path: path, content: $0) }
    }

    @Test func extensionDecides() {
        #expect(detect("anything", path: "x/y.rs") == LanguageGuess(language: .rust, confidence: 0.95))
        #expect(detect("", path: "a.PY").language == .python)
    }

    @Test func headerWithCppContentIsCpp() {
        #expect(
            detect("#include <vector>\nnamespace a { class B {}; }\nstd::vector<int> v;", path: "x.h").language == .cpp)
        #expect(detect("#include <stdio.h>\nint f(void);", path: "x.h").language == .c)
    }

    @Test func shebangAndPHPOpener() {
        #expect(detect("#!/usr/bin/env python3\nprint(1)").language == .python)
        #expect(detect("<html><?php echo 1; ?>").language == .php)
    }

    @Test(arguments: [
        ("def f(x):\n    if x:\n        return None\n    elif x > 1:\n        pass\n", Language.python),
        ("package main\nimport \"fmt\"\nfunc main() { x := 1; fmt.Println(x) }", .go),
        ("fn main() { let mut v: Vec<i32> = Vec::new(); println!(\"{}\", v.len()); }", .rust),
        ("public class A { public static void main(String[] args) { System.out.println(1); } }", .java),
        ("using System;\nclass P { static void Main() { Console.WriteLine(1); } }", .csharp),
        ("#include <iostream>\nint main() { std::cout << 1; }", .cpp),
        ("my $x = shift;\nuse strict;\nforeach my $y (@_) { print $y; }", .perl),
        ("local t = {}\nfor i, v in ipairs(t) do\n  if v ~= nil then print(v) end\nend\n", .lua),
        ("[1, 2].each do |x|\n  puts x\nend\n", .ruby),
        ("fun main() { val x = listOf(1); println(x) }", .kotlin),
    ])
    func contentDecides(source: String, expected: Language) {
        let guess = detect(source)
        #expect(guess.language == expected)
        #expect(guess.confidence > 0.3)
    }

    @Test func emptyInputHasZeroConfidence() {
        #expect(detect("").confidence == 0)
    }
}
