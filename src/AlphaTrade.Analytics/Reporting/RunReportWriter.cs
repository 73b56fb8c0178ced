using AlphaTrade.Analytics.Metrics;

namespace AlphaTrade.Analytics.Reporting;

/// <summary>Writes a run's analytics into its results folder: metrics.json and report.html, each atomically.</summary>
public static class RunReportWriter
{
    /// <summary>File name of the metrics document.</summary>
    public const string MetricsFileName = "metrics.json";

    /// <summary>File name of the tearsheet.</summary>
    public const string TearsheetFileName = "report.html";

    /// <summary>
    /// Computes the report once, writes <see cref="MetricsFileName"/> (with <paramref name="run"/> facts) and
    /// <see cref="TearsheetFileName"/> into <paramref name="folder"/> (created when missing), and returns the report.
    /// </summary>
    public static PerformanceReport Write(string folder, TearsheetInput input, IReadOnlyDictionary<string, string>? run = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(input);
        var report = input.Report ?? PerformanceAnalyzer.Analyze(input.Analytics);
        Directory.CreateDirectory(folder);
        MetricsJsonWriter.Write(Path.Combine(folder, MetricsFileName), report, run);
        TearsheetBuilder.Write(Path.Combine(folder, TearsheetFileName), input with { Report = report });
        return report;
    }
}
