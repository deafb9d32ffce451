/// A detected language and how sure the detector is (0–1).
public struct LanguageGuess: Sendable, Equatable, Codable {
    public var language: Language
    public var confidence: Double

    public init(language: Language, confidence: Double) {
        self.language = language
        self.confidence = confidence
    }
}

/// Tells the language of a snippet from its file name when it has a known extension, else from its content:
/// a shebang, `<?php`, and weighted telltale phrases in the first 64 KB.
public enum LanguageDetector {
    public static func detect(path: String?, content: UnsafeBufferPointer<UInt8>) -> LanguageGuess {
        if let path, let dot = path.lastIndex(of: "."),
            let language = Language(fileExtension: String(path[path.index(after: dot)...]))
        {
            // `.h` is shared by C and C++; the content decides.
            if language == .c, path.hasSuffix(".h") {
                let scored = scores(content)
                if (scored[.cpp] ?? 0) > (scored[.c] ?? 0) { return LanguageGuess(language: .cpp, confidence: 0.8) }
            }
            return LanguageGuess(language: language, confidence: 0.95)
        }
        return detect(content: content)
    }

    public static func detect(content: UnsafeBufferPointer<UInt8>) -> LanguageGuess {
        let firstLine = String(decoding: UnsafeBufferPointer(rebasing: content.prefix(200)), as: UTF8.self)
            .prefix { $0 != "\n" }
        if firstLine.hasPrefix("#!") {
            for (needle, language) in shebangs where firstLine.contains(needle) {
                return LanguageGuess(language: language, confidence: 0.98)
            }
        }
        if phpOpener.count(in: UnsafeBufferPointer(rebasing: content.prefix(65_536)), cap: 1)[0] > 0 {
            return LanguageGuess(language: .php, confidence: 0.98)
        }
        let scored = scores(content)
        let total = scored.values.reduce(0, +)
        guard
            let best = scored.max(by: {
                $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue)
            }),
            best.value > 0
        else {
            return LanguageGuess(language: .python, confidence: 0)
        }
        return LanguageGuess(language: best.key, confidence: min(0.9, best.value / max(total, 1)))
    }

    private static let phpOpener = PhraseCounter(["<?php"])

    private static let shebangs: [(String, Language)] = [
        ("python", .python), ("node", .javascript), ("deno", .typescript), ("ruby", .ruby), ("perl", .perl),
        ("php", .php), ("lua", .lua), ("swift", .swift), ("kotlin", .kotlin),
    ]

    /// Weighted phrase counts per language, in one pass over the first 64 KB.
    static func scores(_ content: UnsafeBufferPointer<UInt8>) -> [Language: Double] {
        let counts = counter.count(in: UnsafeBufferPointer(rebasing: content.prefix(65_536)), cap: 20)
        var scores: [Language: Double] = [:]
        for (number, entry) in flatTelltales.enumerated() where counts[number] > 0 {
            scores[entry.language, default: 0] += Double(counts[number]) * entry.weight
        }
        return scores
    }

    private static let flatTelltales: [(language: Language, phrase: String, weight: Double)] = telltales.flatMap {
        entry in entry.1.map { (entry.0, $0.0, $0.1) }
    }

    private static let counter = PhraseCounter(flatTelltales.map(\.phrase))

    private static let telltales: [(Language, [(String, Double)])] = [
        (
            .python,
            [
                ("def ", 2), ("):\n", 2), ("import ", 1), ("self.", 2), ("elif ", 4), ("print(", 1), ("None", 2),
                ("__name__", 4), (" in range(", 4),
            ]
        ),
        (
            .javascript,
            [
                ("function ", 2), ("const ", 1.5), ("=> ", 1.5), ("console.log", 4), ("require(", 3),
                ("let ", 1), ("===", 3), ("document.", 3),
            ]
        ),
        (
            .typescript,
            [
                (": string", 4), (": number", 4), ("interface ", 2), (": boolean", 4), ("export type", 4),
                ("<T>", 1),
            ]
        ),
        (
            .java,
            [
                ("public class ", 5), ("System.out.", 5), ("public static void main", 5), ("import java.", 5),
                ("private ", 1), ("@Override", 4), ("String[]", 3),
            ]
        ),
        (
            .c,
            [
                ("#include <stdio.h>", 6), ("#include <stdlib.h>", 5), ("printf(", 2), ("malloc(", 2), ("int main(", 2),
                ("->", 0.5), ("#define ", 2), ("struct ", 1),
            ]
        ),
        (
            .cpp,
            [
                ("std::", 4), ("#include <iostream>", 6), ("cout", 3), ("template<", 4), ("template <", 4),
                ("namespace ", 2), ("#include <vector>", 5), ("class ", 1), ("::", 1),
            ]
        ),
        (
            .csharp,
            [
                ("using System", 6), ("Console.Write", 6), ("namespace ", 1), ("public void ", 1),
                ("static void Main", 5), ("{ get;", 5), ("foreach (", 2),
            ]
        ),
        (
            .go,
            [
                ("package main", 6), ("func ", 2), (":= ", 3), ("fmt.", 5), ("import (", 4), ("chan ", 3),
                ("go func", 5),
            ]
        ),
        (
            .rust,
            [
                ("fn ", 2), ("let mut ", 5), ("println!", 6), ("impl ", 3), ("-> ", 0.5), ("use std::", 6),
                ("&mut ", 4), ("pub fn ", 4), ("match ", 1), ("Vec<", 3),
            ]
        ),
        (
            .swift,
            [
                ("func ", 2), ("let ", 1), ("var ", 0.5), ("import Foundation", 6), ("guard ", 4), ("print(", 1),
                ("-> ", 0.5), ("\\(", 3), ("struct ", 1),
            ]
        ),
        (
            .kotlin,
            [
                ("fun ", 3), ("val ", 3), ("println(", 2), ("when (", 3), ("data class", 5), ("?.let", 5),
                ("import kotlin", 6),
            ]
        ),
        (
            .ruby,
            [
                ("def ", 1.5), ("end\n", 2), ("puts ", 4), (".each", 3), ("do |", 5), ("require '", 3),
                ("attr_", 4), ("elsif ", 5), ("nil", 1),
            ]
        ),
        (.php, [("$this->", 5), ("function ", 1), ("echo ", 3), ("<?php", 10), ("=> ", 0.5), ("$", 0.3)]),
        (
            .lua,
            [
                ("local ", 3), ("function ", 1), (" then\n", 4), ("end\n", 1), ("elseif ", 3), ("~=", 4),
                ("..", 0.5), ("nil", 1), ("ipairs(", 5), ("pairs(", 3),
            ]
        ),
        (
            .perl,
            [
                ("my $", 6), ("use strict", 6), ("sub ", 2), ("print ", 1), ("$_", 3), ("=~", 4), ("foreach my", 5),
                ("@_", 4),
            ]
        ),
    ]
}
