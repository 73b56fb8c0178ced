using AlphaTrade.Analytics.Inputs;
using AlphaTrade.Analytics.Metrics;

namespace AlphaTrade.Analytics.Tests;

public class TradeAndExposureTests
{
    private const long H = TimeSpan.TicksPerHour;

    private static TradeRecord T(double pnl, TradeSide side = TradeSide.Long, long exitHour = 1, double fees = 0.5) =>
        new("AAA", "Tech", "s", side, 0, exitHour * H, 100, 100 + (pnl / 10), 10, pnl, fees);

    [Fact]
    public void Compute_MixedTrades_GivesHandComputedStatistics()
    {
        // Exit order: +100, -50, +30, +20, -10, 0  -> wins 3, losses 2, flat 1
        var trades = new List<TradeRecord> { T(100, exitHour: 1), T(-50, exitHour: 2), T(30, TradeSide.Short, 3), T(20, exitHour: 4), T(-10, TradeSide.Short, 5), T(0, exitHour: 6) };
        var s = TradeStatistics.Compute(trades);
        Assert.Equal(6, s.Count);
        Assert.Equal(3, s.Winners);
        Assert.Equal(2, s.Losers);
        Assert.Equal(0.5, s.WinRate, 12);
        Assert.Equal(150.0 / 60.0, s.ProfitFactor, 12);
        Assert.Equal(90.0 / 6, s.Expectancy, 12);
        Assert.Equal(50, s.AverageWin, 12);
        Assert.Equal(-30, s.AverageLoss, 12);
        Assert.Equal(50.0 / 30.0, s.PayoffRatio, 12);
        Assert.Equal(100, s.LargestWin);
        Assert.Equal(-50, s.LargestLoss);
        Assert.Equal(90, s.TotalNetPnl, 12);
        Assert.Equal(3, s.TotalFees, 12);
        Assert.Equal(4, s.LongCount);
        Assert.Equal(2, s.ShortCount);
        Assert.Equal(0.5, s.LongWinRate, 12);
        Assert.Equal(0.5, s.ShortWinRate, 12);
        Assert.Equal(2, s.MaxConsecutiveWins);
        Assert.Equal(1, s.MaxConsecutiveLosses);
        Assert.Equal(TimeSpan.FromHours(3.5), s.AverageHoldingTime);
        Assert.True(double.IsNaN(s.AnnualTurnover));
    }

    [Fact]
    public void Compute_WithCurve_AnnualisesTurnoverOnMeanEquity()
    {
        // Two trades of 10 shares at 100 in and 110 out: traded value 2 * (1000 + 1100) = 4200; one-way = 2100.
        var trades = new List<TradeRecord>
        {
            new("A", "S", "x", TradeSide.Long, 0, H, 100, 110, 10, 100, 0),
            new("B", "S", "x", TradeSide.Long, 0, H, 100, 110, 10, 100, 0),
        };
        var curve = new EquityCurve([0, H, 2 * H, 3 * H, 4 * H], [10_000, 10_100, 10_200, 10_100, 10_000]);
        var s = TradeStatistics.Compute(trades, curve, new MetricsOptions(Annualization.Explicit(252)));
        // mean equity 10,080; 4 periods; annualised: 2100 / 10080 * 252 / 4
        Assert.Equal(2100.0 / 10080.0 * 63.0, s.AnnualTurnover, 12);
    }

    [Fact]
    public void Compute_NoLosers_ProfitFactorIsInfinite()
    {
        var s = TradeStatistics.Compute([T(10), T(5)]);
        Assert.True(double.IsPositiveInfinity(s.ProfitFactor));
        Assert.True(double.IsNaN(s.PayoffRatio));
        Assert.True(double.IsNaN(s.AverageLoss));
    }

    [Fact]
    public void FromSnapshots_LongShortBook_SummarisesGrossNetAndSectors()
    {
        var snaps = new List<PositionSnapshot>
        {
            new(1, [new PositionWeight("A", "Tech", 0.5), new PositionWeight("B", "Tech", -0.2), new PositionWeight("C", "Energy", 0.3)]),
            new(2, []),
            new(3, [new PositionWeight("C", "Energy", -0.4)]),
        };
        var series = ExposureSeries.FromSnapshots(snaps);
        Assert.Equal(["Tech", "Energy"], series.Sectors);
        Assert.Equal([0.8, 0, 0], series.Long.ToArray());
        Assert.Equal([-0.2, 0, -0.4], series.Short.ToArray());
        Assert.Equal([0.3, 0, 0], series.SectorNet(0).ToArray(), new ToleranceComparer());
        Assert.Equal([0.3, 0, -0.4], series.SectorNet(1).ToArray(), new ToleranceComparer());

        var e = ExposureSummary.Compute(series);
        Assert.Equal(3, e.Samples);
        Assert.Equal((1.0 + 0 + 0.4) / 3, e.AverageGross, 12);
        Assert.Equal((0.6 + 0 - 0.4) / 3, e.AverageNet, 12);
        Assert.Equal(0.8 / 3, e.AverageLong, 12);
        Assert.Equal(-0.6 / 3, e.AverageShort, 12);
        Assert.Equal(1.0, e.MaxGross, 12);
        Assert.Equal(-0.4, e.MinNet, 12);
        Assert.Equal(0.6, e.MaxNet, 12);
        Assert.Equal(2.0 / 3, e.TimeInMarket, 12);
        Assert.Equal("Tech", e.Sectors[0].Sector);
        Assert.Equal(0.1, e.Sectors[0].AverageNet, 12);
        Assert.Equal(0.7 / 3, e.Sectors[0].AverageGross, 12);
        Assert.Equal(0.7, e.Sectors[0].MaxGross, 12);
    }

    [Fact]
    public void Builder_TimeGoingBackwards_Throws()
    {
        var b = new ExposureSeries.Builder([]);
        b.Add(5, 0.1, 0, [], []);
        Assert.Throws<ArgumentException>(() => b.Add(5, 0.1, 0, [], []));
        Assert.Throws<ArgumentException>(() => b.Add(6, -0.1, 0, [], []));
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}
