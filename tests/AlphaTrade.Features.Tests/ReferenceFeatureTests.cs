using AlphaTrade.Core.Calendar;
using AlphaTrade.Features.CrossAsset;
using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Labels;
using AlphaTrade.Features.Microstructure;
using AlphaTrade.Features.Technical;

namespace AlphaTrade.Features.Tests;

/// <summary>Feature and label values against independent numpy/pandas/statsmodels references (Fixtures/features_reference.json).</summary>
public class ReferenceFeatureTests
{
    private static FeatureMatrix Build(FeatureSetDefinition set, FeatureUniverse u) =>
        new FeatureBuilder(FeaturePlan.Compile(set), NyseCalendar.Instance).Build(u, new FeatureBuildOptions { Precision = FeaturePrecision.Float64 });

    private static void AssertColumns(FeatureMatrix m, string symbol, IEnumerable<(string Column, double[] Expected)> columns, double rel = 1e-9)
    {
        var frame = m.Frame(symbol)!;
        foreach (var (column, expected) in columns)
        {
            int c = m.ColumnIndex(column);
            Assert.True(c >= 0, column);
            Reference.AssertSeries(symbol + "." + column, expected, frame.ToDoubles(c), rel);
        }
    }

    [Fact]
    public void Microstructure_MatchesNumpyPandasStatsmodels()
    {
        var set = new FeatureSetDefinition("micro", "", new FeatureSetOptions(), new FeatureFamilySpec[]
        {
            new KyleLambdaSpec([26, 60]),
            new AmihudSpec([26, 60]),
            new RollSpreadSpec([26, 60]),
            new CorwinSchultzSpec([26, 60]),
            new RealizedVolatilitySpec([26, 60]),
            new VolumeImbalanceSpec([13, 26], 20),
            new VpinSpec([5], BucketsPerDay: 10, VolumeDays: 3, SigmaWindow: 20),
        }, []);
        var u = new FeatureUniverse([Reference.Symbol("AAA")], new Dictionary<string, string>(), null);
        var m = Build(set, u);
        var r = Reference.Root.GetProperty("symbol_reference");
        AssertColumns(m, "AAA", r.EnumerateObject().Select(p => (p.Name, p.Value.Doubles())), rel: 1e-8);
    }

    [Fact]
    public void Labels_MatchThePandasReference()
    {
        var set = new FeatureSetDefinition("labels", "", new FeatureSetOptions(), new FeatureFamilySpec[] { new ReturnsSpec([1]) },
        [
            new ForwardReturnLabelSpec([1, 13]),
            new ForwardSignLabelSpec(13, 0.5, 40),
            new TripleBarrierLabelSpec(13, ProfitTake: 1.5, StopLoss: 1.0, VolWindow: 40),
        ]);
        var u = new FeatureUniverse([Reference.Symbol("AAA")], new Dictionary<string, string>(), null);
        var m = Build(set, u);
        var r = Reference.Root.GetProperty("labels");
        AssertColumns(m, "AAA", r.EnumerateObject().Select(p => (p.Name, p.Value.Doubles())));

        // End times point at the bar that resolved each label.
        var f = m.Frame("AAA")!;
        var bars = f.ToDoubles(m.ColumnIndex("y_tb13_bars"));
        var ends = f.LabelEnds["y_tb13_end"];
        for (int i = 0; i < f.Rows; i++)
        {
            Assert.Equal(double.IsNaN(bars[i]) ? 0 : f.Time[i + (int)bars[i]], ends[i]);
        }
    }

    [Fact]
    public void UniverseStage_MatchesPandasRollingAndScipyRanks()
    {
        var set = new FeatureSetDefinition("universe", "", new FeatureSetOptions(), new FeatureFamilySpec[]
        {
            new ReturnsSpec([13]),
            new BenchmarkSpec([30], [], []),
            new SectorSpec([30], [13]),
            new CrossSectionSpec(["ret_13"], [CrossSectionStat.Rank, CrossSectionStat.Zscore]),
            new BreadthSpec([20], [5]),
        }, []);
        var sectors = Reference.Root.GetProperty("sectors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        var syms = sectors.Keys.ToArray();
        var u = new FeatureUniverse(syms.Select(Reference.Symbol).ToArray(), sectors, Reference.Benchmark());
        var m = Build(set, u);
        var r = Reference.Root.GetProperty("universe_reference");
        foreach (var p in r.EnumerateObject())
        {
            if (p.Name.Contains('.', StringComparison.Ordinal))
            {
                var parts = p.Name.Split('.');
                AssertColumns(m, parts[0], [(parts[1], p.Value.Doubles())], rel: 1e-8);
            }
            else
            {
                foreach (var s in syms)
                {
                    AssertColumns(m, s, [(p.Name, p.Value.Doubles())]);
                }
            }
        }
    }
}
