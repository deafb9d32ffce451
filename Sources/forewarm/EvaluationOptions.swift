import ArgumentParser

/// Where `forecast --evaluate` finds the series and references, and where it writes the table.
struct EvaluationOptions: ParsableArguments {
    @Option(help: "Reference forecasts written by scripts/reference_forecasts.py.")
    var references = "docs/forecasting/reference_forecasts.json"

    @Option(help: "Folder of series CSVs (one per series named in the references).")
    var seriesDirectory = "Tests/ForewarmForecastingTests/Fixtures/series"

    @Option(help: "Also write the tables as Markdown to this file.")
    var markdown: String?

    @Option(help: "Evaluate only series whose name contains this text.")
    var only: String?
}
