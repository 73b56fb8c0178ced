using AlphaTrade.Backtest;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Data.Sample;
using AlphaTrade.Features;
using AlphaTrade.Features.CrossAsset;
using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Technical;
using AlphaTrade.Models;
using AlphaTrade.Models.Data;
using AlphaTrade.Models.Registry;
using AlphaTrade.Strategies.Framework;

namespace AlphaTrade.Strategies.Ml.Tests;

/// <summary>
/// The sample market (five symbols in two sectors plus SPY, January to April 2024, 15-minute bars), a small feature set
/// with symbol, benchmark and cross-sectional families, its batch matrix, and a LightGBM model trained on a planted
/// signal: the label is 1 exactly when the planted feature (the 1-bar return) is positive.
/// </summary>
internal static class MlFixture
{
    public const string PlantedFeature = "ret_1";

    public static readonly SampleSymbol[] Universe =
    [
        new("KO", "Consumer Staples"), new("PEP", "Consumer Staples"), new("PG", "Consumer Staples"),
        new("XOM", "Energy"), new("CVX", "Energy"),
    ];

    private static readonly Lazy<SampleMarket> MarketLazy = new(() => new SampleMarketGenerator(NyseCalendar.Instance).Generate(new SampleMarketOptions
    {
        Seed = 11,
        Start = new DateOnly(2024, 1, 2),
        End = new DateOnly(2024, 4, 30),
        Universe = Universe,
    }));

    public static SampleMarket Market => MarketLazy.Value;

    public static FeatureSetDefinition Set() => new("ml_test", "test", new FeatureSetOptions(),
    [
        new ReturnsSpec([1, 4, 26]),
        new VolScaledReturnsSpec([1, 26], 50),
        new IndicatorSpec("rsi", [new IndicatorParameterValues("period", [14])], [], IndicatorTransform.Center50),
        new BenchmarkSpec([26], [1], [1]),
    ], []);

    public static FeaturePlan Plan() => FeaturePlan.Compile(Set());

    /// <summary>Symbols then the benchmark, as the backtest gets them.</summary>
    public static IReadOnlyList<BarSeries> Bars(SampleMarket market) =>
        [.. Universe.Select(s => market.Clean(s.Symbol)), market.Clean(market.Options.Benchmark)];

    public static IReadOnlyDictionary<string, string> Sectors { get; } =
        Universe.Select(s => (s.Symbol, s.Sector)).Append(("SPY", "Benchmark")).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

    public static FeatureMatrix Batch(FeaturePlan plan, IReadOnlyList<BarSeries> bars)
    {
        var series = bars.Where(b => b.Symbol != "SPY").ToArray();
        var universe = new FeatureUniverse(series, Sectors, bars.Single(b => b.Symbol == "SPY"));
        return new FeatureBuilder(plan, NyseCalendar.Instance).Build(universe, new FeatureBuildOptions { Labels = false, Precision = FeaturePrecision.Float32 });
    }

    /// <summary>The batch rows (all symbols, time order) with the planted label; rows before <paramref name="untilTicks"/> only.</summary>
    public static Dataset PlantedDataset(FeatureMatrix m, long untilTicks)
    {
        int f = m.Features.Count;
        int planted = m.ColumnIndex(PlantedFeature);
        Assert.True(planted >= 0, "the planted feature is in the set");
        var rows = new List<(long Time, string Symbol, float[] X)>();
        foreach (var frame in m.Frames)
        {
            for (int r = 0; r < frame.Rows; r++)
            {
                if (frame.Time[r] >= untilTicks || double.IsNaN(frame[planted, r]))
                {
                    continue;
                }

                var x = new float[f];
                for (int c = 0; c < f; c++)
                {
                    x[c] = frame.Floats(c)[r];
                }

                rows.Add((frame.Time[r], frame.Symbol, x));
            }
        }

        rows.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : string.CompareOrdinal(a.Symbol, b.Symbol));
        var values = rows.SelectMany(r => r.X).ToArray();
        var labels = rows.Select(r => r.X[planted] > 0 ? 1.0 : 0.0).ToArray();
        var ts = rows.Select(r => r.Time).ToArray();
        return new Dataset(values, f, labels, ts, ts, [.. rows.Select(r => r.Symbol)], [.. m.Features.Select(x => x.Name)]);
    }

    /// <summary>Trains the planted-signal model and registers it as <paramref name="name"/>, promoted to production.</summary>
    public static ModelRegistry RegistryWithPlantedModel(string root, FeaturePlan plan, string name = "direction_lgbm")
    {
        var bars = Bars(Market);
        var m = Batch(plan, bars);
        var data = PlantedDataset(m, new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc).Ticks);
        var spec = new ModelSpec { Kind = "lightgbm", Threads = 1, Parameters = new Dictionary<string, double> { ["n_estimators"] = 40, ["num_leaves"] = 7, ["learning_rate"] = 0.2 } };
        using var model = ModelFactory.Create(spec);
        model.Fit(data);
        var registry = new ModelRegistry(root);
        var meta = registry.Register(model, new ModelMetadata
        {
            Name = name, Kind = "lightgbm", Task = ModelTask.Classification, Label = "planted", Created = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc),
            TrainingStart = new DateTime(data.Timestamps[0], DateTimeKind.Utc), TrainingEnd = new DateTime(data.Timestamps[^1], DateTimeKind.Utc),
            Features = data.FeatureNames, FeatureSetHash = data.FeatureSetHash(), DataFingerprint = data.Fingerprint(),
            Parameters = spec.Parameters, Seed = spec.Seed,
        });
        registry.Promote(meta.Id, ModelStage.Production);
        return registry;
    }

    public static (StrategyHost Host, MlStrategy Strategy) Host(ModelRegistry registry, FeaturePlan plan, DecisionLog? log = null, params (string Key, string Value)[] parameters)
    {
        var strategy = new MlStrategy(new RegistryModelSource(registry, _ => plan)) { RecordPredictions = true };
        var given = new List<KeyValuePair<string, string>> { new("model", "direction_lgbm@production"), new("feature_set", "ml_test"), new("warmup_bars", "30"), new("long_threshold", "0.6") };
        given.AddRange(parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));
        var host = new StrategyHost("ml", strategy, new StrategyHostOptions
        {
            Calendar = NyseCalendar.Instance,
            Parameters = StrategyParameters.Bind(MlStrategy.Parameters, given.GroupBy(g => g.Key).Select(g => g.Last())),
            Sectors = Sectors,
            Decisions = log,
        });
        return (host, strategy);
    }

    public static void Run(IReadOnlyList<BarSeries> bars, StrategyHost host) =>
        Backtester.Run(new BacktestSpec { Bars = bars, Calendar = NyseCalendar.Instance, Strategies = [host] });
}
