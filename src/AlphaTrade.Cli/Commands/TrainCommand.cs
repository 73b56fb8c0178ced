using System.CommandLine;
using System.Globalization;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Data.Universe;
using AlphaTrade.Models;
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
        var model = new Option<string>("--model") { Description = "lightgbm, xgboost, fastforest, fasttree, ensemble (stacking), voting-soft, voting-hard, blending; lstm and transformer (AlphaTrade.Models.Deep) are not wired into train yet.", DefaultValueFactory = _ => "lightgbm" };
        var label = new Option<string>("--label") { Description = "direction:H (classification: up after H bars) or return:H (regression: H-bar log return).", DefaultValueFactory = _ => "direction:4" };
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
            model, label, walk, tune, tuner, space, name, seed, trees, start, end,
        };
        cmd.SetAction(parse =>
        {
            var kind = parse.GetValue(model)!;
            if (kind is "lstm" or "transformer")
            {
                throw new InputException($"--model {kind}: the sequence models (AlphaTrade.Models.Deep) are not wired into train yet; use a tree model or ensemble");
            }

            if (!ModelFactory.Kinds.Contains(kind))
            {
                throw new InputException($"--model: '{kind}' is not a model; expected one of {string.Join(", ", ModelFactory.Kinds)}, lstm, transformer");
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
            var request = MarketDataFactory.Request(ctx, CliParse.Date(parse.GetValue(start), "--start"), CliParse.Date(parse.GetValue(end), "--end"));
            var market = new MarketDataService(NyseCalendar.Instance).Load(request);
            foreach (var n in market.Notices)
            {
                ctx.Notice(n);
            }

            // The built-in feature set stands in until the feature pipeline (issue 7) provides IFeatureMatrixSource.
            IFeatureMatrixSource features = new BasicBarFeatures();
            var data = features.Build(market.Series, labelSpec);
            if (data.RowCount == 0)
            {
                throw new InputException("no rows to train on: the data is shorter than the 64-bar feature warm-up plus the label horizon");
            }

            var modelName = parse.GetValue(name) ?? $"{kind}-{labelSpec.ToString().Replace(':', '-')}";
            var spec = new ModelSpec
            {
                Kind = kind, Task = labelSpec.Task, Seed = parse.GetValue(seed),
                Parameters = new Dictionary<string, double> { ["n_estimators"] = parse.GetValue(trees) },
            };
            ctx.Notice(string.Create(CultureInfo.InvariantCulture,
                $"Training {spec.Kind} on {data.RowCount:N0} rows x {data.FeatureCount} features ({features.Name}) from {market.Series.Count} symbols, label {labelSpec}, {splitter.Describe()}"));
            var registry = new ModelRegistry(ctx.Resolve("models"));
            var outcome = TrainingRun.Run(new TrainRequest
            {
                Data = data, Spec = spec, Splitter = splitter, Name = modelName, Label = labelSpec.ToString(),
                Created = DateTime.UtcNow, TuneTrials = trials, Tuner = tunerName, Space = searchSpace,
                StudyPath = trials > 0 ? Path.Combine(registry.Root, "studies", modelName + ".json") : null,
            }, registry, ctx.Notice);
            ModelsCommand.WriteFolds(ctx.Out, outcome.Model);
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Registered {outcome.Model.Id} ({outcome.Model.Stage.ToString().ToLowerInvariant()}) in {ctx.Display(registry.VersionDir(outcome.Model.Name, outcome.Model.Version))}; walk-forward score {outcome.Evaluation.Score:F4}"));
            return CliApp.ExitOk;
        });
        return cmd;
    }

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
