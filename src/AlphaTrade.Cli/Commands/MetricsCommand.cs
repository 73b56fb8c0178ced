using System.CommandLine;
using System.Globalization;
using AlphaTrade.Analytics.Inputs;
using AlphaTrade.Analytics.IO;
using AlphaTrade.Analytics.Metrics;
using AlphaTrade.Analytics.Reporting;
using AlphaTrade.Core;

namespace AlphaTrade.Cli.Commands;

/// <summary>
/// <c>alphatrade metrics --equity FILE [--benchmark FILE] [--periods-per-year N] [--risk-free-rate R] [--json] [--html PATH]</c>:
/// performance metrics of any equity curve CSV, as a table or as metrics.json-style JSON, optionally with a tearsheet.
/// </summary>
internal static class MetricsCommand
{
    public static Command Create(CliContext ctx)
    {
        var equity = new Option<string>("--equity")
        {
            Description = "Equity curve CSV: a timestamp column (timestamp/date/time) and a value column (equity/value/close).",
            Required = true,
        };
        var benchmark = new Option<string?>("--benchmark")
        {
            Description = "Benchmark CSV (an equity or a price series), aligned to the equity curve by timestamp.",
        };
        var periods = new Option<double?>("--periods-per-year")
        {
            Description = "Return periods per year (default: inferred from the median timestamp spacing; 15-minute bars → 6552, daily → 252).",
        };
        var riskFree = new Option<double>("--risk-free-rate")
        {
            Description = "Annual risk-free rate for Sharpe and alpha, e.g. 0.04 (default 0).",
            DefaultValueFactory = _ => 0.0,
        };
        var json = new Option<bool>("--json") { Description = "Print JSON (stable key order) instead of a table." };
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML tearsheet to this path." };

        var cmd = new Command("metrics", "Compute performance metrics (returns, risk, drawdowns, benchmark-relative) of an equity curve CSV.")
        {
            equity, benchmark, periods, riskFree, json, html,
        };
        cmd.SetAction(parse =>
        {
            string equityArg = parse.GetValue(equity)!;
            string? benchArg = parse.GetValue(benchmark);
            double? ppy = parse.GetValue(periods);
            double rf = parse.GetValue(riskFree);
            if (ppy is { } given && (!(given > 0) || double.IsInfinity(given)))
            {
                throw new InputException($"--periods-per-year: expected a positive number, got {given.ToString(CultureInfo.InvariantCulture)}");
            }

            if (!double.IsFinite(rf) || rf <= -1)
            {
                throw new InputException($"--risk-free-rate: expected an annual rate such as 0.04, got {rf.ToString(CultureInfo.InvariantCulture)}");
            }

            var eqFile = SeriesCsv.Read(ctx.Resolve(equityArg), equityArg);
            var annualization = ppy is { } n ? Annualization.Explicit(n) : Annualization.Infer(eqFile.TimeUtcTicks);
            var options = new MetricsOptions(annualization, rf);
            var curve = new EquityCurve(eqFile.TimeUtcTicks, eqFile.Values);
            var input = new AnalyticsInput { Curve = curve, Options = options };
            var run = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["equity_file"] = equityArg };
            if (benchArg is not null)
            {
                var bFile = SeriesCsv.Read(ctx.Resolve(benchArg), benchArg);
                input = WithBenchmark(input, eqFile, bFile, equityArg, benchArg);
                run["benchmark_file"] = benchArg;
            }

            var report = PerformanceAnalyzer.Analyze(input);
            if (parse.GetValue(html) is { } htmlPath)
            {
                var meta = new RunMetadata("Tearsheet: " + Path.GetFileName(equityArg)) { Benchmark = benchArg is null ? null : report.BenchmarkNote };
                TearsheetBuilder.Write(ctx.Resolve(htmlPath), new TearsheetInput { Analytics = input, Metadata = meta, Report = report });
                ctx.Error.WriteLine($"wrote {htmlPath}");
            }

            if (parse.GetValue(json))
            {
                ctx.Out.Write(MetricsJsonWriter.ToJson(report, run));
            }
            else
            {
                var notes = new List<string> { $"equity: {equityArg} ('{eqFile.TimeColumn}', '{eqFile.ValueColumn}', {Fmt.Int(eqFile.Count)} rows)" };
                ctx.Out.Write(MetricsTextFormatter.Format(report, "AlphaTrade metrics: " + equityArg, notes));
            }

            return CliApp.ExitOk;
        });
        return cmd;
    }

    private static AnalyticsInput WithBenchmark(AnalyticsInput input, SeriesFile eq, SeriesFile bench, string eqName, string benchName)
    {
        var a = SeriesAlignment.Align(eq.TimeUtcTicks, bench.TimeUtcTicks);
        if (a.Count < 2)
        {
            throw new InputException($"{benchName}: {a.Count} timestamp(s) in common with {eqName}; expected the same timestamps (or dates) as the equity curve");
        }

        string how = a.ByDate ? "by date" : "by timestamp";
        string note = string.Create(CultureInfo.InvariantCulture,
            $"{benchName}, aligned {how} on {a.Count} of {eq.Count} equity rows");
        var b = new double[a.Count];
        for (int i = 0; i < b.Length; i++)
        {
            b[i] = bench.Values[a.RightIndices[i]];
        }

        if (a.Count == eq.Count)
        {
            return input with { Curve = input.Curve.WithBenchmark(b), BenchmarkNote = note };
        }

        var t = new long[a.Count];
        var e = new double[a.Count];
        for (int i = 0; i < t.Length; i++)
        {
            t[i] = eq.TimeUtcTicks[a.LeftIndices[i]];
            e[i] = eq.Values[a.LeftIndices[i]];
        }

        return input with { BenchmarkCurve = new EquityCurve(t, e, b), BenchmarkNote = note + " (relative metrics use the common rows)" };
    }
}
