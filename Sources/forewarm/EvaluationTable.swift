import ForewarmModel
import Foundation

/// Renders an ``EvaluationReport`` as a Markdown table (what `docs/model.md` shows).
struct EvaluationTable {
    let report: EvaluationReport

    func render(perLanguage: Bool) -> String {
        var lines = [
            "\(report.samples) programs, \(report.groups) tasks, \(report.folds)-fold cross-validation grouped by task",
            "",
            "| predictor | Spearman | within-language Spearman | MAE log10 CPU | heavy precision | heavy recall | heavy AUC |",
            "|---|---|---|---|---|---|---|",
        ]
        for card in report.scorecards {
            let row = card.overall
            lines.append(
                "| \(card.predictor) | \(f(row.spearman)) | \(f(card.meanWithinLanguageSpearman)) | "
                    + "\(f(row.maeLog10)) | \(f(row.heavyPrecision)) | \(f(row.heavyRecall)) | \(f(row.heavyAUC)) |")
        }
        if report.scorecards.contains(where: { !$0.corpora.isEmpty }) {
            lines += [
                "", "Per corpus (each predictor trained on all corpora, scored on one):", "",
                "| predictor | corpus | programs | Spearman | within-language Spearman | MAE log10 CPU | heavy AUC |",
                "|---|---|---|---|---|---|---|",
            ]
            for card in report.scorecards {
                for row in card.corpora {
                    lines.append(
                        "| \(card.predictor) | \(row.scope) | \(row.samples) | \(f(row.spearman)) | "
                            + "\(f(row.meanWithinLanguageSpearman)) | \(f(row.maeLog10)) | \(f(row.heavyAUC)) |")
                }
            }
        }
        let cards = perLanguage ? report.scorecards : Array(report.scorecards.prefix(1))
        for card in cards {
            lines += [
                "", "Per language — \(card.predictor):", "",
                "| language | programs | heavy | Spearman | MAE log10 CPU | heavy precision | heavy recall | heavy AUC |",
                "|---|---|---|---|---|---|---|---|",
            ]
            for row in card.languages {
                lines.append(
                    "| \(row.scope) | \(row.samples) | \(row.heavy) | \(f(row.spearman)) | \(f(row.maeLog10)) | "
                        + "\(f(row.heavyPrecision)) | \(f(row.heavyRecall)) | \(f(row.heavyAUC)) |")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func f(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: "%.3f", value)
    }
}
