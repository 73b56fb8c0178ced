using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Data.Sample;
using AlphaTrade.Features.Definition;

namespace AlphaTrade.Features.Tests;

/// <summary>Sample markets shared by the tests (generated once per test run; deterministic).</summary>
internal static class TestMarkets
{
    public static readonly SampleSymbol[] SmallUniverse =
    [
        new("KO", "Consumer Staples"), new("PEP", "Consumer Staples"), new("PG", "Consumer Staples"),
        new("XOM", "Energy"), new("CVX", "Energy"),
    ];

    private static readonly Lazy<SampleMarket> SmallLazy = new(() => new SampleMarketGenerator(NyseCalendar.Instance).Generate(new SampleMarketOptions
    {
        Seed = 11,
        Start = new DateOnly(2024, 1, 2),
        End = new DateOnly(2024, 8, 30),
        Universe = SmallUniverse,
    }));

    /// <summary>Five symbols in two sectors plus SPY, January to August 2024, 15-minute bars.</summary>
    public static SampleMarket Small => SmallLazy.Value;

    public static FeatureUniverse Universe(SampleMarket market)
    {
        var symbols = market.Options.Universe;
        var series = symbols.Select(s => market.Clean(s.Symbol)).ToArray();
        var sectors = symbols.ToDictionary(s => s.Symbol, s => s.Sector, StringComparer.Ordinal);
        return new FeatureUniverse(series, sectors, market.Clean(market.Options.Benchmark));
    }

    private static readonly Lazy<AlphaTrade.Features.Alternative.AltDataSet> SmallAltLazy = new(() =>
    {
        var data = AlphaTrade.Features.Alternative.SyntheticAltData.Generate(Universe(Small), NyseCalendar.Instance, 5);
        return new AlphaTrade.Features.Alternative.AltDataSet(data.Values.SelectMany(v => v), "test-alt");
    });

    /// <summary>Synthetic alternative data for <see cref="Small"/>.</summary>
    public static AlphaTrade.Features.Alternative.AltDataSet SmallAlt => SmallAltLazy.Value;

    public static FeatureSetDefinition DefaultSet() => FeatureSetYaml.Load(Path.Combine(AlphaTrade.Testing.RepoPaths.Root, "config", "features", "default.yaml"));

    /// <summary>Feeds the universe's merged timeline through a live engine and collects every row it produced.</summary>
    public static Dictionary<string, List<(long Time, double[] Row)>> RunLive(FeaturePlan plan, FeatureUniverse u)
    {
        var engine = new LiveFeatureEngine(plan, NyseCalendar.Instance, u.TimeFrame, u.Symbols, u.Sectors);
        var timeline = FeatureBuilder.MergedTimeline(u);
        var cursor = new int[u.Series.Count];
        int bc = 0;
        var rows = u.Symbols.ToDictionary(s => s, _ => new List<(long, double[])>(), StringComparer.Ordinal);
        var bars = new Bar?[u.Series.Count];
        foreach (long t in timeline)
        {
            for (int s = 0; s < u.Series.Count; s++)
            {
                var series = u.Series[s];
                bars[s] = cursor[s] < series.Count && series.Time[cursor[s]] == t ? series[cursor[s]++] : null;
            }

            Bar? b = u.Benchmark is { } bench && bc < bench.Count && bench.Time[bc] == t ? bench[bc++] : null;
            engine.Update(t, bars, b);
            for (int s = 0; s < u.Series.Count; s++)
            {
                if (engine.HasBar(s))
                {
                    rows[u.Symbols[s]].Add((t, engine.Row(s).ToArray()));
                }
            }
        }

        return rows;
    }
}
