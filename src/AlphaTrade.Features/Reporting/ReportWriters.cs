using System.Globalization;
using System.Text;
using System.Text.Json;
using AlphaTrade.Core.IO;
using AlphaTrade.Features.Selection;

namespace AlphaTrade.Features.Reporting;

/// <summary>Writes feature and selection reports as JSON (NaN as null) and Markdown, atomically.</summary>
public static class ReportWriters
{
    /// <summary>Schema tag of the feature report JSON.</summary>
    public const string FeatureReportSchema = "alphatrade.feature_report/1";

    /// <summary>Schema tag of the selection report JSON.</summary>
    public const string SelectionReportSchema = "alphatrade.feature_selection/1";

    /// <summary>Writes <paramref name="report"/> as JSON.</summary>
    public static void WriteJson(FeatureReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        AtomicFile.Write(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteString("schema", FeatureReportSchema);
            w.WriteString("set", report.Set);
            w.WriteString("set_hash", report.SetHash);
            w.WriteString("data_key", report.DataKey);
            w.WriteNumber("symbols", report.Symbols);
            w.WriteNumber("rows", report.Rows);
            w.WriteString("first_bar_utc", report.FirstTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteString("last_bar_utc", report.LastTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteNumber("features", report.Columns.Count);
            if (report.ImportanceLabel is null)
            {
                w.WriteNull("importance_label");
            }
            else
            {
                w.WriteString("importance_label", report.ImportanceLabel);
            }

            w.WriteStartArray("columns");
            foreach (var c in report.Columns)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteString("family", c.Family);
                w.WriteNumber("finite", c.Finite);
                Number(w, "coverage", c.Coverage);
                Number(w, "nan_share", c.NaNShare);
                Number(w, "mean", c.Mean);
                Number(w, "std", c.Std);
                Number(w, "min", c.Min);
                Number(w, "p01", c.P01);
                Number(w, "p25", c.P25);
                Number(w, "median", c.Median);
                Number(w, "p75", c.P75);
                Number(w, "p99", c.P99);
                Number(w, "max", c.Max);
                Number(w, "mutual_information", c.MutualInformation);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Number(w, "cluster_threshold", report.ClusterThreshold);
            w.WriteStartArray("correlation_clusters");
            foreach (var cluster in report.Clusters)
            {
                w.WriteStartArray();
                foreach (var name in cluster)
                {
                    w.WriteStringValue(name);
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Writes <paramref name="report"/> as a Markdown page.</summary>
    public static void WriteMarkdown(FeatureReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Feature report: {report.Set}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Set hash `{report.SetHash}`, data key `{report.DataKey}`; {report.Symbols} symbols, {report.Rows:N0} rows, ");
        sb.Append(CultureInfo.InvariantCulture, $"{report.FirstTime:yyyy-MM-dd} to {report.LastTime:yyyy-MM-dd}; {report.Columns.Count} features.\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Coverage is the share of rows with a finite value (the rest is warm-up or undefined, NaN). Percentiles are over up to 100,000 sampled rows. ");
        sb.Append(report.ImportanceLabel is null ? "No label: no importance.\n\n" : $"Importance: mutual information with `{report.ImportanceLabel}` (nats, 10 equal-frequency bins).\n\n");
        sb.Append("## Lowest coverage\n\n| feature | coverage |\n| --- | ---: |\n");
        foreach (var c in report.Columns.OrderBy(c => c.Coverage).ThenBy(c => c.Name, StringComparer.Ordinal).Take(10))
        {
            sb.Append(CultureInfo.InvariantCulture, $"| `{c.Name}` | {FeatureSelector.Pct(c.Coverage, 1)} |\n");
        }

        if (report.ImportanceLabel is not null)
        {
            sb.Append("\n## Highest mutual information\n\n| feature | family | MI (nats) |\n| --- | --- | ---: |\n");
            foreach (var c in report.Columns.Where(c => double.IsFinite(c.MutualInformation)).OrderByDescending(c => c.MutualInformation).Take(20))
            {
                sb.Append(CultureInfo.InvariantCulture, $"| `{c.Name}` | {c.Family} | {c.MutualInformation:F4} |\n");
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"\n## Correlation clusters (|r| ≥ {report.ClusterThreshold:0.##}, single linkage)\n\n");
        if (report.Clusters.Count == 0)
        {
            sb.Append("None.\n");
        }

        foreach (var cluster in report.Clusters)
        {
            sb.Append("- ").Append(string.Join(", ", cluster.Select(n => "`" + n + "`"))).Append('\n');
        }

        sb.Append("\n## Every feature\n\n| feature | family | coverage | NaN | mean | sd | p1 | median | p99 | MI |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var c in report.Columns)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| `{c.Name}` | {c.Family} | {FeatureSelector.Pct(c.Coverage, 1)} | {FeatureSelector.Pct(c.NaNShare, 1)} | {G(c.Mean)} | {G(c.Std)} | {G(c.P01)} | {G(c.Median)} | {G(c.P99)} | {G(c.MutualInformation)} |\n");
        }

        AtomicFile.Write(path, (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(sb.ToString()));
    }

    /// <summary>Writes a selection report as JSON.</summary>
    public static void WriteJson(FeatureSelectionReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        AtomicFile.Write(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteString("schema", SelectionReportSchema);
            w.WriteString("label", report.Label);
            w.WriteNumber("rows", report.Rows);
            w.WriteNumber("folds", report.Folds);
            w.WriteStartArray("fold_validation_r2");
            foreach (var r in report.FoldValidationR2)
            {
                w.WriteNumberValue(r);
            }

            w.WriteEndArray();
            Number(w, "fold_rank_stability", report.FoldRankStability);
            w.WriteNumber("kept", report.Kept.Count);
            w.WriteNumber("dropped", report.Features.Count - report.Kept.Count);
            w.WriteStartArray("features");
            foreach (var f in report.Features)
            {
                w.WriteStartObject();
                w.WriteString("name", f.Name);
                w.WriteString("family", f.Family);
                w.WriteBoolean("kept", f.Kept);
                w.WriteString("reason", f.Reason);
                Number(w, "coverage", f.Coverage);
                Number(w, "mutual_information", f.MutualInformation);
                Number(w, "importance", f.Importance);
                Number(w, "importance_std", f.ImportanceStd);
                Number(w, "positive_folds", f.PositiveFolds);
                if (f.CorrelatedWith is null)
                {
                    w.WriteNull("correlated_with");
                }
                else
                {
                    w.WriteString("correlated_with", f.CorrelatedWith);
                    Number(w, "correlation", f.Correlation);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Writes a selection report as Markdown: kept and dropped features with reasons.</summary>
    public static void WriteMarkdown(FeatureSelectionReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Feature selection for `{report.Label}`\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{report.Rows:N0} sampled rows; {report.Kept.Count} of {report.Features.Count} features kept. ");
        sb.Append(CultureInfo.InvariantCulture, $"Walk-forward ridge model, {report.Folds} folds, out-of-sample R² per fold: {string.Join(", ", report.FoldValidationR2.Select(r => r.ToString("F4", CultureInfo.InvariantCulture)))}; ");
        sb.Append(CultureInfo.InvariantCulture, $"importance rank stability between consecutive folds (Spearman): {G(report.FoldRankStability)}.\n\n");
        sb.Append("## Kept\n\n| feature | family | MI (nats) | importance | ± | positive folds |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
        foreach (var f in report.Features.Where(f => f.Kept).OrderByDescending(f => double.IsNaN(f.Importance) ? double.NegativeInfinity : f.Importance))
        {
            sb.Append(CultureInfo.InvariantCulture, $"| `{f.Name}` | {f.Family} | {G(f.MutualInformation)} | {G(f.Importance)} | {G(f.ImportanceStd)} | {FeatureSelector.Pct(f.PositiveFolds, 0)} |\n");
        }

        sb.Append("\n## Dropped\n\n| feature | family | reason |\n| --- | --- | --- |\n");
        foreach (var f in report.Features.Where(f => !f.Kept))
        {
            sb.Append(CultureInfo.InvariantCulture, $"| `{f.Name}` | {f.Family} | {f.Reason["dropped: ".Length..]} |\n");
        }

        AtomicFile.Write(path, (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(sb.ToString()));
    }

    private static string G(double v) => double.IsFinite(v) ? v.ToString("G4", CultureInfo.InvariantCulture) : "–";

    private static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
