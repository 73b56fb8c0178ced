using System.Globalization;
using System.Text.Json;
using AlphaTrade.Analytics.Attribution;
using AlphaTrade.Analytics.Inputs;
using AlphaTrade.Core.Universe;

namespace AlphaTrade.Analytics.Tests;

/// <summary>
/// Brinson–Fachler over several periods against brinson_daily.expected.json, computed independently with pandas/numpy by
/// scripts/analytics/make_brinson_fixture.py (see Fixtures/README.md).
/// </summary>
public class BrinsonReferenceTests
{
    private const double Tol = 1e-12;

    private static (List<BrinsonPeriod> Periods, JsonElement Expected) Load()
    {
        var lines = File.ReadAllLines(Fixture.PathOf("brinson_daily.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var universe = lines.Where(f => f[0] == "0").Select(f => new SymbolInfo(f[1], f[1], f[2], string.Empty)).ToList();
        var periods = new List<BrinsonPeriod>();
        foreach (var g in lines.GroupBy(f => int.Parse(f[0], CultureInfo.InvariantCulture)).OrderBy(g => g.Key))
        {
            var w = g.ToDictionary(f => f[1], f => double.Parse(f[3], CultureInfo.InvariantCulture));
            var r = g.ToDictionary(f => f[1], f => double.Parse(f[4], CultureInfo.InvariantCulture));
            periods.Add(EqualWeightBenchmark.Build(g.Key, g.Key + 1, universe, w, r));
        }

        return (periods, Fixture.Expected("brinson_daily"));
    }

    [Fact]
    public void Attribute_RandomLongShortBook_MatchesPandasReferencePerPeriodAndSector()
    {
        var (periods, expected) = Load();
        var result = BrinsonFachler.Attribute(periods);
        var exp = expected.GetProperty("periods");
        Assert.Equal(exp.GetArrayLength(), result.Periods.Count);
        for (int t = 0; t < result.Periods.Count; t++)
        {
            var p = result.Periods[t];
            var e = exp[t];
            Assert.Equal(e.GetProperty("portfolio_return").GetDouble(), p.PortfolioReturn, Tol);
            Assert.Equal(e.GetProperty("benchmark_return").GetDouble(), p.BenchmarkReturn, Tol);
            Assert.Equal(e.GetProperty("allocation").GetDouble(), p.Allocation, Tol);
            Assert.Equal(e.GetProperty("selection").GetDouble(), p.Selection, Tol);
            Assert.Equal(e.GetProperty("interaction").GetDouble(), p.Interaction, Tol);
            var sectors = e.GetProperty("sectors");
            Assert.Equal(sectors.EnumerateObject().Select(s => s.Name), p.Sectors.Select(s => s.Sector));
            for (int i = 0; i < p.Sectors.Count; i++)
            {
                var es = sectors.GetProperty(p.Sectors[i].Sector);
                var seg = periods[t].Segments[i];
                Assert.Equal(es.GetProperty("wp").GetDouble(), seg.PortfolioWeight, Tol);
                Assert.Equal(es.GetProperty("wb").GetDouble(), seg.BenchmarkWeight, Tol);
                Assert.Equal(es.GetProperty("rp").GetDouble(), seg.PortfolioReturn, Tol);
                Assert.Equal(es.GetProperty("rb").GetDouble(), seg.BenchmarkReturn, Tol);
                Assert.Equal(es.GetProperty("allocation").GetDouble(), p.Sectors[i].Allocation, Tol);
                Assert.Equal(es.GetProperty("selection").GetDouble(), p.Sectors[i].Selection, Tol);
                Assert.Equal(es.GetProperty("interaction").GetDouble(), p.Sectors[i].Interaction, Tol);
            }

            // The three effects reconcile to the active return in every period.
            Assert.Equal(p.ActiveReturn, p.Allocation + p.Selection + p.Interaction, Tol);
        }
    }

    [Fact]
    public void Attribute_RandomLongShortBook_SummedAndCarinoLinkedTotalsMatchReference()
    {
        var (periods, expected) = Load();
        var result = BrinsonFachler.Attribute(periods);
        var summed = expected.GetProperty("summed");
        Assert.Equal(summed.GetProperty("allocation").GetDouble(), result.Allocation, Tol);
        Assert.Equal(summed.GetProperty("selection").GetDouble(), result.Selection, Tol);
        Assert.Equal(summed.GetProperty("interaction").GetDouble(), result.Interaction, Tol);
        Assert.Equal(summed.GetProperty("active_return").GetDouble(), result.ActiveReturn, Tol);
        foreach (var s in result.SectorTotals)
        {
            Assert.Equal(summed.GetProperty("sectors").GetProperty(s.Sector).GetProperty("selection").GetDouble(), s.Selection, Tol);
        }

        var linked = expected.GetProperty("linked");
        Assert.Equal(linked.GetProperty("compounded_portfolio_return").GetDouble(), result.CompoundedPortfolioReturn, Tol);
        Assert.Equal(linked.GetProperty("compounded_benchmark_return").GetDouble(), result.CompoundedBenchmarkReturn, Tol);
        Assert.Equal(linked.GetProperty("allocation").GetDouble(), result.LinkedAllocation, Tol);
        Assert.Equal(linked.GetProperty("selection").GetDouble(), result.LinkedSelection, Tol);
        Assert.Equal(linked.GetProperty("interaction").GetDouble(), result.LinkedInteraction, Tol);
        foreach (var s in result.LinkedSectorTotals)
        {
            var es = linked.GetProperty("sectors").GetProperty(s.Sector);
            Assert.Equal(es.GetProperty("allocation").GetDouble(), s.Allocation, Tol);
            Assert.Equal(es.GetProperty("selection").GetDouble(), s.Selection, Tol);
            Assert.Equal(es.GetProperty("interaction").GetDouble(), s.Interaction, Tol);
        }

        // Linked effects add up to the compounded active return, which differs from the summed one.
        Assert.Equal(result.CompoundedActiveReturn, result.LinkedAllocation + result.LinkedSelection + result.LinkedInteraction, Tol);
        Assert.Equal(result.CompoundedActiveReturn, result.LinkedSectorTotals.Sum(s => s.Total), Tol);
        Assert.NotEqual(result.ActiveReturn, result.CompoundedActiveReturn, 1e-6);
    }
}

public class SessionBrinsonTests
{
    private const double Tol = 1e-12;

    private static readonly SymbolInfo[] Universe =
    [
        new("AAA", "a", "Tech", "x"), new("BBB", "b", "Tech", "x"), new("CCC", "c", "Energy", "y"),
    ];

    [Fact]
    public void Build_TwoDaysOfClosesAndBooks_GivesHandComputedPeriodsThatReconcile()
    {
        long[] t = [100, 200, 300];
        double[][] closes =
        [
            [100, 50, double.NaN], // CCC has not traded yet: its first period's return counts as 0
            [110, 49, 20],
            [99, 49, 21],
        ];
        var books = new Dictionary<long, PositionSnapshot>
        {
            [100] = new(100, [new PositionWeight("AAA", "Tech", 0.5), new PositionWeight("BBB", "Tech", -0.25)]),
            [200] = new(200, [new PositionWeight("CCC", "Energy", 0.8)]),
        };
        var periods = SessionBrinson.Build(Universe, t, closes, x => books.GetValueOrDefault(x));
        Assert.Equal(2, periods.Count);
        Assert.Equal((100L, 200L), (periods[0].StartUtcTicks, periods[0].EndUtcTicks));

        // Day 1: r = AAA .10, BBB -.02, CCC 0. Tech w_p .25, r_p (.5*.1 - .25*-.02)/.25 = .22; w_b 2/3, r_b .04.
        // Energy w_p 0 (r_p = r_b = 0), w_b 1/3. Cash .75. R_b = 2/3*.04 = .026667; R_p = .25*.22 = .055.
        var d1 = BrinsonFachler.Attribute(periods[0]);
        Assert.Equal(["Tech", "Energy", "Cash"], periods[0].Segments.Select(s => s.Sector));
        Assert.Equal(0.22, periods[0].Segments[0].PortfolioReturn, Tol);
        Assert.Equal(0.055, d1.PortfolioReturn, Tol);
        Assert.Equal(2.0 / 3 * 0.04, d1.BenchmarkReturn, Tol);
        Assert.Equal((0.25 - 2.0 / 3) * (0.04 - (2.0 / 3 * 0.04)), d1.Sectors[0].Allocation, Tol);
        Assert.Equal(2.0 / 3 * (0.22 - 0.04), d1.Sectors[0].Selection, Tol);
        Assert.Equal(0.055 - (2.0 / 3 * 0.04), d1.Allocation + d1.Selection + d1.Interaction, Tol);

        // Day 2: r = AAA -.1, BBB 0, CCC .05; book 80% CCC. R_p = .04, R_b = (-.1 + 0 + .05)/3.
        var d2 = BrinsonFachler.Attribute(periods[1]);
        Assert.Equal(0.04, d2.PortfolioReturn, Tol);
        Assert.Equal(-0.05 / 3, d2.BenchmarkReturn, Tol);
        Assert.Equal(d2.ActiveReturn, d2.Allocation + d2.Selection + d2.Interaction, Tol);
        // Energy: w_p .8, w_b 1/3, r_p = r_b = .05 -> no selection or interaction; allocation (.8 - 1/3)(.05 + .05/3).
        Assert.Equal((0.8 - (1.0 / 3)) * (0.05 + (0.05 / 3)), d2.Sectors[1].Allocation, Tol);
        Assert.Equal(0, d2.Sectors[1].Selection, Tol);
    }

    [Fact]
    public void Format_WritesOneRowPerSegmentPlusTotalsThatParseBack()
    {
        long day = TimeSpan.TicksPerDay;
        double[][] closes = [[100, 50, 20], [101, 50.5, 19], [102, 51, 19.5]];
        var books = new Dictionary<long, PositionSnapshot> { [day] = new(day, [new PositionWeight("AAA", "Tech", 0.6)]) };
        var periods = SessionBrinson.Build(Universe, [day, 2 * day, 3 * day], closes, x => books.GetValueOrDefault(x));
        var result = BrinsonFachler.Attribute(periods);
        string csv = BrinsonCsv.Format(periods, result);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(BrinsonCsv.Header, lines[0]);
        int segments = periods.Sum(p => p.Segments.Count);
        Assert.Equal(1 + segments + periods.Count + (2 * (result.SectorTotals.Count + 1)), lines.Length);
        var totals = lines.Where(l => l.Contains(",period,TOTAL,", StringComparison.Ordinal)).Select(l => l.Split(',')).ToList();
        Assert.Equal(periods.Count, totals.Count);
        for (int i = 0; i < totals.Count; i++)
        {
            double[] v = totals[i][4..].Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(result.Periods[i].ActiveReturn, v[7]);
            Assert.Equal(v[7], v[4] + v[5] + v[6], Tol);
        }

        var linked = lines.Single(l => l.Contains(",linked,TOTAL,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(result.CompoundedActiveReturn, double.Parse(linked[^1], CultureInfo.InvariantCulture));
        Assert.StartsWith("0001-01-02T00:00:00Z,0001-01-03T00:00:00Z,sector,Tech,", lines[1], StringComparison.Ordinal);
    }
}
