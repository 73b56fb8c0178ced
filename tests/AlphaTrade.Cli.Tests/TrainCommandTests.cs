using System.Text.Json;
using AlphaTrade.Cli.Training;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Data.Sample;
using AlphaTrade.Features.Definition;
using LabelSpec = AlphaTrade.Models.Features.LabelSpec;
using AlphaTrade.Features.Labels;
using AlphaTrade.Features.Technical;
using AlphaTrade.Models.Data;
using AlphaTrade.Models.Deep;
using AlphaTrade.Models.Features;
using AlphaTrade.Models.Registry;
using AlphaTrade.Models.Validation;

namespace AlphaTrade.Cli.Tests;

[Collection("training")]
public class TrainCommandTests
{
    private static readonly string[] BacktestMetrics = ["bt_sharpe", "bt_return", "bt_turnover", "bt_costs"];

    [Fact]
    public void Train_wires_every_model_kind_on_the_feature_pipeline_with_a_costed_fold_backtest_recorded_per_fold()
    {
        using var h = new CliHarness(CliHarness.ShortSampleSettings, CliHarness.SmallUniverse);
        var pipeline = FeatureNamesOfDefaultSet(h);
        foreach (var (kind, extra) in new (string, string[])[]
        {
            ("xgboost", ["--trees", "20"]),
            ("fastforest", ["--trees", "20"]),
            ("ensemble", ["--trees", "15"]),
            ("lstm", ["--epochs", "2", "--seq-length", "4", "--hidden", "8"]),
            ("transformer", ["--epochs", "2", "--seq-length", "4", "--hidden", "8"]),
        })
        {
            var r = h.Run(["train", "--model", kind, "--walk-forward", "expanding:2", "--name", kind, .. extra]);
            Assert.True(r.Code == 0, kind + ": " + r.Err);
            Assert.Contains($"Training {kind} on", r.Err, StringComparison.Ordinal);
            Assert.Contains("Fold backtest (out-of-sample predictions", r.Out, StringComparison.Ordinal);
            Assert.Contains("fold 1: Sharpe ", r.Out, StringComparison.Ordinal);
            Assert.Contains("total: Sharpe ", r.Out, StringComparison.Ordinal);
            Assert.Contains("after costs", r.Out, StringComparison.Ordinal);

            var meta = JsonDocument.Parse(File.ReadAllText(h.File($"models/{kind}/v1/metadata.json"))).RootElement;
            var folds = meta.GetProperty("fold_metrics").EnumerateArray().ToArray();
            Assert.Equal(2, folds.Length);
            foreach (var fold in folds)
            {
                var m = fold.GetProperty("metrics");
                Assert.All(BacktestMetrics, k => Assert.True(m.TryGetProperty(k, out _), $"{kind}: fold metrics lack {k}"));
                Assert.True(m.GetProperty("bt_turnover").GetDouble() > 0, $"{kind}: the fold backtest never traded");
                Assert.True(m.GetProperty("bt_costs").GetDouble() > 0, $"{kind}: the fold backtest paid no costs");
                Assert.True(m.TryGetProperty("auc", out _));
            }

            // The model loads only for the feature list it was trained on: the pipeline's (as windows for the sequence models).
            var registry = new ModelRegistry(h.File("models"));
            var stored = registry.Get(kind + ":1");
            IReadOnlyList<string> expected = kind is "lstm" or "transformer" ? SequenceWindows.Names(pipeline, 4) : pipeline;
            Assert.Equal(expected, stored.Features);
            Assert.Equal(Dataset.ComputeFeatureSetHash(expected), stored.FeatureSetHash);
            using (var model = registry.Load(stored, expected))
            {
                Assert.Equal(kind is "ensemble" ? "stacking" : kind, model.Kind);
            }

            var wrong = Assert.Throws<InputException>(() => registry.Load(stored, new BasicBarFeatures().FeatureNames));
            Assert.Contains("needs feature set " + stored.FeatureSetHash, wrong.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Train_learns_forward_return_and_triple_barrier_labels()
    {
        using var h = new CliHarness(CliHarness.ShortSampleSettings, CliHarness.SmallUniverse);
        var ret = h.Run("train", "--model", "lightgbm", "--label", "return:4", "--walk-forward", "purged:3:4", "--trees", "20", "--name", "ret");
        Assert.True(ret.Code == 0, ret.Err);
        Assert.Contains("label return:4, purged k-fold k=3 embargo=4", ret.Err, StringComparison.Ordinal);
        var meta = JsonDocument.Parse(File.ReadAllText(h.File("models/ret/v1/metadata.json"))).RootElement;
        Assert.Equal("regression", meta.GetProperty("task").GetString());
        Assert.True(meta.GetProperty("fold_metrics")[0].GetProperty("metrics").TryGetProperty("rmse", out _));

        var tb = h.Run("train", "--model", "lightgbm", "--label", "triple-barrier:26", "--walk-forward", "expanding:2", "--trees", "20", "--name", "tb");
        Assert.True(tb.Code == 0, tb.Err);
        Assert.Contains("label triple-barrier:26", tb.Err, StringComparison.Ordinal);
        var tbMeta = JsonDocument.Parse(File.ReadAllText(h.File("models/tb/v1/metadata.json"))).RootElement;
        Assert.Equal("triple-barrier:26", tbMeta.GetProperty("label").GetString());
        Assert.Equal("classification", tbMeta.GetProperty("task").GetString());
    }

    [Fact]
    public void Triple_barrier_end_times_from_the_pipeline_drive_purging_and_the_embargo()
    {
        var market = new SampleMarketGenerator(NyseCalendar.Instance).Generate(new SampleMarketOptions
        {
            Seed = 3, Start = new DateOnly(2024, 1, 2), End = new DateOnly(2024, 4, 30),
            Universe = [new("KO", "Consumer Staples"), new("PEP", "Consumer Staples"), new("XOM", "Energy")],
        });
        var series = market.Options.Universe.Select(s => market.Clean(s.Symbol)).ToArray();
        var sectors = market.Options.Universe.ToDictionary(s => s.Symbol, s => s.Sector, StringComparer.Ordinal);
        var set = new FeatureSetDefinition("tb-test", "", new FeatureSetOptions(), [new ReturnsSpec([1, 4, 13])],
            [new TripleBarrierLabelSpec(20, ProfitTake: 1, StopLoss: 1, VolWindow: 40)]);
        var source = new PipelineFeatureSource(AlphaTrade.Features.FeaturePlan.Compile(set), sectors, market.Clean(market.Options.Benchmark), null);
        var data = source.Build(series, LabelSpec.Parse("triple-barrier:20"));
        Assert.True(data.RowCount > 1000);
        Assert.Equal(source.FeatureNames, data.FeatureNames);

        // End times are the barrier touches: many labels end well before the 20-bar time limit, so they vary by row.
        var barIndex = series.ToDictionary(s => s.Symbol, s => s.Time.ToArray(), StringComparer.Ordinal);
        var barsToEnd = Enumerable.Range(0, data.RowCount).Select(r =>
        {
            var t = barIndex[data.Symbols[r]];
            return Array.BinarySearch(t, data.LabelEndTimes[r]) - Array.BinarySearch(t, data.Timestamps[r]);
        }).ToArray();
        Assert.All(barsToEnd, b => Assert.InRange(b, 1, 20));
        Assert.True(barsToEnd.Count(b => b < 20) > data.RowCount / 4, "barrier touches should end many labels early");
        Assert.Contains(1.0, data.Labels);
        Assert.Contains(0.0, data.Labels);

        const int embargo = 7;
        var times = data.Timestamps.Distinct().Order().ToArray();
        var splits = new ISplitter[] { new WalkForwardSplitter(4), new PurgedKFoldSplitter(4, embargo) };
        foreach (var splitter in splits)
        {
            foreach (var fold in splitter.Split(data))
            {
                var train = new HashSet<int>(fold.Train);
                var embargoEnd = times[Math.Min(times.Length - 1, Array.BinarySearch(times, fold.TestEnd) + embargo)];
                var purged = 0;
                for (var r = 0; r < data.RowCount; r++)
                {
                    var start = data.Timestamps[r];
                    var end = data.LabelEndTimes[r];
                    var overlaps = start <= fold.TestEnd && end >= fold.TestStart;
                    if (train.Contains(r))
                    {
                        Assert.False(overlaps, $"{splitter.Describe()} fold {fold.Index}: training row {r} has a label window overlapping the test fold");
                        if (splitter is PurgedKFoldSplitter)
                        {
                            Assert.False(start > fold.TestEnd && start <= embargoEnd, $"fold {fold.Index}: training row {r} is inside the embargo");
                        }
                        else
                        {
                            Assert.True(start < fold.TestStart);
                        }
                    }
                    else if (overlaps && start < fold.TestStart)
                    {
                        purged++;
                    }
                }

                if (fold.Index > 0)
                {
                    Assert.True(purged > 0, $"{splitter.Describe()} fold {fold.Index}: nothing was purged before the test fold");
                }
            }
        }
    }

    private static IReadOnlyList<string> FeatureNamesOfDefaultSet(CliHarness h)
    {
        var list = h.Run("features", "list");
        Assert.Equal(0, list.Code);
        var definition = FeatureSetYaml.LoadNamed(h.Root, "default");
        return AlphaTrade.Features.FeaturePlan.Compile(definition).Features.Select(f => f.Name).ToArray();
    }
}
