using AlphaTrade.Analytics.Attribution;
using AlphaTrade.Analytics.Inputs;
using AlphaTrade.Core.Universe;

namespace AlphaTrade.Analytics.Tests;

public class AttributionTests
{
    private const double Tol = 1e-12;

    // Textbook three-sector example, worked by hand:
    //   sector  w_p   w_b   r_p   r_b
    //   A       0.40  0.30  10%   8%
    //   B       0.30  0.40   4%   5%
    //   C       0.30  0.30   2%   3%
    // R_b = .3*.08 + .4*.05 + .3*.03 = 0.053; R_p = .4*.10 + .3*.04 + .3*.02 = 0.058; active = 0.005.
    // Allocation (w_p-w_b)(r_b-R_b): A .1*.027 = .0027, B -.1*-.003 = .0003, C 0          -> .0030
    // Selection  w_b(r_p-r_b):       A .3*.02 = .006,   B .4*-.01 = -.004,   C .3*-.01 = -.003 -> -.0010
    // Interaction (w_p-w_b)(r_p-r_b): A .1*.02 = .002,  B -.1*-.01 = .001,   C 0          -> .0030
    private static BrinsonPeriod Textbook(long start = 0, long end = 1) => new(start, end,
    [
        new SectorSegment("A", 0.40, 0.10, 0.30, 0.08),
        new SectorSegment("B", 0.30, 0.04, 0.40, 0.05),
        new SectorSegment("C", 0.30, 0.02, 0.30, 0.03),
    ]);

    [Fact]
    public void Attribute_TextbookExample_MatchesHandComputedEffects()
    {
        var r = BrinsonFachler.Attribute(Textbook());
        Assert.Equal(0.058, r.PortfolioReturn, Tol);
        Assert.Equal(0.053, r.BenchmarkReturn, Tol);
        Assert.Equal(0.005, r.ActiveReturn, Tol);

        Assert.Equal(0.0027, r.Sectors[0].Allocation, Tol);
        Assert.Equal(0.0060, r.Sectors[0].Selection, Tol);
        Assert.Equal(0.0020, r.Sectors[0].Interaction, Tol);
        Assert.Equal(0.0003, r.Sectors[1].Allocation, Tol);
        Assert.Equal(-0.0040, r.Sectors[1].Selection, Tol);
        Assert.Equal(0.0010, r.Sectors[1].Interaction, Tol);
        Assert.Equal(0.0, r.Sectors[2].Allocation, Tol);
        Assert.Equal(-0.0030, r.Sectors[2].Selection, Tol);
        Assert.Equal(0.0, r.Sectors[2].Interaction, Tol);

        Assert.Equal(0.0030, r.Allocation, Tol);
        Assert.Equal(-0.0010, r.Selection, Tol);
        Assert.Equal(0.0030, r.Interaction, Tol);
        Assert.Equal(r.ActiveReturn, r.Allocation + r.Selection + r.Interaction, Tol);
    }

    [Fact]
    public void Attribute_TwoPeriods_SumsPerSectorAndInTotal()
    {
        var second = new BrinsonPeriod(1, 2,
        [
            new SectorSegment("A", 0.50, -0.02, 0.30, -0.01),
            new SectorSegment("B", 0.20, 0.01, 0.40, 0.02),
            new SectorSegment("C", 0.30, 0.00, 0.30, 0.01),
        ]);

        // Second period by hand: R_b = -.003 + .008 + .003 = .008; R_p = -.01 + .002 + 0 = -.008.
        // A: alloc .2*(-.01-.008) = -.0036, sel .3*(-.01) = -.003, inter .2*(-.01) = -.002
        // B: alloc -.2*(.02-.008) = -.0024, sel .4*(-.01) = -.004, inter -.2*(-.01) = .002
        // C: alloc 0, sel .3*(-.01) = -.003, inter 0
        var res = BrinsonFachler.Attribute([Textbook(), second]);
        Assert.Equal(2, res.Periods.Count);
        Assert.Equal(-0.016, res.Periods[1].ActiveReturn, Tol);
        Assert.Equal(0.0030 - 0.0060, res.Allocation, Tol);
        Assert.Equal(-0.0010 - 0.0100, res.Selection, Tol);
        Assert.Equal(0.0030 + 0.0000, res.Interaction, Tol);
        Assert.Equal(0.005 - 0.016, res.ActiveReturn, Tol);
        Assert.Equal(["A", "B", "C"], res.SectorTotals.Select(s => s.Sector));
        Assert.Equal(0.0027 - 0.0036, res.SectorTotals[0].Allocation, Tol);
        Assert.Equal(-0.0040 - 0.0040, res.SectorTotals[1].Selection, Tol);
        Assert.Equal(0.0010 + 0.0020, res.SectorTotals[1].Interaction, Tol);
        Assert.Equal(res.ActiveReturn, res.SectorTotals.Sum(s => s.Total), Tol);
    }

    [Fact]
    public void EqualWeightBenchmark_PartlyInvestedBook_BuildsSectorsAndCashThatReconcile()
    {
        SymbolInfo[] universe =
        [
            new("AAA", "a", "Tech", "x"), new("BBB", "b", "Tech", "x"), new("CCC", "c", "Energy", "y"), new("DDD", "d", "Energy", "y"),
        ];
        var weights = new Dictionary<string, double> { ["AAA"] = 0.30, ["BBB"] = 0.10, ["CCC"] = 0.20 };
        var returns = new Dictionary<string, double> { ["AAA"] = 0.05, ["BBB"] = -0.01, ["CCC"] = 0.02, ["DDD"] = 0.04 };
        var period = EqualWeightBenchmark.Build(10, 20, universe, weights, returns);

        // Tech: w_b = 2/4, r_b = (.05 - .01)/2 = .02; w_p = .4, r_p = (.3*.05 + .1*-.01)/.4 = .035
        // Energy: w_b = .5, r_b = (.02 + .04)/2 = .03; w_p = .2, r_p = .02; Cash: w_p = .4, returns 0, w_b = 0.
        Assert.Equal(3, period.Segments.Count);
        var tech = period.Segments[0];
        Assert.Equal(("Tech", 0.4, 0.035, 0.5, 0.02), (tech.Sector, tech.PortfolioWeight, tech.PortfolioReturn, tech.BenchmarkWeight, tech.BenchmarkReturn), new TupleComparer());
        var energy = period.Segments[1];
        Assert.Equal(0.2, energy.PortfolioWeight, Tol);
        Assert.Equal(0.02, energy.PortfolioReturn, Tol);
        Assert.Equal(0.03, energy.BenchmarkReturn, Tol);
        Assert.Equal(EqualWeightBenchmark.CashSegment, period.Segments[2].Sector);
        Assert.Equal(0.4, period.Segments[2].PortfolioWeight, Tol);

        var r = BrinsonFachler.Attribute(period);
        Assert.Equal(0.025, r.BenchmarkReturn, Tol);
        Assert.Equal(0.4 * 0.035 + 0.2 * 0.02, r.PortfolioReturn, Tol);
        Assert.Equal(r.ActiveReturn, r.Allocation + r.Selection + r.Interaction, Tol);
        // Cash allocation: (0.4 - 0)(0 - 0.025) = -0.01
        Assert.Equal(-0.01, r.Sectors[2].Allocation, Tol);
    }

    [Fact]
    public void FromTrades_GroupsFourWaysAndEachBreakdownSumsToTotal()
    {
        TradeRecord T(string sym, string sector, string strat, TradeSide side, double pnl, double fees = 1) =>
            new(sym, sector, strat, side, 0, TimeSpan.TicksPerHour, 100, 101, 10, pnl, fees);
        var trades = new List<TradeRecord>
        {
            T("AAA", "Tech", "mom", TradeSide.Long, 50),
            T("AAA", "Tech", "mom", TradeSide.Short, -20),
            T("BBB", "Tech", "rev", TradeSide.Long, 10),
            T("CCC", "Energy", "rev", TradeSide.Short, -5, 2),
        };
        var a = PnlAttribution.FromTrades(trades);
        Assert.Equal(35, a.TotalNetPnl, Tol);
        foreach (var breakdown in new[] { a.BySymbol, a.BySector, a.ByStrategy, a.BySide })
        {
            Assert.Equal(35, breakdown.Sum(b => b.NetPnl), Tol);
            Assert.Equal(4, breakdown.Sum(b => b.Trades));
        }

        Assert.Equal(["AAA", "BBB", "CCC"], a.BySymbol.Select(b => b.Key));
        Assert.Equal(new PnlBucket("Tech", 3, 40, 43, 3, 2.0 / 3, 40.0 / 3), a.BySector[0]);
        Assert.Equal(new PnlBucket("Short", 2, -25, -22, 3, 0, -12.5), a.BySide[1]);
        Assert.Equal("mom", a.ByStrategy[0].Key);
    }

    private sealed class TupleComparer : IEqualityComparer<(string, double, double, double, double)>
    {
        public bool Equals((string, double, double, double, double) x, (string, double, double, double, double) y) =>
            x.Item1 == y.Item1 && Math.Abs(x.Item2 - y.Item2) < Tol && Math.Abs(x.Item3 - y.Item3) < Tol
            && Math.Abs(x.Item4 - y.Item4) < Tol && Math.Abs(x.Item5 - y.Item5) < Tol;

        public int GetHashCode((string, double, double, double, double) obj) => obj.Item1.GetHashCode(StringComparison.Ordinal);
    }
}
