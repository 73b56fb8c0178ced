using System.Text.Json;
using AlphaTrade.Analytics.Inputs;
using AlphaTrade.Analytics.Metrics;
using AlphaTrade.Analytics.Reporting;

namespace AlphaTrade.Analytics.Tests;

public class RiskSectionTests
{
    /// <summary>Daily returns of the reference curve (one equity point per day at 21:00 UTC, starting at 100).</summary>
    private static readonly double[] DailyReturns =
    [
        0.004, -0.012, 0.007, -0.021, 0.015, 0.002, -0.008, 0.011, -0.017, 0.006, 0.009, -0.031, 0.013, -0.004, 0.005,
        -0.010, 0.018, -0.026, 0.001, 0.008, -0.014, 0.012, -0.006, 0.020, -0.009,
    ];

    private static EquityCurve DailyCurve()
    {
        var t = new long[DailyReturns.Length + 1];
        var e = new double[DailyReturns.Length + 1];
        var day0 = new DateTime(2024, 1, 2, 21, 0, 0, DateTimeKind.Utc);
        e[0] = 100;
        t[0] = day0.Ticks;
        for (int i = 0; i < DailyReturns.Length; i++)
        {
            t[i + 1] = day0.AddDays(i + 1).Ticks;
            e[i + 1] = e[i] * (1 + DailyReturns[i]);
        }

        return new EquityCurve(t, e);
    }

    [Fact]
    public void RollingTailRisk_MatchesNumpyQuantilesAndTailMeans()
    {
        // Reference: numpy 1.24.2, np.quantile(window, q) (linear) and the mean of the floor((n-1)*c)+1 smallest returns,
        // windows of the trailing 10 daily returns with at least 5 (Fixtures/rolling_tail_risk.py prints these values).
        var r = RollingTailRisk.Compute(DailyCurve(), window: 10, minPeriods: 5);
        Assert.Equal(21, r.Count);
        (int Index, double V95, double V99, double C95, double C99)[] expected =
        [
            (0, -0.019200000000000016, -0.02064000000000002, -0.02100000000000002, -0.02100000000000002),
            (7, -0.02649999999999996, -0.030099999999999925, -0.030999999999999917, -0.030999999999999917),
            (20, -0.020600000000000018, -0.024920000000000022, -0.026000000000000023, -0.026000000000000023),
        ];
        foreach (var x in expected)
        {
            Assert.Equal(x.V95, r.Var95[x.Index], 1e-12);
            Assert.Equal(x.V99, r.Var99[x.Index], 1e-12);
            Assert.Equal(x.C95, r.Cvar95[x.Index], 1e-12);
            Assert.Equal(x.C99, r.Cvar99[x.Index], 1e-12);
        }

        // The first value is at the fifth daily return's close, the last at the curve's end.
        Assert.Equal(new DateTime(2024, 1, 7, 21, 0, 0, DateTimeKind.Utc).Ticks, r.TimeUtcTicks[0]);
        Assert.Equal(DailyCurve().Time[^1], r.TimeUtcTicks[^1]);
    }

    [Fact]
    public void RollingTailRisk_IntradayPoints_UseTheLastPointOfEachNewYorkDay()
    {
        // Two points a day (15:00 and 21:00 UTC): the 15:00 points must not change the daily returns.
        var daily = DailyCurve();
        var t = new List<long>();
        var e = new List<double>();
        for (int i = 0; i < daily.Count; i++)
        {
            t.Add(daily.Time[i] - TimeSpan.FromHours(6).Ticks);
            e.Add(daily.Equity[i] * 0.97);
            t.Add(daily.Time[i]);
            e.Add(daily.Equity[i]);
        }

        var intraday = RollingTailRisk.Compute(new EquityCurve([.. t], [.. e]), 10, 5);
        var reference = RollingTailRisk.Compute(daily, 10, 5);

        // The first day now has an open point, so its open-to-close return joins the first windows: compare the common tail.
        Assert.Equal(reference.TimeUtcTicks, intraday.TimeUtcTicks.Skip(intraday.Count - reference.Count));
        Assert.Equal(reference.Var99[^1], intraday.Var99[^1], 1e-12);
    }

    private static TearsheetInput WithEvents(bool enabled = true)
    {
        var run = SampleRun.Build();
        long t = run.Analytics.Curve.Time[200];
        List<RiskEvent> events =
        [
            new(t, string.Empty, string.Empty) { Category = "order", Verdict = "accept", Strategy = "s", Symbol = "AAPL", Side = "buy", RequestedQuantity = 10, FinalQuantity = 10 },
            new(t + 1, "max_order_notional;max_position", "notional 300000: max_order_notional is 250000; position would be 12 % of equity: max_position_pct is 10.00 %")
                { Category = "order", Verdict = "resize", Strategy = "s", Symbol = "NVDA", Side = "buy", RequestedQuantity = 3000, FinalQuantity = 1000 },
            new(t + 2, "circuit_breaker", "intraday loss 3.10 % reached circuit_breaker_pct 3.00 %") { Category = "state", Verdict = "halted" },
            new(t + 3, "trading_halt", "trading state is halted: only risk-reducing orders pass")
                { Category = "order", Verdict = "reject", Strategy = "s", Symbol = "MSFT", Side = "buy", RequestedQuantity = 50, FinalQuantity = 0 },
            new(t + 4, "max_position", "position would be 11 % of equity: max_position_pct is 10.00 %")
                { Category = "order", Verdict = "resize", Strategy = "s", Symbol = "MSFT", Side = "buy", RequestedQuantity = 60, FinalQuantity = 40 },
        ];
        return run with { Risk = new RiskData(null, events) { Enabled = enabled, Note = enabled ? "risk on for the test" : "off for the test", SectorLimit = 0.30 } };
    }

    [Fact]
    public void Summary_CountsResizesAgainstEveryLimitAndRejectsAgainstTheLast()
    {
        var input = WithEvents();
        var s = RiskSummary.Compute(input.Risk, input.Analytics.Curve);
        Assert.Equal((1, 2, 1, 1), (s.Accepted, s.Resized, s.Rejected, s.StateEvents));
        Assert.Equal(2, s.CountOf("max_position", "resize"));
        Assert.Equal(1, s.CountOf("max_order_notional", "resize"));
        Assert.Equal(1, s.CountOf("trading_halt", "reject"));
        Assert.Equal(1, s.CountOf("circuit_breaker", "halted"));
        var mp = Assert.Single(s.ByLimit, c => c.Limit == "max_position");
        long t = input.Analytics.Curve.Time[200];
        Assert.Equal((t + 1, t + 4), (mp.FirstUtcTicks, mp.LastUtcTicks));
        Assert.NotNull(s.Rolling);
    }

    [Fact]
    public void Tearsheet_RiskSection_ShowsRollingVarCountsFirstEventsAndSectorExposure()
    {
        var html = TearsheetBuilder.Build(WithEvents());
        string risk = html[html.IndexOf("<h2>Risk</h2>", StringComparison.Ordinal)..];
        Assert.Contains("<b>Risk layer on.</b> risk on for the test 4 orders checked: 1 accepted, 2 resized, 1 rejected; 1 state events", risk, StringComparison.Ordinal);
        Assert.Contains("Rolling historical VaR and CVaR of daily returns (trailing 60 sessions)", risk, StringComparison.Ordinal);
        Assert.Contains("Latest, trailing 60 sessions to", risk, StringComparison.Ordinal);
        Assert.Contains("<td>max_position</td><td style=\"text-align:left\">order</td><td style=\"text-align:left\">resize</td><td>2</td>", risk, StringComparison.Ordinal);
        Assert.Contains("<td>circuit_breaker</td><td style=\"text-align:left\">state</td><td style=\"text-align:left\">halted</td><td>1</td>", risk, StringComparison.Ordinal);
        Assert.Contains("First 4 of 4 resize, reject and state events", risk, StringComparison.Ordinal);
        Assert.Contains("s buy 3,000 NVDA → 1,000", risk, StringComparison.Ordinal);
        Assert.DoesNotContain("AAPL", risk[..risk.IndexOf("Exposure by sector", StringComparison.Ordinal)], StringComparison.Ordinal); // accepts are counted, not listed
        Assert.Contains("Gross exposure by sector over time", risk, StringComparison.Ordinal);
        Assert.Contains("Net exposure by sector over time", risk, StringComparison.Ordinal);
        Assert.Contains("max_sector_pct 30%", risk, StringComparison.Ordinal);
        foreach (var sector in SampleRun.Build().Analytics.Exposure!.Sectors)
        {
            Assert.Contains("<tr><td>" + Html.Escape(sector) + "</td>", risk, StringComparison.Ordinal);
        }

        Assert.True(System.Text.RegularExpressions.Regex.Count(risk, "<svg ") >= 3, "rolling VaR, sector gross and sector net charts");
        Assert.DoesNotContain("NaN", risk, StringComparison.Ordinal);
    }

    [Fact]
    public void Tearsheet_RiskOff_SaysSoAndListsNoEvents()
    {
        var html = TearsheetBuilder.Build(WithEvents(enabled: false));
        Assert.Contains("<b>Risk layer off.</b> off for the test No order was checked", html, StringComparison.Ordinal);
        Assert.Contains("No risk-limit events: the risk layer was off.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void MetricsJson_RiskObject_HoldsCountsPerLimitAndLatestRollingVar()
    {
        var input = WithEvents();
        var report = PerformanceAnalyzer.Analyze(input.Analytics);
        var summary = RiskSummary.Compute(input.Risk, input.Analytics.Curve);
        var risk = JsonDocument.Parse(MetricsJsonWriter.ToJson(report, null, summary)).RootElement.GetProperty("risk");
        Assert.True(risk.GetProperty("enabled").GetBoolean());
        Assert.Equal(4, risk.GetProperty("orders").GetProperty("checked").GetInt32());
        Assert.Equal(1, risk.GetProperty("orders").GetProperty("rejected").GetInt32());
        var limits = risk.GetProperty("by_limit").EnumerateArray().ToList();
        Assert.Equal(summary.ByLimit.Count, limits.Count);
        Assert.Contains(limits, l => l.GetProperty("limit").GetString() == "max_position" && l.GetProperty("count").GetInt32() == 2);
        Assert.Equal(summary.Rolling!.Var99[^1], risk.GetProperty("rolling_var").GetProperty("var_99").GetDouble());

        // Without a summary the document has no risk object (older callers unchanged).
        Assert.False(JsonDocument.Parse(MetricsJsonWriter.ToJson(report)).RootElement.TryGetProperty("risk", out _));
    }
}
