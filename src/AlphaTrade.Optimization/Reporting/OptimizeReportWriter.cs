using System.Globalization;
using System.Text;
using System.Text.Json;
using AlphaTrade.Core.IO;
using AlphaTrade.Optimization.Overfitting;
using AlphaTrade.Optimization.Parameters;
using AlphaTrade.Optimization.Sweeps;
using AlphaTrade.Optimization.WalkForward;

namespace AlphaTrade.Optimization.Reporting;

/// <summary>
/// Writes the <c>optimize</c> results into a run folder (normally <c>results/&lt;run-id&gt;/</c>): optimize.csv,
/// optimize.json and optimize.html, each atomically. Output is deterministic: invariant formatting, fixed key and
/// column order, no wall-clock time unless the report carries one.
/// </summary>
public static class OptimizeReportWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>File name of the per-configuration table.</summary>
    public const string CsvFileName = "optimize.csv";

    /// <summary>File name of the machine-readable summary.</summary>
    public const string JsonFileName = "optimize.json";

    /// <summary>File name of the self-contained HTML report.</summary>
    public const string HtmlFileName = "optimize.html";

    /// <summary>Writes the three files into <paramref name="runDirectory"/> (created when missing).</summary>
    public static OptimizeReportFiles Write(string runDirectory, OptimizeReport report)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(runDirectory);
        var files = new OptimizeReportFiles(
            Path.Combine(runDirectory, CsvFileName),
            Path.Combine(runDirectory, JsonFileName),
            Path.Combine(runDirectory, HtmlFileName));
        AtomicFile.Write(files.Csv, Utf8NoBom.GetBytes(Csv(report)));
        AtomicFile.Write(files.Json, Utf8NoBom.GetBytes(Json(report)));
        AtomicFile.Write(files.Html, Utf8NoBom.GetBytes(OptimizeReportHtml.Render(report)));
        return files;
    }

    /// <summary>
    /// The CSV text: columns index, one per parameter (prefixed <c>param_</c> when the name is also a fixed or metric
    /// column), status (ok/failed), objective, the metrics (standard ones in <see cref="MetricNames.Standard"/> order,
    /// then others by name), error; one row per configuration in sweep order. Numbers are invariant and round-trip;
    /// non-finite ones are written NaN, inf, -inf.
    /// </summary>
    public static string Csv(OptimizeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var names = report.Parameters.Select(p => p.Name).ToArray();
        var metrics = MetricColumns(report.Sweep);
        var reserved = new HashSet<string>(metrics, StringComparer.Ordinal) { "index", "status", "objective", "error" };
        var sb = new StringBuilder();
        var header = new List<string> { "index" };
        header.AddRange(names.Select(n => reserved.Contains(n) ? "param_" + n : n));
        header.Add("status");
        header.Add("objective");
        header.AddRange(metrics);
        header.Add("error");
        sb.AppendJoin(',', header.Select(CsvField)).Append('\n');
        foreach (var o in report.Sweep.Outcomes)
        {
            var row = new List<string> { o.Index.ToString(CultureInfo.InvariantCulture) };
            row.AddRange(names.Select(n => o.Parameters.TryGet(n, out var v) ? v.ToString() : string.Empty));
            row.Add(o.Succeeded ? "ok" : "failed");
            row.Add(o.Succeeded ? CsvNumber(o.Objective) : string.Empty);
            foreach (var m in metrics)
            {
                row.Add(o.Result is not null && o.Result.Metrics.TryGetValue(m, out double x) ? CsvNumber(x) : string.Empty);
            }

            row.Add(o.Error ?? string.Empty);
            sb.AppendJoin(',', row.Select(CsvField)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// The JSON text (indented, keys in a fixed order, non-finite numbers as null): the run, the chosen configuration,
    /// DSR, PBO, walk-forward, the top 10, failures, and the whole grid (index, parameters, status, objective).
    /// </summary>
    public static string Json(OptimizeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("run_id", report.RunId);
            w.WriteString("strategy", report.Strategy);
            if (report.CreatedUtc is DateTime created)
            {
                w.WriteString("created_utc", created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }

            if (report.Data is not null)
            {
                w.WriteString("data", report.Data);
            }

            w.WriteStartObject("objective");
            w.WriteString("name", report.Objective.Name);
            w.WriteBoolean("higher_is_better", report.Objective.HigherIsBetter);
            w.WriteEndObject();
            Number(w, "periods_per_year", report.PeriodsPerYear);

            w.WriteStartArray("parameters");
            foreach (var axis in report.Parameters)
            {
                w.WriteStartObject();
                w.WriteString("name", axis.Name);
                w.WriteString("spec", axis.Source);
                w.WriteStartArray("values");
                foreach (var v in axis.Values)
                {
                    Value(w, v);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (report.Constraint is not null)
            {
                w.WriteString("constraint", report.Constraint);
            }

            w.WriteStartObject("configurations");
            w.WriteNumber("total", report.Sweep.Outcomes.Count);
            w.WriteNumber("succeeded", report.Sweep.Succeeded);
            w.WriteNumber("failed", report.Sweep.Failed);
            w.WriteEndObject();

            if (report.Analysis is { } a)
            {
                w.WritePropertyName("chosen");
                Trial(w, a.Chosen);
                if (a.DeflatedSharpe is { } d)
                {
                    Dsr(w, d);
                }

                if (a.Pbo is { } p)
                {
                    Pbo(w, p);
                }
                else if (a.PboUnavailableReason is not null)
                {
                    w.WriteStartObject("pbo");
                    w.WriteString("unavailable", a.PboUnavailableReason);
                    w.WriteEndObject();
                }
            }

            if (report.WalkForward is { } wf)
            {
                WalkForward(w, report, wf);
            }

            w.WriteStartArray("top");
            foreach (var o in report.Sweep.Ranked(report.Objective).Take(10))
            {
                Trial(w, o);
            }

            w.WriteEndArray();
            var failures = report.Sweep.Outcomes.Where(o => !o.Succeeded).ToList();
            w.WriteStartArray("failures");
            foreach (var o in failures.Take(100))
            {
                w.WriteStartObject();
                w.WriteNumber("index", o.Index);
                Parameters(w, o.Parameters);
                w.WriteString("error", o.Error);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (failures.Count > 100)
            {
                w.WriteNumber("failures_not_listed", failures.Count - 100);
            }

            // The whole grid, compactly (the metrics of every configuration are in optimize.csv).
            w.WriteStartArray("grid");
            foreach (var o in report.Sweep.Outcomes)
            {
                w.WriteStartObject();
                w.WriteNumber("index", o.Index);
                Parameters(w, o.Parameters);
                w.WriteString("status", o.Succeeded ? "ok" : "failed");
                Number(w, "objective", o.Objective);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The metric columns present in any trial: standard ones first in their order, then others by ordinal name.</summary>
    internal static IReadOnlyList<string> MetricColumns(SweepResult sweep)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in sweep.Outcomes)
        {
            if (o.Result is not null)
            {
                present.UnionWith(o.Result.Metrics.Keys);
            }
        }

        var standard = MetricNames.Standard.Where(present.Contains).ToList();
        standard.AddRange(present.Where(m => !MetricNames.Standard.Contains(m)).Order(StringComparer.Ordinal));
        return standard;
    }

    /// <summary>Metrics of a trial in column order.</summary>
    internal static IEnumerable<KeyValuePair<string, double>> OrderedMetrics(TrialResult result)
    {
        foreach (var name in MetricNames.Standard)
        {
            if (result.Metrics.TryGetValue(name, out double v))
            {
                yield return new(name, v);
            }
        }

        foreach (var name in result.Metrics.Keys.Where(k => !MetricNames.Standard.Contains(k)).Order(StringComparer.Ordinal))
        {
            yield return new(name, result.Metrics[name]);
        }
    }

    internal static string Timestamp(long ticks) =>
        new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static void Trial(Utf8JsonWriter w, TrialOutcome o)
    {
        w.WriteStartObject();
        w.WriteNumber("index", o.Index);
        Parameters(w, o.Parameters);
        Number(w, "objective", o.Objective);
        w.WriteStartObject("metrics");
        if (o.Result is not null)
        {
            foreach (var kv in OrderedMetrics(o.Result))
            {
                Number(w, kv.Key, kv.Value);
            }
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Dsr(Utf8JsonWriter w, DeflatedSharpeResult d)
    {
        w.WriteStartObject("deflated_sharpe");
        Number(w, "dsr", d.Dsr);
        Number(w, "psr", d.Psr);
        Number(w, "sharpe_per_period", d.Sharpe);
        Number(w, "sharpe_annualised", d.AnnualisedSharpe);
        Number(w, "expected_max_sharpe_per_period", d.ExpectedMaxSharpe);
        Number(w, "expected_max_sharpe_annualised", d.AnnualisedExpectedMaxSharpe);
        w.WriteNumber("trials", d.Trials);
        Number(w, "trial_sharpe_variance_per_period", d.TrialSharpeVariance);
        w.WriteNumber("observations", d.Observations);
        Number(w, "skewness", d.Skewness);
        Number(w, "kurtosis", d.Kurtosis);
        w.WriteEndObject();
    }

    private static void Pbo(Utf8JsonWriter w, PboResult p)
    {
        w.WriteStartObject("pbo");
        Number(w, "pbo", p.Pbo);
        w.WriteNumber("blocks", p.Blocks);
        w.WriteNumber("combinations", p.Combinations);
        w.WriteNumber("trials", p.Trials);
        w.WriteNumber("observations", p.Observations);
        Number(w, "probability_of_loss", p.ProbabilityOfLoss);
        w.WriteStartObject("degradation");
        Number(w, "slope", p.DegradationSlope);
        Number(w, "intercept", p.DegradationIntercept);
        Number(w, "r_squared", p.DegradationRSquared);
        w.WriteEndObject();
        w.WriteStartObject("logit");
        Number(w, "mean", p.LogitMean);
        Number(w, "median", p.LogitMedian);
        var (edges, counts) = p.LogitHistogram();
        w.WriteStartArray("histogram_edges");
        foreach (double e in edges)
        {
            NumberValue(w, e);
        }

        w.WriteEndArray();
        w.WriteStartArray("histogram_counts");
        foreach (int c in counts)
        {
            w.WriteNumberValue(c);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WalkForward(Utf8JsonWriter w, OptimizeReport report, WalkForwardResult wf)
    {
        w.WriteStartObject("walk_forward");
        if (report.WalkForwardSpec is not null)
        {
            w.WriteString("spec", report.WalkForwardSpec.ToString());
        }

        w.WriteStartArray("folds");
        foreach (var f in wf.Folds)
        {
            w.WriteStartObject();
            w.WriteNumber("fold", f.Fold.Index + 1);
            Range(w, "train", f.Fold.Train, report.BarTimesUtc);
            Range(w, "test", f.Fold.Test, report.BarTimesUtc);
            Parameters(w, f.Chosen);
            Number(w, "in_sample_objective", f.InSampleObjective);
            Number(w, "out_of_sample_objective", f.OutOfSampleObjective);
            w.WriteStartObject("out_of_sample");
            foreach (var kv in f.OutOfSample.ToMetrics())
            {
                Number(w, kv.Key, kv.Value);
            }

            w.WriteEndObject();
            if (f.FailedTrials > 0)
            {
                w.WriteNumber("failed_trials", f.FailedTrials);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        Number(w, "out_of_sample_objective", wf.OutOfSampleObjective);
        w.WriteStartObject("out_of_sample");
        foreach (var kv in wf.OutOfSample.ToMetrics())
        {
            Number(w, kv.Key, kv.Value);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Range(Utf8JsonWriter w, string name, BarRange range, IReadOnlyList<long>? times)
    {
        w.WriteStartObject(name);
        w.WriteNumber("start", range.Start);
        w.WriteNumber("end", range.End);
        if (times is not null && !range.IsEmpty && range.End <= times.Count)
        {
            w.WriteString("first_bar", Timestamp(times[range.Start]));
            w.WriteString("last_bar", Timestamp(times[range.End - 1]));
        }

        w.WriteEndObject();
    }

    private static void Parameters(Utf8JsonWriter w, ParameterSet set)
    {
        w.WriteStartObject("parameters");
        for (int i = 0; i < set.Count; i++)
        {
            w.WritePropertyName(set.Names[i]);
            Value(w, set[i]);
        }

        w.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter w, ParameterValue v)
    {
        if (v.IsNumber)
        {
            w.WriteRawValue(v.ToString(), skipInputValidation: false);
        }
        else
        {
            w.WriteStringValue(v.Text);
        }
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        NumberValue(w, value);
    }

    private static void NumberValue(Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumberValue(value);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    private static string CsvNumber(double v) => double.IsNaN(v) ? "NaN"
        : double.IsPositiveInfinity(v) ? "inf"
        : double.IsNegativeInfinity(v) ? "-inf"
        : v.ToString("R", CultureInfo.InvariantCulture);

    private static string CsvField(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
