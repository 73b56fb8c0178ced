using System.Globalization;
using System.Text;
using System.Text.Json;
using AlphaTrade.Analytics.Attribution;
using AlphaTrade.Analytics.Metrics;

namespace AlphaTrade.Analytics.Reporting;

/// <summary>
/// Writes a <see cref="PerformanceReport"/> as metrics.json: snake_case keys in a fixed order, numbers in invariant
/// shortest round-trip form, non-finite numbers as null, times as ISO-8601 UTC. The same report always gives the same bytes.
/// </summary>
public static class MetricsJsonWriter
{
    /// <summary>Schema identifier written as the first key.</summary>
    public const string Schema = "alphatrade.metrics/1";

    /// <summary>The JSON text (indented, LF line ends, trailing newline). <paramref name="run"/> entries are written in ordinal key order.</summary>
    public static string ToJson(PerformanceReport report, IReadOnlyDictionary<string, string>? run = null) => ToJson(report, run, null);

    /// <summary>The JSON text with a <c>risk</c> object (decision counts, counts per limit, latest rolling VaR/CVaR) when <paramref name="risk"/> is given.</summary>
    public static string ToJson(PerformanceReport report, IReadOnlyDictionary<string, string>? run, RiskSummary? risk)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            Write(w, report, run, risk);
        }

        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    /// <summary>Writes metrics.json atomically to <paramref name="path"/>.</summary>
    public static void Write(string path, PerformanceReport report, IReadOnlyDictionary<string, string>? run = null) =>
        AtomicFile.WriteAllText(path, ToJson(report, run));

    private static void Write(Utf8JsonWriter w, PerformanceReport r, IReadOnlyDictionary<string, string>? run, RiskSummary? risk)
    {
        var p = r.Performance;
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        if (run is not null)
        {
            w.WriteStartObject("run");
            foreach (var kv in run.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                w.WriteString(kv.Key, kv.Value);
            }

            w.WriteEndObject();
        }

        w.WriteStartObject("annualization");
        Num(w, "periods_per_year", r.Options.PeriodsPerYear);
        w.WriteString("basis", r.Options.Annualization.Basis);
        Num(w, "risk_free_rate", r.Options.RiskFreeRate);
        Num(w, "sortino_target", r.Options.SortinoTarget);
        w.WriteEndObject();

        w.WriteStartObject("period");
        Time(w, "start", p.Start);
        Time(w, "end", p.End);
        w.WriteNumber("periods", p.Periods);
        Num(w, "years", p.Years);
        Num(w, "start_equity", p.StartEquity);
        Num(w, "end_equity", p.EndEquity);
        w.WriteEndObject();

        w.WriteStartObject("returns");
        Num(w, "total_return", p.TotalReturn);
        Num(w, "cagr", p.Cagr);
        Num(w, "annual_volatility", p.AnnualVolatility);
        Num(w, "sharpe", p.Sharpe);
        Num(w, "sortino", p.Sortino);
        Num(w, "downside_deviation", p.DownsideDeviation);
        Num(w, "calmar", p.Calmar);
        Num(w, "omega", p.Omega);
        w.WriteEndObject();

        w.WriteStartObject("drawdown");
        Num(w, "max_drawdown", p.MaxDrawdown);
        w.WriteStartArray("worst");
        foreach (var d in r.TopDrawdowns)
        {
            DrawdownObject(w, d);
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("distribution");
        Num(w, "skew", p.Skew);
        Num(w, "excess_kurtosis", p.ExcessKurtosis);
        Num(w, "stability", p.Stability);
        Num(w, "tail_ratio", p.TailRatio);
        Num(w, "var_95", p.ValueAtRisk95);
        Num(w, "var_99", p.ValueAtRisk99);
        Num(w, "cvar_95", p.ConditionalValueAtRisk95);
        Num(w, "cvar_99", p.ConditionalValueAtRisk99);
        w.WriteEndObject();

        w.WriteStartObject("period_statistics");
        Summary(w, "per_period", r.PeriodStatistics.PerPeriod);
        Summary(w, "daily", r.PeriodStatistics.Daily);
        Summary(w, "monthly", r.PeriodStatistics.Monthly);
        Summary(w, "yearly", r.PeriodStatistics.Yearly);
        w.WriteEndObject();

        w.WriteStartObject("calendar");
        w.WriteStartArray("monthly");
        foreach (var m in r.Calendar.Months)
        {
            w.WriteStartObject();
            w.WriteNumber("year", m.Year);
            w.WriteNumber("month", m.Month);
            Num(w, "return", m.Return);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("yearly");
        foreach (var y in r.Calendar.Years)
        {
            w.WriteStartObject();
            w.WriteNumber("year", y.Year);
            Num(w, "return", y.Return);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        Benchmark(w, r);
        Trades(w, r.Trades);
        Exposure(w, r.Exposure);
        Attribution(w, r.Pnl, r.Brinson);
        if (risk is not null)
        {
            Risk(w, risk);
        }

        w.WriteEndObject();
    }

    private static void Risk(Utf8JsonWriter w, RiskSummary s)
    {
        w.WriteStartObject("risk");
        w.WriteBoolean("enabled", s.Enabled);
        w.WriteString("note", s.Note ?? string.Empty);
        w.WriteStartObject("orders");
        w.WriteNumber("checked", s.Accepted + s.Resized + s.Rejected);
        w.WriteNumber("accepted", s.Accepted);
        w.WriteNumber("resized", s.Resized);
        w.WriteNumber("rejected", s.Rejected);
        w.WriteEndObject();
        w.WriteNumber("state_events", s.StateEvents);
        w.WriteStartArray("by_limit");
        foreach (var c in s.ByLimit)
        {
            w.WriteStartObject();
            w.WriteString("limit", c.Limit);
            w.WriteString("type", c.Category);
            w.WriteString("decision", c.Verdict);
            w.WriteNumber("count", c.Count);
            Time(w, "first", new DateTime(c.FirstUtcTicks, DateTimeKind.Utc));
            Time(w, "last", new DateTime(c.LastUtcTicks, DateTimeKind.Utc));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (s.Rolling is { Count: > 0 } r)
        {
            w.WriteStartObject("rolling_var");
            w.WriteNumber("window_sessions", r.Window);
            Time(w, "as_of", new DateTime(r.TimeUtcTicks[^1], DateTimeKind.Utc));
            Num(w, "var_95", r.Var95[^1]);
            Num(w, "cvar_95", r.Cvar95[^1]);
            Num(w, "var_99", r.Var99[^1]);
            Num(w, "cvar_99", r.Cvar99[^1]);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Benchmark(Utf8JsonWriter w, PerformanceReport r)
    {
        if (r.Benchmark is not { } b)
        {
            w.WriteNull("benchmark");
            return;
        }

        w.WriteStartObject("benchmark");
        if (r.BenchmarkNote is not null)
        {
            w.WriteString("note", r.BenchmarkNote);
        }

        w.WriteNumber("periods", b.Periods);
        Num(w, "beta", b.Beta);
        Num(w, "alpha", b.Alpha);
        Num(w, "correlation", b.Correlation);
        Num(w, "tracking_error", b.TrackingError);
        Num(w, "information_ratio", b.InformationRatio);
        Num(w, "excess_cagr", b.ExcessCagr);
        Num(w, "benchmark_total_return", b.BenchmarkTotalReturn);
        Num(w, "benchmark_cagr", b.BenchmarkCagr);
        Num(w, "benchmark_volatility", b.BenchmarkVolatility);
        Num(w, "benchmark_sharpe", b.BenchmarkSharpe);
        Num(w, "benchmark_max_drawdown", b.BenchmarkMaxDrawdown);
        w.WriteEndObject();
    }

    private static void Trades(Utf8JsonWriter w, TradeStatistics? t)
    {
        if (t is null)
        {
            w.WriteNull("trades");
            return;
        }

        w.WriteStartObject("trades");
        w.WriteNumber("count", t.Count);
        w.WriteNumber("winners", t.Winners);
        w.WriteNumber("losers", t.Losers);
        Num(w, "win_rate", t.WinRate);
        Num(w, "profit_factor", t.ProfitFactor);
        Num(w, "expectancy", t.Expectancy);
        Num(w, "average_win", t.AverageWin);
        Num(w, "average_loss", t.AverageLoss);
        Num(w, "payoff_ratio", t.PayoffRatio);
        Num(w, "largest_win", t.LargestWin);
        Num(w, "largest_loss", t.LargestLoss);
        Num(w, "total_net_pnl", t.TotalNetPnl);
        Num(w, "total_fees", t.TotalFees);
        Num(w, "average_return_on_entry", t.AverageReturnOnEntry);
        Num(w, "average_holding_hours", t.AverageHoldingTime.TotalHours);
        w.WriteNumber("long_count", t.LongCount);
        w.WriteNumber("short_count", t.ShortCount);
        Num(w, "long_win_rate", t.LongWinRate);
        Num(w, "short_win_rate", t.ShortWinRate);
        w.WriteNumber("max_consecutive_wins", t.MaxConsecutiveWins);
        w.WriteNumber("max_consecutive_losses", t.MaxConsecutiveLosses);
        Num(w, "annual_turnover", t.AnnualTurnover);
        w.WriteEndObject();
    }

    private static void Exposure(Utf8JsonWriter w, ExposureSummary? e)
    {
        if (e is null)
        {
            w.WriteNull("exposure");
            return;
        }

        w.WriteStartObject("exposure");
        w.WriteNumber("samples", e.Samples);
        Num(w, "average_gross", e.AverageGross);
        Num(w, "average_net", e.AverageNet);
        Num(w, "average_long", e.AverageLong);
        Num(w, "average_short", e.AverageShort);
        Num(w, "max_gross", e.MaxGross);
        Num(w, "min_net", e.MinNet);
        Num(w, "max_net", e.MaxNet);
        Num(w, "time_in_market", e.TimeInMarket);
        w.WriteStartArray("sectors");
        foreach (var s in e.Sectors)
        {
            w.WriteStartObject();
            w.WriteString("sector", s.Sector);
            Num(w, "average_net", s.AverageNet);
            Num(w, "average_gross", s.AverageGross);
            Num(w, "max_gross", s.MaxGross);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Attribution(Utf8JsonWriter w, PnlAttribution? pnl, BrinsonResult? brinson)
    {
        if (pnl is null && brinson is null)
        {
            w.WriteNull("attribution");
            return;
        }

        w.WriteStartObject("attribution");
        if (pnl is null)
        {
            w.WriteNull("pnl");
        }
        else
        {
            w.WriteStartObject("pnl");
            Num(w, "total_net_pnl", pnl.TotalNetPnl);
            Buckets(w, "by_symbol", pnl.BySymbol);
            Buckets(w, "by_sector", pnl.BySector);
            Buckets(w, "by_strategy", pnl.ByStrategy);
            Buckets(w, "by_side", pnl.BySide);
            w.WriteEndObject();
        }

        if (brinson is null)
        {
            w.WriteNull("brinson_fachler");
        }
        else
        {
            w.WriteStartObject("brinson_fachler");
            w.WriteString("benchmark", "equal-weighted universe");
            w.WriteNumber("periods", brinson.Periods.Count);
            Num(w, "allocation", brinson.Allocation);
            Num(w, "selection", brinson.Selection);
            Num(w, "interaction", brinson.Interaction);
            Num(w, "active_return", brinson.ActiveReturn);
            w.WriteStartObject("linked");
            w.WriteString("method", "carino");
            Num(w, "portfolio_return", brinson.CompoundedPortfolioReturn);
            Num(w, "benchmark_return", brinson.CompoundedBenchmarkReturn);
            Num(w, "active_return", brinson.CompoundedActiveReturn);
            Num(w, "allocation", brinson.LinkedAllocation);
            Num(w, "selection", brinson.LinkedSelection);
            Num(w, "interaction", brinson.LinkedInteraction);
            w.WriteEndObject();
            w.WriteStartArray("sectors");
            foreach (var s in brinson.SectorTotals)
            {
                w.WriteStartObject();
                w.WriteString("sector", s.Sector);
                Num(w, "allocation", s.Allocation);
                Num(w, "selection", s.Selection);
                Num(w, "interaction", s.Interaction);
                Num(w, "total", s.Total);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Buckets(Utf8JsonWriter w, string name, IReadOnlyList<PnlBucket> buckets)
    {
        w.WriteStartArray(name);
        foreach (var b in buckets)
        {
            w.WriteStartObject();
            w.WriteString("key", b.Key);
            w.WriteNumber("trades", b.Trades);
            Num(w, "net_pnl", b.NetPnl);
            Num(w, "gross_pnl", b.GrossPnl);
            Num(w, "fees", b.Fees);
            Num(w, "win_rate", b.WinRate);
            Num(w, "average_pnl", b.AveragePnl);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void DrawdownObject(Utf8JsonWriter w, Drawdown d)
    {
        w.WriteStartObject();
        Num(w, "depth", d.Depth);
        Time(w, "peak", d.Peak);
        Time(w, "trough", d.Trough);
        if (d.Recovery is DateTime rec)
        {
            Time(w, "recovery", rec);
        }
        else
        {
            w.WriteNull("recovery");
        }

        w.WriteNumber("duration_periods", d.DurationPeriods);
        Num(w, "duration_days", d.Duration.TotalDays);
        w.WriteEndObject();
    }

    private static void Summary(Utf8JsonWriter w, string name, ReturnSummary s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("count", s.Count);
        Num(w, "mean", s.Mean);
        Num(w, "median", s.Median);
        Num(w, "std", s.StdDev);
        Num(w, "best", s.Best);
        Num(w, "worst", s.Worst);
        Num(w, "positive_fraction", s.PositiveFraction);
        w.WriteEndObject();
    }

    private static void Num(Utf8JsonWriter w, string name, double value)
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

    private static void Time(Utf8JsonWriter w, string name, DateTime utc) =>
        w.WriteString(name, utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
