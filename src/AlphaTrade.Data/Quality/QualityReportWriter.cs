using System.Globalization;
using System.Text.Json;

using AlphaTrade.Core.IO;

namespace AlphaTrade.Data.Quality;

/// <summary>
/// Writes quality reports as JSON (data/processed/quality.json). The output is deterministic: symbols in ordinal
/// order, properties in a fixed order, numbers in invariant round-trip form, times as ISO-8601 UTC, no wall-clock
/// stamp; the same data and settings give the same bytes.
/// </summary>
public static class QualityReportWriter
{
    /// <summary>Identifies the document layout; bump when a field changes meaning or goes away.</summary>
    public const string Schema = "alphatrade.quality/1";

    /// <summary>Where the command line writes the report, relative to the repository root.</summary>
    public const string DefaultPath = "data/processed/quality.json";

    /// <summary>
    /// Writes the document to <paramref name="path"/> atomically: to a temporary file in the same folder, then
    /// moved over the target, so a reader never sees half a report. Creates the folder when missing.
    /// </summary>
    public static void Write(string path, IEnumerable<DataQualityReport> reports, BarCleanerOptions options, string calendarName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, (ReadOnlyMemory<byte>)ToUtf8Json(reports, options, calendarName));
    }

    /// <summary>The document as a string (for tests and printing).</summary>
    public static string ToJson(IEnumerable<DataQualityReport> reports, BarCleanerOptions options, string calendarName) =>
        System.Text.Encoding.UTF8.GetString(ToUtf8Json(reports, options, calendarName));

    /// <summary>The document as UTF-8 bytes, ending with a newline.</summary>
    public static byte[] ToUtf8Json(IEnumerable<DataQualityReport> reports, BarCleanerOptions options, string calendarName)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calendarName);
        var sorted = reports.OrderBy(r => r.Symbol, StringComparer.Ordinal).ToList();
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("calendar", calendarName);
            WriteSettings(w, options);
            WriteSummary(w, DataQualitySummary.From(sorted));
            w.WriteStartArray("symbols");
            foreach (var r in sorted)
            {
                WriteReport(w, r);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteSettings(Utf8JsonWriter w, BarCleanerOptions o)
    {
        w.WriteStartObject("settings");
        w.WriteString("duplicates", o.Duplicates.ToString());
        w.WriteString("offSession", o.OffSession.ToString());
        w.WriteString("ohlcInconsistency", o.OhlcInconsistency.ToString());
        w.WriteBoolean("dropMisalignedBars", o.DropMisalignedBars);
        w.WriteString("missingBars", o.MissingBars.ToString());
        w.WriteBoolean("fillMissingSessions", o.FillMissingSessions);
        Number(w, "outlierThreshold", o.OutlierThreshold);
        w.WriteNumber("outlierWindow", o.OutlierWindow);
        Number(w, "minimumReturnScale", o.MinimumReturnScale);
        w.WriteNumber("badTickMaxBars", o.BadTickMaxBars);
        Number(w, "badTickRevertFraction", o.BadTickRevertFraction);
        Number(w, "badTickGapFraction", o.BadTickGapFraction);
        w.WriteString("outliers", o.Outliers.ToString());
        w.WriteStartArray("splitRatios");
        foreach (double r in o.SplitRatios)
        {
            w.WriteNumberValue(r);
        }

        w.WriteEndArray();
        Number(w, "splitTolerance", o.SplitTolerance);
        w.WriteString("splits", o.Splits.ToString());
        w.WriteNumber("staleRunMinBars", o.StaleRunMinBars);
        w.WriteStartObject("scoreWeights");
        WriteWeights(w, o.ScoreWeights);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteWeights(Utf8JsonWriter w, QualityScoreWeights q)
    {
        Number(w, "completeness", q.Completeness);
        Number(w, "validity", q.Validity);
        Number(w, "uniqueness", q.Uniqueness);
        Number(w, "outliers", q.Outliers);
        Number(w, "splits", q.Splits);
        Number(w, "staleness", q.Staleness);
    }

    private static void WriteSummary(Utf8JsonWriter w, DataQualitySummary s)
    {
        w.WriteStartObject("summary");
        w.WriteNumber("symbols", s.Symbols);
        w.WriteNumber("rawRows", s.RawRows);
        w.WriteNumber("cleanRows", s.CleanRows);
        w.WriteNumber("expectedBars", s.ExpectedBars);
        w.WriteNumber("missingBars", s.MissingBars);
        Number(w, "missingPercent", s.MissingPercent);
        w.WriteNumber("duplicateRows", s.DuplicateRows);
        w.WriteNumber("outOfOrderRows", s.OutOfOrderRows);
        w.WriteNumber("offSessionBars", s.OffSessionBars);
        w.WriteNumber("invalidRows", s.InvalidRows);
        w.WriteNumber("inconsistentBars", s.InconsistentBars);
        w.WriteNumber("badTickBars", s.BadTickBars);
        w.WriteNumber("jumps", s.Jumps);
        w.WriteNumber("suspectedSplits", s.SuspectedSplits);
        w.WriteNumber("flatZeroVolumeBars", s.FlatZeroVolumeBars);
        Number(w, "meanScore", s.MeanScore);
        Number(w, "minScore", s.MinScore);
        if (s.WorstSymbol is null)
        {
            w.WriteNull("worstSymbol");
        }
        else
        {
            w.WriteString("worstSymbol", s.WorstSymbol);
        }

        w.WriteEndObject();
    }

    private static void WriteReport(Utf8JsonWriter w, DataQualityReport r)
    {
        w.WriteStartObject();
        w.WriteString("symbol", r.Symbol);
        w.WriteString("timeFrame", r.TimeFrame.ToString());
        w.WriteNumber("rawRows", r.RawRows);
        w.WriteNumber("cleanRows", r.CleanRows);
        Time(w, "firstBarUtc", r.FirstBarUtc);
        Time(w, "lastBarUtc", r.LastBarUtc);

        w.WriteStartObject("score");
        Number(w, "total", r.Score.Total);
        w.WriteStartObject("components");
        Component(w, "completeness", r.Score.Completeness, r.Score.Weights.Completeness);
        Component(w, "validity", r.Score.Validity, r.Score.Weights.Validity);
        Component(w, "uniqueness", r.Score.Uniqueness, r.Score.Weights.Uniqueness);
        Component(w, "outliers", r.Score.Outliers, r.Score.Weights.Outliers);
        Component(w, "splits", r.Score.Splits, r.Score.Weights.Splits);
        Component(w, "staleness", r.Score.Staleness, r.Score.Weights.Staleness);
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("order");
        w.WriteNumber("inversions", r.Order.Inversions);
        w.WriteNumber("outOfOrderRows", r.Order.OutOfOrderRows);
        Times(w, "examples", r.Order.Examples);
        w.WriteEndObject();

        w.WriteStartObject("invalidValues");
        w.WriteNumber("nonFinite", r.InvalidValues.NonFinite);
        w.WriteNumber("nonPositivePrice", r.InvalidValues.NonPositivePrice);
        w.WriteNumber("negativeVolume", r.InvalidValues.NegativeVolume);
        w.WriteNumber("dropped", r.InvalidValues.Dropped);
        Times(w, "examples", r.InvalidValues.Examples);
        w.WriteEndObject();

        w.WriteStartObject("duplicates");
        w.WriteNumber("timestamps", r.Duplicates.Timestamps);
        w.WriteNumber("exactRows", r.Duplicates.ExactRows);
        w.WriteNumber("conflictingRows", r.Duplicates.ConflictingRows);
        w.WriteStartArray("examples");
        foreach (var d in r.Duplicates.Examples)
        {
            w.WriteStartObject();
            Time(w, "timeUtc", d.TimeUtc);
            w.WriteNumber("rows", d.Rows);
            w.WriteBoolean("conflicting", d.Conflicting);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("session");
        w.WriteNumber("preMarket", r.Session.PreMarket);
        w.WriteNumber("postMarket", r.Session.PostMarket);
        w.WriteNumber("nonTradingDay", r.Session.NonTradingDay);
        w.WriteNumber("dropped", r.Session.Dropped);
        w.WriteNumber("misaligned", r.Session.Misaligned);
        w.WriteNumber("misalignedDropped", r.Session.MisalignedDropped);
        Times(w, "examples", r.Session.Examples);
        Times(w, "misalignedExamples", r.Session.MisalignedExamples);
        w.WriteEndObject();

        w.WriteStartObject("ohlc");
        w.WriteNumber("inconsistentBars", r.Ohlc.InconsistentBars);
        w.WriteNumber("highBelowBody", r.Ohlc.HighBelowBody);
        w.WriteNumber("lowAboveBody", r.Ohlc.LowAboveBody);
        w.WriteNumber("highBelowLow", r.Ohlc.HighBelowLow);
        w.WriteNumber("repaired", r.Ohlc.Repaired);
        w.WriteNumber("dropped", r.Ohlc.Dropped);
        Times(w, "examples", r.Ohlc.Examples);
        w.WriteEndObject();

        w.WriteStartObject("gaps");
        w.WriteNumber("expectedBars", r.Gaps.ExpectedBars);
        w.WriteNumber("presentBars", r.Gaps.PresentBars);
        w.WriteNumber("missingBars", r.Gaps.MissingBars);
        Number(w, "missingPercent", r.Gaps.MissingPercent);
        w.WriteNumber("expectedSessions", r.Gaps.ExpectedSessions);
        w.WriteNumber("missingSessions", r.Gaps.MissingSessions);
        w.WriteStartArray("missingSessionExamples");
        foreach (var d in r.Gaps.MissingSessionExamples)
        {
            w.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        w.WriteEndArray();
        w.WriteNumber("filledBars", r.Gaps.FilledBars);
        w.WriteNumber("missingRunCount", r.Gaps.MissingRunCount);
        w.WriteStartArray("missingRuns");
        foreach (var run in r.Gaps.MissingRuns)
        {
            w.WriteStartObject();
            Time(w, "startUtc", run.StartUtc);
            w.WriteNumber("bars", run.Bars);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("outliers");
        w.WriteNumber("badTickBars", r.Outliers.BadTickBars);
        w.WriteNumber("replaced", r.Outliers.Replaced);
        w.WriteNumber("dropped", r.Outliers.Dropped);
        w.WriteStartArray("badTicks");
        foreach (var b in r.Outliers.BadTicks)
        {
            w.WriteStartObject();
            Time(w, "timeUtc", b.TimeUtc);
            w.WriteNumber("bars", b.Bars);
            Number(w, "close", b.Close);
            Number(w, "logReturn", b.LogReturn);
            Number(w, "zScore", b.ZScore);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("jumps");
        foreach (var j in r.Outliers.Jumps)
        {
            w.WriteStartObject();
            Time(w, "timeUtc", j.TimeUtc);
            Number(w, "logReturn", j.LogReturn);
            Number(w, "zScore", j.ZScore);
            w.WriteBoolean("overnight", j.Overnight);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartArray("splits");
        foreach (var s in r.Splits)
        {
            w.WriteStartObject();
            w.WriteString("sessionDate", s.SessionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Time(w, "timeUtc", s.TimeUtc);
            w.WriteString("ratio", s.Ratio);
            Number(w, "nominalRatio", s.NominalRatio);
            Number(w, "observedRatio", s.ObservedRatio);
            w.WriteBoolean("adjusted", s.Adjusted);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartObject("staleness");
        w.WriteNumber("flatZeroVolumeBars", r.Staleness.FlatZeroVolumeBars);
        w.WriteNumber("staleRuns", r.Staleness.StaleRuns);
        w.WriteNumber("longestRun", r.Staleness.LongestRun);
        Time(w, "longestRunStartUtc", r.Staleness.LongestRunStartUtc);
        w.WriteEndObject();

        w.WriteEndObject();
    }

    private static void Component(Utf8JsonWriter w, string name, double value, double weight)
    {
        w.WriteStartObject(name);
        Number(w, "value", value);
        Number(w, "weight", weight);
        w.WriteEndObject();
    }

    // JSON has no NaN or infinity: a non-finite number is written as null rather than failing the whole report.
    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Times(Utf8JsonWriter w, string name, IReadOnlyList<DateTime> times)
    {
        w.WriteStartArray(name);
        foreach (var t in times)
        {
            w.WriteStringValue(Stamp(t));
        }

        w.WriteEndArray();
    }

    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Time(Utf8JsonWriter w, string name, DateTime? utc)
    {
        if (utc is { } t)
        {
            w.WriteString(name, Stamp(t));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
