using AlphaTrade.Core;
using AlphaTrade.Core.Market;
using AlphaTrade.Features;
using AlphaTrade.Models.Registry;
using AlphaTrade.Strategies.Framework;
using AlphaTrade.Testing;

namespace AlphaTrade.Strategies.Ml.Tests;

public sealed class MlStrategyTests
{
    private static readonly long Cut = new DateTime(2024, 3, 15, 0, 0, 0, DateTimeKind.Utc).Ticks;

    [Fact]
    public void Model_trained_on_a_planted_signal_makes_the_strategy_go_long_where_predictions_are_high()
    {
        using var dir = new TempDir();
        var plan = MlFixture.Plan();
        var registry = MlFixture.RegistryWithPlantedModel(dir.Path, plan);
        var log = new DecisionLog();
        var (host, strategy) = MlFixture.Host(registry, plan, log);
        MlFixture.Run(MlFixture.Bars(MlFixture.Market), host);

        int planted = plan.Features.Select(f => f.Name).ToList().IndexOf(MlFixture.PlantedFeature);
        var predictions = strategy.Predictions;
        Assert.True(predictions.Count > 1000, $"{predictions.Count} predictions");

        // The model learned the planted rule: P(up) is high exactly where the planted feature is positive.
        double agree = predictions.Count(p => (p.Prediction >= 0.5) == (p.Features[planted] > 0)) / (double)predictions.Count;
        Assert.True(agree > 0.97, $"prediction agrees with the planted signal on {agree:P1} of rows");

        // Long where the prediction is over the threshold, flat elsewhere (no shorts by default).
        var high = predictions.Where(p => p.Prediction >= 0.6).ToList();
        Assert.True(high.Count > 300, $"{high.Count} high predictions");
        Assert.All(high, p => Assert.True(p.Weight > 0));
        Assert.All(predictions.Where(p => p.Prediction < 0.6), p => Assert.Equal(0.0, p.Weight));

        // The host executed long targets.
        Assert.Contains(log.Items, d => d.Weight > 0);
        Assert.DoesNotContain(log.Items, d => d.Weight < 0);
    }

    [Fact]
    public void Live_features_on_the_strategy_path_equal_the_batch_matrix_and_predictions_equal_batch_predictions()
    {
        using var dir = new TempDir();
        var plan = MlFixture.Plan();
        var registry = MlFixture.RegistryWithPlantedModel(dir.Path, plan);
        var (host, strategy) = MlFixture.Host(registry, plan);
        var bars = MlFixture.Bars(MlFixture.Market);
        MlFixture.Run(bars, host);
        var batch = MlFixture.Batch(plan, bars);
        using var model = registry.Load(registry.Get("direction_lgbm@production"), [.. plan.Features.Select(f => f.Name)]);

        var symbols = MlFixture.Universe.Select(s => s.Symbol).Append("SPY").ToArray();
        int f = plan.Features.Count;
        int compared = 0;
        foreach (var p in strategy.Predictions)
        {
            var frame = batch.Frame(symbols[p.SymbolId])!;
            int r = Array.BinarySearch(frame.Time, p.TimeUtcTicks);
            Assert.True(r >= 0, "the batch matrix has the row");
            var expected = new float[f];
            for (int c = 0; c < f; c++)
            {
                expected[c] = frame.Floats(c)[r];
            }

            Assert.Equal(expected, p.Features);
            Assert.Equal(model.Predict(expected, 1)[0], p.Prediction);
            compared++;
        }

        Assert.True(compared > 1000, $"{compared} rows compared");
    }

    [Fact]
    public void Perturbing_every_bar_after_t_leaves_every_decision_up_to_t_unchanged()
    {
        using var dir = new TempDir();
        var plan = MlFixture.Plan();
        var registry = MlFixture.RegistryWithPlantedModel(dir.Path, plan);
        var bars = MlFixture.Bars(MlFixture.Market);
        var perturbed = bars.Select((s, i) => Perturb(s, Cut, 100 + i)).ToList();

        var originalLog = new DecisionLog();
        var (h1, original) = MlFixture.Host(registry, plan, originalLog);
        MlFixture.Run(bars, h1);
        var changedLog = new DecisionLog();
        var (h2, changed) = MlFixture.Host(registry, plan, changedLog);
        MlFixture.Run(perturbed, h2);

        var before = original.Predictions.Where(p => p.TimeUtcTicks < Cut).ToList();
        Assert.NotEmpty(before);
        Assert.Equal(before.Select(p => (p.TimeUtcTicks, p.SymbolId, p.Prediction, p.Weight)), changed.Predictions.Where(p => p.TimeUtcTicks < Cut).Select(p => (p.TimeUtcTicks, p.SymbolId, p.Prediction, p.Weight)));
        Assert.Equal(originalLog.Items.Where(d => d.TimeUtcTicks <= Cut).ToList(), changedLog.Items.Where(d => d.TimeUtcTicks <= Cut).ToList());

        // The perturbation is real: later decisions change.
        Assert.NotEqual(original.Predictions.Where(p => p.TimeUtcTicks >= Cut).Select(p => p.Prediction), changed.Predictions.Where(p => p.TimeUtcTicks >= Cut).Select(p => p.Prediction));
    }

    [Fact]
    public void Regime_gating_outside_the_chosen_regimes_holds_nothing()
    {
        using var dir = new TempDir();
        var plan = MlFixture.Plan();
        var registry = MlFixture.RegistryWithPlantedModel(dir.Path, plan);
        var log = new DecisionLog();

        // rsi_14 centred on 50 lies in (-50, 50): regime 1000 never occurs, so the strategy never trades.
        var rsi = plan.Features.First(x => x.Name.StartsWith("rsi", StringComparison.Ordinal)).Name;
        var (host, strategy) = MlFixture.Host(registry, plan, log, ("regime_feature", rsi), ("regimes", "1000"));
        MlFixture.Run(MlFixture.Bars(MlFixture.Market), host);
        Assert.Empty(strategy.Predictions);
        Assert.DoesNotContain(log.Items, d => d.Weight != 0);
    }

    [Fact]
    public void Missing_model_is_a_one_line_error_naming_it_and_how_to_train_it()
    {
        using var dir = new TempDir();
        var source = new RegistryModelSource(new ModelRegistry(dir.Path), _ => MlFixture.Plan());
        var e = Assert.Throws<InputException>(() => source.Open("direction_lgbm@production", "ml_test"));
        Assert.Contains("direction_lgbm@production", e.Message, StringComparison.Ordinal);
        Assert.Contains("alphatrade train", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Model_whose_features_differ_from_the_pipeline_is_refused_with_one_line()
    {
        using var dir = new TempDir();
        var registry = MlFixture.RegistryWithPlantedModel(dir.Path, MlFixture.Plan());
        var other = FeaturePlan.Compile(new Features.Definition.FeatureSetDefinition("other", "test", new Features.Definition.FeatureSetOptions(),
            [new Features.Technical.ReturnsSpec([1, 2])], []));
        var source = new RegistryModelSource(registry, _ => other);
        var e = Assert.Throws<InputException>(() => source.Open("direction_lgbm@production", "other"));
        Assert.Contains("needs feature set", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    // Every bar starting at or after t is scaled by its own random factor (OHLC together) with a random volume.
    private static BarSeries Perturb(BarSeries s, long fromTicks, int seed)
    {
        var rng = new Random(seed);
        var copy = new BarSeries(s.Symbol, s.TimeFrame, s.Count);
        for (int i = 0; i < s.Count; i++)
        {
            var b = s[i];
            if (b.TimeUtcTicks >= fromTicks)
            {
                double k = 0.9 + (0.2 * rng.NextDouble());
                b = new Bar(b.TimeUtcTicks, b.Open * k, b.High * k, b.Low * k, b.Close * k, Math.Round(b.Volume * (0.5 + rng.NextDouble())));
            }

            copy.Add(b);
        }

        return copy;
    }
}
