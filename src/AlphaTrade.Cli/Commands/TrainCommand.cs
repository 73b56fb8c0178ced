using System.CommandLine;
using System.Globalization;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Cli.Optimize;
using AlphaTrade.Cli.Training;
using AlphaTrade.Data.Universe;
using AlphaTrade.Features;
using AlphaTrade.Features.Definition;
using AlphaTrade.Features.Labels;
using LabelSpec = AlphaTrade.Models.Features.LabelSpec;
using AlphaTrade.Features.Storage;
using AlphaTrade.Models;
using AlphaTrade.Models.Deep;
using AlphaTrade.Models.Features;
using AlphaTrade.Models.Registry;
using AlphaTrade.Models.Training;
using AlphaTrade.Models.Tuning;
using AlphaTrade.Models.Validation;

namespace AlphaTrade.Cli.Commands;

/// <summary><c>alphatrade train</c>: tune, evaluate walk-forward and register a model on the configured universe.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext ctx)
    {
        var model = new Option<string>("--model") { Description = "lightgbm, xgboost, fastforest, fasttree, ensemble (stacking), voting-soft, voting-hard, blending, lstm or transformer (TorchSharp, CPU, over windows of the last --seq-length feature vectors per symbol).", DefaultValueFactory = _ => "lightgbm" };
        var label = new Option<string>("--label") { Description = "direction:H (classification: up after H bars), return:H (regression: H-bar log return) or triple-barrier:H (classification: profit-take barrier touched first; the feature set's y_tbH label, whose end times drive purging).", DefaultValueFactory = _ => "direction:4" };
        var featureSet = new Option<string>("--features") { Description = "Feature set: config/features/NAME.yaml through the feature pipeline (default: default), or 'basic' for the 10 built-in bar features.", DefaultValueFactory = _ => "default" };
        var topK = new Option<int>("--top-k") { Description = "Fold backtest: symbols held long and short at each rebalance (0 = a fifth of the symbols, at least 1)." };
        var seqLength = new Option<int>("--seq-length") { Description = "lstm/transformer: feature vectors per window (the last N bars of the symbol, no look-ahead).", DefaultValueFactory = _ => 8 };
        var epochs = new Option<int>("--epochs") { Description = "lstm/transformer: most training epochs (early stopping on the last 10% of each training fold).", DefaultValueFactory = _ => 4 };
        var hidden = new Option<int>("--hidden") { Description = "lstm/transformer: hidden units.", DefaultValueFactory = _ => 16 };
        var param = new Option<string[]>("--param") { Description = "Extra model parameter NAME=VALUE (repeatable), e.g. --param learning_rate=0.05 --param batch_size=128 (see docs/models.md).", Arity = ArgumentArity.ZeroOrMore };
        var rebalance = new Option<int?>("--rebalance") { Description = "Fold backtest: bars between rebalances (default: the label horizon)." };
        var walk = new Option<string>("--walk-forward") { Description = "Validation: expanding:FOLDS, rolling:FOLDS:PERIODS or purged:FOLDS:EMBARGO (purged k-fold).", DefaultValueFactory = _ => "expanding:5" };
        var tune = new Option<int>("--tune") { Description = "Tuning trials on the walk-forward score (0 = none). The study is saved under models/studies/ and resumed when run again." };
        var tuner = new Option<string>("--tuner") { Description = "tpe (tree-structured Parzen estimator) or halving (successive halving; --tune is the number of configurations).", DefaultValueFactory = _ => "tpe" };
        var space = new Option<string?>("--space") { Description = "Search space, e.g. 'learning_rate=log(0.01,0.3);num_leaves=int(8,128)' (default: the model's own)." };
        var name = new Option<string?>("--name") { Description = "Registry name (default: the model kind and label, e.g. lightgbm-direction-4)." };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => 42 };
        var trees = new Option<int>("--trees") { Description = "Boosting rounds / trees.", DefaultValueFactory = _ => 200 };
        var start = new Option<string?>("--start") { Description = "First date of the data (yyyy-MM-dd)." };
        var end = new Option<string?>("--end") { Description = "Last date of the data (yyyy-MM-dd)." };
        var cmd = new Command("train", "Train a model on the configured universe (the sample market when no data is present) with honest walk-forward validation, print per-fold metrics and register it under models/.")
        {
            model, label, featureSet, walk, tune, tuner, space, name, seed, trees, start, end, topK, rebalance, seqLength, epochs, hidden, param,
        };
        DeepSequenceModel.Register();
        cmd.SetAction(parse =>
        {
            var kind = parse.GetValue(model)!;
            var deep = DeepSequenceModel.Kinds.Contains(kind);
            if (!ModelFactory.Kinds.Contains(kind) && !deep)
            {
                throw new InputException($"--model: '{kind}' is not a model; expected one of {string.Join(", ", ModelFactory.Kinds)}, {string.Join(", ", DeepSequenceModel.Kinds)}");
            }

            var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
            if (deep)
            {
                parameters["seq_length"] = Positive(parse.GetValue(seqLength), "--seq-length");
                parameters["epochs"] = Positive(parse.GetValue(epochs), "--epochs");
                parameters["hidden"] = Positive(parse.GetValue(hidden), "--hidden");
            }
            else
            {
                parameters["n_estimators"] = Positive(parse.GetValue(trees), "--trees");
            }

            foreach (var p in parse.GetValue(param) ?? [])
            {
                var kv = p.Split('=', 2);
                if (kv.Length != 2 || kv[0].Length == 0 || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                {
                    throw new InputException($"--param: '{p}' is not NAME=NUMBER");
                }

                parameters[kv[0]] = v;
            }

            var labelSpec = LabelSpec.Parse(parse.GetValue(label)!);
            var splitter = ParseSplitter(parse.GetValue(walk)!);
            var tunerName = parse.GetValue(tuner)!;
            if (tunerName is not ("tpe" or "halving"))
            {
                throw new InputException($"--tuner: '{tunerName}' is not a tuner; expected tpe or halving");
            }

            var trials = parse.GetValue(tune);
            if (trials < 0)
            {
                throw new InputException($"--tune: expected 0 or more trials, got {trials}");
            }

            var searchSpace = parse.GetValue(space) is { } s ? SearchSpace.Parse(s) : null;
            var setName = parse.GetValue(featureSet)!;
            if (setName != "basic")
            {
                if (!FeatureSetYaml.Available(ctx.RootDirectory).Contains(setName))
                {
                    throw new InputException($"--features: '{setName}' is not a feature set; expected basic or one of {string.Join(", ", FeatureSetYaml.Available(ctx.RootDirectory))} (config/features/NAME.yaml)");
                }

                var tb = FeatureSetYaml.LoadNamed(ctx.RootDirectory, setName).Labels.OfType<TripleBarrierLabelSpec>().Select(l => l.Horizon).ToArray();
                if (labelSpec.Kind == LabelKind.TripleBarrier && !tb.Contains(labelSpec.Horizon))
                {
                    throw new InputException($"--label {labelSpec}: feature set {setName} has no triple-barrier label with horizon {labelSpec.Horizon} (it has {(tb.Length == 0 ? "none" : string.Join(", ", tb.Select(x => "y_tb" + x.ToString(CultureInfo.InvariantCulture) + "_label")))}); add one to config/features/{setName}.yaml");
                }
            }

            var request = MarketDataFactory.Request(ctx, CliParse.Date(parse.GetValue(start), "--start"), CliParse.Date(parse.GetValue(end), "--end"));
            var market = new MarketDataService(NyseCalendar.Instance).Load(request);
            foreach (var n in market.Notices)
            {
                ctx.Notice(n);
            }

            IFeatureMatrixSource features;
            string? setId = null;
            if (setName == "basic")
            {
                features = new BasicBarFeatures();
            }
            else
            {
                var sectors = ctx.Config.Universe.Symbols.ToDictionary(x => x.Symbol, x => x.Sector, StringComparer.Ordinal);
                var plan = FeaturesCommand.CompilePlan(ctx, setName, new FeatureUniverse(market.Series, sectors, market.Benchmark));
                var cache = ctx.Config.Settings.Data.Cache ? new FeatureCache(ctx.Resolve(Path.Combine(ctx.Config.Settings.Data.ProcessedDir, "features"))) : null;
                var pipeline = new PipelineFeatureSource(plan, sectors, market.Benchmark, cache);
                features = pipeline;
                setId = pipeline.Name + "@" + pipeline.SetHash;
            }

            var data = features.Build(market.Series, labelSpec);
            if (deep)
            {
                data = SequenceWindows.Window(data, (int)parameters["seq_length"]);
            }

            if (kind is not ("lightgbm" or "xgboost") && !deep)
            {
                var (filled, count) = PipelineFeatureSource.FillMissing(data);
                if (count > 0)
                {
                    ctx.Notice(string.Create(CultureInfo.InvariantCulture,
                        $"{count:N0} missing feature values ({100.0 * count / Math.Max(1, data.Values.LongLength):F2}%) set to 0 for {kind}: ML.NET's FastTree family drops rows with any missing value."));
                }

                data = filled;
            }

            if (data.RowCount == 0)
            {
                throw new InputException($"no rows to train on: the data is shorter than the feature warm-up of {features.Name} plus the label horizon");
            }

            var k = parse.GetValue(topK);
            if (k < 0)
            {
                throw new InputException($"--top-k: expected 0 or more symbols, got {k}");
            }

            var every = parse.GetValue(rebalance) ?? labelSpec.Horizon;
            if (every < 1)
            {
                throw new InputException($"--rebalance: expected 1 or more bars, got {every}");
            }

            var backtest = new FoldBacktest(market.Series, market.TimeFrame, SimulationSettings.From(ctx.Config.Settings), k, every);

            var modelName = parse.GetValue(name) ?? $"{kind}-{labelSpec.ToString().Replace(':', '-')}";
            var spec = new ModelSpec
            {
                Kind = kind, Task = labelSpec.Task, Seed = parse.GetValue(seed),
                Parameters = parameters,
            };
            ctx.Notice(string.Create(CultureInfo.InvariantCulture,
                $"Training {spec.Kind} on {data.RowCount:N0} rows x {(deep ? $"windows of {(int)parameters["seq_length"]} x {features.FeatureNames.Count}" : data.FeatureCount)} features ({features.Name}) from {market.Series.Count} symbols, label {labelSpec}, {splitter.Describe()}"));
            var registry = new ModelRegistry(ctx.Resolve("models"));
            var outcome = TrainingRun.Run(new TrainRequest
            {
                Data = data, Spec = spec, Splitter = splitter, Name = modelName, Label = labelSpec.ToString(),
                Created = DateTime.UtcNow, TuneTrials = trials, Tuner = tunerName, Space = searchSpace,
                StudyPath = trials > 0 ? Path.Combine(registry.Root, "studies", modelName + ".json") : null,
                AugmentEvaluation = e => backtest.Augment(data, e), FeatureSet = setId,
            }, registry, ctx.Notice);
            ModelsCommand.WriteFolds(ctx.Out, outcome.Model);
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Fold backtest (out-of-sample predictions, long top / short bottom {(k == 0 ? "fifth" : k.ToString(CultureInfo.InvariantCulture))}, rebalance every {every} bars, after costs):"));
            foreach (var f in outcome.Evaluation.Folds)
            {
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  fold {f.Fold}: {FoldBacktest.Describe(new FoldTrading(f.Metrics["bt_sharpe"], f.Metrics["bt_return"], f.Metrics["bt_turnover"], f.Metrics["bt_costs"], 0))}"));
            }

            ctx.Out.WriteLine("  total: " + FoldBacktest.Describe(backtest.Total(outcome.Evaluation)));
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Registered {outcome.Model.Id} ({outcome.Model.Stage.ToString().ToLowerInvariant()}) in {ctx.Display(registry.VersionDir(outcome.Model.Name, outcome.Model.Version))}; walk-forward score {outcome.Evaluation.Score:F4}"));
            return CliApp.ExitOk;
        });
        return cmd;
    }

    private static int Positive(int value, string option) => value >= 1 ? value : throw new InputException($"{option}: expected a whole number >= 1, got {value.ToString(CultureInfo.InvariantCulture)}");

    internal static ISplitter ParseSplitter(string text)
    {
        var p = text.Split(':');
        int Int(int i, string what)
        {
            if (p.Length <= i || !int.TryParse(p[i], NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                throw new InputException($"--walk-forward: '{text}' needs a whole number for {what}; expected expanding:FOLDS, rolling:FOLDS:PERIODS or purged:FOLDS:EMBARGO");
            }

            return v;
        }

        return p[0] switch
        {
            "expanding" => new WalkForwardSplitter(Int(1, "FOLDS"), WalkForwardWindow.Expanding),
            "rolling" => new WalkForwardSplitter(Int(1, "FOLDS"), WalkForwardWindow.Rolling, rollingPeriods: Int(2, "PERIODS")),
            "purged" => new PurgedKFoldSplitter(Int(1, "FOLDS"), Int(2, "EMBARGO")),
            _ => throw new InputException($"--walk-forward: '{text}' is not a scheme; expected expanding:FOLDS, rolling:FOLDS:PERIODS or purged:FOLDS:EMBARGO"),
        };
    }
}
