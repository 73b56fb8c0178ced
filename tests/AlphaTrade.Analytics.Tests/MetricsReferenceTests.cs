using System.Text.Json;
using AlphaTrade.Analytics.Metrics;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Analytics.Tests;

/// <summary>Metrics checked against numpy/scipy/pandas reference values (scripts/analytics/make_metrics_fixtures.py).</summary>
public class MetricsReferenceTests
{
    public static TheoryData<string> Cases => new() { "intraday_15min", "daily" };

    private static MetricsOptions OptionsFor(JsonElement exp, double rf = 0) =>
        new(Annualization.Explicit(exp.D("periods_per_year")), rf);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_FixtureSeries_MatchesReferenceValues(string name)
    {
        var exp = Fixture.Expected(name);
        var curve = Fixture.Curve(name);
        var m = PerformanceCalculator.Compute(curve, OptionsFor(exp));

        Assert.Equal(exp.GetProperty("periods").GetInt32(), m.Periods);
        Fixture.Close(exp.D("total_return"), m.TotalReturn, what: "total_return");
        Fixture.Close(exp.D("cagr"), m.Cagr, what: "cagr");
        Fixture.Close(exp.D("annual_volatility"), m.AnnualVolatility, what: "annual_volatility");
        Fixture.Close(exp.D("sharpe"), m.Sharpe, what: "sharpe");
        Fixture.Close(exp.D("sortino"), m.Sortino, what: "sortino");
        Fixture.Close(exp.D("downside_deviation"), m.DownsideDeviation, what: "downside_deviation");
        Fixture.Close(exp.D("max_drawdown"), m.MaxDrawdown, what: "max_drawdown");
        Fixture.Close(exp.D("calmar"), m.Calmar, what: "calmar");
        Fixture.Close(exp.D("omega"), m.Omega, what: "omega");
        Fixture.Close(exp.D("skew"), m.Skew, 1e-8, "skew");
        Fixture.Close(exp.D("excess_kurtosis"), m.ExcessKurtosis, 1e-8, "excess_kurtosis");
        Fixture.Close(exp.D("stability"), m.Stability, 1e-8, "stability");
        Fixture.Close(exp.D("tail_ratio"), m.TailRatio, what: "tail_ratio");
        Fixture.Close(exp.D("var95"), m.ValueAtRisk95, what: "var95");
        Fixture.Close(exp.D("var99"), m.ValueAtRisk99, what: "var99");
        Fixture.Close(exp.D("cvar95"), m.ConditionalValueAtRisk95, what: "cvar95");
        Fixture.Close(exp.D("cvar99"), m.ConditionalValueAtRisk99, what: "cvar99");
        AssertSummary(exp.GetProperty("per_period"), m.PerPeriod);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ComputeBenchmark_FixtureSeries_MatchesReferenceValues(string name)
    {
        var exp = Fixture.Expected(name);
        var b = PerformanceCalculator.ComputeBenchmark(Fixture.Curve(name), OptionsFor(exp));
        Assert.NotNull(b);
        var eb = exp.GetProperty("benchmark");
        Fixture.Close(eb.D("beta"), b.Beta, what: "beta");
        Fixture.Close(eb.D("alpha"), b.Alpha, 1e-8, "alpha");
        Fixture.Close(eb.D("correlation"), b.Correlation, what: "correlation");
        Fixture.Close(eb.D("tracking_error"), b.TrackingError, what: "tracking_error");
        Fixture.Close(eb.D("information_ratio"), b.InformationRatio, what: "information_ratio");
        Fixture.Close(eb.D("benchmark_total_return"), b.BenchmarkTotalReturn, what: "benchmark_total_return");
        Fixture.Close(eb.D("benchmark_cagr"), b.BenchmarkCagr, what: "benchmark_cagr");
        Fixture.Close(eb.D("benchmark_volatility"), b.BenchmarkVolatility, what: "benchmark_volatility");
        Fixture.Close(eb.D("benchmark_sharpe"), b.BenchmarkSharpe, what: "benchmark_sharpe");
        Fixture.Close(eb.D("benchmark_max_drawdown"), b.BenchmarkMaxDrawdown, what: "benchmark_max_drawdown");
        Assert.Equal(Fixture.Curve(name).ReturnCount, b.Periods);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_WithRiskFreeRate_MatchesReferenceSharpeAndAlpha(string name)
    {
        var exp = Fixture.Expected(name);
        var rfCase = exp.GetProperty("rf_0.02");
        var options = OptionsFor(exp, rfCase.D("risk_free_rate"));
        var curve = Fixture.Curve(name);
        Fixture.Close(rfCase.D("sharpe"), PerformanceCalculator.Compute(curve, options).Sharpe, what: "sharpe(rf)");
        Fixture.Close(rfCase.D("alpha"), PerformanceCalculator.ComputeBenchmark(curve, options)!.Alpha, 1e-8, "alpha(rf)");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Worst_FixtureSeries_MatchesReferenceDrawdownEpisodes(string name)
    {
        var exp = Fixture.Expected(name);
        var curve = Fixture.Curve(name);
        var top = DrawdownAnalyzer.Worst(curve, 5);
        var expected = exp.GetProperty("top_drawdowns").EnumerateArray().ToList();
        Assert.Equal(expected.Count, top.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            Assert.Equal(Fixture.Utc(e.GetProperty("peak").GetString()!), top[i].Peak);
            Assert.Equal(Fixture.Utc(e.GetProperty("trough").GetString()!), top[i].Trough);
            var rec = e.GetProperty("recovery");
            Assert.Equal(rec.ValueKind == JsonValueKind.Null ? null : Fixture.Utc(rec.GetString()!), top[i].Recovery);
            Fixture.Close(e.D("depth"), top[i].Depth, what: "depth");
            Assert.Equal(e.GetProperty("duration_periods").GetInt32(), top[i].DurationPeriods);
        }

        Assert.Equal(exp.GetProperty("drawdown_count").GetInt32(), DrawdownAnalyzer.Episodes(curve).Count);
        Assert.Equal(top, DrawdownAnalyzer.Worst(DrawdownAnalyzer.Episodes(curve), 5));
        Assert.Equal(top[0], PerformanceCalculator.Compute(curve, OptionsFor(exp)).MaxDrawdownEpisode);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CalendarReturns_FixtureSeries_MatchPandasGroupBy(string name)
    {
        var exp = Fixture.Expected(name).GetProperty("calendar");
        var cal = CalendarReturns.FromCurve(Fixture.Curve(name));
        var months = exp.GetProperty("monthly").EnumerateArray().ToList();
        Assert.Equal(months.Count, cal.Months.Count);
        for (int i = 0; i < months.Count; i++)
        {
            Assert.Equal(months[i].GetProperty("year").GetInt32(), cal.Months[i].Year);
            Assert.Equal(months[i].GetProperty("month").GetInt32(), cal.Months[i].Month);
            Fixture.Close(months[i].D("return"), cal.Months[i].Return, what: "month");
        }

        var years = exp.GetProperty("yearly").EnumerateArray().ToList();
        Assert.Equal(years.Select(y => y.GetProperty("year").GetInt32()), cal.Years.Select(y => y.Year));
        for (int i = 0; i < years.Count; i++)
        {
            Fixture.Close(years[i].D("return"), cal.Years[i].Return, what: "year");
        }

        Assert.Equal(exp.GetProperty("day_count").GetInt32(), cal.Days.Count);
        var stats = PeriodStatistics.From(ReturnSummary.Empty, cal);
        AssertSummary(exp.GetProperty("daily"), stats.Daily);
        AssertSummary(exp.GetProperty("monthly_summary"), stats.Monthly);
        AssertSummary(exp.GetProperty("yearly_summary"), stats.Yearly);
    }

    [Fact]
    public void ForTimeFrame_FifteenMinutes_Is252Times26()
    {
        var a = Annualization.ForTimeFrame(TimeFrame.FifteenMinutes);
        Assert.Equal(6552, a.PeriodsPerYear);
        Assert.Contains("252 sessions × 26 bars = 6552", a.Basis, StringComparison.Ordinal);
        Assert.Equal(252, Annualization.ForTimeFrame(TimeFrame.Daily).PeriodsPerYear);
        Assert.Equal(252 * 7, Annualization.ForTimeFrame(TimeFrame.Hourly).PeriodsPerYear);
    }

    [Theory]
    [InlineData("intraday_15min", 6552)]
    [InlineData("daily", 252)]
    public void Infer_FixtureTimestamps_FindsPeriodsPerYear(string name, double expected)
    {
        var a = Annualization.Infer(Fixture.Curve(name).Time);
        Assert.Equal(expected, a.PeriodsPerYear);
        Assert.StartsWith("inferred (median spacing", a.Basis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7, 52)]
    [InlineData(30, 12)]
    [InlineData(91, 4)]
    [InlineData(365, 1)]
    public void Infer_CoarseSpacing_MapsToCalendarFrequencies(int days, double expected)
    {
        var t = Enumerable.Range(0, 10).Select(i => new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i * days).Ticks).ToArray();
        Assert.Equal(expected, Annualization.Infer(t).PeriodsPerYear);
    }

    private static void AssertSummary(JsonElement e, ReturnSummary s)
    {
        Assert.Equal(e.GetProperty("count").GetInt32(), s.Count);
        Fixture.Close(e.D("mean"), s.Mean, 1e-8, "mean");
        Fixture.Close(e.D("median"), s.Median, what: "median");
        Fixture.Close(e.D("std"), s.StdDev, 1e-8, "std");
        Fixture.Close(e.D("best"), s.Best, what: "best");
        Fixture.Close(e.D("worst"), s.Worst, what: "worst");
        Fixture.Close(e.D("positive_fraction"), s.PositiveFraction, what: "positive_fraction");
    }
}
